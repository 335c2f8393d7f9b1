// Builds a map layer for one collection from options and hooks:
//   style(feature) -> path options, pointToLayer(feature, latlng) -> marker, toLayer(feature) -> own layer or null,
//   label(feature) -> permanent label text, labelOffset(feature, layer) -> [x, y] px, tooltip(feature) -> hover text,
//   onClick(feature), filter(feature) -> bool, cluster -> markercluster options.
import { L } from '../leaflet.js';

export function createFeatureLayer(app, options) {
  const { id, collection, pane, style, hoverStyle, pointToLayer, label, labelClass, tooltip, onClick, filter, cluster } = options;
  const root = L.featureGroup();
  const shapes = L.featureGroup().addTo(root);
  const points = cluster ? L.markerClusterGroup(cluster).addTo(root) : shapes;
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
      layer.bindTooltip(label(feature), {
        permanent: true,
        direction: 'center',
        pane: 'labels',
        interactive: false,
        className: `map-label ${labelClass || ''}`,
        offset: options.labelOffset ? options.labelOffset(feature, layer) : [0, 0],
      });
    }
    if (tooltip) {
      layer.bindTooltip(() => tooltip(feature), { direction: 'top', offset: [0, -12], className: 'hover-tip' });
    }
    if (onClick) {
      layer.on('click', (e) => { L.DomEvent.stopPropagation(e); onClick(feature, layer); });
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
    if (cluster) {
      points.clearLayers();
      points.addLayers(shown.filter((it) => it.layer instanceof L.Marker).map((it) => it.layer));
    }
    shapes.clearLayers();
    for (const it of shown) if (!cluster || !(it.layer instanceof L.Marker)) shapes.addLayer(it.layer);
  }

  return {
    id,
    root,
    items,
    clusters: cluster ? points : null,
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
    get: (featureId) => byId.get(String(featureId)),
    /** Is this feature's own marker currently on the map (possibly inside a cluster)? */
    isShown: (featureId) => {
      const item = byId.get(String(featureId));
      return !!item && (points.hasLayer(item.layer) || shapes.hasLayer(item.layer));
    },
    zoomToShow(featureId, done) {
      const item = byId.get(String(featureId));
      if (cluster && item && points.hasLayer(item.layer) && app.map.hasLayer(root)) {
        points.zoomToShowLayer(item.layer, done);
        return true;
      }
      return false;
    },
    restyle() {
      if (!style) return;
      for (const it of items) if (it.layer.setStyle) it.layer.setStyle(style(it.feature));
    },
    relabel() {
      for (const it of items) {
        if (label) it.layer.setTooltipContent(label(it.feature));
        if (options.onRelabel) options.onRelabel(it.feature, it.layer);
      }
      if (cluster) points.refreshClusters();
    },
    setVisible(visible) {
      if (visible && !app.map.hasLayer(root)) root.addTo(app.map);
      if (!visible && app.map.hasLayer(root)) root.remove();
    },
    bounds: () => root.getBounds(),
  };
}
