// Case pages: category picker (major → minor), "use my location", one submit per form, place picker reset, case map.
// No inline scripts (CSP script-src 'self').
(function () {
  // Major → minor: the minor list shows the chosen major class's minor classes only.
  document.querySelectorAll('[data-gl-major]').forEach(function (major) {
    var form = major.form;
    var minor = form && form.querySelector('[data-gl-minor]');
    if (!minor) { return; }
    function narrow(keepValue) {
      var chosen = major.value;
      minor.querySelectorAll('optgroup').forEach(function (group) {
        var show = !chosen || group.getAttribute('data-major') === chosen;
        group.hidden = !show;
        group.disabled = !show;
      });
      var selected = minor.selectedOptions[0];
      if (!keepValue && selected && selected.parentElement.tagName === 'OPTGROUP' && selected.parentElement.disabled) {
        minor.value = '';
      }
    }
    var selected = minor.selectedOptions[0];
    if (!major.value && selected && selected.parentElement.tagName === 'OPTGROUP') {
      major.value = selected.parentElement.getAttribute('data-major');
    }
    narrow(true);
    major.addEventListener('change', function () { narrow(false); });
  });

  // "Use my location": the phone's position goes into the hidden lat/lng; the server finds the grid.
  document.querySelectorAll('[data-gl-locate]').forEach(function (button) {
    var status = document.getElementById('location-status');
    button.addEventListener('click', function () {
      if (!navigator.geolocation) {
        status.textContent = button.getAttribute('data-failed');
        return;
      }
      status.textContent = button.getAttribute('data-locating');
      navigator.geolocation.getCurrentPosition(function (pos) {
        document.getElementById('lat').value = pos.coords.latitude.toFixed(6);
        document.getElementById('lng').value = pos.coords.longitude.toFixed(6);
        status.textContent = button.getAttribute('data-located') + ' ' + pos.coords.latitude.toFixed(5) + ', '
          + pos.coords.longitude.toFixed(5);
      }, function () {
        status.textContent = button.getAttribute('data-failed');
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  });

  // One submit per tap: the button is disabled after the first (the hidden key makes a repeat one case anyway).
  document.querySelectorAll('form[data-gl-once], .gl-action-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (e.defaultPrevented) { return; }
      var button = form.querySelector('button[type="submit"]');
      if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
    });
  });

  // Photos: more than the page may send at once is refused here, before a long upload that the server would refuse.
  document.querySelectorAll('input[type="file"][data-gl-max-bytes]').forEach(function (input) {
    var form = input.form;
    var max = parseInt(input.getAttribute('data-gl-max-bytes'), 10);
    form.addEventListener('submit', function (e) {
      var total = 0;
      for (var i = 0; i < input.files.length; i++) { total += input.files[i].size; }
      input.setCustomValidity('');
      if (total > max) {
        e.preventDefault();
        e.stopImmediatePropagation();
        input.setCustomValidity(input.getAttribute('data-too-large'));
        input.reportValidity();
      }
    }, true);
    input.addEventListener('change', function () { input.setCustomValidity(''); });
  });

  // Place picker: choosing another street empties the grid list until a community is chosen.
  document.querySelectorAll('[data-gl-clears]').forEach(function (select) {
    select.addEventListener('change', function () {
      var target = document.querySelector(select.getAttribute('data-gl-clears'));
      if (target) {
        while (target.options.length > 1) { target.remove(1); }
        target.value = '';
      }
    });
  });

  // The case's point on its community's grids (our own GeoJSON, no map tiles).
  var mapEl = document.getElementById('case-map');
  if (mapEl && window.L) {
    var lat = parseFloat(mapEl.getAttribute('data-lat'));
    var lng = parseFloat(mapEl.getAttribute('data-lng'));
    var map = L.map(mapEl, { attributionControl: false }).setView([lat, lng], 16);
    L.circleMarker([lat, lng], { radius: 8, color: '#dc3545', weight: 3, fillOpacity: 0.6 }).addTo(map);
    var source = mapEl.getAttribute('data-source');
    if (source) {
      fetch(source, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (data && data.features && data.features.length) {
            L.geoJSON(data, { style: { color: '#0d6efd', weight: 1, fillOpacity: 0.08 } }).addTo(map).bringToBack();
          }
        })
        .catch(function () { /* the point alone is enough */ });
    }
  }
})();
