// The Leaflet map, its panes (drawing order) and the optional online base layers from /config.json.
import { L } from './leaflet.js';
import { esc } from './util.js';

const PANES = { counties: 350, belts: 360, rivers: 370, places: 380, projectShapes: 390, unplaced: 610, labels: 620, selection: 580, editing: 640 };

export function createMap(app, element) {
  const map = L.map(element, { zoomControl: false, minZoom: 6, maxZoom: 15, zoomSnap: 0.25, zoomDelta: 1, keyboard: true });
  for (const [name, z] of Object.entries(PANES)) map.createPane(name).style.zIndex = String(z);
  map.getPane('labels').style.pointerEvents = 'none';
  map.getPane('selection').style.pointerEvents = 'none';
  const zoom = L.control.zoom({ position: 'topright' }).addTo(map);
  L.control.scale({ imperial: false, position: 'bottomleft', maxWidth: 140 }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');

  const relabel = () => {
    const t = app.t;
    element.setAttribute('aria-label', t('ui.map'));
    const zoomIn = zoom.getContainer().querySelector('.leaflet-control-zoom-in');
    const zoomOut = zoom.getContainer().querySelector('.leaflet-control-zoom-out');
    zoomIn.title = t('map.zoomIn');
    zoomIn.setAttribute('aria-label', t('map.zoomIn'));
    zoomOut.title = t('map.zoomOut');
    zoomOut.setAttribute('aria-label', t('map.zoomOut'));
  };
  relabel();
  app.on('lang', relabel);

  // The side panels change the map's size; keep Leaflet in step, keeping the centre (so permalinks stay exact).
  new ResizeObserver(() => map.invalidateSize({ animate: false })).observe(element);
  return map;
}

/** Tile layers listed by the server's /config.json (none by default: the atlas is offline-first). */
export function createBaseLayers(app, config) {
  const layers = new Map();
  for (const def of config.baseLayers || []) {
    if (!def || !def.id || !def.url) continue;
    layers.set(String(def.id), {
      name: String(def.name || def.id),
      layer: L.tileLayer(def.url, {
        attribution: esc(def.attribution || ''),
        maxZoom: def.maxZoom || 18,
        ...(Array.isArray(def.subdomains) && def.subdomains.length ? { subdomains: def.subdomains } : {}),
        // The page is Referrer-Policy: same-origin; tile servers need the page's origin (OSM's tile policy, Tianditu's
        // browser keys), so the tiles send it, and only it: the path and hash stay here.
        referrerPolicy: 'strict-origin-when-cross-origin',
      }),
    });
  }
  const apply = () => {
    for (const [id, { layer }] of layers) {
      if (id === app.state.base) layer.addTo(app.map); else layer.remove();
    }
    app.layers.get('counties')?.restyle();
  };
  app.on('base', apply);
  return { layers, apply };
}
