// The command page (templates/command): the map (GridLinkMap with the open cases, checkpoints and quarantine sites
// as points, a click on a grid drills the page down to it, a click on a point opens the case, checkpoint or site),
// the 30-day trend and the rankings of places and units with ECharts,
// and the live feed from server-sent events. Texts from the server go into the page as text nodes only.
(function () {
  'use strict';
  var root = document.querySelector('[data-gl-command]');
  if (!root) { return; }
  var data = root.dataset;
  // the words the charts and the feed show, from the page (no inline script: the CSP forbids it)
  var words = document.getElementById('command-words');
  var cfg = { labels: {}, kinds: {} };
  if (words) {
    cfg.labels = { reported: words.dataset.reported, closed: words.dataset.closed, open: words.dataset.open,
      overdue: words.dataset.overdue, inQuarantine: words.dataset.inQuarantine, road: words.dataset.road,
      gate: words.dataset.gate, site: words.dataset.site };
    Array.prototype.forEach.call(words.querySelectorAll('[data-kind]'), function (k) {
      cfg.kinds[k.dataset.kind] = k.textContent;
    });
  }
  var dark = data.wall === 'true';
  var charts = [];

  function getJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('GET ' + url + ': ' + r.status); } return r.json(); });
  }
  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }
  var q = '?jurisdiction=' + encodeURIComponent(data.code) + '&date=' + encodeURIComponent(data.date);

  // the map: our own GeoJSON, grids shaded by the chosen measure; a click drills down (data-link + code)
  var mapEl = document.getElementById('command-map');
  var map = null;
  var points = null;
  if (mapEl && window.GridLinkMap) {
    map = window.GridLinkMap.mount(mapEl);
    points = L.layerGroup().addTo(map);
    var renderer = L.canvas({ padding: 0.3 });
    getJson(data.points + '?jurisdiction=' + encodeURIComponent(data.code)).then(function (list) {
      // a simple clustering: points closer than a few pixels at the current zoom share one marker
      function draw() {
        points.clearLayers();
        var cells = {};
        list.forEach(function (p) {
          var pt = map.latLngToLayerPoint([p.lat, p.lng]);
          var key = Math.round(pt.x / 18) + ':' + Math.round(pt.y / 18);
          (cells[key] = cells[key] || []).push(p);
        });
        Object.keys(cells).forEach(function (k) {
          var c = cells[k];
          var first = c[0];
          var overdue = c.some(function (p) { return p.overdue; });
          var m = L.circleMarker([first.lat, first.lng], {
            renderer: renderer, radius: c.length > 1 ? Math.min(16, 5 + Math.sqrt(c.length) * 2) : 5,
            color: overdue ? '#b02a37' : '#0d6efd', weight: 1, fillOpacity: 0.7, className: 'gl-command-point'
          });
          m.on('click', function (e) {
            L.DomEvent.stopPropagation(e);
            if (c.length === 1) { window.location.href = data['case'] + first.caseId; }
            else { map.setView([first.lat, first.lng], Math.min(map.getZoom() + 2, 18)); }
          });
          m.bindTooltip(String(c.length));
          points.addLayer(m);
        });
      }
      map.whenReady(draw);
      map.on('zoomend', draw);
      var toggle = document.getElementById('command-points');
      if (toggle) {
        toggle.addEventListener('change', function () {
          if (toggle.checked) { points.addTo(map); } else { map.removeLayer(points); }
        });
      }
      mapEl.dataset.points = String(list.length);
    });

    // layers of points: checkpoints and quarantine sites, placed at the centre of their place (several may share a
    // spot); a click on one opens its page, a click on a spot of several lists them to choose from. Names go into
    // the page as text nodes only.
    // (a pane of their own above the grids, the open cases and the place names — a site or checkpoint often stands at
    // the label point of its street or community; only the points themselves take clicks)
    map.createPane('glCommandPoints').style.zIndex = 660;
    map.getPane('glCommandPoints').style.pointerEvents = 'none';
    var svg = L.svg({ padding: 0.3, pane: 'glCommandPoints' });
    var layerGroups = { checkpoints: L.layerGroup().addTo(map), sites: L.layerGroup().addTo(map) };
    getJson(data.layers + '?jurisdiction=' + encodeURIComponent(data.code)).then(function (layers) {
      function href(kind, p) { return (kind === 'sites' ? data.site : data.checkpoint) + encodeURIComponent(p.id); }
      function label(kind, p) {
        return (kind === 'sites' ? cfg.labels.site : (p.kind === 'GATE' ? cfg.labels.gate : cfg.labels.road)) + ' · ' + p.name;
      }
      function drawLayer(kind, list, colour) {
        var group = layerGroups[kind];
        function draw() {
          group.clearLayers();
          var cells = {};
          list.forEach(function (p) {
            var pt = map.latLngToLayerPoint([p.lat, p.lng]);
            var key = Math.round(pt.x / 14) + ':' + Math.round(pt.y / 14);
            (cells[key] = cells[key] || []).push(p);
          });
          Object.keys(cells).forEach(function (k) {
            var c = cells[k];
            var first = c[0];
            var m = L.circleMarker([first.lat, first.lng], {
              renderer: svg, pane: 'glCommandPoints', radius: c.length > 1 ? 9 : 7, color: '#ffffff', weight: 2, fillColor: colour,
              fillOpacity: 0.95, className: kind === 'sites' ? 'gl-command-site' : 'gl-command-checkpoint'
            });
            var tip = document.createElement('div');
            c.slice(0, 8).forEach(function (p) { tip.appendChild(text('div', label(kind, p))); });
            if (c.length > 8) { tip.appendChild(text('div', '… ' + c.length)); }
            m.bindTooltip(tip);
            m.on('click', function (e) {
              L.DomEvent.stopPropagation(e);
              if (c.length === 1) { window.location.href = href(kind, first); return; }
              var box = document.createElement('div');
              box.className = 'gl-command-popup';
              var ul = document.createElement('ul');
              c.forEach(function (p) {
                var li = document.createElement('li');
                var a = text('a', label(kind, p));
                a.href = href(kind, p);
                li.appendChild(a);
                ul.appendChild(li);
              });
              box.appendChild(ul);
              L.popup().setLatLng([first.lat, first.lng]).setContent(box).openOn(map);
            });
            group.addLayer(m);
          });
        }
        map.whenReady(draw);
        map.on('zoomend', draw);
      }
      drawLayer('checkpoints', layers.checkpoints, '#fd7e14');
      drawLayer('sites', layers.sites, '#198754');
      ['checkpoints', 'sites'].forEach(function (kind) {
        var toggle = document.getElementById('command-' + kind);
        if (toggle) {
          toggle.addEventListener('change', function () {
            if (toggle.checked) { layerGroups[kind].addTo(map); } else { map.removeLayer(layerGroups[kind]); }
          });
        }
      });
      mapEl.dataset.checkpoints = String(layers.checkpoints.length);
      mapEl.dataset.sites = String(layers.sites.length);
    });
  }

  function chart(id) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) { return null; }
    var c = window.echarts.init(el, dark ? 'dark' : null, { renderer: 'svg' });
    charts.push(c);
    return c;
  }

  getJson(data.trend + q).then(function (t) {
    var c = chart('command-trend');
    if (!c) { return; }
    var L1 = cfg.labels;
    c.setOption({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis' },
      legend: { data: [L1.reported, L1.closed, L1.open, L1.overdue, L1.inQuarantine] },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: t.days.map(function (d) { return d.substring(5); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: L1.reported, type: 'bar', data: t.reported },
        { name: L1.closed, type: 'bar', data: t.closed },
        { name: L1.open, type: 'line', data: t.open },
        { name: L1.overdue, type: 'line', data: t.overdue },
        { name: L1.inQuarantine, type: 'line', data: t.inQuarantine }
      ]
    });
    root.dataset.trendDrawn = 'true';
  });

  getJson(data.figures + q).then(function (view) {
    var c = chart('command-ranking');
    if (!c) { return; }
    var rows = view.children.slice().sort(function (a, b) { return a.figures.casesOpen - b.figures.casesOpen; })
      .slice(-15);
    c.setOption({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [cfg.labels.open, cfg.labels.overdue] },
      grid: { left: 110, right: 16, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
      series: [
        { name: cfg.labels.open, type: 'bar', data: rows.map(function (r) { return r.figures.casesOpen; }) },
        { name: cfg.labels.overdue, type: 'bar', data: rows.map(function (r) { return r.figures.casesOverdue; }) }
      ]
    });
    c.on('click', function (p) {
      var row = rows[p.dataIndex];
      if (row) { window.location.href = data.drill + encodeURIComponent(row.code); }
    });
    root.dataset.rankingDrawn = 'true';
  });

  // the ranking of lead units: open and overdue cases per unit within the place
  getJson(data.units + '?jurisdiction=' + encodeURIComponent(data.code)).then(function (u) {
    var c = chart('command-units');
    if (!c) { return; }
    var rows = u.units.slice(0, 15).reverse();
    c.setOption({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [cfg.labels.open, cfg.labels.overdue] },
      grid: { left: 130, right: 16, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(function (r) { return r.name; }) },
      series: [
        { name: cfg.labels.open, type: 'bar', data: rows.map(function (r) { return r.open; }) },
        { name: cfg.labels.overdue, type: 'bar', data: rows.map(function (r) { return r.overdue; }) }
      ]
    });
    root.dataset.unitsDrawn = 'true';
  });

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  // the live feed: the newest lines first, then what the server pushes
  var feed = document.getElementById('command-feed');
  function line(l, prepend) {
    var item = document.createElement('li');
    item.className = 'list-group-item d-flex justify-content-between gap-2';
    var what = text('span', cfg.kinds[l.kind] || '');
    var ref = l.kind.indexOf('CASE_') === 0 ? text('a', '#' + l.ref) : text('span', '');
    if (ref.tagName === 'A') { ref.href = data['case'] + encodeURIComponent(l.ref); }
    var when = text('span', (l.at || '').substring(11, 16), 'text-muted');
    var left = document.createElement('span');
    left.appendChild(what);
    left.appendChild(document.createTextNode(' '));
    left.appendChild(ref);
    item.appendChild(left);
    item.appendChild(when);
    var empty = feed.querySelector('.gl-feed-empty');
    if (empty) { feed.removeChild(empty); }
    if (prepend) { feed.insertBefore(item, feed.firstChild); } else { feed.appendChild(item); }
    while (feed.children.length > 60) { feed.removeChild(feed.lastChild); }
  }
  if (feed) {
    getJson(data.recent + '?limit=20').then(function (list) {
      if (list.length === 0) { feed.appendChild(text('li', feed.dataset.empty, 'list-group-item text-muted gl-feed-empty')); }
      list.forEach(function (l) { line(l, false); });
    });
    if (window.EventSource) {
      var source = new EventSource(data.events, { withCredentials: true });
      source.addEventListener('line', function (e) { line(JSON.parse(e.data), true); });
    }
  }

  // the wall rotates between its views
  if (dark) {
    var views = document.querySelectorAll('.gl-command-view');
    var i = 0;
    setInterval(function () {
      if (views.length < 2) { return; }
      views[i].classList.remove('gl-active');
      i = (i + 1) % views.length;
      views[i].classList.add('gl-active');
      charts.forEach(function (c) { c.resize(); });
      if (map) { map.invalidateSize(); }
    }, 20000);
  }
})();
