// The filters: each option shows how many projects it would give, counted by the server (/api/stats with the
// other facets' filters), and the summary says how many of all projects the filters keep.
import { h, markup } from '../dom.js';
import { BELTS, CATEGORIES, STATUSES } from '../model.js';
import { FACETS } from '../state.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';
import { debounce } from '../util.js';
import { isAbort, latest } from './server-lists.js';

/** The count of one option in a /api/stats answer. */
export function facetCount(stats, facet, value) {
  switch (facet) {
    case 'category': return stats.categories?.find((c) => c.id === value)?.count ?? 0;
    case 'belt': return stats.belts?.find((b) => b.id === value)?.count ?? 0;
    case 'county': return stats.counties?.find((c) => c.name === value)?.count ?? 0;
    case 'status': return stats.statuses?.[value] ?? 0;
    default: return 0;
  }
}

export function filtersPanel(app) {
  let summary;
  let clear;
  let body;
  let built = '';
  const requests = latest();

  function options(facet) {
    const t = app.t;
    switch (facet) {
      case 'category': return CATEGORIES.map((c) => ({ value: c.id, label: t(`cat.${c.id}`), mark: categoryBadge(c.id) }));
      case 'belt': return BELTS.map((b) => ({ value: b.id, label: t(`belt.${b.id}`), mark: beltSwatch(b.id) }));
      case 'status': return STATUSES.map((s) => ({ value: s, label: t(`status.${s}`), mark: `<span class="status-dot status-${s}" aria-hidden="true"></span>` }));
      case 'county': return [...app.index.counties.values()]
        .sort((a, b) => BELTS.findIndex((x) => x.id === a.properties.belt) - BELTS.findIndex((x) => x.id === b.properties.belt))
        .map((c) => ({ value: c.properties.name, label: app.i18n.name(c.properties), mark: beltSwatch(c.properties.belt) }));
      default: return [];
    }
  }

  /** The check boxes (built again only when the language or the counties change, so that focus stays put). */
  function build() {
    const key = `${app.i18n.lang}|${app.index.counties.size}`;
    if (key === built) return;
    built = key;
    const focused = body.contains(document.activeElement) ? document.activeElement.id : null;
    body.replaceChildren(...FACETS.map((facet) => h('fieldset', { class: `group facet facet-${facet}` },
      h('legend', null, app.t(`filters.${facet}`)),
      h('div', { class: 'facet-options' }, options(facet).map((o, i) => {
        const id = `filter-${facet}-${i}`;
        return h('label', { class: 'check-row', for: id },
          h('input', { type: 'checkbox', id, dataset: { facet }, value: o.value }),
          markup(o.mark), h('span', { class: 'row-label' }, o.label), h('span', { class: 'count' }, '…'));
      })))));
    if (focused) document.getElementById(focused)?.focus();
  }

  /** The check marks follow the state at once; the counts when the server answers. */
  function render() {
    if (!body) return;
    build();
    body.querySelectorAll('input[data-facet]').forEach((input) => {
      input.checked = app.state.filters[input.dataset.facet].has(input.value);
    });
    clear.textContent = app.t('filters.clear');
    clear.disabled = FACETS.every((f) => app.state.filters[f].size === 0);
    refresh();
  }

  /** One /api/stats per distinct selection: all projects, the filtered ones, and each facet without its own filter. */
  async function count() {
    const signal = requests.next();
    const queries = { all: '', shown: app.filterParams().toString() };
    for (const facet of FACETS) queries[facet] = app.filterParams({}, facet).toString();
    body.setAttribute('aria-busy', 'true');
    try {
      const answers = new Map([...new Set(Object.values(queries))].map((q) => [q, app.api.statsOf(q, signal)]));
      const stats = Object.fromEntries(await Promise.all(Object.entries(queries).map(async ([k, q]) => [k, await answers.get(q)])));
      if (signal.aborted) return;
      summary.textContent = app.t('filters.showing', { n: stats.shown.total, total: stats.all.total });
      summary.dataset.shown = String(stats.shown.total);
      summary.dataset.total = String(stats.all.total);
      summary.classList.remove('is-error');
      body.querySelectorAll('label.check-row').forEach((label) => {
        const input = label.querySelector('input');
        const n = facetCount(stats[input.dataset.facet], input.dataset.facet, input.value);
        label.querySelector('.count').textContent = String(n);
        label.classList.toggle('is-empty', !n);
      });
      body.removeAttribute('aria-busy');
    } catch (e) {
      if (isAbort(e)) return;
      console.warn('filter counts:', e.message);
      summary.textContent = app.t('list.failed');
      summary.classList.add('is-error');
      body.removeAttribute('aria-busy');
    }
  }

  const refresh = debounce(count, 120);

  return {
    id: 'filters',
    titleKey: 'tab.filters',
    mount(el) {
      const title = h('h2', { id: 'filters-h', class: 'section-title' }, app.t('filters.heading'));
      summary = h('p', { id: 'filter-summary', class: 'filter-summary', role: 'status', 'aria-live': 'polite' }, app.t('list.loading'));
      clear = h('button', { type: 'button', id: 'filter-clear', class: 'btn btn-secondary', onclick: () => app.clearFilters() });
      body = h('div', { class: 'filter-body' });
      el.replaceChildren(h('section', { class: 'panel-section', 'aria-labelledby': 'filters-h' },
        title, h('div', { class: 'filter-bar' }, summary, clear), body));
      body.addEventListener('change', (e) => {
        const input = e.target;
        if (input.dataset.facet) app.setFilter(input.dataset.facet, input.value, input.checked);
      });
      app.on('lang', () => {
        title.textContent = app.t('filters.heading');
        render();
      });
      app.on('filters', render);
      app.on('data', render);
      app.on('project', refresh);
      render();
    },
  };
}
