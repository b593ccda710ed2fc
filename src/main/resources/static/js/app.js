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
// Forms: focus the error summary after a failed submit; ask before a destructive action (data-gl-confirm).
(function () {
  var summary = document.querySelector('[data-gl-focus]');
  if (summary) {
    summary.focus();
  }
  document.addEventListener('submit', function (e) {
    var message = e.target.getAttribute && e.target.getAttribute('data-gl-confirm');
    if (message && !window.confirm(message)) {
      e.preventDefault();
    }
  });
  // A one-time secret: select it on focus, copy it with a button (data-gl-copy="#id").
  document.querySelectorAll('[data-gl-select]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
  });
  document.querySelectorAll('[data-gl-copy]').forEach(function (button) {
    button.addEventListener('click', function () {
      var input = document.querySelector(button.getAttribute('data-gl-copy'));
      if (!input) {
        return;
      }
      input.select();
      var done = function () { button.textContent = button.getAttribute('data-gl-copied') || button.textContent; };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });
})();

// A filter that applies as soon as it is chosen (data-gl-submit-on-change) and a print button (data-gl-print),
// without inline handlers, which the Content Security Policy refuses.
document.body.addEventListener('change', function (e) {
  if (e.target.hasAttribute && e.target.hasAttribute('data-gl-submit-on-change') && e.target.form) {
    e.target.form.submit();
  }
});
document.body.addEventListener('click', function (e) {
  var button = e.target.closest ? e.target.closest('[data-gl-print]') : null;
  if (button) { window.print(); }
});
