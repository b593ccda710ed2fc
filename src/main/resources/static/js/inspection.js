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
  var queue = window.GlPhoneQueue(root, 'gl-inspection-queue-' + root.getAttribute('data-round'));
  var sending = false;

  function mark(itemId, result, css) {
    var card = root.querySelector('[data-item="' + itemId + '"]');
    if (!card) { return; }
    var state = card.querySelector('.gl-state');
    state.textContent = root.getAttribute('data-label-' + result.toLowerCase()) || result;
    state.className = 'badge gl-state ' + (result === 'FAIL' ? 'gl-badge-overdue' : 'gl-badge-normal');
    card.classList.remove('gl-queued', 'gl-done');
    card.classList.add(css);
  }
  // one request per result (each has its own clientId); the first failure without an answer stops until later
  function flush() {
    var waiting = queue.load();
    if (sending || waiting.length === 0) { return; }
    var next = waiting[0];
    sending = true;
    var body = Object.assign({}, next);
    delete body.itemId;
    queue.sendOne(api, body, next.clientId, function () { mark(next.checkItemId, next.result, 'gl-done'); })
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
      clientId: queue.uuid()
    };
    var fix = field('fix').value.trim();
    var deadline = field('deadline').value;
    // a failed item becomes a hand-off: it is not recorded until the fix and the deadline are given
    if (result === 'FAIL' && (!fix || !deadline)) {
      card.querySelector('details').open = true;
      queue.showError(root.getAttribute('data-need-handoff'));
      (fix ? field('deadline') : field('fix')).focus();
      return;
    }
    if (result === 'FAIL') {
      var unit = field('unit').value;
      record.handOff = unit ? { unitId: Number(unit), fix: fix, deadline: deadline }
        : { jurisdictionCode: record.targetCode, fix: fix, deadline: deadline };
    }
    var photo = field('photo').files[0];
    queue.showError('');
    dataUrl(photo).then(function (url) {
      if (url) { record.photos = [url]; }
      var waiting = queue.load();
      waiting.push(record);
      // a photo too large for the phone's storage: the result goes without it
      try { queue.save(waiting); } catch (err) { delete record.photos; waiting[waiting.length - 1] = record; queue.save(waiting); }
      mark(record.checkItemId, result, 'gl-queued');
      flush();
    });
  });

  queue.load().forEach(function (r) { mark(r.checkItemId, r.result, 'gl-queued'); });
  queue.keepSending(flush);
})();
