// The signed trust list (public keys that sign passes) and revocation list, fetched when online, checked here
// (list key id pinned by the page, ES256 signature over the payload bytes with WebCrypto, format, key ids) and kept
// in localStorage with their fetch time, so that verification works with the network cut.
import { truncatedHash } from './verifier.js';

const STORE = { trust: 'gridlink.checkpoint.trust', revoked: 'gridlink.checkpoint.revocations' };
const FORMATS = { trust: 'GL-TRUST-1', revoked: 'GL-REVOKED-1' };

function base64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    out[i] = raw.charCodeAt(i);
  }
  return out;
}

function importEs256(spki) {
  return crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
}

/** Checks a signed list envelope and answers its payload object; throws an Error when anything is wrong. */
export async function open(envelopeText, format, pinnedKid) {
  const root = JSON.parse(envelopeText);
  if (root.alg !== 'ES256') {
    throw new Error('A list must be signed with ES256');
  }
  const spki = base64(root.publicKey || '');
  const kid = await truncatedHash(spki);
  if (kid !== root.kid || (pinnedKid && kid !== pinnedKid.toLowerCase())) {
    throw new Error('The list is signed by key ' + kid + ', not the expected one');
  }
  const body = base64(root.payload || '');
  const good = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await importEs256(spki),
    base64(root.signature || ''), body);
  if (!good) {
    throw new Error("The list's signature does not match");
  }
  const payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  if (payload.format !== format || !Number.isInteger(payload.issuedAt)) {
    throw new Error('Not a ' + format + ' list');
  }
  return payload;
}

async function trustKeys(payload) {
  const keys = new Map();
  for (const key of payload.keys || []) {
    const spki = base64(key.publicKey || '');
    if ((await truncatedHash(spki)) !== key.kid) {
      throw new Error('Key id does not match its key: ' + key.kid);
    }
    if (key.alg === 'ES256') {
      keys.set(key.kid, { alg: 'ES256', cryptoKey: await importEs256(spki) });
    } else if (key.alg === 'SM2_SM3') {
      keys.set(key.kid, { alg: 'SM2_SM3', cryptoKey: null });
    }
  }
  return keys;
}

function stored(which) {
  try {
    return JSON.parse(localStorage.getItem(STORE[which]) || 'null');
  } catch (e) {
    return null;
  }
}

/**
 * The lists as the verifier uses them, from what is stored (checked again: storage is not trusted):
 * {keys, revoked, issuedAt (the older list's), trustIssuedAt, revokedIssuedAt, fetchedAt}; null without both lists.
 */
export async function load(pinnedKid) {
  const trust = stored('trust');
  const revoked = stored('revoked');
  if (!trust || !revoked) {
    return null;
  }
  try {
    const trustPayload = await open(trust.envelope, FORMATS.trust, pinnedKid);
    const revokedPayload = await open(revoked.envelope, FORMATS.revoked, pinnedKid);
    return {
      keys: await trustKeys(trustPayload),
      revoked: new Set(revokedPayload.hashes || []),
      issuedAt: Math.min(trustPayload.issuedAt, revokedPayload.issuedAt),
      trustIssuedAt: trustPayload.issuedAt,
      revokedIssuedAt: revokedPayload.issuedAt,
      fetchedAt: Math.min(trust.fetchedAt, revoked.fetchedAt)
    };
  } catch (e) {
    return null;
  }
}

/**
 * Fetches both lists, checks them and stores them (never an older list over a newer one). Answers true when both
 * were fetched and stored; false when offline or refused.
 */
export async function refresh(urls, pinnedKid) {
  let ok = true;
  for (const which of ['trust', 'revoked']) {
    try {
      const response = await fetch(urls[which], { credentials: 'same-origin', cache: 'no-store',
        headers: { Accept: 'application/json' } });
      if (!response.ok || response.redirected) {
        ok = false;
        continue;
      }
      const envelope = await response.text();
      const payload = await open(envelope, FORMATS[which], pinnedKid);
      if (which === 'trust') {
        await trustKeys(payload);
      }
      const before = stored(which);
      if (before) {
        try {
          const old = JSON.parse(atob(JSON.parse(before.envelope).payload));
          if (old.issuedAt > payload.issuedAt) {
            continue;
          }
        } catch (e) {
          // an unreadable stored list is replaced
        }
      }
      localStorage.setItem(STORE[which], JSON.stringify({ envelope, fetchedAt: Date.now() }));
    } catch (e) {
      ok = false;
    }
  }
  return ok;
}

/** Stores envelopes as if fetched (tests and a device loaded from a file); they are checked on load. */
export function store(which, envelope) {
  localStorage.setItem(STORE[which], JSON.stringify({ envelope, fetchedAt: Date.now() }));
}


