// Service worker of the installable web app (served as /sw.js, scope: the whole site). It keeps the field pages so
// that they open without a signal: the signed-in user's home, the case report page, the screening work page and the
// quarantine visit page, plus the static files they use. Network first, the kept copy only when the network fails.
// Everything else (other pages, every POST, the API) always goes to the network. The checkpoint page has its own
// worker with a narrower scope (/checkpoint), which takes precedence there.
//
// Pages carry personal data (names, masked ID numbers), so they are kept per user and not for long:
// - the page tells the worker who is signed in (a SHA-256 of the username, never the name) and what to keep; pages go
//   to the cache "gridlink-pages-<user>", and the caches of any other user are deleted at once;
// - a kept page is served for at most KEEP_HOURS after it was fetched;
// - logging out (and opening the login page) deletes every kept page (static/js/offline.js).
const SHELL = 'gridlink-shell-v1';
const PAGES = 'gridlink-pages-';
const META = 'gridlink-meta';
const WHO = '/__gridlink/user';
const KEEP_HOURS = 24;
const scope = new URL(self.registration.scope);
const BASE = scope.pathname.endsWith('/') ? scope.pathname : scope.pathname + '/';
const ASSETS = ['js/', 'css/', 'webjars/', 'img/', 'favicon.ico', 'manifest.webmanifest'].map((p) => BASE + p);
const OFFLINE_PAGES = [/^$/, /^cases\/report$/, /^screening\/\d+\/work$/, /^quarantine\/orders\/\d+\/monitoring$/,
  /^inspection\/rounds\/\d+\/work$/, /^housing\/projects\/\d+\/survey$/];

function offlinePage(url) {
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE)) {
    return false;
  }
  const rest = url.pathname.substring(BASE.length);
  return OFFLINE_PAGES.some((re) => re.test(rest));
}

function isAsset(url) {
  return url.origin === self.location.origin && ASSETS.some((prefix) => url.pathname.startsWith(prefix))
    && !url.pathname.endsWith('/sw.js');
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('gridlink-shell-') && n !== SHELL)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

function usable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

// a kept page remembers when it was fetched; older than KEEP_HOURS it is not served
async function stamped(response) {
  const headers = new Headers(response.headers);
  headers.set('X-GridLink-Kept-At', String(Date.now()));
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

function fresh(response) {
  const at = Number(response && response.headers.get('X-GridLink-Kept-At'));
  return at > 0 && Date.now() - at < KEEP_HOURS * 3600 * 1000;
}

async function currentUser() {
  const meta = await caches.open(META);
  const who = await meta.match(WHO);
  return who ? who.text() : null;
}

async function forgetOthers(user) {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PAGES) && n !== PAGES + user).map((n) => caches.delete(n)));
}

// the page says who is signed in and which pages and files to keep: kept at once, so that one visit is enough
self.addEventListener('message', (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (data.forget) {
    event.waitUntil(caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PAGES) || n === META).map((n) => caches.delete(n))))
      .then(() => port && port.postMessage('forgotten')));
    return;
  }
  // a page whose load was under way when this worker took the open pages (activate) asks to be taken too
  if (data.claim) {
    event.waitUntil(self.clients.claim());
    return;
  }
  const user = typeof data.user === 'string' && /^[0-9a-f]{64}$/.test(data.user) ? data.user : null;
  const urls = Array.isArray(data.cache) ? data.cache : [];
  event.waitUntil((async () => {
    if (user) {
      const meta = await caches.open(META);
      await meta.put(WHO, new Response(user));
      await forgetOthers(user);
    }
    const pages = user ? await caches.open(PAGES + user) : null;
    const shell = await caches.open(SHELL);
    await Promise.all(urls.map(async (raw) => {
      const url = new URL(raw, self.location.href);
      const page = offlinePage(url);
      // a language link would switch the user's language: never fetched behind their back
      if ((page && (!pages || url.searchParams.has('lang'))) || (!page && !isAsset(url))) {
        return;
      }
      try {
        const response = await fetch(url.href, { credentials: 'same-origin', cache: 'no-store' });
        if (usable(response)) {
          await (page ? pages.put(url.pathname + url.search, await stamped(response)) : shell.put(url.href, response));
        }
      } catch (e) {
        // offline: what was kept stays
      }
    }));
    if (port) {
      port.postMessage('cached');
    }
  })());
});

const OFFLINE_HTML = '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
  + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>离线 · GridLink</title></head>'
  + '<body style="font-family:sans-serif;padding:1rem;max-width:30rem">'
  + '<h1 style="font-size:1.3rem">当前离线</h1><p>这个页面还没有保存在本机上。联网后打开一次，之后离线也能打开。</p>'
  + '<p lang="en">Offline: this page has not been kept on this phone yet. Open it once with a signal and it will '
  + 'open without one afterwards.</p><p><a href="' + BASE + '">首页 / Home</a></p></body></html>';

async function page(request, url) {
  const key = url.pathname + url.search;
  try {
    const response = await fetch(request);
    if (usable(response)) {
      const user = await currentUser();
      if (user) {
        const copy = await stamped(response.clone());
        caches.open(PAGES + user).then((cache) => cache.put(key, copy));
      }
    }
    return response;
  } catch (e) {
    const user = await currentUser();
    if (user) {
      const cache = await caches.open(PAGES + user);
      const kept = (await cache.match(key)) || (await cache.match(url.pathname));
      if (kept && fresh(kept)) {
        return kept;
      }
    }
    return new Response(OFFLINE_HTML, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
}

async function asset(request, url) {
  const cache = await caches.open(SHELL);
  try {
    const response = await fetch(request);
    if (usable(response)) {
      cache.put(url.href, response.clone());
    }
    return response;
  } catch (e) {
    const kept = (await cache.match(url.href)) || (await cache.match(url.origin + url.pathname));
    return kept || Response.error();
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (request.mode === 'navigate' && offlinePage(url)) {
    event.respondWith(page(request, url));
  } else if (isAsset(url)) {
    event.respondWith(asset(request, url));
  }
});
