// "My projects": the projects of the signed-in editor's counties as a table filtered, sorted and paged by the
// server; each row selects its project. Projects still placed only by county or city are flagged. Add a project from here;
// an admin also sees the deleted projects and can restore them.
import { ApiError } from '../api.js';
import { createScope, fill, h, markup, uid } from '../dom.js';
import { CATEGORIES, isApproximate } from '../model.js';
import { categoryBadge } from './legend-parts.js';
import { debounce } from '../util.js';
import { errorNote, isAbort, latest, loadingNote, projectPage } from './server-lists.js';

const COLUMNS = ['name', 'category', 'status', 'precision', 'updated'];
/** The precisions of the projects that still need a position of their own. */
const NEEDS_POSITION = ['county', 'city', 'none'];
const PAGE = 50;

/** Is [lng, lat] inside a GeoJSON (Multi)Polygon? Ray casting on each ring (holes flip it back). */
export function contains(geometry, [x, y]) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.some((rings) => rings.reduce((inside, ring) => {
    let hit = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
    return hit ? !inside : inside;
  }, false));
}

/** The same words the server records when an editor moves a project (edit/PlacementRecord.java). */
const placedBy = (name, date) => {
  const day = date.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return `由 ${name} 于 ${day} 在地图上标定 / Placed on the map by ${name} on ${day}`;
};

