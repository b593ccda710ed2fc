// The pass verifier of the checkpoint page: the same checks in the same order as the server's PassVerifier
// (docs/passes.md), over the signed trust and revocation lists the page keeps. ES256 signatures are checked with
// WebCrypto; an SM2 pass cannot be checked here and gets UNKNOWN / NEEDS_SERVER, never green.
import { decodeBase45 } from './base45.js';
import { decodeCbor, encodeCborArray } from './cbor.js';
import { isText, decodeText } from './codetext.js';

export const PREFIX = 'GL1:';
export const MAX_LENGTH = 2000;
export const MAX_LIST_AGE_MS = 24 * 3600 * 1000;
const ALGORITHMS = new Map([[-7, 'ES256'], [-65601, 'SM2_SM3']]);
const RESULTS = {
  OK: 'VALID', BAD_PREFIX: 'INVALID', BAD_BASE45: 'INVALID', BAD_STRUCTURE: 'INVALID',
  DISALLOWED_ALGORITHM: 'INVALID', UNKNOWN_KEY: 'INVALID', BAD_SIGNATURE: 'INVALID', BAD_PAYLOAD: 'INVALID',
  REVOKED: 'REVOKED', EXPIRED: 'EXPIRED', NOT_YET_VALID: 'EXPIRED', STALE_LIST: 'UNKNOWN', NEEDS_SERVER: 'UNKNOWN',
  OUTSIDE_ZONES: 'NOT_VALID_HERE'
};

// a jurisdiction code's part shared by its descendants (server: JurisdictionCode.prefix)
function prefix(code) {
  if (code.length === 15) {
    return code;
  }
  return code.endsWith('000000') ? code.substring(0, 6) : code.endsWith('000') ? code.substring(0, 9) : code;
}

const CODE = /^(\d{12}|\d{15})$/;

