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

const app = createApp();
const root = document.documentElement;

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
  // Open the selection's panel first: it narrows the map, and the view must be set for the final size.
  app.select(state.selected);
  app.map.invalidateSize({ animate: false });
  const bounds = app.layers.get('counties').bounds();
  if (state.view) app.map.setView([state.view.lat, state.view.lng], state.view.zoom, { animate: false });
  else if (state.selected) app.selection.zoomTo();
  else if (initial && bounds.isValid()) app.map.fitBounds(bounds, { padding: [12, 12], animate: false });
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
  app.on('filters', () => app.layers.get('projects').refresh());
  app.on('approx', () => app.layers.get('projects').refresh());
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
  // Statistics and filter counts follow every saved edit.
  app.on('project', () => app.api.forgetStats());

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

  const session = restoreSession(app);
  app.baseLayers = createBaseLayers(app, await app.api.config());
  const failures = [];
  await Promise.all([...app.layers.values()].map((layer) => layer.load().catch((e) => {
    failures.push(layer.id);
    console.warn(`layer ${layer.id}:`, e.message);
  })));
  // Every project, also those without a geometry (listed, never drawn): from the collection, not the map layer.
  for (const f of await app.api.collection('projects').catch(() => [])) app.index.projects.set(String(f.id), f);
  for (const it of app.layers.get('counties').items) {
    app.index.counties.set(String(it.feature.id), it.feature);
    app.index.countiesByName.set(it.feature.properties.name, it.feature);
  }
  for (const it of app.layers.get('belts').items) app.index.belts.set(String(it.feature.id), it.feature);
  if (failures.length) showError(app.t('app.loadFailed', { what: failures.map((id) => app.t(`layers.${id}`)).join(', ') }));

  await session;
  app.emit('data');
  app.unplaced.apply();
  applyState(app.initial, { initial: true });
  app.ready = true;
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
