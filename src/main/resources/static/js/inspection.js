// Supervision pages. The on-site page (#inspection-work) queues each result in localStorage with a client-made UUID
// (clientId) and sends the queue when there is a signal, as the screening page does: a result the server already has
// answers with the same result and case, so a phone that resends after a lost answer never hands off twice.
// The verification form on a round's page reads its photo into a data URL before it is sent.
// No inline scripts (CSP script-src 'self').
(function () {
  function dataUrl(file) {
    return new Promise(function (resolve, reject) {
      if (!file) { resolve(null); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }

  document.querySelectorAll('form.gl-verify').forEach(function (form) {
    var input = form.querySelector('.gl-photo');
    var hidden = form.querySelector('.gl-photo-data');
    if (input && hidden) {
      input.addEventListener('change', function () {
        dataUrl(input.files[0]).then(function (url) { hidden.value = url || ''; });
      });
    }
  });

  var picker = document.querySelector('[data-gl-autosubmit]');
  if (picker) { picker.addEventListener('change', function () { picker.form.submit(); }); }

  var root = document.getElementById('inspection-work');
  if (!root) { return; }
  var list = document.getElementById('items');
  var api = root.getAttribute('data-api');
  var key = 'gl-inspection-queue-' + root.getAttribute('data-round');
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var badgeEl = document.getElementById('queue-badge');
  var offlineEl = document.getElementById('offline-note');
  var errorEl = document.getElementById('send-error');
  var sending = false;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function save(queue) {
    window.localStorage.setItem(key, JSON.stringify(queue));
    badge();
  }
  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      try { return window.crypto.randomUUID(); } catch (e) { /* not a secure context: below */ }
    }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }
  function badge() {
    var n = load().length;
    badgeEl.textContent = root.getAttribute('data-waiting').replace('{0}', n);
    badgeEl.classList.toggle('d-none', n === 0);
  }
  function mark(itemId, result, css) {
    var card = root.querySelector('[data-item="' + itemId + '"]');
    if (!card) { return; }
    var state = card.querySelector('.gl-state');
    state.textContent = root.getAttribute('data-label-' + result.toLowerCase()) || result;
    state.className = 'badge gl-state ' + (result === 'FAIL' ? 'gl-badge-overdue' : 'gl-badge-normal');
    card.classList.remove('gl-queued', 'gl-done');
    card.classList.add(css);
  }
  function showError(text) {
    errorEl.textContent = text || '';
    errorEl.classList.toggle('d-none', !text);
  }
  // one request per result (each has its own clientId); the first failure without an answer stops until later
  function flush() {
    var queue = load();
    if (sending || queue.length === 0) { return; }
    var next = queue[0];
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (tokenMeta && headerMeta) { headers[headerMeta.content] = tokenMeta.content; }
    sending = true;
    var body = Object.assign({}, next);
    delete body.itemId;
    fetch(api, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) {
        offlineEl.classList.add('d-none');
        if (response.ok) {
          mark(next.checkItemId, next.result, 'gl-done');
          save(load().filter(function (r) { return r.clientId !== next.clientId; }));
          return true;
        }
        if (response.status === 400 || response.status === 403 || response.status === 404 || response.status === 409) {
          // refused and would be refused again: drop it and say why
          return response.json().catch(function () { return {}; }).then(function (b) {
            save(load().filter(function (r) { return r.clientId !== next.clientId; }));
            showError(b.message || String(response.status));
            return true;
          });
        }
        throw new Error('retry later: ' + response.status);
      })
      .catch(function () { offlineEl.classList.remove('d-none'); return false; })
      .then(function (more) {
        sending = false;
        if (more) { flush(); }
      });
  }

  list && list.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-result]');
    if (!button) { return; }
    var card = button.closest('[data-item]');
    var field = function (name) { var f = card.querySelector('[data-field="' + name + '"]'); return f ? f : null; };
    var result = button.getAttribute('data-result');
    var record = {
      targetCode: list.getAttribute('data-target'),
      checkItemId: Number(card.getAttribute('data-item')),
      result: result,
      note: field('note').value.trim(),
      clientId: uuid()
    };
    var fix = field('fix').value.trim();
    var deadline = field('deadline').value;
    if (result === 'FAIL' && fix && deadline) {
      var unit = field('unit').value;
      record.handOff = unit ? { unitId: Number(unit), fix: fix, deadline: deadline }
        : { jurisdictionCode: record.targetCode, fix: fix, deadline: deadline };
    }
    var photo = field('photo').files[0];
    showError('');
    dataUrl(photo).then(function (url) {
      if (url) { record.photos = [url]; }
      var queue = load();
      queue.push(record);
      try { save(queue); } catch (err) { delete record.photos; queue[queue.length - 1] = record; save(queue); }
      mark(record.checkItemId, result, 'gl-queued');
      flush();
    });
  });

  load().forEach(function (r) { mark(r.checkItemId, r.result, 'gl-queued'); });
  badge();
  window.addEventListener('online', flush);
  window.setInterval(flush, 15000);
  flush();
})();
