// GridLink page glue: CSRF header for htmx and fetch; no inline scripts (CSP script-src 'self').
(function () {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', function (e) {
      e.detail.headers[header.content] = token.content;
    });
  }
})();
