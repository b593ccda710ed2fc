// Daily report chart: a line of one field over time, drawn from the table's data attributes (no inline script).
(function () {
  var el = document.getElementById('report-series-chart');
  var table = document.getElementById('report-series');
  if (!el || !table || !window.echarts) { return; }
  var days = [];
  var values = [];
  Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
    days.push(row.getAttribute('data-day'));
    var v = parseFloat(row.getAttribute('data-value'));
    values.push(isNaN(v) ? null : v);
  });
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value' },
    series: [{ name: el.getAttribute('data-label'), type: 'line', data: values, smooth: true }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
}());
