// Grid maps with Leaflet and our own GeoJSON: no internet tiles. The district map (fragments/map :: districtMap) is
// a component: GridLinkMap.mount(container) draws the optional base layer (river, roads), the grids coloured by a
// measure with its legend, street and community borders and labels, and the grid's name on hover. Names are typed
// by users: they always go into the page as text nodes, never as HTML.
(function () {
  'use strict';

  var COUNT_COLOURS = ['#fff5eb', '#fdd0a2', '#fdae6b', '#e6550d', '#a63603'];
  var PERCENT_COLOURS = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];
  var NO_DATA = '#e9ecef';
  var STREET_LABELS_BELOW = 12;    // street names below this zoom, community names from it (where they fit)
  var LABEL_CHAR_PX = 13;

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  function baseMap(el) {
    return L.map(el, { attributionControl: false, zoomSnap: 0.25, preferCanvas: false });
  }

  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json, application/geo+json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('GET ' + url + ': ' + r.status); }
        return r.json();
      });
  }

  // the class of a value: the last break it reaches; null for no data
  function classOf(value, breaks) {
    if (value === undefined || value === null) { return null; }
    var k = 0;
    for (var i = 0; i < breaks.length; i++) { if (value >= breaks[i]) { k = i; } }
    return k;
  }

  // 0 · 1 · 2–3 · 4–7 · 8+ for counts; 0–24% … 75–99% · 100% for whole percentages
  function classLabel(breaks, k, percent) {
    var unit = percent ? '%' : '';
    var from = breaks[k];
    if (k === breaks.length - 1) { return percent && from === 100 ? '100%' : from + unit + '+'; }
    var to = breaks[k + 1] - 1;
    return to === from ? from + unit : from + '–' + to + unit;
  }

  function mount(container) {
    var canvas = container.querySelector('[data-gl-map-canvas]');
    var legend = container.querySelector('[data-gl-map-legend]');
    var hover = container.querySelector('[data-gl-map-hover]');
    var select = container.querySelector('[data-gl-map-measure]');
    var data = container.dataset;
    var map = baseMap(canvas);
    map.setView([33.65, 119.18], 11); // until the grids are in: layers need a view
    map.createPane('glBase').style.zIndex = 350;
    map.createPane('glBorders').style.zIndex = 450;
    map.getPane('glBorders').style.pointerEvents = 'none';

    var grids = null;
    var measure = null;
    var labels = { street: [], community: [] };

    function describe(props) {
      var line = props.name + ' ' + props.code;
      if (measure) {
        var v = measure.values[props.code];
        line += ' · ' + measure.label + ': ' + (v === undefined
          ? (measure.percent ? data.noData : '0') : v + (measure.percent ? '%' : ''));
      }
      return line;
    }

    function fill(code) {
      if (!measure) { return NO_DATA; }
      var v = measure.values[code];
      if (v === undefined && !measure.percent) { v = 0; }
      var k = classOf(v, measure.breaks);
      return k === null ? NO_DATA : (measure.percent ? PERCENT_COLOURS : COUNT_COLOURS)[k];
    }

    function restyle() {
      if (!grids) { return; }
      grids.eachLayer(function (l) {
        l.setStyle({ fillColor: fill(l.feature.properties.code) });
      });
    }

    function drawLegend() {
      while (legend.firstChild) { legend.removeChild(legend.firstChild); }
      if (!measure) { return; }
      legend.appendChild(text('div', measure.label, 'gl-map-legend-title'));
      var counts = measure.breaks.map(function () { return 0; });
      var none = 0;
      if (grids) {
        grids.eachLayer(function (l) {
          var v = measure.values[l.feature.properties.code];
          if (v === undefined && !measure.percent) { v = 0; }
          var k = classOf(v, measure.breaks);
          if (k === null) { none++; } else { counts[k]++; }
        });
      }
      var list = document.createElement('ul');
      list.className = 'gl-map-legend-list';
      var colours = measure.percent ? PERCENT_COLOURS : COUNT_COLOURS;
      measure.breaks.forEach(function (b, k) {
        var item = document.createElement('li');
        var swatch = text('span', '', 'gl-map-swatch');
        swatch.style.backgroundColor = colours[k];
        item.appendChild(swatch);
        item.appendChild(text('span', classLabel(measure.breaks, k, measure.percent)));
        item.appendChild(text('span', '(' + counts[k] + ')', 'gl-map-legend-count'));
        list.appendChild(item);
      });
      if (measure.percent) {
        var item = document.createElement('li');
        var swatch = text('span', '', 'gl-map-swatch');
        swatch.style.backgroundColor = NO_DATA;
        item.appendChild(swatch);
        item.appendChild(text('span', data.noData));
        item.appendChild(text('span', '(' + none + ')', 'gl-map-legend-count'));
        list.appendChild(item);
      }
      legend.appendChild(list);
    }

    function choose(key) {
      if (!key) { measure = null; restyle(); drawLegend(); return Promise.resolve(); }
      return getJson(data.measures + encodeURIComponent(key)).then(function (m) {
        measure = m;
        restyle();
        drawLegend();
        container.dataset.measureShown = m.key;
      });
    }

    function label(feature, kind) {
      var p = feature.properties;
      if (p.lat === null || p.lng === null) { return; }
      var tip = L.tooltip({ permanent: true, direction: 'center', interactive: false,
        className: 'gl-map-label gl-map-label-' + kind });
      tip.setLatLng([p.lat, p.lng]);
      tip.setContent(text('span', p.name));
      labels[kind].push({ tip: tip, name: p.name, bounds: L.geoJSON(feature).getBounds() });
    }

    function fits(entry) {
      var sw = map.latLngToContainerPoint(entry.bounds.getSouthWest());
      var ne = map.latLngToContainerPoint(entry.bounds.getNorthEast());
      return Math.abs(ne.x - sw.x) >= entry.name.length * LABEL_CHAR_PX + 8 && Math.abs(sw.y - ne.y) >= 18;
    }

    function placeLabels() {
      var zoom = map.getZoom();
      labels.street.forEach(function (e) {
        if (zoom < STREET_LABELS_BELOW) { map.addLayer(e.tip); } else { map.removeLayer(e.tip); }
      });
      labels.community.forEach(function (e) {
        if (zoom >= STREET_LABELS_BELOW && fits(e)) { map.addLayer(e.tip); } else { map.removeLayer(e.tip); }
      });
    }

    function borders(url, kind) {
      return getJson(url).then(function (fc) {
        L.geoJSON(fc, {
          pane: 'glBorders', interactive: false,
          style: kind === 'street' ? { color: '#343a40', weight: 2.5, fill: false }
            : { color: '#495057', weight: 1.2, fill: false, dashArray: '4 3' }
        }).addTo(map);
        fc.features.forEach(function (f) { label(f, kind); });
      });
    }

    if (data.base) {
      getJson(data.base).then(function (fc) {
        L.geoJSON(fc, {
          pane: 'glBase', interactive: false,
          style: function (f) {
            return f.properties.kind === 'river' ? { color: '#6baed6', weight: 7, opacity: 0.9 }
              : { color: '#adb5bd', weight: 3, opacity: 0.9 };
          }
        }).addTo(map);
      });
    }

    var ready = getJson(data.grids).then(function (fc) {
      grids = L.geoJSON(fc, {
        style: function (f) {
          return { color: '#ffffff', weight: 0.6, fillColor: fill(f.properties.code), fillOpacity: 0.6,
            className: 'gl-grid gl-grid-' + f.properties.code };
        },
        onEachFeature: function (f, l) {
          l.bindTooltip(text('span', describe(f.properties)), { sticky: true });
          l.on('mouseover', function () {
            hover.textContent = describe(f.properties);
            var tip = l.getTooltip && l.getTooltip();
            if (tip) { tip.setContent(text('span', describe(f.properties))); }
          });
          l.on('click', function () { window.location.href = data.link + f.properties.code; });
        }
      }).addTo(map);
      var count = container.querySelector('[data-gl-map-count]');
      if (count) { count.textContent = (data.countLabel || '') + ' ' + fc.features.length.toLocaleString(); }
      if (fc.features.length > 0) { map.fitBounds(grids.getBounds()); } else { map.setView([33.65, 119.18], 11); }
      return Promise.all([borders(data.areas + '?level=STREET', 'street'),
        borders(data.areas + '?level=COMMUNITY', 'community'),
        choose(select ? select.value : null)]);
    }).then(function () {
      placeLabels();
      map.on('zoomend moveend', placeLabels);
      container.dataset.ready = 'true';
    });

    if (select) {
      select.addEventListener('change', function () { ready.then(function () { return choose(select.value); }); });
    }
    return map;
  }

  window.GridLinkMap = { mount: mount };

  var gridEl = document.getElementById('grid-map');
  if (gridEl && gridEl.dataset.geometry && gridEl.dataset.geometry !== 'null') {
    var map = baseMap(gridEl);
    var layer = L.geoJSON(JSON.parse(gridEl.dataset.geometry), {
      style: { color: '#0d6efd', weight: 2, fillOpacity: 0.25 }
    }).addTo(map);
    layer.bindTooltip(text('span', gridEl.dataset.name || ''));
    map.fitBounds(layer.getBounds(), { padding: [20, 20] });
  }

  var maps = document.querySelectorAll('[data-gl-map]');
  for (var i = 0; i < maps.length; i++) { mount(maps[i]); }
})();
