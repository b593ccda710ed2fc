// The pass code's text form (server: PassCodeText): GL1 + Crockford Base32 of the same bytes as the QR's Base45,
// typed with or without spaces or hyphens, in either case; O reads as 0, I and L as 1.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUES = new Map(Array.from(ALPHABET, (c, i) => [c, i]).concat([['O', 0], ['I', 1], ['L', 1]]));
export const TEXT_PREFIX = 'GL1';

function compact(typed) {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** True when typed text is the text form (GL1 not followed by a colon). */
export function isText(typed) {
  const c = compact(typed);
  return c.startsWith(TEXT_PREFIX) && !c.startsWith(TEXT_PREFIX + ':');
}

/** The bytes of a typed text form; throws on a character outside the alphabet or a dangling one. */
export function decodeText(typed) {
  const body = compact(typed).substring(TEXT_PREFIX.length);
  const out = [];
  let buffer = 0;
  let bits = 0;
  for (const c of body) {
    const v = VALUES.get(c);
    if (v === undefined) {
      throw new Error('Base32: not in the alphabet');
    }
    buffer = ((buffer << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) {
    throw new Error('Base32: a dangling character');
  }
  return new Uint8Array(out);
}
