// Checkpoint page: after each result, empty the field and focus it again, ready for the next scan.
(function () {
  'use strict';
  function ready() {
    var field = document.getElementById('checkpoint-code');
    if (field) {
      field.value = '';
      field.focus();
    }
  }
  document.addEventListener('htmx:afterSwap', function (event) {
    if (event.target && event.target.id === 'checkpoint-result') {
      ready();
    }
  });
})();
