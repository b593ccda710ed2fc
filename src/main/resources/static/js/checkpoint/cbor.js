// A minimal CBOR (RFC 8949) decoder and encoder for the structures of pass codes: integers, byte and text strings,
// arrays, maps, tags and simple values, definite lengths only. Byte strings decode to Uint8Array, maps to Map,
// tags to {tag, value}.

export class CborTag {
  constructor(tag, value) {
    this.tag = tag;
    this.value = value;
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function readLength(bytes, pos, info) {
  if (info < 24) {
    return [info, pos];
  }
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
  if (size === 0) {
    throw new Error('CBOR: indefinite or reserved length');
  }
  if (pos + size > bytes.length) {
    throw new Error('CBOR: truncated');
  }
  let n = 0;
  for (let i = 0; i < size; i++) {
    n = n * 256 + bytes[pos + i];
  }
  if (!Number.isSafeInteger(n)) {
    throw new Error('CBOR: number too large');
  }
  return [n, pos + size];
}

function item(bytes, pos, depth) {
  if (depth > 16) {
    throw new Error('CBOR: nested too deeply');
  }
  if (pos >= bytes.length) {
    throw new Error('CBOR: truncated');
  }
  const major = bytes[pos] >> 5;
  const info = bytes[pos] & 0x1f;
  pos++;
  if (major === 7) {
    if (info === 20) return [false, pos];
    if (info === 21) return [true, pos];
    if (info === 22) return [null, pos];
    if (info === 23) return [undefined, pos];
    throw new Error('CBOR: unsupported simple value or float');
  }
  let n;
  [n, pos] = readLength(bytes, pos, info);
  switch (major) {
    case 0:
      return [n, pos];
    case 1:
      return [-1 - n, pos];
    case 2:
    case 3: {
      if (pos + n > bytes.length) {
        throw new Error('CBOR: truncated string');
      }
      const slice = bytes.slice(pos, pos + n);
      return [major === 2 ? slice : UTF8.decode(slice), pos + n];
    }
    case 4: {
      const array = [];
      for (let i = 0; i < n; i++) {
        let v;
        [v, pos] = item(bytes, pos, depth + 1);
        array.push(v);
      }
      return [array, pos];
    }
    case 5: {
      const map = new Map();
      for (let i = 0; i < n; i++) {
        let k;
        let v;
        [k, pos] = item(bytes, pos, depth + 1);
        if (typeof k !== 'number' && typeof k !== 'string') {
          throw new Error('CBOR: unsupported map key');
        }
        [v, pos] = item(bytes, pos, depth + 1);
        map.set(k, v);
      }
      return [map, pos];
    }
    default: {
      let v;
      [v, pos] = item(bytes, pos, depth + 1);
      return [new CborTag(n, v), pos];
    }
  }
}

/** Decodes exactly one item filling the whole input; trailing bytes are an error. */
export function decodeCbor(bytes, start = 0) {
  const [value, end] = item(bytes, start, 0);
  if (end !== bytes.length) {
    throw new Error('CBOR: trailing bytes');
  }
  return value;
}

function head(major, n) {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Encodes an array of byte strings (Uint8Array) and text strings: enough for the COSE Sig_structure. */
export function encodeCborArray(items) {
  const parts = [Uint8Array.from(head(4, items.length))];
  for (const it of items) {
    const bytes = typeof it === 'string' ? new TextEncoder().encode(it) : it;
    parts.push(Uint8Array.from(head(typeof it === 'string' ? 3 : 2, bytes.length)), bytes);
  }
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