export function myProjectsPanel(app, { notify }) {
  const scope = createScope(app);
  let el = null;
  let sort = { column: 'updated', descending: true };
  let query = '';
  let onlyUnplaced = false;
  let deleted = null;
  let placing = null;
  const ids = { filter: uid('mine-filter'), unplaced: uid('mine-unplaced') };

  /** The items parameters of the projects this user may edit: all for an admin, else those wholly in the user's counties. */
  const mineParams = () => {
    if (app.isAdmin()) return new URLSearchParams();
    const counties = app.user?.counties || [];
    const list = counties.map((n) => `'${n.replace(/'/g, "''")}'`).join(',');
    // county= finds those in one of them; the filter keeps those in no other county (what app.mayEdit allows)
    return new URLSearchParams({ county: counties.join(','), filter: `A_CONTAINEDBY(counties, (${list}))` });
  };
  const SORTBY = { name: () => (app.i18n.lang === 'en' ? 'name_en' : 'name'), category: () => 'category', status: () => 'status',
    precision: () => 'precision', updated: () => 'updated_at' };
  /** The page shown: {features, numberMatched, total}; null before the first answer. */
  let current = null;
  let failed = false;
  let pageIndex = 0;
  const requests = latest();

  function listParams() {
    const params = mineParams();
    if (query.trim()) params.set('q', query.trim());
    if (onlyUnplaced) params.set('precision', NEEDS_POSITION.join(','));
    params.set('sortby', `${sort.descending ? '-' : ''}${SORTBY[sort.column]()},id`);
    params.set('limit', String(PAGE));
    params.set('offset', String(pageIndex * PAGE));
    return params;
  }

  /** Asks for the page (and, when narrowed, the count of all the user's projects); then shows it. */
  async function load() {
    if (!el || !app.user || (!app.isAdmin() && !app.user.counties?.length)) return;
    const signal = requests.next();
    failed = false;
    el.querySelector('.mine-list')?.setAttribute('aria-busy', 'true');
    try {
      const narrowed = query.trim() || onlyUnplaced;
      const [page, all] = await Promise.all([projectPage(app, listParams(), signal),
        narrowed ? projectPage(app, new URLSearchParams([...mineParams(), ['limit', '1']]), signal) : null]);
      if (signal.aborted) return;
      current = { ...page, total: all ? all.numberMatched : page.numberMatched };
    } catch (e) {
      if (isAbort(e)) return;
      console.warn('my projects:', e.message);
      failed = true;
    }
    refreshTable();
  }
  const loadSoon = debounce(() => { pageIndex = 0; load(); }, 250);

  function table(list) {
    const t = app.t;
    const header = COLUMNS.map((c) => {
      const active = sort.column === c;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : null },
        h('button', { type: 'button', class: 'sort-button', dataset: { sort: c }, title: t('mine.sortBy', { col: t(`mine.${c}`) }) },
          t(`mine.${c}`), active ? h('span', { 'aria-hidden': 'true' }, sort.descending ? ' ▼' : ' ▲') : null));
    });
    const body = list.map((f) => {
      const p = f.properties;
      const approx = isApproximate(p.precision);
      return h('tr', { dataset: { id: f.id }, class: app.state.selected?.id === String(f.id) ? 'is-selected' : null },
        h('td', {}, h('button', { type: 'button', class: 'link-button', dataset: { select: `project:${f.id}` } },
          markup(categoryBadge(p.category, approx)), h('span', {}, app.i18n.name(p)))),
        h('td', {}, t(`cat.${p.category}`)),
        h('td', {}, p.stage ? `${t(`status.${p.status}`)} · ${t(`stage.${p.stage}`)}` : t(`status.${p.status}`)),
        h('td', {}, NEEDS_POSITION.includes(p.precision) ? h('span', { class: 'flag needs-position' }, t('mine.needsPositionFlag')) : t(`precision.${p.precision}`)),
        h('td', {}, p.updated_at ? h('time', { datetime: p.updated_at }, new Date(p.updated_at).toLocaleDateString(app.i18n.locale(), { timeZone: 'Asia/Shanghai' })) : '—'));
    });
    return h('div', { class: 'table-scroll' }, h('table', { class: 'mine-table' }, h('thead', {}, h('tr', {}, header)), h('tbody', {}, body)));
  }

  function deletedList() {
    const t = app.t;
    if (!app.isAdmin()) return null;
    const items = deleted === null ? h('p', { class: 'note' }, t('history.loading'))
      : !deleted.length ? h('p', { class: 'note' }, t('mine.noDeleted'))
        : h('ul', { class: 'deleted-list' }, deleted.map((entry) => h('li', { dataset: { id: entry.featureId } },
          h('span', {}, entry.name || entry.featureId), ' ',
          h('span', { class: 'note' }, new Date(entry.time).toLocaleString(app.i18n.locale(), { timeZone: 'Asia/Shanghai' }), entry.author ? ` · ${entry.author.name}` : ''), ' ',
          h('button', { type: 'button', class: 'btn btn-secondary btn-small', dataset: { restore: entry.featureId }, onclick: () => restore(entry) }, t('history.restore')))));
    return h('section', { class: 'deleted-projects' }, h('h3', {}, t('mine.deleted')), items);
  }

  function render() {
    if (!el) return;
    const t = app.t;
    if (!app.user) { el.replaceChildren(); return; }
    const focusedSort = document.activeElement?.dataset?.sort;
    const scopeText = app.isAdmin() ? t('account.allCounties')
      : app.user.counties.map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n).join('、');
    fill(el, h('section', { class: 'panel-section mine' },
      h('h2', { class: 'section-title' }, t('mine.heading')),
      h('p', { class: 'note' }, t('mine.scope', { counties: scopeText })),
      h('p', {}, h('button', { type: 'button', class: 'btn', 'data-add-project': '', 'aria-pressed': String(!!placing), onclick: startAdding }, t('mine.add'))),
      placing ? h('p', { class: 'notice', role: 'status' }, t('mine.addHint')) : null,
      h('div', { class: 'mine-filters' },
        h('label', { for: ids.filter }, t('mine.filter')),
        h('input', { id: ids.filter, type: 'search', value: query, autocomplete: 'off', oninput: (e) => { query = e.target.value; loadSoon(); } }),
        h('label', { class: 'check-row', for: ids.unplaced },
          h('input', { id: ids.unplaced, type: 'checkbox', checked: onlyUnplaced, onchange: (e) => { onlyUnplaced = e.target.checked; pageIndex = 0; load(); } }),
          h('span', { class: 'row-label' }, t('mine.needsPosition')))),
      h('p', { class: 'mine-count', role: 'status' }),
      h('div', { class: 'mine-list' }),
      deletedList()));
    refreshTable();
    if (focusedSort) el.querySelector(`[data-sort="${focusedSort}"]`)?.focus();
  }

  /** Shows the page held (or the loading/error note) in place: the filter field keeps focus and caret. */
  function refreshTable() {
    const list = el?.querySelector('.mine-list');
    if (!list) return;
    const t = app.t;
    const focusedSort = list.contains(document.activeElement) ? document.activeElement.dataset.sort : null;
    list.removeAttribute('aria-busy');
    el.querySelector('.mine-count').textContent = current ? t('mine.count', { n: current.numberMatched, total: current.total }) : '';
    el.querySelector('.mine-count').dataset.n = current ? String(current.numberMatched) : '';
    if (failed) { fill(list, errorNote(app, load)); return; }
    if (!current) { fill(list, loadingNote(app)); return; }
    const pages = Math.max(1, Math.ceil(current.numberMatched / PAGE));
    fill(list, table(current.features), pages > 1 ? h('nav', { class: 'pager', 'aria-label': t('table.pages') },
      h('button', { type: 'button', class: 'btn', disabled: pageIndex === 0, onclick: () => { pageIndex -= 1; load(); } }, t('table.prev')),
      h('span', { class: 'page-of' }, t('table.pageOf', { page: pageIndex + 1, pages, n: current.numberMatched })),
      h('button', { type: 'button', class: 'btn', disabled: pageIndex >= pages - 1, onclick: () => { pageIndex += 1; load(); } }, t('table.next'))) : null);
    if (focusedSort) list.querySelector(`[data-sort="${focusedSort}"]`)?.focus();
  }

  function onSortClick(e) {
    const button = e.target.closest('[data-sort]');
    if (!button) return;
    const column = button.dataset.sort;
    sort = { column, descending: sort.column === column ? !sort.descending : column === 'updated' };
    pageIndex = 0;
    load();
  }

  async function loadDeleted() {
    if (!app.isAdmin()) return;
    try {
      deleted = (await app.api.deletedProjects()).entries;
    } catch (e) {
      deleted = [];
      console.warn('deleted projects:', e.message);
    }
    render();
  }

  async function restore(entry) {
    try {
      const feature = await app.api.restore(entry.featureId);
      app.putProject(feature);
      notify(app.t('history.restored', { name: app.i18n.name(feature.properties) }));
      app.select({ type: 'project', id: String(feature.id) }, { zoom: true, focus: true });
    } catch (e) {
      notify(app.t('edit.failed', { why: e instanceof ApiError ? e.description : e.message }));
    }
    loadDeleted();
  }

  // ---- adding: click on the map, then the form ----
  function stopAdding() {
    if (!placing) return;
    app.map.off('click', placing);
    app.placing = false;
    document.removeEventListener('keydown', onEscape, true);
    app.map.getContainer().classList.remove('is-placing');
    placing = null;
    render();
  }
  function onEscape(e) {
    if (e.key === 'Escape') { e.stopPropagation(); stopAdding(); }
  }
  function startAdding() {
    if (placing) { stopAdding(); return; }
    if (!app.mayLeave()) return;
    placing = (e) => {
      const at = [Math.round(e.latlng.lng * 1e6) / 1e6, Math.round(e.latlng.lat * 1e6) / 1e6];
      const county = [...app.index.counties.values()].find((c) => contains(c.geometry, at));
      if (!county || !app.mayEdit({ counties: [county.properties.name] })) { notify(app.t('mine.addOutside')); return; }
      stopAdding();
      app.emit('edit-new', {
        type: 'Feature',
        id: null,
        geometry: { type: 'Point', coordinates: at },
        properties: {
          category: CATEGORIES[0].id, kind: 'point', status: 'plan', precision: 'site', counties: [county.properties.name],
          place_basis: placedBy(app.user.name, new Date()),
        },
      });
    };
    app.map.on('click', placing);
    app.placing = true;
    document.addEventListener('keydown', onEscape, true);
    app.map.getContainer().classList.add('is-placing');
    render();
    notify(app.t('mine.addHint'));
  }

  return {
    id: 'mine',
    titleKey: 'tab.mine',
    available: () => !!app.user,
    mount(container) {
      el = container;
      scope.listen(el, 'click', onSortClick);
      scope.on('session', () => { stopAdding(); deleted = null; current = null; pageIndex = 0; render(); load(); loadDeleted(); });
      scope.on('lang', () => { render(); if (sort.column === 'name') load(); });
      scope.on('project', () => load());
      scope.on('select', () => el.querySelectorAll('tr[data-id]').forEach((tr) => tr.classList.toggle('is-selected', tr.dataset.id === app.state.selected?.id)));
      render();
      load();
    },
    activate() { load(); loadDeleted(); },
    unmount() { stopAdding(); requests.abort(); scope.dispose(); el = null; },
  };
}
