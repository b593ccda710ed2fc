// Home page trends: one ECharts line chart per [data-chart] element, from its JSON (days, series with a tone); the
// colours are app.css's status colours (--gl-open, --gl-normal …), so a trend reads like the badges of every page.
// The figures are also in a table beside each chart for screen readers; the chart itself is hidden from them.
(function () {
  if (typeof echarts === 'undefined') { return; }
  var styles = getComputedStyle(document.documentElement);
  function colour(tone) { return styles.getPropertyValue('--gl-' + tone).trim() || '#0b5ed7'; }
  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      grid: { left: 36, right: 12, top: 36, bottom: 24 },
      legend: { top: 0, textStyle: { color: '#212529' } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.days, axisLabel: { color: '#495057' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#495057' } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', symbolSize: 5, data: s.values,
          itemStyle: { color: colour(s.tone) }, lineStyle: { width: 2 } };
      })
    });
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
