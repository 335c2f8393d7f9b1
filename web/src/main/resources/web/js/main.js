// Starts the atlas: map, layers, panels; then loads each layer once and restores the permalink state.
import { LAYER_IDS, createApp } from './app.js';
import { beltsLayer, countiesLayer, riversLayer } from './layers/base-layers.js';
import { placesLayer } from './layers/places.js';
import { projectsLayer } from './layers/projects.js';
import { createSelectionLayer } from './layers/selection.js';
import { unplacedLayer } from './layers/unplaced.js';
import { createBaseLayers, createMap } from './map.js';
import { restoreSession } from './session.js';
import { parseHash } from './state.js';
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

/** The first tiles of the view, with the permalink's filters, asked at once: they arrive while the rest is built. */
function prefetchProjects() {
  if (app.initial.layers && !app.initial.layers.includes('projects')) return;
  app.state.approxPoints = !!app.initial.approxPoints;
  app.presetFilters(app.initial.filters);
  app.layers.get('projects').prefetch();
}

/** The counties on the map at the view they fill (or the permalink's): the first thing a slow phone shows. */
function drawCounties() {
  const counties = app.layers.get('counties');
  for (const it of counties.items) {
    app.index.counties.set(String(it.feature.id), it.feature);
    app.index.countiesByName.set(it.feature.properties.name, it.feature);
  }
  // The view first (the permalink's, or the counties'), so that the first tiles asked are the ones shown.
  applyView(app.initial);
  counties.setVisible(!app.initial.layers || app.initial.layers.includes('counties'));
  performance.mark('atlas:counties');
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
  const updateStatus = loadingStatus();

  // Nothing waits for what it does not need: the session and the base layers' config are asked at once (index.html
  // preloads the counties, and the belts, rivers and places at low priority). On a slow phone every millisecond of script is four,
  // so the counties are drawn before the other layers are read and the panels are built; the projects then follow
  // the view, tile by tile.
  const session = restoreSession(app);
  const config = app.api.config();
  // The panels are their own chunk: asked now, while the counties are read and drawn, and built after them.
  const panels = import('./panels/all.js');
  const failures = [];
  const loadLayer = (layer) => layer.load().catch((e) => {
    failures.push(layer.id);
    console.warn(`layer ${layer.id}:`, e.message);
  });
  await loadLayer(app.layers.get('counties'));
  drawCounties();
  prefetchProjects();
  app.baseLayers = createBaseLayers(app, await config);
  const others = [...app.layers.values()].filter((layer) => layer.id !== 'counties').map(loadLayer);
  (await panels).createPanels(app);
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
