// Case KPI page: sortable columns of the unit table (click a header; again to reverse) and a bar chart of the
// on-time closure and closure rates per unit, drawn from the table's data attributes (no inline script).
(function () {
  var table = document.getElementById('kpi-units');
  if (!table) { return; }
  var body = document.getElementById('kpi-rows');

  function value(row, index, kind) {
    var cell = row.cells[index];
    var v = cell ? cell.getAttribute('data-value') : '';
    if (kind === 'text') { return v || ''; }
    var n = parseFloat(v);
    return isNaN(n) ? -1 : n;
  }

  var headers = table.querySelectorAll('thead th[data-sort]');
  Array.prototype.forEach.call(headers, function (th, index) {
    th.setAttribute('role', 'button');
    th.setAttribute('tabindex', '0');
    th.classList.add('text-decoration-underline');
    function sort() {
      var kind = th.getAttribute('data-sort');
      var descending = th.getAttribute('aria-sort') !== 'descending';
      if (kind === 'text' || kind === 'rank') { descending = th.getAttribute('aria-sort') === 'ascending'; }
      Array.prototype.forEach.call(headers, function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, index, kind);
        var y = value(b, index, kind);
        var c = kind === 'text' ? String(x).localeCompare(String(y), 'zh') : x - y;
        return descending ? -c : c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
    });
  });

  var chartEl = document.getElementById('kpi-chart');
  if (!chartEl || !window.echarts) { return; }
  var rows = Array.prototype.slice.call(body.rows).slice(0, 20);
  var names = [];
  var onTime = [];
  var closure = [];
  rows.forEach(function (row) {
    names.push(row.getAttribute('data-name'));
    var o = parseFloat(row.getAttribute('data-ontime'));
    var c = parseFloat(row.getAttribute('data-closure'));
    onTime.push(isNaN(o) ? null : Math.round(o * 1000) / 10);
    closure.push(isNaN(c) ? null : Math.round(c * 1000) / 10);
  });
  names.reverse(); onTime.reverse(); closure.reverse();
  var chart = window.echarts.init(chartEl);
  chart.setOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: function (v) { return v == null ? '—' : v + ' %'; } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', data: names, axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { name: chartEl.getAttribute('data-label-ontime'), type: 'bar', data: onTime },
      { name: chartEl.getAttribute('data-label-closure'), type: 'bar', data: closure }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
