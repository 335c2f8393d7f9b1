// Highlights the selected project, county or belt and moves the map to it on request.
import { L } from '../leaflet.js';
import { isPhone } from '../util.js';

export function createSelectionLayer(app) {
  const group = L.featureGroup().addTo(app.map);

  function draw() {
    group.clearLayers();
    const sel = app.state.selected;
    const feature = app.feature(sel);
    if (!feature?.geometry) return;
    if (app.editing && sel.type === 'project' && app.editing.id === sel.id) return; // the editor draws it
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

  /** On phones the detail sheet covers the bottom of the map: aim at the part above it. */
  const coveredBottom = () => {
    const sheet = document.getElementById('detail');
    return isPhone() && sheet && !sheet.hidden ? sheet.offsetHeight : 0;
  };

  function zoomTo() {
    const sel = app.state.selected;
    const feature = app.feature(sel);
    if (!feature?.geometry) return;
    app.map.invalidateSize({ animate: false });
    const bottom = coveredBottom();
    if (feature.geometry.type === 'Point') {
      // Close enough that the project is likely drawn on its own, not inside a cluster; the ring marks it either way.
      const hasView = app.map.getZoom() !== undefined;
      const [lng, lat] = feature.geometry.coordinates;
      const zoom = Math.max(hasView ? app.map.getZoom() : 0, sel.type === 'project' ? 13 : 11);
      const centre = app.map.unproject(app.map.project([lat, lng], zoom).add([0, bottom / 2]), zoom);
      app.map.setView(centre, zoom);
    } else {
      app.map.fitBounds(L.geoJSON(feature).getBounds(), {
        paddingTopLeft: [30, 30],
        paddingBottomRight: [30, 30 + bottom],
        maxZoom: sel.type === 'project' ? 12 : 10,
      });
    }
  }

  app.on('editing', draw);
  app.on('project', draw);
  app.on('select', (options) => {
    draw();
    // After every listener ran, so that the detail panel is already open and the map has its final size.
    if (options?.zoom) queueMicrotask(zoomTo);
  });
  return { draw, zoomTo };
}
