// The detail panel (right side on desktop, bottom sheet on phones): a project (card, history, editor) or a
// county/belt/spot panel. The body is a mounted view; it is unmounted when the selection changes.
import { fill, h, markup } from '../dom.js';
import { placeCard, spotCard, unplacedCard } from './place-card.js';
import { createProjectView } from './project-view.js';
import { searchAll } from './search.js';
import { searchListCard } from './search-list.js';

const CLOSE_ICON = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>';
const chevron = (up) => `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="${up ? 'M3.5 10 8 5.5l4.5 4.5' : 'M3.5 6 8 10.5 12.5 6'}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

export function detailPanel(app, el, { notify, signIn }) {
  const history = [];
  let expanded = false;
  let collapsed = false; // phones: the sheet can shrink to its header row to uncover the map
  let view = null; // the mounted project view: {el, unmount()}
  let newProject = null;
  let searchList = null; // {query, total, features}: all a search found, shown while nothing is selected
  let listBack = null; // the search list a project was opened from: its back button returns there
  let searchController = null;

  function unmountView() {
    view?.unmount();
    view = null;
  }

  function head(previousFeature, kicker) {
    const t = app.t;
    const toggleLabel = t(collapsed ? 'ui.expand' : 'ui.collapse');
    const start = previousFeature
      ? h('button', { type: 'button', class: 'btn btn-ghost detail-back', 'data-back': '' }, `‹ ${t('ui.back')}: ${app.i18n.name(previousFeature.properties)}`)
      : listBack && app.state.selected
        ? h('button', { type: 'button', class: 'btn btn-ghost detail-back', 'data-back-search': '' }, `‹ ${t('ui.back')}: ${t('search.title', { q: listBack.query })}`)
        : (kicker || h('span', { class: 'head-start' }));
    return h('div', { class: 'detail-head' }, start,
      h('span', { class: 'head-buttons' },
        h('button', { type: 'button', class: 'icon-btn sheet-toggle', 'data-toggle-sheet': '', 'aria-expanded': String(!collapsed), 'aria-label': toggleLabel, title: toggleLabel }, markup(chevron(collapsed))),
        h('button', { type: 'button', class: 'icon-btn detail-close', 'data-close': '', 'aria-label': t('ui.close'), title: t('ui.close') }, markup(CLOSE_ICON))));
  }

  function show(bodyEl, previousFeature, { moveKicker = false } = {}) {
    const card = bodyEl.querySelector('.card');
    // A county or belt card's kicker goes into the header row unless a back button is there.
    const kicker = moveKicker && !previousFeature ? card?.querySelector(':scope > .kicker') : null;
    fill(el, head(previousFeature, kicker), h('div', { class: 'detail-body' }, bodyEl));
    el.classList.toggle('is-collapsed', collapsed);
    el.style.setProperty('--accent', card?.style.getPropertyValue('--accent') || '');
    el.hidden = false;
    el.scrollTop = 0;
    document.body.classList.add('has-detail');
  }

  function hide() {
    unmountView();
    el.hidden = true;
    el.replaceChildren();
    document.body.classList.remove('has-detail');
  }

  function render() {
    if (newProject) return;
    const sel = app.state.selected;
    const feature = app.feature(sel);
    unmountView();
    if (!feature) {
      if (searchList) show(h('div', {}, searchListCard(app, searchList)), null);
      else hide();
      return;
    }
    const previousFeature = app.feature(history[history.length - 1]);
    if (sel.type === 'project') {
      view = createProjectView(app, { feature, notify, signIn, onClose: () => app.select(null, { force: true }) });
      show(view.el, previousFeature);
      return;
    }
    const card = sel.type === 'spot' ? spotCard(app, feature, { expanded })
      : sel.type === 'unplaced' ? unplacedCard(app, feature, { expanded }) : placeCard(app, sel.type, feature, { expanded });
    const body = h('div', {}, card);
    show(body, previousFeature, { moveKicker: true });
  }

  /** A new project at a clicked spot: the editor opens in the panel without a selection. */
  function openNew(feature) {
    if (!app.select(null)) return;
    hide();
    collapsed = false;
    newProject = feature;
    view = createProjectView(app, {
      feature, isNew: true, notify, signIn,
      onClose: () => { newProject = null; hide(); },
    });
    show(view.el, null);
  }

  /** Opens every project a search found, in the panel, with nothing selected. */
  async function openSearch({ query }) {
    searchController?.abort();
    searchController = new AbortController();
    const list = { query, total: 0, features: null };
    searchList = list;
    if (!app.select(null, { via: 'search', focus: true })) { searchList = null; return; }
    try {
      const found = await searchAll(app, query, searchController.signal);
      if (searchList !== list) return; // closed or replaced meanwhile
      searchList = found;
      if (!app.state.selected && !newProject) {
        render();
        el.querySelector('#detail-title')?.focus({ preventScroll: true });
      }
    } catch (e) {
      if (e.name !== 'AbortError') notify?.(app.t('search.failed'), 'error');
    }
  }

  app.on('select', ({ previous, via, focus } = {}) => {
    if (app.state.selected) newProject = null;
    if (via === 'search-list') listBack = searchList;
    else if (!['search', 'detail', 'back'].includes(via)) listBack = null;
    if (via !== 'search') searchList = null;
    if (via === 'detail' && previous) history.push(previous);
    else if (via !== 'back') history.length = 0;
    expanded = false;
    collapsed = false;
    render();
    if (focus) el.querySelector('#detail-title')?.focus({ preventScroll: true });
  });
  // The project view relabels itself (an editor keeps what was typed); other cards are rebuilt.
  app.on('lang', () => { if (!view) render(); else el.querySelector('.detail-head')?.replaceWith(head(app.feature(history[history.length - 1]), null)); });
  // A spot or a county's unplaced projects list only the projects that pass the filters.
  // County and belt cards count and list the projects that pass the filters: they are asked again.
  app.on('filters', () => {
    const sel = app.state.selected;
    if (!view && ['county', 'belt'].includes(sel?.type)) { render(); return; }
    if (!['spot', 'unplaced'].includes(sel?.type)) return;
    app.resolve(sel).then((feature) => {
      if (app.state.selected !== sel) return;
      if (feature) render(); else app.select(null);
    }, () => {});
  });
  app.on('data', () => { if (!view && app.state.selected && app.state.selected.type !== 'project') render(); });
  app.on('edit-new', openNew);
  app.on('search-all', openSearch);

  el.addEventListener('click', (e) => {
    const item = e.target.closest('[data-search-item]');
    if (item) { app.select({ type: 'project', id: item.dataset.searchItem }, { zoom: true, via: 'search-list', focus: true }); return; }
    if (e.target.closest('[data-close]')) {
      if (newProject) { if (app.mayLeave()) { app.leaveGuard = null; unmountView(); newProject = null; hide(); } } else app.select(null);
    } else if (e.target.closest('[data-back-search]')) {
      searchList = listBack;
      if (app.select(null, { via: 'search', focus: true })) listBack = null;
      else searchList = null;
    } else if (e.target.closest('[data-back]')) app.select(history.pop(), { zoom: true, via: 'back', focus: true });
    else if (e.target.closest('[data-zoom-selected]')) app.selection.zoomTo();
    else if (e.target.closest('[data-expand]')) { expanded = true; render(); }
    else if (e.target.closest('[data-show-approx]')) { app.setApproxPoints(true); app.select(null); }
    else if (e.target.closest('[data-toggle-sheet]')) {
      collapsed = !collapsed;
      el.classList.toggle('is-collapsed', collapsed);
      const toggle = el.querySelector('[data-toggle-sheet]');
      const label = app.t(collapsed ? 'ui.expand' : 'ui.collapse');
      toggle.setAttribute('aria-expanded', String(!collapsed));
      toggle.setAttribute('aria-label', label);
      toggle.title = label;
      toggle.replaceChildren(markup(chevron(collapsed)));
      toggle.focus();
    }
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !newProject) app.select(null);
  });
  return { render };
}
