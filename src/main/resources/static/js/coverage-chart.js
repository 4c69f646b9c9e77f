// Coverage charts (ECharts): coverage per agency and the trend, each with the dashed 100 % target line.
// Data comes from the coverage API; labels from data-* attributes, so this file holds no text.
(function () {
  'use strict';

  const format = window.Khien;

  // tooltips are HTML: agency names are user input
  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function pct(ratio) {
    return ratio == null ? null : Math.round(ratio * 1000) / 10;
  }

  function targetLine(label) {
    return {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#198754', width: 2 },
      label: { formatter: label, position: 'insideEndTop' },
      data: [{ yAxis: 100 }]
    };
  }

  function message(el, text) {
    el.textContent = '';
    const p = document.createElement('p');
    p.className = 'text-body-secondary';
    p.textContent = text;
    el.appendChild(p);
  }

  function load(el, render) {
    fetch(el.dataset.url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(function (data) { render(el, data); })
      .catch(function () { message(el, el.dataset.labelFailed); });
  }

  function perAgency(el, data) {
    const items = data.items.filter(function (i) { return i.inScope > 0; });
    if (items.length === 0) { message(el, el.dataset.labelEmpty); return; }
    el.textContent = '';
    const chart = echarts.init(el);
    chart.setOption({
      grid: { left: 48, right: 24, top: 24, bottom: 80 },
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          const item = items[params[0].dataIndex];
          return escape(item.agencyName) + '<br>' + escape(el.dataset.labelCoverage) + ': ' + format.percent(params[0].value / 100)
            + '<br>' + item.protected + ' / ' + item.inScope;
        }
      },
      xAxis: { type: 'category', data: items.map(function (i) { return i.agencyCode; }), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: function (v) { return format.percent(v / 100); } } },
      series: [{
        name: el.dataset.labelCoverage,
        type: 'bar',
        data: items.map(function (i) { return pct(i.coverage); }),
        itemStyle: { color: '#123b5c' },
        markLine: targetLine(el.dataset.labelTarget)
      }]
    });
    // every figure leads to the hosts behind it
    chart.on('click', function (params) {
      const item = items[params.dataIndex];
      if (item) {
        window.location.href = el.dataset.drillUrl + '?agency=' + encodeURIComponent(item.agencyId);
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function trend(el, data) {
    const points = data.points;
    if (points.length === 0) { message(el, el.dataset.labelEmpty); return; }
    el.textContent = '';
    const chart = echarts.init(el);
    chart.setOption({
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      tooltip: {
        trigger: 'axis',
        formatter: function (params) {
          const p = points[params[0].dataIndex];
          return format.date(p.date) + '<br>' + escape(el.dataset.labelCoverage) + ': '
            + format.percent(params[0].value / 100) + ' (' + format.number(p.protected) + ' / ' + format.number(p.inScope) + ')';
        }
      },
      xAxis: { type: 'category', data: points.map(function (p) { return format.date(p.date); }) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: function (v) { return format.percent(v / 100); } } },
      series: [{
        name: el.dataset.labelCoverage,
        type: 'line',
        smooth: true,
        data: points.map(function (p) { return pct(p.coverage); }),
        itemStyle: { color: '#123b5c' },
        markLine: targetLine(el.dataset.labelTarget)
      }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    const bars = document.getElementById('coverage-chart');
    const line = document.getElementById('coverage-trend');
    if (bars && window.echarts) { load(bars, perAgency); }
    if (line && window.echarts) { load(line, trend); }
  });
})();
