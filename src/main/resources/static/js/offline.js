// The installable web app on the phone: registers the service worker (/sw.js), tells it who is signed in and which
// pages to keep, forgets every kept page at logout and on the login page, and keeps the outbox: a case report made
// without a signal (photos included) is stored on the phone (IndexedDB) and sent once when the signal returns. Its
// one-time key (the form's "key", the server's idempotency key) makes a resend answer with the same case.
// No inline scripts (CSP script-src 'self').
(function () {
  var DB = 'gridlink';
  var STORE = 'outbox';
  var OFFLINE_PAGES = [/^\/$/, /^\/cases\/report$/, /^\/screening\/\d+\/work$/, /^\/quarantine\/orders\/\d+\/monitoring$/,
    /^\/inspection\/rounds\/\d+\/work$/, /^\/housing\/projects\/\d+\/survey$/];
  var userMeta = document.querySelector('meta[name="gl-user"]');
  var user = userMeta ? userMeta.content : null;
  var badge = document.getElementById('gl-outbox');
  var sending = false;

  function forgetPages() {
    if (!window.caches) { return Promise.resolve(); }
    return window.caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) {
        return n.indexOf('gridlink-pages-') === 0 || n === 'gridlink-meta';
      }).map(function (n) { return window.caches.delete(n); }));
    }).catch(function () { /* nothing kept */ });
  }

  // Signed out (the login page) or logging out: no page of the last user stays on the phone.
  if (!user) {
    forgetPages();
    return;
  }
  document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (form.getAttribute('data-gl-forgotten')) { return; }
      e.preventDefault();
      var go = function () { form.setAttribute('data-gl-forgotten', '1'); form.submit(); };
      Promise.race([forgetPages(), new Promise(function (r) { window.setTimeout(r, 1500); })]).then(go, go);
    });
  });

  function sha256(text) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.resolve(null); }
    return window.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (buf) {
      return Array.prototype.map.call(new Uint8Array(buf), function (b) { return (b + 0x100).toString(16).substring(1); }).join('');
    });
  }
  function uuid() {
    if (window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }
  function offlinePath(path) {
    return OFFLINE_PAGES.some(function (re) { return re.test(path); });
  }

  // The pages and files to keep: this page if it is a field page, the field pages it links to, and what it loaded.
  function keepList() {
    var list = [];
    var add = function (href) {
      if (!href) { return; }
      var url = new URL(href, window.location.href);
      if (url.origin === window.location.origin && list.indexOf(url.pathname + url.search) < 0) {
        list.push(url.pathname + url.search);
      }
    };
    if (offlinePath(window.location.pathname) && !new URL(window.location.href).searchParams.has('lang')) {
      add(window.location.pathname + window.location.search);
    }
    document.querySelectorAll('a[href]').forEach(function (a) {
      var url = new URL(a.href, window.location.href);
      // never the language links: fetching one would switch the user's language
      if (url.origin === window.location.origin && offlinePath(url.pathname) && !url.searchParams.has('lang')) {
        add(url.pathname + url.search);
      }
    });
    document.querySelectorAll('link[rel="stylesheet"][href], link[rel="manifest"][href], link[rel="icon"][href], '
      + 'link[rel="apple-touch-icon"][href]').forEach(function (l) { add(l.href); });
    document.querySelectorAll('script[src]').forEach(function (s) { add(s.src); });
    return list;
  }

  // The service worker. Once it controls this page and has kept what the page lists, the page says so
  // (data-gl-offline-ready="true"); when it does not get there the page says why (data-gl-offline-error and the
  // console): the pages still work online, but nothing is kept for use without a signal. data-gl-offline-state
  // traces the worker's states.
  var root = document.documentElement;
  function trace(step) {
    var was = root.getAttribute('data-gl-offline-state');
    root.setAttribute('data-gl-offline-state', (was ? was + ' ' : '') + step);
  }
  function offlineFailed(reason) {
    var text = reason && reason.message ? (reason.name ? reason.name + ': ' : '') + reason.message : String(reason);
    root.setAttribute('data-gl-offline-error', text);
    console.error('GridLink offline: not ready for use without a signal (' + text + '); states: '
      + root.getAttribute('data-gl-offline-state'));
  }
  function watch(worker, name) {
    if (!worker) { return; }
    trace(name + ':' + worker.state);
    worker.addEventListener('statechange', function () { trace(name + ':' + worker.state); });
  }
  // Control of this page. The worker takes the open pages when it starts (clients.claim in its activate), but the
  // browser leaves out a page whose load is still under way then: a page opened right after the first one registered
  // the worker (the report page right after signing in, on a slow server) stayed without it until reloaded, and what
  // it fetched did not pass through the worker. Asked, the worker takes it.
  function controlled(worker) {
    if (navigator.serviceWorker.controller) { return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      navigator.serviceWorker.addEventListener('controllerchange', function () { resolve(); });
      worker.postMessage({ claim: true });
      window.setTimeout(function () {
        if (navigator.serviceWorker.controller) { resolve(); } else { reject(new Error('the worker did not take this page')); }
      }, 30000);
    });
  }
  // Tells the worker who is signed in and what to keep; answered when kept (or after 15 s: kept in the background).
  function keepPages(worker) {
    return sha256(user).then(function (key) {
      if (!key || !navigator.onLine) { return; }
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { resolve(); };
        worker.postMessage({ user: key, cache: keepList() }, [channel.port2]);
        window.setTimeout(resolve, 15000);
      });
    });
  }

  var ready = null;
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.addEventListener('controllerchange', function () { trace('controlled'); });
    // a worker that is not active after a minute is told in the console (the page keeps waiting: it may get there)
    var slow = window.setTimeout(function () {
      trace('slow');
      console.error('GridLink offline: the service worker is not active after 60 s; states: '
        + root.getAttribute('data-gl-offline-state'));
    }, 60000);
    ready = navigator.serviceWorker.register('/sw.js', { scope: '/' })
      .then(function (registration) {
        trace('registered');
        watch(registration.installing, 'installing');
        watch(registration.waiting, 'waiting');
        watch(registration.active, 'active');
        registration.addEventListener('updatefound', function () { watch(registration.installing, 'new'); });
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        window.clearTimeout(slow);
        return controlled(registration.active).then(function () { return keepPages(registration.active); });
      })
      .then(function () {
        root.setAttribute('data-gl-offline-ready', 'true');
      }, function (reason) {
        window.clearTimeout(slow);
        offlineFailed(reason);
      });
  }

  // ---- the outbox (IndexedDB) ----
  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
      var request = window.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('user', 'user');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : result); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }
  function mine() {
    return tx('readonly', function (store) { return store.index('user').getAll(user); })
      .catch(function () { return []; });
  }
  function put(item) {
    return tx('readwrite', function (store) { store.put(item); });
  }
  function remove(key) {
    return tx('readwrite', function (store) { store.delete(key); });
  }

  function showCount() {
    return mine().then(function (items) {
      var n = items.length;
      document.querySelectorAll('[data-gl-outbox-count]').forEach(function (el) {
        el.textContent = el.getAttribute('data-waiting').replace('{0}', n);
        el.classList.toggle('d-none', n === 0);
        el.setAttribute('data-count', String(n));
      });
      var list = document.getElementById('gl-outbox-list');
      if (list) {
        list.textContent = '';
        items.forEach(function (item) {
          var li = document.createElement('li');
          li.className = 'list-group-item small';
          li.textContent = (item.fields.description || '').substring(0, 60)
            + (item.files.length ? ' · ' + list.getAttribute('data-photos').replace('{0}', item.files.length) : '')
            + (item.problem ? ' · ' + list.getAttribute('data-problem') : '');
          list.appendChild(li);
        });
      }
      return n;
    });
  }

  function token() {
    var meta = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return { value: meta ? meta.content : null, header: header ? header.content : null };
  }
  // A fresh CSRF token from the report page (the kept page's token may belong to an earlier session).
  function freshToken(url) {
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok || r.redirected) { throw new Error('not signed in'); }
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var meta = doc.querySelector('meta[name="_csrf"]');
      return meta ? meta.content : null;
    });
  }
  function formData(item, csrf) {
    var data = new FormData();
    Object.keys(item.fields).forEach(function (name) { data.append(name, item.fields[name]); });
    item.files.forEach(function (f) { data.append(item.fileField, f.blob, f.name); });
    if (csrf) { data.append('_csrf', csrf); }
    return data;
  }
  // Sends one waiting report: answered by a redirect to its case when it was taken (again, for a resend).
  function sendOne(item) {
    var post = function (csrf) {
      return fetch(item.url, { method: 'POST', body: formData(item, csrf), credentials: 'same-origin', redirect: 'follow' });
    };
    return post(token().value).then(function (response) {
      if (response.status === 403) {
        return freshToken(item.url).then(post);
      }
      return response;
    }).then(function (response) {
      var path = new URL(response.url, window.location.href).pathname;
      if (response.ok && response.redirected && /\/cases\/\d+$/.test(path)) {
        return remove(item.key).then(function () { return path; });
      }
      if (response.ok && !response.redirected) {
        // the page refused it (a category withdrawn, a place not ours): kept, marked, shown on the report page
        item.problem = true;
        return put(item).then(function () { return null; });
      }
      throw new Error('not sent: ' + response.status);
    });
  }
  function flush() {
    if (sending || !navigator.onLine) { return Promise.resolve(); }
    sending = true;
    var run = function () {
      return mine().then(function (items) {
        return items.filter(function (i) { return !i.problem; }).reduce(function (chain, item) {
          return chain.then(function () { return sendOne(item); });
        }, Promise.resolve());
      });
    };
    // one tab sends at a time (the key makes a second send harmless anyway)
    var locked = navigator.locks ? navigator.locks.request('gridlink-outbox', run) : run();
    return locked.catch(function () { /* still offline, or signed out: tried again later */ })
      .then(function () { sending = false; return showCount(); });
  }

  // Is there a signal? navigator.onLine only knows the radio, not whether anything gets through: ask the server.
  function reachable() {
    if (!navigator.onLine) { return Promise.resolve(false); }
    var timeout = new Promise(function (resolve) { window.setTimeout(function () { resolve(false); }, 4000); });
    var probe = fetch('/manifest.webmanifest', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { return r.ok; }, function () { return false; });
    return Promise.race([probe, timeout]);
  }

  // Keeps a form's report on the phone: its fields and files, under its one-time key.
  function keep(form) {
    var fields = {};
    var files = [];
    var fileField = 'photos';
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === '_csrf') { return; }
      if (el.type === 'file') {
        fileField = el.name;
        Array.prototype.forEach.call(el.files, function (f) { files.push({ name: f.name, type: f.type, blob: f }); });
      } else if ((el.type !== 'checkbox' && el.type !== 'radio') || el.checked) {
        fields[el.name] = el.value;
      }
    });
    if (!fields.key) { fields.key = uuid(); }
    var item = { key: fields.key, user: user, kind: form.getAttribute('data-gl-outbox'), url: form.action,
      fields: fields, files: files, fileField: fileField, createdAt: Date.now() };
    return put(item).then(function () {
      var done = document.getElementById('gl-outbox-saved');
      if (done) { done.classList.remove('d-none'); done.focus(); }
      form.reset();
      // the next report gets its own key: the kept one is sent once, as one case
      var key = form.querySelector('input[name="key"]');
      if (key) { key.value = uuid(); }
      return showCount();
    }, function () {
      var failed = document.getElementById('gl-outbox-failed');
      if (failed) { failed.classList.remove('d-none'); }
    });
  }

  // The report form: with a signal it is sent as always; without one the report is kept on the phone, not lost.
  document.querySelectorAll('form[data-gl-outbox]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (e.defaultPrevented || form.getAttribute('data-gl-checked')) { return; }
      e.preventDefault();
      e.stopImmediatePropagation();
      if (!form.checkValidity()) { form.reportValidity(); return; }
      var buttons = form.querySelectorAll('button[type="submit"]');
      buttons.forEach(function (b) { b.disabled = true; });
      reachable().then(function (online) {
        buttons.forEach(function (b) { b.disabled = false; });
        if (online) {
          form.setAttribute('data-gl-checked', 'true');
          buttons.forEach(function (b) { window.setTimeout(function () { b.disabled = true; }, 0); });
          form.submit();
        } else {
          keep(form);
        }
      });
    }, true);
  });

  showCount();
  window.addEventListener('online', function () { flush(); });
  window.setInterval(flush, 30000);
  (ready || Promise.resolve()).then(flush);
  window.GridLinkOutbox = { flush: flush, count: showCount };
})();
