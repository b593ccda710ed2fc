// Service worker of the checkpoint page (scope: the page): keeps the page and its scripts and styles so that a
// reload with the network cut still opens it. Network first, the kept copy when the network fails. Only the page
// and static assets are handled; API calls always go to the network.
const CACHE = 'gridlink-checkpoint-v1';
const scope = new URL(self.registration.scope);
const PAGE = scope.pathname;
const BASE = PAGE.substring(0, PAGE.lastIndexOf('/') + 1);
const ASSETS = ['js/', 'css/', 'webjars/', 'img/', 'favicon.ico'].map((p) => BASE + p);

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('gridlink-checkpoint-') && n !== CACHE)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

function keep(cache, key, response) {
  if (response.ok && !response.redirected && response.type === 'basic') {
    return cache.put(key, response);
  }
  return Promise.resolve();
}

// the page lists what it loaded: kept at once, so that the first visit is enough to work offline
self.addEventListener('message', (event) => {
  // a page asks to be taken when its load was under way as this worker took the open pages (static/js/offline.js)
  if (event.data && event.data.claim) {
    event.waitUntil(self.clients.claim());
    return;
  }
  const urls = (event.data && event.data.cache) || [];
  const port = event.ports && event.ports[0];
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((url) => {
    const key = url === PAGE ? PAGE : url;
    return fetch(url, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => keep(cache, key, response))
      .catch(() => undefined);
  }))).then(() => port && port.postMessage('cached')));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  const isPage = request.mode === 'navigate' && url.pathname === PAGE;
  const isAsset = ASSETS.some((prefix) => url.pathname.startsWith(prefix));
  if (!isPage && !isAsset) {
    return;
  }
  const key = isPage ? PAGE : url.pathname + url.search;
  event.respondWith(caches.open(CACHE).then((cache) => fetch(request)
    .then((response) => {
      keep(cache, key, response.clone());
      return response;
    })
    .catch(() => cache.match(key).then((kept) => kept || cache.match(url.pathname)
      .then((plain) => plain || Response.error())))));
});
