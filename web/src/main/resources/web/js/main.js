// Starts the atlas: map, layers, panels; then loads each layer once and restores the permalink state.
import { LAYER_IDS, createApp } from './app.js';
import { beltsLayer, countiesLayer, riversLayer } from './layers/base-layers.js';
import { placesLayer } from './layers/places.js';
import { projectsLayer } from './layers/projects.js';
import { createSelectionLayer } from './layers/selection.js';
import { unplacedLayer } from './layers/unplaced.js';
import { createBaseLayers, createMap } from './map.js';
import { detailPanel } from './panels/detail-panel.js';
import { filtersPanel } from './panels/filters-panel.js';
import { createCirclesEntry } from './circles/entry.js';
import { createDashboardEntry } from './dashboard/entry.js';
import { createAccount } from './panels/account.js';
import { createHeader } from './panels/header.js';
import { layersPanel } from './panels/layers-panel.js';
import { myProjectsPanel } from './panels/my-projects.js';
import { createSearch } from './panels/search.js';
import { createDrawer, createSidebar } from './panels/sidebar.js';
import { statsPanel } from './panels/stats-panel.js';
import { tablePanel } from './panels/table-panel.js';
import { restoreSession } from './session.js';
import { parseHash } from './state.js';
import { printPlace } from './print.js';
import { h } from './dom.js';

const app = createApp();
const root = document.documentElement;

function applyView(state, { initial = true } = {}) {
  const bounds = app.layers.get('counties').bounds();
  if (state.view) app.map.setView([state.view.lat, state.view.lng], state.view.zoom, { animate: false });
  else if (initial && bounds.isValid()) app.map.fitBounds(bounds, { padding: [12, 12], animate: false });
}

function applyState(state, { initial = false } = {}) {
  if (state.lang && state.lang !== app.i18n.lang) app.setLang(state.lang);
  const visible = state.layers ? state.layers.filter((id) => LAYER_IDS.includes(id)) : LAYER_IDS;
  app.state.layers = new Set(visible);
  app.state.base = state.base && app.baseLayers.layers.has(state.base) ? state.base : null;
  app.emit('layers');
  app.emit('base');
  app.state.approxPoints = !!state.approxPoints;
  app.emit('approx');
  app.setFilters(state.filters);
  // Open the selection's panel first: it narrows the map, and the view must be set for the final size. Without a
  // view of its own the map then goes to the selection (once fetched: a project may not be on the page yet).
  app.select(state.selected, { zoom: !state.view });
  app.map.invalidateSize({ animate: false });
  applyView(state, { initial });
}

/** "Loading…" over the map while the counties, then the projects of the view, are on their way. */
function loadingStatus() {
  const el = h('div', { class: 'map-status', role: 'status', 'aria-live': 'polite' }, app.t('app.loadingMap'));
  document.getElementById('map').append(el);
  let projects = false;
  const update = () => {
    el.hidden = app.ready && !projects;
    el.textContent = app.ready ? app.t('app.loadingProjects') : app.t('app.loadingMap');
  };
  app.on('projects-loading', (on) => { projects = on; update(); });
  app.on('lang', update);
  return update;
}

function showError(message) {
  const banner = document.getElementById('banner');
  banner.textContent = message;
  banner.hidden = false;
}

async function start() {
  app.setLang(app.i18n.lang);
  app.map = createMap(app, document.getElementById('map'));
  for (const layer of [countiesLayer(app), beltsLayer(app), riversLayer(app), placesLayer(app), projectsLayer(app)]) app.layers.set(layer.id, layer);
  app.selection = createSelectionLayer(app);
  app.unplaced = unplacedLayer(app);
  app.on('layers', () => { for (const [id, layer] of app.layers) layer.setVisible(app.state.layers.has(id)); });
  app.on('lang', () => { for (const layer of app.layers.values()) layer.relabel(); });
  app.map.on('moveend', () => app.syncHash());

  const { notify } = createHeader(app);
  const account = createAccount(app, document.getElementById('account'), notify);
  const sidebarEl = document.getElementById('sidebar');
  app.panels = [layersPanel(app), filtersPanel(app), statsPanel(app), tablePanel(app), myProjectsPanel(app, { notify })];
  const sidebar = createSidebar(app, sidebarEl, app.panels);
  createDrawer(app, sidebarEl, document.getElementById('drawer-toggle'));
  detailPanel(app, document.getElementById('detail'), { notify, signIn: account.signIn });
  createSearch(app, document.querySelector('.search'));
  createDashboardEntry(app, { notify, signIn: account.signIn });
  createCirclesEntry(app, { notify });
  // Signing in opens the editor's own list; the page is the same for everyone until then.
  app.on('session', () => { if (app.user && app.ready) sidebar.show('mine'); });

  // One delegated handler for every "open this county/belt/project" button in the panels.
  document.body.addEventListener('click', (e) => {
    const print = e.target.closest('[data-print-place]');
    if (print) {
      const [type, ...rest] = print.dataset.printPlace.split(':');
      printPlace(app, type, rest.join(':'));
      return;
    }
    const button = e.target.closest('[data-select]');
    if (!button) return;
    const [type, ...rest] = button.dataset.select.split(':');
    const via = button.closest('#detail') ? 'detail' : 'panel';
    app.select({ type, id: rest.join(':') }, { zoom: true, via, focus: true });
  });
  document.getElementById('map').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') app.select(null);
  });

  // Nothing waits for what it does not need: the session, the base layers' config and every small layer are asked
  // at once; the counties are drawn as soon as they arrive; the projects follow the view, tile by tile.
  const updateStatus = loadingStatus();
  const session = restoreSession(app);
  const config = app.api.config();
  const failures = [];
  const loadLayer = (layer) => layer.load().catch((e) => {
    failures.push(layer.id);
    console.warn(`layer ${layer.id}:`, e.message);
  });
  const others = [...app.layers.values()].filter((layer) => layer.id !== 'counties').map(loadLayer);
  await loadLayer(app.layers.get('counties'));
  for (const it of app.layers.get('counties').items) {
    app.index.counties.set(String(it.feature.id), it.feature);
    app.index.countiesByName.set(it.feature.properties.name, it.feature);
  }
  app.baseLayers = createBaseLayers(app, await config);
  // The view first (the permalink's, or the counties'), so that the first tiles asked are the ones shown.
  applyView(app.initial);
  app.layers.get('counties').setVisible(!app.initial.layers || app.initial.layers.includes('counties'));
  performance.mark('atlas:counties');
  await Promise.all(others);
  for (const it of app.layers.get('belts').items) app.index.belts.set(String(it.feature.id), it.feature);
  if (failures.length) showError(app.t('app.loadFailed', { what: failures.map((id) => app.t(`layers.${id}`)).join(', ') }));

  await session;
  app.emit('data');
  app.unplaced.apply();
  applyState(app.initial, { initial: true });
  app.layers.get('projects').update();
  app.ready = true;
  updateStatus();
  app.syncHash();
  root.dataset.ready = failures.length ? 'partial' : 'true';

  // A pasted or edited permalink in the same tab.
  window.addEventListener('hashchange', () => {
    if (location.hash !== app.hash()) applyState(parseHash(location.hash));
  });
}

start().catch((e) => {
  root.dataset.ready = 'error';
  showError(app.t('app.loadFailed', { what: e.message }));
  console.error(e);
});
