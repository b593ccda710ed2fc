// Grid maps with Leaflet and our own GeoJSON: no internet tiles, so the map is the grids themselves.
(function () {
  var PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7',
    '#9c755f', '#bab0ac', '#86bcb6', '#d37295'];

  function colourOf(code) {
    var seq = parseInt(code.slice(-3), 10) || 0;
    var community = parseInt(code.slice(9, 12), 10) || 0;
    return PALETTE[(seq + community * 5) % PALETTE.length];
  }

  // names are typed by users: a tooltip gets them as a text node, never as HTML
  function textTooltip(text) {
    var span = document.createElement('span');
    span.textContent = text;
    return span;
  }

  function baseMap(el) {
    return L.map(el, { attributionControl: false, zoomSnap: 0.25, preferCanvas: false });
  }

  var gridEl = document.getElementById('grid-map');
  if (gridEl && gridEl.dataset.geometry && gridEl.dataset.geometry !== 'null') {
    var map = baseMap(gridEl);
    var layer = L.geoJSON(JSON.parse(gridEl.dataset.geometry), {
      style: { color: '#0d6efd', weight: 2, fillOpacity: 0.25 }
    }).addTo(map);
    layer.bindTooltip(textTooltip(gridEl.dataset.name || ''));
    map.fitBounds(layer.getBounds(), { padding: [20, 20] });
  }

  var districtEl = document.getElementById('district-map');
  if (districtEl) {
    var districtMap = baseMap(districtEl);
    fetch(districtEl.dataset.source, { headers: { 'Accept': 'application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var grids = L.geoJSON(data, {
          style: function (f) {
            return { color: '#ffffff', weight: 0.6, fillColor: colourOf(f.properties.code), fillOpacity: 0.75 };
          },
          onEachFeature: function (f, l) {
            l.bindTooltip(textTooltip(f.properties.name + ' ' + f.properties.code));
            l.on('click', function () { window.location.href = districtEl.dataset.link + f.properties.code; });
          }
        }).addTo(districtMap);
        var count = document.getElementById('district-map-count');
        if (count) { count.textContent = (districtEl.dataset.countLabel || '') + ' ' + data.features.length.toLocaleString(); }
        if (data.features.length > 0) { districtMap.fitBounds(grids.getBounds()); }
        else { districtMap.setView([33.65, 119.18], 11); }
      });
  }
})();
