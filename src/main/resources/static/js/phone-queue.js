// The queue of a phone page that works offline (screening, supervision on site): records wait in localStorage under
// one key, each with a client-made UUID (clientId) so that the server can tell a resend from a new record; the page
// shows how many wait (#queue-badge), that there is no signal (#offline-note) and a refusal (#send-error).
// No inline scripts (CSP script-src 'self').
window.GlPhoneQueue = function (root, key) {
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var badgeEl = document.getElementById('queue-badge');
  var offlineEl = document.getElementById('offline-note');
  var errorEl = document.getElementById('send-error');

  function load() {
    try { return JSON.parse(window.localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function badge() {
    var n = load().length;
    badgeEl.textContent = root.getAttribute('data-waiting').replace('{0}', n);
    badgeEl.classList.toggle('d-none', n === 0);
  }
  function save(queue) {
    window.localStorage.setItem(key, JSON.stringify(queue));
    badge();
  }
  return {
    load: load,
    save: save,
    badge: badge,
    // drops the records whose clientId the predicate names
    drop: function (settled) {
      save(load().filter(function (r) { return !settled(r.clientId); }));
    },
    uuid: function () {
      if (window.crypto && window.crypto.randomUUID) {
        try { return window.crypto.randomUUID(); } catch (e) { /* not a secure context: below */ }
      }
      var b = window.crypto.getRandomValues(new Uint8Array(16));
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
      return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
        + '-' + h.substring(20);
    },
    // a JSON POST with the CSRF header of the page
    post: function (url, body) {
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      if (tokenMeta && headerMeta) { headers[headerMeta.content] = tokenMeta.content; }
      return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body), credentials: 'same-origin' });
    },
    // sends one waiting record (its clientId) and settles it: accepted, it leaves the queue and onAccepted runs;
    // refused for good (400, 403, 404, 409), it leaves the queue and the server's reason is shown; any other answer
    // or no answer keeps it for a later try. Resolves true when the next record may go at once.
    sendOne: function (url, body, clientId, onAccepted) {
      var self = this;
      var sent = function (id) { return id === clientId; };
      return self.post(url, body)
        .then(function (response) {
          self.online(true);
          if (response.ok) {
            self.drop(sent);
            onAccepted();
            return true;
          }
          if (response.status === 400 || response.status === 403 || response.status === 404 || response.status === 409) {
            return response.json().catch(function () { return {}; }).then(function (b) {
              self.drop(sent);
              self.showError(b.message || String(response.status));
              return true;
            });
          }
          throw new Error('retry later: ' + response.status);
        })
        .catch(function () { self.online(false); return false; });
    },
    online: function (yes) { offlineEl.classList.toggle('d-none', yes); },
    showError: function (text) {
      errorEl.textContent = text || '';
      errorEl.classList.toggle('d-none', !text);
    },
    // sends when the phone comes back online and every 15 s
    keepSending: function (flush) {
      badge();
      window.addEventListener('online', flush);
      window.setInterval(flush, 15000);
      flush();
    }
  };
};
