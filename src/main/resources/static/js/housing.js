// Rural housing: the household survey on a phone (#housing-survey). Each survey waits in localStorage with a
// client-made UUID (clientId) and is sent when there is a signal, as the screening and supervision pages do: a survey
// the server already has answers with the stored one, so a resend after a lost answer never records it twice.
// No inline scripts (CSP script-src 'self').
(function () {
  var root = document.getElementById('housing-survey');
  if (!root) { return; }
  var list = document.getElementById('households');
  var api = root.getAttribute('data-api');
  var queue = window.GlPhoneQueue(root, 'gl-housing-survey-' + root.getAttribute('data-project'));
  var sending = false;

  function mark(householdId, css) {
    var card = root.querySelector('[data-household="' + householdId + '"]');
    if (!card) { return; }
    var state = card.querySelector('.gl-state');
    state.textContent = root.getAttribute(css === 'gl-done' ? 'data-done' : 'data-queued');
    state.className = 'badge gl-state ' + (css === 'gl-done' ? 'gl-badge-normal' : 'gl-badge-warning');
  }
  function flush() {
    var waiting = queue.load();
    if (sending || waiting.length === 0) { return; }
    var next = waiting[0];
    sending = true;
    queue.sendOne(api, next, next.clientId, function () { mark(next.householdId, 'gl-done'); })
      .then(function (more) {
        sending = false;
        if (more) { flush(); }
      });
  }

  list && list.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-save]');
    if (!button) { return; }
    var card = button.closest('[data-household]');
    var grade = card.querySelector('[data-field="grade"]:checked');
    var groups = Array.prototype.map.call(card.querySelectorAll('[data-field="group"]:checked'),
      function (c) { return c.value; });
    var record = {
      clientId: queue.uuid(),
      householdId: Number(card.getAttribute('data-household')),
      hasHouse: grade ? grade.value !== 'NONE' : null,
      safetyGrade: grade && grade.value !== 'NONE' ? grade.value : null,
      willingness: card.querySelector('[data-field="willingness"]').value,
      familySize: Number(card.querySelector('[data-field="family"]').value),
      groups: groups,
      specialNeeds: card.querySelector('[data-field="needs"]').value.trim()
    };
    queue.showError('');
    var waiting = queue.load();
    waiting.push(record);
    queue.save(waiting);
    mark(record.householdId, 'gl-queued');
    var details = card.querySelector('details');
    if (details) { details.open = false; }
    flush();
  });

  queue.load().forEach(function (r) { mark(r.householdId, 'gl-queued'); });
  queue.keepSending(flush);
})();
