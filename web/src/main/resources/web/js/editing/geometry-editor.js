// Moving a point (drag it, click the new spot, or put it at the map centre from the keyboard) and drawing or
// reshaping a line or an area with Leaflet-Geoman (loaded on first use: the public page never downloads it).
import { h } from '../dom.js';
import { loadStyle } from '../full-view.js';
import { L } from '../leaflet.js';

let geoman = null;

/** Loads Leaflet-Geoman's script and style from the atlas itself, once. */
export function loadGeoman(map) {
  geoman ??= new Promise((resolve, reject) => {
    loadStyle('vendor/geoman/leaflet-geoman.css');
    const script = h('script', { src: 'vendor/geoman/leaflet-geoman.min.js' });
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => { geoman = null; reject(new Error('Leaflet-Geoman did not load')); });
    document.head.append(script);
  }).then(() => {
    // Only the layers the editor creates (pmIgnore: false) are editable; the map was made before the plugin came.
    L.PM.setOptIn(true);
    return true;
  });
  return geoman.then(() => {
    if (!map.pm) {
      map.pm = new L.PM.Map(map);
      map.pm.setGlobalOptions({ snappable: false, allowSelfIntersection: true, pmIgnore: false });
    }
    return map.pm;
  });
}

const editIcon = () => L.divIcon({ className: 'edit-marker', html: '', iconSize: [28, 28], iconAnchor: [14, 14] });
const DRAW_SHAPE = { line: 'Line', area: 'Polygon' };

/**
 * @param options.geometry GeoJSON geometry to start from; options.kind 'point' | 'line' | 'area';
 * options.onChange(geometry) after every finished change (drag end, vertex edit, new drawing).
 */
export function createGeometryEditor(app, { geometry, kind, onChange }) {
  const map = app.map;
  const group = L.featureGroup().addTo(map);
  const hint = h('p', { class: 'geom-hint note' });
  const buttons = h('p', { class: 'geom-buttons' });
  const el = h('div', { class: 'geometry-editor' }, hint, buttons);
  let current = geometry;
  let currentKind = kind;
  let placing = null;
  let active = true;

  const emit = (g) => { current = g; onChange(g); };

  function cancelPlacing() {
    if (!placing) return;
    map.off('click', placing);
    app.placing = false;
    document.removeEventListener('keydown', onEscape, true);
    map.getContainer().classList.remove('is-placing');
    placing = null;
    renderButtons();
  }
  function onEscape(e) {
    if (e.key === 'Escape') { e.stopPropagation(); cancelPlacing(); }
  }
  function clickToPlace() {
    cancelPlacing();
    placing = (e) => {
      cancelPlacing();
      emit({ type: 'Point', coordinates: [round(e.latlng.lng), round(e.latlng.lat)] });
      draw();
    };
    map.on('click', placing);
    app.placing = true;
    document.addEventListener('keydown', onEscape, true);
    map.getContainer().classList.add('is-placing');
    renderButtons();
  }
  function toCentre() {
    const c = map.getCenter();
    emit({ type: 'Point', coordinates: [round(c.lng), round(c.lat)] });
    draw();
  }

  async function redraw() {
    const pm = await loadGeoman(map);
    if (!active) return;
    pm.disableDraw();
    group.clearLayers();
    hint.textContent = app.t('geom.drawHint');
    map.once('pm:create', (e) => {
      map.removeLayer(e.layer);
      emit(e.layer.toGeoJSON(6).geometry);
      draw();
    });
    pm.enableDraw(DRAW_SHAPE[currentKind], { snappable: false, continueDrawing: false, finishOn: null });
    if (app.i18n.lang === 'zh') pm.setLang('zh'); else pm.setLang('en');
  }

  function renderButtons() {
    const t = app.t;
    buttons.replaceChildren();
    if (currentKind === 'point') {
      hint.textContent = placing ? t('geom.clickHint') : t('geom.move');
      buttons.append(
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-click-to-place': '', 'aria-pressed': String(!!placing), onclick: () => (placing ? cancelPlacing() : clickToPlace()) }, t('geom.clickToPlace')),
        h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-to-centre': '', onclick: toCentre }, t('geom.toCentre')),
        h('span', { class: 'note geom-keys' }, t('geom.keyboard')));
    } else {
      hint.textContent = t('geom.reshape');
      buttons.append(h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-redraw': '', onclick: redraw }, t('geom.redraw')));
    }
  }

  /** Draws the current geometry as an editable layer. */
  function draw() {
    group.clearLayers();
    renderButtons();
    if (!current) return;
    if (current.type === 'Point') {
      const [lng, lat] = current.coordinates;
      const marker = L.marker([lat, lng], { draggable: true, icon: editIcon(), pane: 'editing', keyboard: false, autoPan: true, pmIgnore: true })
        .addTo(group);
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        emit({ type: 'Point', coordinates: [round(p.lng), round(p.lat)] });
      });
      return;
    }
    const layer = L.geoJSON(current, { pane: 'editing', pmIgnore: false, style: { className: 'edit-shape', color: '#c62828', weight: 4 } });
    layer.eachLayer((shape) => group.addLayer(shape));
    loadGeoman(map).then(() => {
      if (!active) return;
      group.eachLayer((shape) => {
        if (!shape.pm) return;
        shape.pm.enable({ allowSelfIntersection: true, snappable: false });
        shape.on('pm:edit', () => emit(shape.toGeoJSON(6).geometry));
      });
    }).catch((e) => { hint.textContent = e.message; });
  }

  draw();
  return {
    el,
    get geometry() { return current; },
    /** Undo and conflict resolution put a geometry back. */
    setGeometry(g) { current = g; draw(); },
    setKind(k) { currentKind = k; draw(); },
    relabel: renderButtons,
    destroy() {
      active = false;
      cancelPlacing();
      map.pm?.disableDraw();
      group.eachLayer((shape) => shape.pm?.disable());
      group.remove();
    },
  };
}

const round = (n) => Math.round(n * 1e6) / 1e6;
