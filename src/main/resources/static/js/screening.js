// Screening phone page: records are queued in localStorage with a client-made UUID, then sent in batches; a record
// the server already has comes back as DUPLICATE, so resending after a lost answer never counts twice.
(function () {
  var root = document.getElementById('screening-work');
  if (!root) { return; }
  var api = root.getAttribute('data-api');
  var queue = window.GlPhoneQueue(root, 'gl-screening-queue-' + root.getAttribute('data-campaign'));
  var sending = false;

  function card(householdId) {
    return root.querySelector('[data-household="' + householdId + '"]');
  }
  function mark(householdId, outcome, css) {
    var c = card(householdId);
    if (!c) { return; }
    c.classList.remove('gl-queued', 'gl-done', 'gl-rejected', 'gl-open');
    if (css) { c.classList.add(css); }
    var state = c.querySelector('.gl-state');
    if (outcome && state) {
      state.textContent = root.getAttribute('data-label-' + outcome.toLowerCase()) || outcome;
      state.className = 'badge gl-state ' + (outcome === 'EXCEPTION' ? 'gl-badge-overdue' : 'gl-badge-normal');
    }
    c.querySelectorAll('form.gl-form').forEach(function (f) { f.classList.add('d-none'); });
    var reopen = c.querySelector('[data-reopen]');
    if (reopen) { reopen.setAttribute('aria-expanded', 'false'); }
    var done = document.getElementById('done-count');
    if (done) { done.textContent = root.querySelectorAll('.gl-household.gl-done').length; }
  }
  // A new person was recorded: the household is to be screened again, with everyone in it (the server's rule).
  function rescreen(householdId) {
    mark(householdId, null, null);
    var c = card(householdId);
    if (!c) { return; }
    var state = c.querySelector('.gl-state');
    if (state) {
      state.textContent = root.getAttribute('data-label-none');
      state.className = 'badge gl-state text-bg-light border';
    }
    var note = c.querySelector('.gl-household-note');
    if (note) {
      note.textContent = root.getAttribute('data-added');
      note.classList.remove('d-none');
    }
  }
  function clearHouseholdError(c) {
    var box = c.querySelector('.gl-household-error');
    if (box) { box.textContent = ''; box.classList.add('d-none'); }
    c.querySelectorAll('.is-invalid').forEach(function (f) { f.classList.remove('is-invalid'); });
  }
  // The problem is shown at its household (not at the top of a long page): the form is opened again with what was
  // typed, the page scrolls to it and the field to correct gets the focus.
  function householdError(householdId, text, record, fieldName) {
    var c = card(householdId);
    if (!c) { queue.showError(text); return; }
    clearHouseholdError(c);
    c.classList.add('gl-open');
    var box = c.querySelector('.gl-household-error');
    box.textContent = text || '';
    box.classList.remove('d-none');
    var focus = null;
    if (record && record.outcome === 'NEW_PERSON' && record.newPerson) {
      var form = c.querySelector('form[data-kind="newperson"]');
      c.querySelectorAll('form.gl-form').forEach(function (f) { f.classList.toggle('d-none', f !== form); });
      ['name', 'idNumber', 'phone'].forEach(function (name) {
        var input = form.querySelector('[data-field="' + name + '"]');
        if (input && record.newPerson[name] != null) { input.value = record.newPerson[name]; }
      });
      focus = form.querySelector('[data-field="' + (fieldName || 'idNumber') + '"]');
      if (focus) { focus.classList.add('is-invalid'); }
    }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, '', '#' + c.id);
    }
    c.scrollIntoView({ block: 'center' });
    if (focus) { focus.focus({ preventScroll: true }); }
  }
  // The ID number's own checks (as the server's IdNumber): length, digits, birth date, check digit.
  function idProblem(raw) {
    var v = (raw || '').replace(/[\uFF01-\uFF5E]/g, function (ch) { return String.fromCharCode(ch.charCodeAt(0) - 0xFEE0); })
      .replace(/[\s\u3000\u00A0\uFEFF-]/g, '').replace(/x/g, 'X');
    if (v === '') { return 'empty'; }
    if (v.length !== 18) { return 'length'; }
    if (!/^\d{17}[\dX]$/.test(v)) { return 'characters'; }
    var y = Number(v.substring(6, 10)), m = Number(v.substring(10, 12)), d = Number(v.substring(12, 14));
    var date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1880 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d
      || date.getTime() > Date.now()) { return 'birth_date'; }
    var weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += Number(v.charAt(i)) * weights[i]; }
    return '10X98765432'.charAt(sum % 11) === v.charAt(17) ? null : 'check_digit';
  }
  function enqueue(record) {
    record.clientId = queue.uuid();
    var waiting = queue.load();
    waiting.push(record);
    queue.save(waiting);
    var c = card(record.householdId);
    if (c) { clearHouseholdError(c); }
    mark(record.householdId, record.outcome === 'NEW_PERSON' ? null : record.outcome, 'gl-queued');
    flush();
  }
  function flush() {
    var waiting = queue.load();
    if (sending || waiting.length === 0) { return; }
    var batch = waiting.slice(0, 500);
    sending = true;
    var more = false;
    queue.post(api, batch)
      .then(function (response) {
        queue.online(true);
        if (response.ok) {
          return response.json().then(function (body) {
            var settled = {};
            body.results.forEach(function (r) {
              settled[r.clientId] = true;
              var sent = batch.filter(function (b) { return b.clientId === r.clientId; })[0];
              if (!sent) { return; }
              if (r.status === 'REJECTED') {
                mark(sent.householdId, null, 'gl-rejected');
                householdError(sent.householdId, r.message, sent);
              } else if (sent.outcome === 'NEW_PERSON') {
                rescreen(sent.householdId);
              } else {
                mark(sent.householdId, sent.outcome === 'NEW_PERSON' ? null : sent.outcome,
                  sent.outcome === 'UNREACHABLE' || sent.outcome === 'NEW_PERSON' ? 'gl-queued' : 'gl-done');
              }
            });
            queue.drop(function (id) { return settled[id]; });
            more = queue.load().length > 0;
          });
        }
        if (response.status === 400 || response.status === 403 || response.status === 404) {
          // refused as a whole and would be refused again: drop the batch, say why
          return response.json().catch(function () { return {}; }).then(function (body) {
            var ids = {};
            batch.forEach(function (b) { ids[b.clientId] = true; mark(b.householdId, null, 'gl-rejected'); });
            queue.drop(function (id) { return ids[id]; });
            if (batch.length === 1) {
              householdError(batch[0].householdId, body.message || String(response.status), batch[0]);
            } else {
              queue.showError(body.message || String(response.status));
            }
          });
        }
        throw new Error('retry later: ' + response.status);
      })
      .catch(function () { queue.online(false); })
      .then(function () {
        sending = false;
        if (more) { flush(); }
      });
  }

  root.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button || !root.contains(button)) { return; }
    var c = button.closest('[data-household]');
    if (!c) { return; }
    var householdId = Number(c.getAttribute('data-household'));
    if (button.hasAttribute('data-outcome')) {
      enqueue({ householdId: householdId, outcome: button.getAttribute('data-outcome') });
    } else if (button.hasAttribute('data-open')) {
      c.querySelectorAll('form.gl-form').forEach(function (f) {
        f.classList.toggle('d-none', f.getAttribute('data-kind') !== button.getAttribute('data-open'));
      });
    } else if (button.hasAttribute('data-close')) {
      button.closest('form').classList.add('d-none');
      clearHouseholdError(c);
    } else if (button.hasAttribute('data-reopen')) {
      var open = c.classList.toggle('gl-open');
      button.setAttribute('aria-expanded', String(open));
    }
  });

  root.addEventListener('submit', function (e) {
    var form = e.target;
    var c = form.closest('[data-household]');
    if (!c || !form.classList.contains('gl-form')) { return; }
    e.preventDefault();
    var householdId = Number(c.getAttribute('data-household'));
    if (form.getAttribute('data-kind') === 'exception') {
      var persons = [];
      form.querySelectorAll('[data-resident]').forEach(function (set) {
        var p = { residentId: Number(set.getAttribute('data-resident')) };
        var filled = false;
        var t = set.querySelector('[data-field="temperature"]');
        if (t && t.value !== '') { p.temperature = Number(t.value); filled = true; }
        var symptoms = [];
        set.querySelectorAll('[data-field="symptom"]:checked').forEach(function (s) { symptoms.push(s.value); });
        if (symptoms.length) { p.symptoms = symptoms; filled = true; }
        var travel = set.querySelector('[data-field="travel"]');
        if (travel && travel.checked) { p.travel = true; filled = true; }
        var contact = set.querySelector('[data-field="contact"]');
        if (contact && contact.checked) { p.contact = true; filled = true; }
        var note = set.querySelector('[data-field="note"]');
        if (note && note.value.trim() !== '') { p.note = note.value.trim(); filled = true; }
        if (filled) { persons.push(p); }
      });
      if (!form.checkValidity() || persons.length === 0) {
        form.reportValidity();
        var first = form.querySelector('input');
        if (first) { first.focus(); }
        return;
      }
      enqueue({ householdId: householdId, outcome: 'EXCEPTION', persons: persons });
    } else {
      var field = function (name) { var f = form.querySelector('[data-field="' + name + '"]'); return f ? f.value.trim() : ''; };
      var typed = { name: field('name'), idNumber: field('idNumber'), phone: field('phone') || null };
      var draft = { outcome: 'NEW_PERSON', newPerson: typed };
      if (!typed.name || typed.name.length > 50) {
        householdError(householdId, root.getAttribute('data-name-invalid'), draft, 'name');
        return;
      }
      var problem = idProblem(typed.idNumber);
      if (problem) {
        householdError(householdId, root.getAttribute('data-id-' + problem), draft, 'idNumber');
        return;
      }
      enqueue({ householdId: householdId, outcome: 'NEW_PERSON', newPerson: typed });
      form.reset();
    }
  });

  var picker = document.querySelector('[data-gl-autosubmit]');
  if (picker) {
    picker.addEventListener('change', function () { picker.form.submit(); });
  }
  queue.load().forEach(function (r) { if (r.outcome !== 'NEW_PERSON') { mark(r.householdId, r.outcome, 'gl-queued'); } });
  queue.keepSending(flush);
})();
