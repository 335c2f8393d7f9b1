// Builds a map layer for one collection from options and hooks:
//   style(feature) -> path options, pointToLayer(feature, latlng) -> marker, toLayer(feature) -> own layer or null,
//   label(feature) -> permanent label text, labelOffset(feature, layer) -> [x, y] px, tooltip(feature) -> hover text,
//   onClick(feature), filter(feature) -> bool.
import { h } from '../dom.js';
import { L } from '../leaflet.js';

// Leaflet puts a string tooltip in as HTML; names are data (editors type them), so tooltips get text nodes.
const textContent = (text, className) => h('span', { class: className }, text);

export function createFeatureLayer(app, options) {
  const { id, collection, pane, style, hoverStyle, pointToLayer, label, labelClass, tooltip, onClick, filter } = options;
  const root = L.featureGroup();
  const shapes = L.featureGroup().addTo(root);
  const items = [];
  const byId = new Map();
  let shownCount = 0;

  function build(feature) {
    const layer = options.toLayer?.(feature) || L.GeoJSON.geometryToLayer(feature, {
      pane,
      pointToLayer: pointToLayer && ((f, latlng) => pointToLayer(f, latlng)),
      ...(style ? style(feature) : {}),
    });
    layer.feature = feature;
    if (label) {
      layer.bindTooltip(textContent(label(feature)), {
        permanent: true,
        direction: 'center',
        pane: 'labels',
        interactive: false,
        className: `map-label ${labelClass || ''}`,
        offset: options.labelOffset ? options.labelOffset(feature, layer) : [0, 0],
      });
    }
    if (tooltip) {
      layer.bindTooltip(() => textContent(tooltip(feature)), { direction: 'top', offset: [0, -12], className: 'hover-tip' });
    }
    if (onClick) {
      // While a spot is being picked (app.placing), a click goes through the features to the map.
      layer.on('click', (e) => {
        if (app.placing) return;
        L.DomEvent.stopPropagation(e);
        onClick(feature, layer);
      });
      // Markers can be focused with Tab; Enter/Space opens them like a click.
      layer.on('add', () => {
        const el = layer.getElement?.();
        if (el && layer instanceof L.Marker && !el.dataset.keys) {
          el.dataset.keys = 'on';
          el.addEventListener('keydown', (e) => {
            if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onClick(feature, layer); }
          });
        }
      });
    }
    if (hoverStyle && layer.setStyle) {
      layer.on('mouseover', () => layer.setStyle(hoverStyle(feature)));
      layer.on('mouseout', () => layer.setStyle(style(feature)));
    }
    return layer;
  }

  function refresh() {
    const shown = items.filter((it) => !filter || filter(it.feature));
    shownCount = shown.length;
    shapes.clearLayers();
    for (const it of shown) shapes.addLayer(it.layer);
  }

  return {
    id,
    root,
    items,
    get shownCount() { return shownCount; },
    async load() {
      const features = await app.api.collection(collection);
      for (const feature of features) {
        if (!feature.geometry) continue;
        const layer = build(feature);
        const item = { feature, layer };
        items.push(item);
        byId.set(String(feature.id), item);
      }
      refresh();
      return features;
    },
    refresh,
    /** Puts a new or changed feature on the map in place of its old layer; the other layers stay as they are. */
    upsert(feature) {
      const id = String(feature.id);
      const old = byId.get(id);
      if (old) this.remove(id);
      if (!feature.geometry) return;
      const item = { feature, layer: build(feature) };
      items.push(item);
      byId.set(id, item);
      if (!filter || filter(feature)) {
        shapes.addLayer(item.layer);
        shownCount += 1;
      }
    },
    remove(featureId) {
      const item = byId.get(String(featureId));
      if (!item) return;
      byId.delete(String(featureId));
      items.splice(items.indexOf(item), 1);
      if (shapes.hasLayer(item.layer)) {
        shapes.removeLayer(item.layer);
        shownCount -= 1;
      }
    },
    get: (featureId) => byId.get(String(featureId)),
    restyle() {
      if (!style) return;
      for (const it of items) if (it.layer.setStyle) it.layer.setStyle(style(it.feature));
    },
    relabel() {
      for (const it of items) {
        if (label) it.layer.setTooltipContent(textContent(label(it.feature)));
        if (options.onRelabel) options.onRelabel(it.feature, it.layer);
      }
    },
    setVisible(visible) {
      if (visible && !app.map.hasLayer(root)) root.addTo(app.map);
      if (!visible && app.map.hasLayer(root)) root.remove();
    },
    bounds: () => root.getBounds(),
  };
}
