// A table of the projects that match the page's filters, paged and sorted by the server, linked both ways to the
// map selection (a row selects its project; a project selected anywhere is the highlighted row), with downloads of
// the same selection from the API (CSV, GeoJSON, GeoPackage). Built with h(): every value is a text node.
import { h, fill } from '../dom.js';
import { errorNote, isAbort, latest, loadingNote, projectPage } from './server-lists.js';

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

/** The table's columns: what a row shows and the server's sortby field, if it sorts by one. */
export const COLUMNS = [
  { id: 'name', value: (p, app) => (app.i18n.lang === 'en' ? p.name_en || p.name : p.name), sortby: (app) => (app.i18n.lang === 'en' ? 'name_en' : 'name') },
  { id: 'category', value: (p, app) => app.t(`cat.${p.category}`), sortby: () => 'category' },
  { id: 'status', value: (p, app) => (p.status ? app.t(`status.${p.status}`) : ''), sortby: () => 'status' },
  { id: 'counties', value: (p) => (p.counties || []).join('、') },
  { id: 'stage', value: (p) => p.stage || '', sortby: () => 'stage' },
  { id: 'investment', value: (p) => investment(p), numeric: true },
];

/** The items parameter sortby for a column (ties broken by id, so that pages never overlap). */
export function sortby(app, column, descending) {
  const c = COLUMNS.find((x) => x.id === column && x.sortby) || COLUMNS[0];
  return `${descending ? '-' : ''}${c.sortby(app)},id`;
}

/** A table of projects; rows: features; options.onRow(feature) on a click; used by the tab and by the print report. */
export function projectsTable(app, rows, { onRow, selectedId, sort } = {}) {
  return h('table', { class: 'projects-table' },
    h('thead', null, h('tr', null, COLUMNS.map((c) => h('th', {
      scope: 'col', class: c.numeric ? 'num' : null,
      'aria-sort': sort?.column === c.id ? (sort.descending ? 'descending' : 'ascending') : null,
    }, sort && c.sortby ? h('button', { type: 'button', class: 'sort', dataset: { column: c.id } }, app.t(`table.col.${c.id}`))
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

/**
 * The tab: one page of the filtered projects asked from the server (sorted and counted there, without geometries),
 * so that it works at any number of projects.
 */
export function tablePanel(app) {
  let container;
  let active = false;
  const sort = { column: 'name', descending: false };
  let page = 0;
  /** The page shown: {features, numberMatched}, null while none has come; failed after an error. */
  let current = null;
  let loading = false;
  let failed = false;
  const requests = latest();

  async function load() {
    if (!container || !active) return;
    const signal = requests.next();
    loading = true;
    failed = false;
    render();
    try {
      const answer = await projectPage(app, filterParams(app, { limit: PAGE_SIZE, offset: page * PAGE_SIZE, sortby: sortby(app, sort.column, sort.descending) }), signal);
      if (signal.aborted) return;
      current = answer;
      const pages = Math.max(1, Math.ceil(answer.numberMatched / PAGE_SIZE));
      if (page > pages - 1) { page = pages - 1; load(); return; }
    } catch (e) {
      if (isAbort(e)) return;
      console.warn('table:', e.message);
      failed = true;
    }
    loading = false;
    render();
  }

  function render() {
    if (!container || !active) return;
    const n = current?.numberMatched ?? 0;
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE));
    const selectedId = app.state.selected?.type === 'project' ? app.state.selected.id : null;
    const focusedColumn = container.contains(document.activeElement) ? document.activeElement?.dataset?.column : null;
    const table = current ? projectsTable(app, current.features, {
      sort, selectedId,
      onRow: (f) => app.select({ type: 'project', id: f.id }, { zoom: true, via: 'panel' }),
    }) : null;
    table?.querySelector('thead').addEventListener('click', (e) => {
      const button = e.target.closest('button.sort');
      if (!button) return;
      const column = button.dataset.column;
      sort.descending = sort.column === column ? !sort.descending : false;
      sort.column = column;
      page = 0;
      load();
    });
    const pager = h('nav', { class: 'pager', 'aria-label': app.t('table.pages') },
      h('button', { type: 'button', class: 'btn', disabled: page === 0 || loading, onclick: () => { page -= 1; load(); } }, app.t('table.prev')),
      h('span', { class: 'page-of' }, app.t('table.pageOf', { page: page + 1, pages, n })),
      h('button', { type: 'button', class: 'btn', disabled: page >= pages - 1 || loading, onclick: () => { page += 1; load(); } }, app.t('table.next')));
    fill(container, h('section', { class: 'panel-section', 'aria-busy': loading ? 'true' : null },
      h('h2', { class: 'section-title' }, app.t('table.heading')),
      current ? h('p', { class: 'note', id: 'table-count', dataset: { n: String(n) } }, app.t('table.count', { n })) : null,
      downloadLinks(app),
      failed ? errorNote(app, load) : loading ? loadingNote(app) : null,
      table ? h('div', { class: 'table-wrap' }, table) : null,
      current ? pager : null));
    if (focusedColumn) container.querySelector(`button.sort[data-column="${focusedColumn}"]`)?.focus();
  }

  /** The selected project's row is highlighted when it is on the page shown. */
  function showSelected() {
    if (!container || !active) return;
    const id = app.state.selected?.type === 'project' ? app.state.selected.id : null;
    container.querySelectorAll('tbody tr[data-id]').forEach((tr) => {
      const on = tr.dataset.id === id;
      tr.classList.toggle('selected', on);
      tr.setAttribute('aria-selected', String(on));
      if (on) tr.scrollIntoView({ block: 'nearest' });
    });
  }

  return {
    id: 'table',
    titleKey: 'tab.table',
    mount(el) {
      container = el;
      app.on('filters', () => { page = 0; load(); });
      app.on('project', load);
      app.on('lang', () => { if (sort.column === 'name') load(); else render(); });
      app.on('select', showSelected);
    },
    activate() {
      active = true;
      load();
    },
  };
}
