// A table of the projects that match the page's filters: every column sortable, paginated, linked both ways to the
// map selection (a row selects its project; a project selected anywhere is the highlighted row), with downloads of
// the same selection from the API (CSV, GeoJSON, GeoPackage). Built with h(): every value is a text node.
import { h, fill } from '../dom.js';

export const PAGE_SIZE = 50;

/** The page's filters as the API's items parameters (the facets are named as the API's filters). */
export const filterParams = (app, extra = {}) => app.filterParams(extra);

/** Download links of the projects matching the page's filters. */
export function downloadLinks(app) {
  const link = (f, label, extra = {}) => h('a', {
    class: 'btn download', href: `api/collections/projects/items?${filterParams(app, { f, ...extra })}`,
    download: '', dataset: { format: f },
  }, label);
  return h('p', { class: 'downloads' }, app.t('table.download'), ' ',
    link('csv', 'CSV'), ' ', link('json', 'GeoJSON', { limit: '10000' }), ' ', link('gpkg', 'GeoPackage'));
}

const investment = (p) => (typeof p.figures?.investment_yi_yuan === 'number' ? p.figures.investment_yi_yuan : null);

/** The table's columns: what a row shows and what it sorts by. */
export const COLUMNS = [
  { id: 'name', value: (p, app) => (app.i18n.lang === 'en' ? p.name_en || p.name : p.name) },
  { id: 'category', value: (p, app) => app.t(`cat.${p.category}`) },
  { id: 'status', value: (p, app) => (p.status ? app.t(`status.${p.status}`) : '') },
  { id: 'counties', value: (p) => (p.counties || []).join('、') },
  { id: 'stage', value: (p) => p.stage || '' },
  { id: 'investment', value: (p) => investment(p), numeric: true },
];

/** A table of projects; rows: features; options.onRow(feature) on a click; used by the tab and by the print report. */
export function projectsTable(app, rows, { onRow, selectedId, sort } = {}) {
  return h('table', { class: 'projects-table' },
    h('thead', null, h('tr', null, COLUMNS.map((c) => h('th', {
      scope: 'col', class: c.numeric ? 'num' : null,
      'aria-sort': sort?.column === c.id ? (sort.descending ? 'descending' : 'ascending') : null,
    }, sort ? h('button', { type: 'button', class: 'sort', dataset: { column: c.id } }, app.t(`table.col.${c.id}`))
      : app.t(`table.col.${c.id}`))))),
    h('tbody', null, rows.map((f) => h('tr', {
      dataset: { id: String(f.id) },
      class: String(f.id) === selectedId ? 'selected' : null,
      'aria-selected': onRow ? String(String(f.id) === selectedId) : null,
      tabindex: onRow ? 0 : null,
      onclick: onRow ? () => onRow(f) : null,
      onkeydown: onRow ? (e) => { if (e.key === 'Enter') onRow(f); } : null,
    }, COLUMNS.map((c) => {
      const v = c.value(f.properties, app);
      return h('td', { class: c.numeric ? 'num' : null }, v == null ? '–' : c.numeric ? app.i18n.num(v) : v);
    })))));
}

export function compareBy(app, column, descending) {
  const c = COLUMNS.find((x) => x.id === column) || COLUMNS[0];
  return (a, b) => {
    const x = c.value(a.properties, app);
    const y = c.value(b.properties, app);
    if (x == null || x === '') return y == null || y === '' ? 0 : 1; // empty last
    if (y == null || y === '') return -1;
    const d = c.numeric ? x - y : String(x).localeCompare(String(y), app.i18n.lang === 'zh' ? 'zh-CN' : 'en');
    return (descending ? -d : d) || String(a.id).localeCompare(String(b.id));
  };
}

export function tablePanel(app) {
  let container;
  let active = false;
  const sort = { column: 'name', descending: false };
  let page = 0;

  const matching = () => [...app.index.projects.values()].filter((f) => app.matches(f.properties))
    .sort(compareBy(app, sort.column, sort.descending));

  function render() {
    if (!container || !active) return;
    const rows = matching();
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const selectedId = app.state.selected?.type === 'project' ? app.state.selected.id : null;
    const table = projectsTable(app, rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), {
      sort, selectedId,
      onRow: (f) => app.select({ type: 'project', id: f.id }, { zoom: true, via: 'table' }),
    });
    table.querySelector('thead').addEventListener('click', (e) => {
      const button = e.target.closest('button.sort');
      if (!button) return;
      const column = button.dataset.column;
      sort.descending = sort.column === column ? !sort.descending : false;
      sort.column = column;
      page = 0;
      render();
      container.querySelector(`button.sort[data-column="${column}"]`)?.focus();
    });
    const pager = h('nav', { class: 'pager', 'aria-label': app.t('table.pages') },
      h('button', { type: 'button', class: 'btn', disabled: page === 0, onclick: () => { page -= 1; render(); } }, app.t('table.prev')),
      h('span', { class: 'page-of' }, app.t('table.pageOf', { page: page + 1, pages, n: rows.length })),
      h('button', { type: 'button', class: 'btn', disabled: page >= pages - 1, onclick: () => { page += 1; render(); } }, app.t('table.next')));
    fill(container, h('section', { class: 'panel-section' },
      h('h2', { class: 'section-title' }, app.t('table.heading')),
      h('p', { class: 'note', id: 'table-count' }, app.t('table.count', { n: rows.length })),
      downloadLinks(app),
      h('div', { class: 'table-wrap' }, table),
      pager));
  }

  /** The selected project's row: on its page, highlighted and in view. */
  function showSelected() {
    const sel = app.state.selected;
    if (!active || sel?.type !== 'project') { render(); return; }
    const i = matching().findIndex((f) => String(f.id) === sel.id);
    if (i >= 0) page = Math.floor(i / PAGE_SIZE);
    render();
    container.querySelector(`tr[data-id="${CSS.escape(sel.id)}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  return {
    id: 'table',
    titleKey: 'tab.table',
    mount(el) {
      container = el;
      app.on('filters', () => { page = 0; render(); });
      app.on('data', render);
      app.on('lang', render);
      app.on('select', ({ via } = {}) => { if (via !== 'table') showSelected(); else render(); });
    },
    activate() {
      active = true;
      showSelected();
    },
  };
}
