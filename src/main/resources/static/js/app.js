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

// Jurisdiction tree: "+" unfolds a level by htmx, "−" folds it again without asking the server.
document.body.addEventListener('htmx:beforeRequest', function (e) {
  var button = e.detail.elt;
  if (!button.classList || !button.classList.contains('tree-toggle')) { return; }
  var target = document.querySelector(button.getAttribute('hx-target'));
  if (target && target.children.length > 0) {
    e.preventDefault();
    target.innerHTML = '';
    button.textContent = '+';
    button.setAttribute('aria-expanded', 'false');
  }
});
document.body.addEventListener('htmx:afterSwap', function (e) {
  var button = e.detail.requestConfig && e.detail.requestConfig.elt;
  if (button && button.classList && button.classList.contains('tree-toggle')) {
    button.textContent = '−';
    button.setAttribute('aria-expanded', 'true');
  }
});
