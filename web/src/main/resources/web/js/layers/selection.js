// Highlights the selected project, county or belt and moves the map to it on request.
import { L } from '../leaflet.js';

export function createSelectionLayer(app) {
  const group = L.featureGroup().addTo(app.map);

  function draw() {
    group.clearLayers();
    const sel = app.state.selected;
    const feature = app.feature(sel);
    if (!feature?.geometry) return;
    if (feature.geometry.type === 'Point') {
      const [lng, lat] = feature.geometry.coordinates;
      L.circleMarker([lat, lng], {
        pane: 'selection', radius: 22, className: 'selection-ring', color: '#c62828', weight: 3, fill: false, interactive: false,
      }).addTo(group);
    } else {
      L.geoJSON(feature, {
        pane: 'selection',
        style: {
          className: 'selection-shape',
          color: sel.type === 'project' ? '#c62828' : '#1d2733',
          weight: sel.type === 'project' ? 6 : 3.5,
          opacity: sel.type === 'project' ? 0.55 : 0.9,
          fill: false,
          interactive: false,
        },
      }).addTo(group);
    }
  }

  function zoomTo() {
    const sel = app.state.selected;
    const feature = app.feature(sel);
    if (!feature?.geometry) return;
    if (feature.geometry.type === 'Point') {
      const projects = app.layers.get('projects');
      if (sel.type === 'project' && projects?.zoomToShow(sel.id, () => {})) return;
      const [lng, lat] = feature.geometry.coordinates;
      app.map.setView([lat, lng], Math.max(app.map.getZoom(), 11));
    } else {
      app.map.fitBounds(L.geoJSON(feature).getBounds(), { padding: [40, 40], maxZoom: sel.type === 'project' ? 12 : 10 });
    }
  }

  app.on('select', (options) => {
    draw();
    if (options?.zoom) zoomTo();
  });
  return { draw, zoomTo };
}
