// The scan log of this device: every scan is kept in localStorage with a UUID made here, and uploaded in batches
// when online to POST /api/v1/checkpoints/{id}/scans, which stores each UUID once: sending a batch again after a
// lost answer adds nothing.
const KEY = 'gridlink.checkpoint.scans';
const BATCH = 100;
const KEEP_UPLOADED = 50;

export function all() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '[]');
  } catch (e) {
    return [];
  }
}

function save(scans) {
  const pending = scans.filter((s) => !s.uploaded);
  const uploaded = scans.filter((s) => s.uploaded).slice(-KEEP_UPLOADED);
  localStorage.setItem(KEY, JSON.stringify(uploaded.concat(pending)
    .sort((a, b) => (a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0))));
}

/** Scans still to upload; a scan the server refused on its own (400) is kept, marked, and not sent again. */
export function pending() {
  return all().filter((s) => !s.uploaded && !s.refused);
}

/** Records one scan and answers it. */
export function record(checkpointId, direction, verdict, verifiedBy) {
  const claims = verdict.claims;
  const scan = {
    clientId: crypto.randomUUID(),
    checkpointId,
    scannedAt: new Date().toISOString(),
    direction,
    result: verdict.result,
    reason: verdict.reason,
    type: claims ? claims.type : null,
    holder: claims ? claims.holder : null,
    passHash: verdict.passHash || null,
    verifiedBy,
    uploaded: false
  };
  const scans = all();
  scans.push(scan);
  save(scans);
  return scan;
}

let running = null;

/**
 * Uploads the pending scans (or, with everything = true, all kept scans again), per checkpoint in batches.
 * Answers {stored, duplicates, failed, refused, status}; status is the HTTP status of a failed batch (401/403: sign
 * in again); refused counts scans the server will never take (400), which stay on the device marked as refused.
 */
export function upload(urlOf, csrf, everything = false) {
  if (running) {
    return running;
  }
  running = doUpload(urlOf, csrf, everything).finally(() => {
    running = null;
  });
  return running;
}

async function doUpload(urlOf, csrf, everything) {
  const outcome = { stored: 0, duplicates: 0, failed: 0, refused: 0, status: 0 };
  const chosen = everything ? all().filter((s) => !s.refused) : pending();
  const byCheckpoint = new Map();
  for (const scan of chosen) {
    if (!byCheckpoint.has(scan.checkpointId)) {
      byCheckpoint.set(scan.checkpointId, []);
    }
    byCheckpoint.get(scan.checkpointId).push(scan);
  }
  for (const [checkpointId, scans] of byCheckpoint) {
    const batches = [];
    for (let i = 0; i < scans.length; i += BATCH) {
      batches.push(scans.slice(i, i + BATCH));
    }
    while (batches.length > 0) {
      const batch = batches.shift();
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (csrf && csrf.header) {
        headers[csrf.header] = csrf.token;
      }
      let response;
      try {
        response = await fetch(urlOf(checkpointId), {
          method: 'POST', credentials: 'same-origin', headers, redirect: 'manual',
          body: JSON.stringify({
            scans: batch.map((s) => ({
              clientId: s.clientId, scannedAt: s.scannedAt, direction: s.direction, result: s.result,
              reason: s.reason, type: s.type, holder: s.holder, passHash: s.passHash, verifiedBy: s.verifiedBy
            }))
          })
        });
      } catch (e) {
        outcome.failed += batch.length;
        return outcome;
      }
      if (response.status === 400 && !everything) {
        // the server checks a whole batch before storing any: find the scan it refuses by sending them one by one
        if (batch.length > 1) {
          batch.forEach((s) => batches.push([s]));
        } else {
          outcome.refused += 1;
          save(all().map((s) => (s.clientId === batch[0].clientId ? Object.assign(s, { refused: true }) : s)));
        }
        continue;
      }
      if (!response.ok) {
        outcome.failed += batch.length;
        outcome.status = response.status || 401;
        continue;
      }
      const answer = await response.json();
      outcome.stored += answer.stored;
      outcome.duplicates += answer.duplicates;
      const done = new Set(batch.map((s) => s.clientId));
      save(all().map((s) => (done.has(s.clientId) ? Object.assign(s, { uploaded: true }) : s)));
    }
  }
  return outcome;
}
