// The checkpoint page: a code from a handheld scanner (it types into the field and ends with Enter), from the
// camera where the browser has BarcodeDetector, or typed by hand, verified here with the signed lists (offline) and,
// when the page cannot decide (SM2, an unknown key, a stale list) and the network is up, by the server. Every scan
// goes into the local scan log, uploaded when online.
import { verify, passHashOf } from './verifier.js';
import * as lists from './lists.js';
import * as scans from './scans.js';

const root = document.getElementById('checkpoint-app');
const field = document.getElementById('checkpoint-code');
const form = document.getElementById('checkpoint-form');
const panel = document.getElementById('checkpoint-result');
const select = document.getElementById('checkpoint-select');
const config = root.dataset;
const accepted = new Set(config.accepted.split(',').filter(Boolean));
const csrfToken = document.querySelector('meta[name="_csrf"]');
const csrfHeader = document.querySelector('meta[name="_csrf_header"]');
const csrf = csrfToken && csrfHeader ? { header: csrfHeader.content, token: csrfToken.content } : null;
const urls = { trust: config.trustUrl, revoked: config.revocationsUrl };
const scanUrl = (id) => config.scansUrl.replace('{id}', encodeURIComponent(id));
const zoneNames = readZoneNames();
let current = null;

// district time wherever the device is set: the same clock as every other page
const clock = new Intl.DateTimeFormat('en-CA', {
  timeZone: config.timeZone || 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
});

function readZoneNames() {
  return Object.fromEntries(Array.from(document.querySelectorAll('#checkpoint-zone-names [data-zone]'),
    (el) => [el.dataset.zone, el.textContent]));
}

/** A zone by name: its own, or its community's or street's with the code, or the bare code. */
function zoneLabel(code) {
  if (zoneNames[code]) {
    return zoneNames[code];
  }
  const above = [code.substring(0, 12), code.substring(0, 9) + '000'].find((c) => c !== code && zoneNames[c]);
  return above ? `${zoneNames[above]} · ${code}` : code;
}

/** The jurisdiction code of the chosen checkpoint, or null. */
function place() {
  const option = select && select.selectedOptions[0];
  return option && option.dataset.place ? option.dataset.place : null;
}

function message(key) {
  const el = document.querySelector(`#checkpoint-messages [data-key="${key}"]`);
  return el ? el.textContent : key;
}

