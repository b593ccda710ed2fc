// The site manager's phone page (#construction-report): a daily report or a problem is queued in localStorage with a
// client-made UUID (clientId) and sent when there is a signal, as the screening page does; the server answers a
// resent record with the first answer, so a lost answer never reports twice nor opens a second case.
// No inline scripts (CSP script-src 'self').
(function () {
  var picker = document.querySelector('#construction-report [data-gl-autosubmit]');
  if (picker) { picker.addEventListener('change', function () { picker.form.submit(); }); }
  var root = document.getElementById('construction-report');
  if (!root) { return; }
  var queue = window.GlPhoneQueue(root, 'gl-construction-queue');
  var done = document.getElementById('send-done');
  var sending = false;

  function dataUrl(file) {
    return new Promise(function (resolve, reject) {
      if (!file) { resolve(null); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }
  function say(text) {
    done.textContent = text;
    done.classList.toggle('d-none', !text);
  }
  function flush() {
    var waiting = queue.load();
    if (sending || waiting.length === 0) { return; }
    var next = waiting[0];
    sending = true;
    queue.sendOne(next.url, next.body, next.clientId, function () { say(root.getAttribute('data-sent')); })
      .then(function (more) {
        sending = false;
        if (more) { flush(); }
      });
  }
  function number(value) { return value === '' ? null : Number(value); }
  function enqueue(url, body) {
    var waiting = queue.load();
    waiting.push({ clientId: body.clientId, url: url, body: body });
    try { queue.save(waiting); } catch (err) {
      delete body.photos;
      waiting[waiting.length - 1] = { clientId: body.clientId, url: url, body: body };
      queue.save(waiting);
    }
    say(root.getAttribute('data-queued'));
    flush();
  }

  var report = document.getElementById('report-form');
  report.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!report.reportValidity()) { return; }
    queue.showError('');
    var f = report.elements;
    var body = {
      clientId: queue.uuid(),
      building: number(f.building.value),
      percent: number(f.percent.value),
      workers: number(f.workers.value),
      note: f.note.value.trim(),
      reached: f.reached.value || null
    };
    dataUrl(f.photo.files[0]).then(function (url) {
      if (url) { body.photos = [url]; }
      enqueue(root.getAttribute('data-report-api'), body);
      report.reset();
    });
  });

  var problem = document.getElementById('problem-form');
  problem.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!problem.reportValidity()) { return; }
    queue.showError('');
    var f = problem.elements;
    enqueue(root.getAttribute('data-problem-api'), {
      clientId: queue.uuid(),
      kind: f.kind.value,
      building: number(f.building.value),
      description: f.description.value.trim()
    });
    problem.reset();
  });

  queue.keepSending(flush);
})();
