// Statistics per belt, category, county and status from /api/stats of the filtered projects (asked when the tab is
// first opened, then again when the filters or a project change).
import { BELTS, CATEGORIES, STATUSES, belt, category } from '../model.js';
import { bar, beltSwatch, categoryBadge } from './legend-parts.js';
import { fill, h, markup } from '../dom.js';
import { FACETS } from '../state.js';
import { filterParams } from './table-panel.js';
import { debounce } from '../util.js';
import { isAbort, latest } from './server-lists.js';

/** The projects of no belt (those the plans place only in "the city"), as a CQL2 filter. */
export const CITY_WIDE = `belts IS NULL OR NOT A_OVERLAPS(belts, (${BELTS.map((b) => `'${b.id}'`).join(',')}))`;

export function statsPanel(app) {
  let container;
  let stats = null;
  let cityStats = null;
  let failed = false;
  const requests = latest();

  // 1 亿 = 100 million, so English shows billions.
  const yi = (n) => app.t('unit.yi', { n: app.i18n.num(n ?? 0), bn: app.i18n.num((n ?? 0) / 10, 2) });

  const selectButton = (type, id, ...content) =>
    h('button', { type: 'button', class: 'link-button stat-name', dataset: { select: `${type}:${id}` } }, ...content);

  /** The figures as DOM (names from the server stay text). */
  function body() {
    const t = app.t;
    if (failed) return [h('p', { class: 'notice error', role: 'alert' }, t('stats.failed'))];
    if (!stats) return [h('p', { class: 'notice', role: 'status' }, t('app.loading'))];
    const belts = BELTS.map((b) => stats.belts?.find((x) => x.id === b.id)).filter(Boolean);
    const beltName = (b) => (app.i18n.lang === 'en' ? b.name_en || b.name : b.name);
    const maxBelt = Math.max(1, ...belts.map((b) => b.count));

    const beltRows = belts.map((b) => h('li', { class: 'stat-row' },
      selectButton('belt', b.id, markup(beltSwatch(b.id)), h('span', null, beltName(b))),
      markup(bar(b.count, maxBelt, belt(b.id).stroke)),
      h('span', { class: 'stat-value' }, app.i18n.num(b.count, 0)),
      b.investment_yi_yuan ? h('span', { class: 'stat-sub' }, yi(b.investment_yi_yuan)) : null));

    const cats = [...CATEGORIES.map((c) => c.id), ...(stats.categories || []).map((c) => c.id)]
      .filter((id, i, all) => all.indexOf(id) === i);
    const maxCell = Math.max(1, ...belts.flatMap((b) => Object.values(b.categories || {})));
    // Projects the plan places only in "the city" belong to no belt: their own /api/stats (CITY_WIDE) per category.
    const cityWide = new Map((cityStats?.categories || []).map((c) => [c.id, c.count]));
    const tableRows = cats.map((id) => {
      const total = stats.categories?.find((c) => c.id === id)?.count ?? 0;
      const cells = belts.map((b) => {
        const n = b.categories?.[id] ?? 0;
        const alpha = n ? (0.12 + 0.6 * (n / maxCell)).toFixed(2) : '0';
        return h('td', { class: 'num', dataset: { belt: b.id }, style: { '--heat': alpha, '--tone': belt(b.id).stroke } }, n || '–');
      });
      return h('tr', { dataset: { category: id } },
        h('th', { scope: 'row' }, markup(categoryBadge(id)), h('span', null, t(`cat.${id}`))),
        cells,
        h('td', { class: 'num city', 'data-city': '' }, cityWide.get(id) || '–'),
        h('td', { class: 'num total' }, total));
    });

    const counties = [...(stats.counties || [])].sort((a, b) => b.count - a.count);
    const maxCounty = Math.max(1, ...counties.map((c) => c.count));
    const countyRows = counties.map((c) => {
      const feature = app.index.countiesByName.get(c.name);
      const label = app.i18n.lang === 'en' ? c.name_en || c.name : c.name;
      return h('li', { class: 'stat-row' },
        feature ? selectButton('county', feature.id, markup(beltSwatch(c.belt)), h('span', null, label))
          : h('span', { class: 'stat-name' }, markup(beltSwatch(c.belt)), label),
        markup(bar(c.count, maxCounty, belt(c.belt).stroke)),
        h('span', { class: 'stat-value' }, app.i18n.num(c.count, 0)));
    });

    return [
      h('div', { class: 'stat-cards' },
        h('div', { class: 'stat-card' }, h('span', { class: 'stat-label' }, t('stats.total')),
          h('strong', { id: 'stats-total' }, app.i18n.num(stats.total ?? 0, 0))),
        h('div', { class: 'stat-card', title: t('stats.investmentNote') }, h('span', { class: 'stat-label' }, t('stats.investment')),
          h('strong', null, yi(stats.investment_yi_yuan)),
          h('span', { class: 'stat-sub', id: 'stats-investment-count' }, t('stats.investmentCount', { n: app.i18n.num(stats.investment_count ?? 0, 0) })))),
      shadeToggle(), ...mixCharts(),
      h('h3', null, t('stats.byBelt')),
      h('ul', { class: 'stat-list' }, beltRows),
      h('h3', null, t('stats.byCategory')),
      h('div', { class: 'table-wrap' }, h('table', { class: 'stat-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('stats.category')),
          belts.map((b) => h('th', { scope: 'col', class: 'num', title: beltName(b) }, t(`belt.short.${b.id}`))),
          h('th', { scope: 'col', class: 'num', title: t('stats.cityWideLong') }, t('stats.cityWide')),
          h('th', { scope: 'col', class: 'num' }, t('stats.sum')))),
        h('tbody', null, tableRows))),
      h('h3', null, t('stats.byCounty')),
      h('ul', { class: 'stat-list' }, countyRows),
      h('p', { class: 'note' }, t('stats.note')),
    ];
  }

  function render() {
    if (!container) return;
    fill(container, h('section', { class: 'panel-section', 'aria-labelledby': 'stats-h' },
      h('h2', { id: 'stats-h', class: 'section-title' }, app.t('stats.heading')), filtersLine(), body()));
  }

  /** Which of the page's filters the figures below apply (they are the statistics of the filtered projects). */
  function filtersLine() {
    const parts = FACETS.filter((f) => app.state.filters[f].size).map((f) => [...app.state.filters[f]]
      .map((v) => (f === 'category' ? app.t(`cat.${v}`) : f === 'status' ? app.t(`status.${v}`) : f === 'belt' ? app.t(`belt.short.${v}`) : v))
      .join('、'));
    return h('p', { class: 'stat-filters', id: 'stats-filters' },
      parts.length ? app.t('stats.filtered', { what: parts.join(' · ') }) : app.t('stats.unfiltered'));
  }

  /** Category mix (one stacked bar with its legend) and projects per status (bars), with DOM only. */
  function mixCharts() {
    const total = Math.max(1, (stats.categories || []).reduce((n, c) => n + c.count, 0));
    const cats = (stats.categories || []).filter((c) => c.count).sort((a, b) => b.count - a.count);
    const mix = h('div', { class: 'mix-bar', role: 'img', 'aria-label': cats.map((c) => `${app.t(`cat.${c.id}`)} ${c.count}`).join(', ') },
      cats.map((c) => h('span', { title: `${app.t(`cat.${c.id}`)}: ${c.count}`,
        style: { width: `${(100 * c.count) / total}%`, background: category(c.id).color || '#888' } })));
    const mixList = h('ul', { class: 'stat-list' }, cats.map((c) => h('li', { class: 'stat-row' },
      h('span', { class: 'stat-name' }, app.t(`cat.${c.id}`)),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill',
        style: { width: `${(100 * c.count) / total}%`, background: category(c.id).color || '#888' } })),
      h('span', { class: 'stat-value' }, `${Math.round((100 * c.count) / total)}%`))));
    const byStatus = new Map(STATUSES.map((s) => [s, stats.statuses?.[s] ?? 0]));
    const maxStatus = Math.max(1, ...byStatus.values());
    const statusList = h('ul', { class: 'stat-list', id: 'stats-status' }, [...byStatus].map(([s, n]) => h('li', { class: 'stat-row' },
      h('span', { class: 'stat-name' }, app.t(`status.${s}`)),
      h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: { width: `${(100 * n) / maxStatus}%`, background: '#5b7083' } })),
      h('span', { class: 'stat-value' }, app.i18n.num(n, 0)))));
    return [h('h3', null, app.t('stats.categoryMix')), mix, mixList, h('h3', null, app.t('stats.byStatus')), statusList];
  }

  /** Shade the counties on the map by their number of (filtered) projects. */
  function shadeToggle() {
    const input = h('input', { type: 'checkbox', id: 'stats-shade', checked: !!app.state.countyShade,
      onchange: () => { shade = input.checked; applyShade(); } });
    return h('label', { class: 'check-row', for: 'stats-shade' }, input, ' ', app.t('stats.shade'));
  }

  let shade = false;
  function applyShade() {
    app.state.countyShade = shade && stats
      ? { counts: new Map((stats.counties || []).map((c) => [c.name, c.count])), max: Math.max(1, ...(stats.counties || []).map((c) => c.count)) }
      : null;
    app.layers.get('counties')?.restyle();
  }

  let shown = false;
  async function load() {
    const signal = requests.next();
    const get = (params) => app.api.statsOf(params.toString(), signal);
    try {
      const [s, city] = await Promise.all([get(filterParams(app)), get(filterParams(app, { filter: CITY_WIDE }))]);
      if (signal.aborted) return;
      stats = s;
      cityStats = city;
      failed = false;
    } catch (e) {
      if (isAbort(e)) return;
      failed = true;
      console.warn('stats:', e.message);
    }
    render();
    applyShade();
  }
  const reload = debounce(() => { if (shown) load(); }, 120);

  return {
    id: 'stats',
    titleKey: 'tab.stats',
    mount(el) {
      container = el;
      app.on('lang', render);
      // The figures are those of the filtered projects: asked again when the filters or the data change.
      app.on('filters', reload);
      app.on('project', reload);
      render();
    },
    /** Called when the tab is shown. */
    activate() {
      if (shown && (stats || failed)) return;
      shown = true;
      load();
    },
  };
}
