// Client-side filters on the loaded projects; each option shows how many projects it would give.
import { BELTS, CATEGORIES, STATUSES } from '../model.js';
import { FACETS } from '../state.js';
import { esc, rerender } from '../util.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';

export function filtersPanel(app) {
  let summary;
  let clear;
  let body;

  const projects = () => [...app.index.projects.values()].map((f) => f.properties);

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

  function html() {
    const all = projects();
    return FACETS.map((facet) => {
      const base = all.filter((p) => app.matches(p, facet));
      const rows = options(facet).map((o, i) => {
        const n = base.filter((p) => app.facetValues(p, facet).includes(o.value)).length;
        const checked = app.state.filters[facet].has(o.value);
        const id = `filter-${facet}-${i}`;
        return `<label class="check-row${n ? '' : ' is-empty'}" for="${id}">
          <input type="checkbox" id="${id}" data-facet="${facet}" value="${esc(o.value)}" ${checked ? 'checked' : ''}>
          ${o.mark}<span class="row-label">${esc(o.label)}</span><span class="count">${n}</span></label>`;
      }).join('');
      return `<fieldset class="group facet facet-${facet}"><legend>${esc(app.t(`filters.${facet}`))}</legend><div class="facet-options">${rows}</div></fieldset>`;
    }).join('');
  }

  function render() {
    if (!body) return;
    const all = projects();
    const shown = all.filter((p) => app.matches(p)).length;
    summary.textContent = app.t('filters.showing', { n: shown, total: all.length });
    summary.dataset.shown = String(shown);
    summary.dataset.total = String(all.length);
    clear.textContent = app.t('filters.clear');
    clear.disabled = FACETS.every((f) => app.state.filters[f].size === 0);
    rerender(body, html());
  }

  return {
    id: 'filters',
    titleKey: 'tab.filters',
    mount(el) {
      el.innerHTML = `
        <section class="panel-section" aria-labelledby="filters-h">
          <h2 id="filters-h" class="section-title">${esc(app.t('filters.heading'))}</h2>
          <div class="filter-bar">
            <p id="filter-summary" class="filter-summary" role="status" aria-live="polite"></p>
            <button type="button" id="filter-clear" class="btn btn-secondary"></button>
          </div>
          <div class="filter-body"></div>
        </section>`;
      summary = el.querySelector('#filter-summary');
      clear = el.querySelector('#filter-clear');
      body = el.querySelector('.filter-body');
      clear.addEventListener('click', () => app.clearFilters());
      body.addEventListener('change', (e) => {
        const input = e.target;
        if (input.dataset.facet) app.setFilter(input.dataset.facet, input.value, input.checked);
      });
      app.on('lang', () => {
        el.querySelector('#filters-h').textContent = app.t('filters.heading');
        render();
      });
      app.on('filters', render);
      app.on('data', render);
      render();
    },
  };
}
