// Base45 (RFC 9285), decoding only, as strict as the server's: a character outside the alphabet, a dangling single
// character or a group whose value overflows is refused.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function value(text, i) {
  const v = ALPHABET.indexOf(text.charAt(i));
  if (v < 0) {
    throw new Error('Base45: not in the alphabet');
  }
  return v;
}

export function decodeBase45(text) {
  if (text.length % 3 === 1) {
    throw new Error('Base45: a dangling character');
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < text.length; i += 3) {
    const n = value(text, i) + value(text, i + 1) * 45 + value(text, i + 2) * 2025;
    if (n > 0xffff) {
      throw new Error('Base45: a group above 65535');
    }
    out[o++] = n >> 8;
    out[o++] = n & 0xff;
  }
  if (i < text.length) {
    const n = value(text, i) + value(text, i + 1) * 45;
    if (n > 0xff) {
      throw new Error('Base45: a last group above 255');
    }
    out[o++] = n;
  }
  return out;
}