/** True when a pass for these zones is good at a checkpoint placed at `place` (server: Checkpoint.admits). */
export function admits(place, zones) {
  return zones.filter((z) => CODE.test(z))
    .some((zone) => place.startsWith(prefix(zone)) || zone.startsWith(prefix(place)));
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** First 8 bytes of SHA-256, hex: key ids and the revocation list's pass hashes. */
export async function truncatedHash(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return hex(digest.slice(0, 8));
}

function verdict(reason, claims = null, passHash = null) {
  return { result: RESULTS[reason], reason, claims, passHash };
}

/** Takes a code apart as the server's PassToken.parse does; throws {reason} on failure. */
export function parse(code) {
  // Base45 has no lower-case letters: upper-casing a scanned or typed code loses nothing
  const upper = code.toUpperCase();
  const text = !upper.startsWith(PREFIX) && isText(upper);
  if (code.length > MAX_LENGTH || (!upper.startsWith(PREFIX) && !text)) {
    throw { reason: 'BAD_PREFIX' };
  }
  let cose;
  try {
    cose = text ? decodeText(upper) : decodeBase45(upper.substring(PREFIX.length));
  } catch (e) {
    throw { reason: 'BAD_BASE45' };
  }
  const start = cose.length > 0 && cose[0] === 0xd2 ? 1 : 0;
  if (cose.length <= start || cose[start] !== 0x84) {
    throw { reason: 'BAD_STRUCTURE' };
  }
  try {
    const root = decodeCbor(cose, start);
    if (!Array.isArray(root) || root.length !== 4 || !(root[0] instanceof Uint8Array) || !(root[1] instanceof Map)
        || !(root[2] instanceof Uint8Array) || !(root[3] instanceof Uint8Array)) {
      throw new Error('not a COSE_Sign1 array');
    }
    const header = decodeCbor(root[0]);
    if (!(header instanceof Map) || header.size !== 2 || !Number.isInteger(header.get(1))
        || !(header.get(4) instanceof Uint8Array)) {
      throw new Error('protected header');
    }
    return {
      algorithm: header.get(1), kid: header.get(4), payload: root[2], signature: root[3],
      toBeSigned: encodeCborArray(['Signature1', root[0], new Uint8Array(0), root[2]])
    };
  } catch (e) {
    throw { reason: 'BAD_STRUCTURE' };
  }
}

/** Reads the signed body of a version-1 pass; throws {reason: 'BAD_PAYLOAD'}. */
export function claims(payload) {
  let body;
  try {
    body = decodeCbor(payload);
  } catch (e) {
    throw { reason: 'BAD_PAYLOAD' };
  }
  const isInt = (v) => Number.isInteger(v);
  const isText = (v) => typeof v === 'string';
  if (!(body instanceof Map) || body.get(1) !== 1 || !(body.get(2) instanceof Uint8Array) || body.get(2).length !== 16
      || !isText(body.get(3)) || !isText(body.get(4)) || !Array.isArray(body.get(5)) || !isInt(body.get(6))
      || !isInt(body.get(7)) || !isText(body.get(8)) || !body.get(5).every(isText)
      || (body.get(3) !== 'P' && body.get(3) !== 'V')) {
    throw { reason: 'BAD_PAYLOAD' };
  }
  const id = hex(body.get(2));
  return {
    passId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`,
    idBytes: body.get(2),
    type: body.get(3) === 'P' ? 'PERSON' : 'VEHICLE',
    holder: body.get(4),
    zones: body.get(5),
    validFrom: body.get(6),
    validTo: body.get(7),
    district: body.get(8)
  };
}

/**
 * Verifies a code at a time (ms since the epoch) against checked lists:
 * lists = {keys: Map(kidHex → {alg, cryptoKey}), revoked: Set(hex), issuedAt: epoch s of the older list, or null}.
 * accepted: a Set of algorithm names; place: the jurisdiction code of the checkpoint, if known (a good pass whose
 * zones do not cover it is NOT_VALID_HERE). Answers {result, reason, claims, passHash}.
 */
export async function verify(rawCode, at, lists, accepted, place = null) {
  const code = rawCode.trim();
  const stale = !lists || lists.issuedAt == null || at - lists.issuedAt * 1000 > MAX_LIST_AGE_MS;
  let parsed;
  try {
    parsed = parse(code);
  } catch (e) {
    return verdict(e.reason);
  }
  const algorithm = ALGORITHMS.get(parsed.algorithm);
  if (!algorithm || !accepted.has(algorithm)) {
    return verdict('DISALLOWED_ALGORITHM');
  }
  const key = parsed.kid.length === 8 && lists ? lists.keys.get(hex(parsed.kid)) : undefined;
  if (!key) {
    return verdict(stale ? 'STALE_LIST' : 'UNKNOWN_KEY');
  }
  if (key.alg !== algorithm) {
    return verdict('BAD_SIGNATURE');
  }
  if (algorithm !== 'ES256') {
    return verdict('NEEDS_SERVER');
  }
  let good = false;
  try {
    good = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key.cryptoKey, parsed.signature,
      parsed.toBeSigned);
  } catch (e) {
    good = false;
  }
  if (!good) {
    return verdict('BAD_SIGNATURE');
  }
  let body;
  try {
    body = claims(parsed.payload);
  } catch (e) {
    return verdict(e.reason);
  }
  const passHash = await truncatedHash(body.idBytes);
  if (at >= body.validTo * 1000) {
    return verdict('EXPIRED', body, passHash);
  }
  if (at < body.validFrom * 1000) {
    return verdict('NOT_YET_VALID', body, passHash);
  }
  if (lists.revoked.has(passHash)) {
    return verdict('REVOKED', body, passHash);
  }
  if (stale) {
    return verdict('STALE_LIST', body, passHash);
  }
  if (place && !admits(place, body.zones)) {
    return verdict('OUTSIDE_ZONES', body, passHash);
  }
  return verdict('OK', body, passHash);
}

/** The pass id hash of a code whose signature someone else (the server) checked; null when unreadable. */
export async function passHashOf(rawCode) {
  try {
    return await truncatedHash(claims(parse(rawCode.trim()).payload).idBytes);
  } catch (e) {
    return null;
  }
}
