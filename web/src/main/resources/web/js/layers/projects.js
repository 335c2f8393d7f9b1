// Plan projects of the visible area, from the server's tiles: clusters (category ring and count), category icons,
// routes as lines, areas as polygons. Positions known only to the county/city are hollow and dashed.
// The page never holds the whole collection: every pan or zoom asks for the tiles it shows (cached per query).
import { h } from '../dom.js';
import { L } from '../leaflet.js';
import { category, isApproximate, token } from '../model.js';
import { drawnFilter } from './unplaced.js';
import { createTileSource, growExtent, visibleTiles } from './project-tiles.js';

const classes = (p) => `cat-${token(p.category)} prec-${token(p.precision)}`;

// Fingers need a 40 px target; the visible badge stays small.
const markerSize = () => (window.matchMedia('(pointer: coarse)').matches ? 40 : 34);

function icon(p) {
  const cat = category(p.category);
  const size = markerSize();
  return L.divIcon({
    className: `project-marker ${classes(p)}${isApproximate(p.precision) ? ' is-approx' : ''}`,
    html: `<span class="pm-badge" style="--c:${cat.color}">${cat.icon}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

const clusterSize = (count) => Math.max(markerSize(), count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 52);

/**
 * Paints a server cluster into its marker's element: a ring with one arc per category, in proportion to its count,
 * around the count. Done in place, so that a marker is reused for another cluster when the map zooms.
 */
function paintCluster(el, count, categories) {
  let angle = 0;
  const entries = Object.entries(categories || {});
  const stops = entries.map(([c, n]) => {
    const from = angle;
    angle += (n / count) * 360;
    return `${category(c).color} ${from.toFixed(1)}deg ${angle.toFixed(1)}deg`;
  });
  const size = clusterSize(count);
  Object.assign(el.style, { width: `${size}px`, height: `${size}px`, marginLeft: `${-size / 2}px`, marginTop: `${-size / 2}px` });
  let ring = el.firstChild;
  if (!ring) {
    ring = el.appendChild(h('span', { class: 'cl-ring' }, h('span', { class: 'cl-count' })));
  }
  ring.dataset.categories = entries.map(([c]) => token(c)).join(',');
  ring.style.background = `conic-gradient(${stops.join(',')})`;
  ring.firstChild.textContent = String(Number(count));
  el.dataset.count = String(count);
}

/** Vertices of the river lines, "lng,lat" as the files write them (6 decimals). */
async function riverVertices(app) {
  const keys = new Set();
  try {
    for (const f of await app.api.collection('rivers')) {
      const lines = f.geometry?.type === 'LineString' ? [f.geometry.coordinates] : f.geometry?.coordinates || [];
      for (const line of lines) for (const [x, y] of line) keys.add(`${x},${y}`);
    }
  } catch {
    // without the rivers no line is recognised as one; the projects still load
  }
  return keys;
}

/**
 * A line drawn by copying a river (most of its vertices are the river's): a corridor, not a course of its own.
 * A tile's line is simplified, but simplification keeps a subset of the original vertices, so the test holds.
 */
function followsRiver(geometry, rivers) {
  if (!rivers.size || !/LineString/.test(geometry?.type || '')) return false;
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  let on = 0;
  let all = 0;
  for (const line of lines) for (const [x, y] of line) { all += 1; if (rivers.has(`${x},${y}`)) on += 1; }
  return all > 1 && on / all >= 0.8;
}

const textTip = (text) => h('span', {}, text);

export function projectsLayer(app) {
  const root = L.featureGroup();
  const source = createTileSource((url, signal) => app.api.tile(url, signal));
  const drawn = new Map(); // key -> layer
  let rivers = new Set();
  let generation = 0;
  let loaded = false;
  let firstDrawn = false;
  let lastFeatures = [];
  let lastZoom = 0;
  const hidden = new Set(); // projects the editor draws while they are being edited
  // The projects' extent, asked at once: tiles outside it are not asked (null until known, or if it cannot be had).
  let extent = null;
  const extentKnown = app.api.extent('projects').then((bbox) => { extent = bbox; }, () => {});

  const title = (p) => app.i18n.name(p);
  const isCorridor = (f) => followsRiver(f.geometry, rivers);
  const hoverText = (f) => (isCorridor(f) ? `${title(f.properties)} · ${app.t('legend.corridorShort')}`
    : isApproximate(f.properties.precision) ? `${title(f.properties)} · ${app.t(`precision.${f.properties.precision}`)}` : title(f.properties));

  const style = (f) => {
    const p = f.properties;
    const cat = category(p.category);
    const approx = isApproximate(p.precision);
    if (isCorridor(f)) {
      return { className: `project-shape corridor ${classes(p)}`, color: cat.color, weight: 14, opacity: 0.2, dashArray: null, lineCap: 'round', lineJoin: 'round' };
    }
    const line = p.kind === 'line' || /Line/.test(f.geometry.type);
    return {
      className: `project-shape ${classes(p)}`,
      color: cat.color,
      weight: line ? (approx ? 2.5 : 4) : 2,
      opacity: approx ? 0.75 : 0.95,
      dashArray: approx ? '6 6' : null,
      fillColor: cat.color,
      fillOpacity: 0.2,
      lineCap: 'round',
    };
  };

  const open = (f) => app.select({ type: 'project', id: String(f.id) });

  function projectLayer(f) {
    let layer;
    if (f.geometry.type === 'Point') {
      layer = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon: icon(f.properties), riseOnHover: true, keyboard: true });
      layer.on('add', () => {
        const el = layer.getElement();
        if (!el) return;
        el.setAttribute('aria-label', title(f.properties));
        el.dataset.id = String(f.id);
        if (!el.dataset.keys) {
          el.dataset.keys = 'on';
          el.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(f); }
          });
        }
      });
    } else {
      layer = L.geoJSON(f, { pane: 'projectShapes', style: () => style(f) });
      layer.on('mouseover', () => layer.setStyle({ ...style(f), weight: style(f).weight + 2, opacity: 1 }));
      layer.on('mouseout', () => layer.setStyle(style(f)));
    }
    layer.feature = f;
    layer.bindTooltip(() => textTip(hoverText(f)), { direction: 'top', offset: [0, -12], className: 'hover-tip' });
    layer.on('click', (e) => {
      if (app.placing) return;
      L.DomEvent.stopPropagation(e);
      open(f);
    });
    return layer;
  }

  /** A cluster's marker; handlers read its current feature (layer.feature), as the marker is reused (reuseCluster). */
  function clusterLayer(f) {
    const size = clusterSize(f.properties.count);
    const layer = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
      icon: L.divIcon({ className: 'project-cluster', html: '', iconSize: [size, size] }),
      keyboard: true,
    });
    layer.feature = f;
    layer.isCluster = true;
    const label = () => app.t('cluster.label', { n: layer.feature.properties.count });
    layer.on('add', () => {
      const el = layer.getElement();
      if (!el) return;
      paintCluster(el, layer.feature.properties.count, layer.feature.properties.categories);
      el.setAttribute('aria-label', label());
      el.setAttribute('role', 'button');
      if (!el.dataset.keys) {
        el.dataset.keys = 'on';
        el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openCluster(layer.feature); }
        });
      }
    });
    layer.bindTooltip(() => textTip(label()), { direction: 'top', offset: [0, -16], className: 'hover-tip' });
    layer.on('click', (e) => {
      if (app.placing) return;
      L.DomEvent.stopPropagation(e);
      openCluster(layer.feature);
    });
    return layer;
  }

  /** Moves a cluster marker that is on the map to another cluster: no new element, no new listeners. */
  function reuseCluster(layer, f) {
    layer.feature = f;
    layer.setLatLng([f.geometry.coordinates[1], f.geometry.coordinates[0]]);
    const el = layer.getElement();
    if (el) {
      paintCluster(el, f.properties.count, f.properties.categories);
      el.setAttribute('aria-label', app.t('cluster.label', { n: f.properties.count }));
    }
    return layer;
  }

  /** Many projects on one point cannot be separated by zooming: list them; otherwise zoom to the members. */
  function openCluster(f) {
    const p = f.properties;
    const [lng, lat] = f.geometry.coordinates;
    if (p.same_place) {
      app.select({ type: 'spot', id: `${lat.toFixed(5)},${lng.toFixed(5)}` }, { zoom: false });
      return;
    }
    const [w, s, e, n] = p.bbox || [lng, lat, lng, lat];
    if (app.map.getZoom() >= app.map.getMaxZoom()) { // as close as the map goes: list them
      app.select({ type: 'spot', id: [s, w, n, e].map((v) => v.toFixed(5)).join(',') }, { zoom: false });
      return;
    }
    const bounds = L.latLngBounds([s, w], [n, e]);
    const zoom = Math.min(app.map.getBoundsZoom(bounds.pad(0.2)), app.map.getMaxZoom());
    app.map.setView(bounds.getCenter(), Math.max(zoom, app.map.getZoom() + 1));
  }

  // A tile's individual projects may appear in several tiles (lines, areas): one layer per id. Shapes are simplified
  // for their zoom, so they are redrawn when the zoom changes; points and clusters are kept as long as they are shown.
  const keyOf = (f, z) => (f.properties.cluster ? `c:${f.id}` : f.geometry.type === 'Point' ? `p:${f.id}` : `s:${f.id}@${z}`);

  function draw(features, z) {
    const next = new Map();
    lastFeatures = features;
    lastZoom = z;
    for (const f of features) if (f.geometry && !hidden.has(String(f.id))) next.set(keyOf(f, z), f);
    const spare = []; // cluster markers no longer shown: moved to the new clusters (a zoom replaces them all)
    for (const [key, layer] of drawn) {
      if (next.has(key)) continue;
      drawn.delete(key);
      if (layer.isCluster && root.hasLayer(layer)) spare.push(layer); else root.removeLayer(layer);
    }
    for (const [key, f] of next) {
      if (drawn.has(key)) continue;
      let layer;
      if (f.properties.cluster && spare.length) {
        layer = reuseCluster(spare.pop(), f);
      } else {
        layer = f.properties.cluster ? clusterLayer(f) : projectLayer(f);
        root.addLayer(layer);
      }
      drawn.set(key, layer);
    }
    for (const layer of spare) root.removeLayer(layer);
  }

  const query = () => app.filterParams({ f: 'json', filter: drawnFilter(app) }).toString();

  function setBusy(on) {
    const root = document.documentElement;
    if (on) root.dataset.projectsLoading = 'true'; else delete root.dataset.projectsLoading;
    app.emit('projects-loading', on);
  }

  async function update() {
    if (!loaded || !app.map.hasLayer(root)) return;
    const run = ++generation;
    setBusy(true);
    await extentKnown;
    if (run !== generation) return;
    const { z, tiles } = visibleTiles(app.map, extent);
    try {
      const features = await source.get(tiles, query());
      if (run !== generation) return;
      draw(features, z);
      if (!firstDrawn) {
        firstDrawn = true;
        performance.mark('atlas:projects');
      }
    } catch (e) {
      if (run !== generation || e.name === 'AbortError') return;
      console.warn('projects:', e.message);
    } finally {
      if (run === generation) setBusy(false);
    }
  }

  function redraw() {
    for (const layer of drawn.values()) root.removeLayer(layer);
    drawn.clear();
    update();
  }

  /** A saved edit changes the tiles (clusters too): they are asked again. */
  function reload() {
    source.clear();
    redraw();
  }

  app.on('filters', redraw);
  app.on('approx', redraw);
  app.on('lang', redraw);

  return {
    id: 'projects',
    root,
    /** The rivers come first: corridors are recognised against them. Tiles follow the view once it is set. */
    async load() {
      rivers = await riverVertices(app);
      loaded = true;
      app.map.on('moveend', update);
    },
    update,
    /** Asks for the view's tiles before the layer is loaded and drawn (they wait in the tile cache). */
    async prefetch() {
      await extentKnown;
      source.get(visibleTiles(app.map, extent).tiles, query()).catch(() => {});
    },
    refresh: redraw,
    relabel() {},
    setVisible(visible) {
      if (visible && !app.map.hasLayer(root)) { root.addTo(app.map); update(); }
      if (!visible && app.map.hasLayer(root)) root.remove();
    },
    /** A project created, changed or deleted (app.putProject / removeProject). */
    upsert(feature) {
      hidden.delete(String(feature?.id));
      extent = growExtent(extent, feature?.geometry);
      reload();
    },
    remove: reload,
    /** While a project is edited the editor draws it: its own marker or shape leaves the map until show(id). */
    hide(id) { hidden.add(String(id)); draw(lastFeatures, lastZoom); },
    show(id) { if (hidden.delete(String(id))) draw(lastFeatures, lastZoom); },
    bounds: () => root.getBounds(),
  };
}
