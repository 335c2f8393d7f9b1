// Table 1 as charts, drawn with Apache ECharts (npm, Apache-2.0) served by the atlas itself from vendor/echarts/.
// The script is loaded only when the dashboard opens; charts use the SVG renderer (crisp when printed) and the
// page's language for ECharts' own strings.

let loading = null;

/** window.echarts, loaded once from the atlas. */
export function loadECharts() {
  loading ??= new Promise((resolve, reject) => {
    if (window.echarts) {
      resolve(window.echarts);
      return;
    }
    const script = document.createElement('script');
    script.src = 'vendor/echarts/echarts.common.min.js';
    script.addEventListener('load', () => (window.echarts ? resolve(window.echarts) : reject(new Error('ECharts did not load'))));
    script.addEventListener('error', () => {
      loading = null;
      script.remove();
      reject(new Error('ECharts did not load'));
    });
    document.head.append(script);
  });
  return loading;
}

const COLORS = { primary: '#7a9a3a', secondary: '#2f6db5', tertiary: '#c98a04', gdp: '#1f3b57', imports: '#b8322a', exports: '#12875f', foreign_investment: '#6a4c93' };

/**
 * Draws the three charts of Table 1 into the elements of `targets` ({gdp, trade, fdi}); returns {dispose, resize}.
 */
export function drawEconomy(echarts, app, economy, targets) {
  const lang = app.i18n.lang;
  const column = (id) => economy.columns.find((c) => c.id === id);
  const label = (id) => (lang === 'zh' ? column(id).name : column(id).name_en);
  const years = economy.rows.map((r) => String(r.year));
  const values = (id) => economy.rows.map((r) => r[id]);
  const base = (unit) => ({
    aria: { enabled: true },
    animation: false,
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 12, top: 44, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: unit, nameTextStyle: { align: 'left' } },
  });
  const yi = lang === 'zh' ? '亿元' : '100 M yuan';
  const options = {
    gdp: {
      ...base(yi),
      series: [
        ...['primary', 'secondary', 'tertiary'].map((id) => ({
          id, name: label(id), type: 'bar', stack: 'sectors', data: values(id), itemStyle: { color: COLORS[id] }, barMaxWidth: 36,
        })),
        {
          id: 'gdp', name: lang === 'zh' ? 'GDP' : 'GDP', type: 'line', data: values('gdp'), itemStyle: { color: COLORS.gdp },
          symbolSize: 7, label: { show: true, position: 'top', formatter: ({ value }) => app.i18n.num(value, 1) },
        },
      ],
    },
    trade: {
      ...base(yi),
      series: ['imports', 'exports'].map((id) => ({
        id, name: label(id), type: 'bar', data: values(id), itemStyle: { color: COLORS[id] }, barMaxWidth: 28,
        label: { show: true, position: 'top', formatter: ({ value }) => app.i18n.num(value, 1) },
      })),
    },
    fdi: {
      ...base(lang === 'zh' ? '万美元' : '10,000 US$'),
      series: [{
        id: 'foreign_investment', name: label('foreign_investment'), type: 'bar', data: values('foreign_investment'),
        itemStyle: { color: COLORS.foreign_investment }, barMaxWidth: 36,
        label: { show: true, position: 'top', formatter: ({ value }) => app.i18n.num(value, 1) },
      }],
    },
  };
  const charts = [];
  for (const [key, el] of Object.entries(targets)) {
    if (!el) continue;
    const chart = echarts.init(el, null, { renderer: 'svg', locale: lang === 'zh' ? 'ZH' : 'EN' });
    chart.setOption(options[key]);
    charts.push(chart);
  }
  const resize = () => charts.forEach((c) => c.resize());
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : null;
  Object.values(targets).forEach((el) => el && observer?.observe(el));
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  return {
    charts,
    resize,
    dispose() {
      observer?.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      charts.forEach((c) => c.dispose());
    },
  };
}