function time(epochSeconds) {
  const parts = Object.fromEntries(clock.formatToParts(new Date(epochSeconds * 1000)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function direction() {
  const chosen = document.querySelector('input[name="direction"]:checked');
  return chosen ? chosen.value : 'IN';
}

function show(verdict, verifiedBy) {
  const colour = verdict.result === 'VALID' ? 'text-bg-success'
    : verdict.result === 'UNKNOWN' ? 'text-bg-secondary'
      : verdict.result === 'NOT_VALID_HERE' ? 'text-bg-warning' : 'text-bg-danger';
  const box = document.createElement('div');
  box.id = 'checkpoint-verdict';
  box.className = 'p-4 rounded text-center checkpoint-verdict ' + colour;
  box.dataset.result = verdict.result;
  box.dataset.reason = verdict.reason;
  box.dataset.verifiedBy = verifiedBy;
  const big = document.createElement('div');
  big.className = 'display-6 fw-bold';
  big.textContent = message('result.' + verdict.result);
  const why = document.createElement('div');
  why.textContent = message('reason.' + verdict.reason);
  box.append(big, why);
  const c = verdict.claims;
  if (c) {
    const holder = document.createElement('div');
    holder.className = 'fs-2 mt-2';
    holder.id = 'checkpoint-holder';
    holder.textContent = c.holder;
    const zones = document.createElement('div');
    zones.id = 'checkpoint-zones';
    zones.className = verdict.result === 'NOT_VALID_HERE' ? 'fw-bold mt-1' : 'small text-start';
    zones.textContent = (verdict.result === 'NOT_VALID_HERE' ? message('zones.only') + ' ' : '')
      + c.zones.map(zoneLabel).join('、');
    const details = document.createElement('div');
    details.className = 'small text-start';
    details.textContent = `${message('type.' + c.type)} · ${time(c.validFrom)} – ${time(c.validTo)}`;
    box.append(holder, zones, details);
  }
  const by = document.createElement('div');
  by.className = 'small mt-2 opacity-75';
  by.textContent = message('verifiedBy.' + verifiedBy);
  box.append(by);
  panel.replaceChildren(box);
}

async function askServer(code) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf) {
    headers[csrf.header] = csrf.token;
  }
  const response = await fetch(config.verifyUrl, { method: 'POST', credentials: 'same-origin', headers,
    redirect: 'manual', body: JSON.stringify({ code, checkpointId: select && select.value ? Number(select.value) : null })
  });
  if (!response.ok) {
    throw new Error('server ' + response.status);
  }
  const answer = await response.json();
  (answer.zoneNames || []).forEach((z) => {
    zoneNames[z.code] = z.name;
  });
  const epoch = (v) => (v == null ? null : Math.floor(new Date(v).getTime() / 1000));
  return {
    result: answer.result,
    reason: answer.reason,
    claims: answer.holder == null ? null : {
      type: answer.type, holder: answer.holder, zones: answer.zones || [], validFrom: epoch(answer.validFrom),
      validTo: epoch(answer.validTo)
    },
    passHash: answer.holder == null ? null : await passHashOf(code)
  };
}

/** Verifies a code as the page does (offline first), records the scan and shows the result. */
async function check(code) {
  let verdict = await verify(code, Date.now(), current, accepted, place());
  let verifiedBy = 'DEVICE';
  if ((verdict.result === 'UNKNOWN' || verdict.reason === 'UNKNOWN_KEY') && navigator.onLine) {
    try {
      verdict = await askServer(code.trim());
      verifiedBy = 'SERVER';
      refreshLists();
    } catch (e) {
      // offline after all: the page's own answer stands
    }
  }
  show(verdict, verifiedBy);
  if (select && select.value) {
    scans.record(select.value, direction(), verdict, verifiedBy);
  }
  renderLog();
  upload();
  return verdict;
}

function renderLists() {
  const status = document.getElementById('checkpoint-lists');
  if (!current) {
    status.textContent = message('lists.none');
    status.dataset.state = 'none';
    return;
  }
  const stale = Date.now() - current.issuedAt * 1000 > 24 * 3600 * 1000;
  status.textContent = (stale ? message('lists.stale') : message('lists.fresh')) + ' ' + time(current.issuedAt);
  status.dataset.state = stale ? 'stale' : 'fresh';
  status.className = 'small ' + (stale ? 'text-danger fw-bold' : 'text-body-secondary');
}

function renderLog() {
  const all = scans.all();
  const waiting = scans.pending().length;
  const pending = document.getElementById('checkpoint-pending');
  pending.textContent = message('scans.pending').replace('{0}', String(waiting));
  pending.dataset.count = String(waiting);
  const list = document.getElementById('checkpoint-log');
  list.replaceChildren(...all.slice(-8).reverse().map((s) => {
    const li = document.createElement('li');
    li.className = 'list-group-item d-flex justify-content-between small';
    const left = document.createElement('span');
    left.textContent = `${time(Date.parse(s.scannedAt) / 1000).substring(11)} ${message('direction.' + s.direction)} ${s.holder || ''}`;
    const right = document.createElement('span');
    right.textContent = message('result.' + s.result) + (s.uploaded ? ' ✓' : s.refused ? ' ✗' : ' …');
    li.dataset.state = s.uploaded ? 'uploaded' : s.refused ? 'refused' : 'pending';
    li.append(left, right);
    return li;
  }));
}

async function refreshLists() {
  if (await lists.refresh(urls, config.listKid)) {
    current = await lists.load(config.listKid);
  }
  renderLists();
}

async function upload(everything = false) {
  const outcome = await scans.upload(scanUrl, csrf, everything);
  const note = document.getElementById('checkpoint-signin');
  note.hidden = !(outcome.status === 401 || outcome.status === 403);
  renderLog();
  return outcome;
}

function setUpCamera() {
  const button = document.getElementById('checkpoint-camera');
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
    return;
  }
  button.hidden = false;
  const video = document.getElementById('checkpoint-video');
  let stream = null;
  const stop = () => {
    if (stream) {
      stream.getTracks().forEach((t) => t.stop());
      stream = null;
    }
    video.hidden = true;
  };
  button.addEventListener('click', async () => {
    if (stream) {
      stop();
      return;
    }
    try {
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.hidden = false;
      await video.play();
      const scan = async () => {
        if (!stream) {
          return;
        }
        const found = await detector.detect(video).catch(() => []);
        if (found.length > 0) {
          stop();
          await check(found[0].rawValue);
          field.focus();
          return;
        }
        requestAnimationFrame(scan);
      };
      requestAnimationFrame(scan);
    } catch (e) {
      stop();
    }
  });
}

function setUpOffline() {
  if (!('serviceWorker' in navigator)) {
    return;
  }
  navigator.serviceWorker.register(config.swUrl, { scope: config.swScope }).then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const assets = [location.pathname].concat(
        Array.from(document.querySelectorAll('link[rel="stylesheet"][href], script[src], link[rel="modulepreload"]'),
          (el) => new URL(el.href || el.src, location.href).pathname));
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        document.body.dataset.offlineReady = 'true';
      };
      registration.active.postMessage({ cache: assets }, [channel.port2]);
    })
    .catch((reason) => {
      // without a service worker the page still verifies offline until it is reloaded; it says why (support, tests)
      const text = reason && reason.message ? `${reason.name}: ${reason.message}` : String(reason);
      document.body.dataset.offlineError = text;
      console.error(`GridLink checkpoint: the page is not kept for a reload without a signal (${text})`);
    });
}

function online() {
  const state = document.getElementById('checkpoint-network');
  state.textContent = message(navigator.onLine ? 'network.online' : 'network.offline');
  state.dataset.online = String(navigator.onLine);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = field.value;
  field.value = '';
  field.focus();
  if (code.trim()) {
    await check(code);
  }
});
// a handheld scanner types anywhere: keep the field focused unless the officer is choosing something else
document.addEventListener('click', (event) => {
  if (!event.target.closest('select, input, button, label, a, video')) {
    field.focus();
  }
});
window.addEventListener('online', () => {
  online();
  refreshLists();
  upload();
});
window.addEventListener('offline', online);
setInterval(() => {
  if (navigator.onLine) {
    refreshLists();
    upload();
  } else {
    renderLists();
  }
}, 5 * 60 * 1000);

// for the browser test and for support: the verifier over the page's lists, at a given time
window.gridlinkCheckpoint = {
  verify: (code, at) => verify(code, at == null ? Date.now() : at, current, accepted, place()),
  time,
  check,
  upload,
  lists: () => current
};

(async () => {
  online();
  current = await lists.load(config.listKid);
  renderLists();
  renderLog();
  setUpCamera();
  setUpOffline();
  field.focus();
  if (navigator.onLine) {
    await refreshLists();
    await upload();
  }
  root.dataset.ready = 'true';
})();
