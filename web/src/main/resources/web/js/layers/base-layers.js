// Counties (filled by belt, labelled), belt outlines and rivers: the offline base map.
import { L } from '../leaflet.js';
import { belt, token } from '../model.js';
import { createFeatureLayer } from './feature-layer.js';

const shortEnglish = (name) => name.replace(/ (County|District|City)$/, '');

// Projects known only to the county sit on its seat; when the seat is near the label spot, move the label below it.
function labelOffset(feature, layer) {
  const seat = feature.properties.seat;
  if (!Array.isArray(seat)) return [0, 0];
  const latlngs = layer.getLatLngs();
  const ring = L.LineUtil.isFlat(latlngs[0]) ? latlngs[0] : latlngs[0][0];
  const centre = L.PolyUtil.polygonCenter(ring, L.CRS.EPSG3857);
  const near = Math.abs(centre.lat - seat[1]) < 0.05 && Math.abs(centre.lng - seat[0]) < 0.07;
  return near ? [0, centre.lat >= seat[1] ? -24 : 24] : [0, 0];
}

export function countiesLayer(app) {
  const fillOpacity = () => (app.state.base ? 0.5 : 0.92);
  // app.state.countyShade (set by the statistics tab): {counts: Map county name → projects, max}, or null for belt colours.
  const shade = (f) => {
    const { counts, max } = app.state.countyShade;
    const share = (counts.get(f.properties.name) || 0) / Math.max(1, max);
    return `hsl(205 70% ${Math.round(94 - share * 62)}%)`;
  };
  const style = (f) => ({
    className: `county-shape belt-${token(f.properties.belt)} county-${token(f.id)}`,
    fillColor: app.state.countyShade ? shade(f) : belt(f.properties.belt).fill,
    fillOpacity: fillOpacity(),
    color: '#ffffff',
    weight: 1.3,
    opacity: 1,
  });
  return createFeatureLayer(app, {
    id: 'counties',
    collection: 'counties',
    pane: 'counties',
    style,
    hoverStyle: (f) => ({ ...style(f), fillOpacity: Math.min(1, fillOpacity() + 0.08), color: belt(f.properties.belt).stroke, weight: 2 }),
    label: (f) => {
      const p = f.properties;
      return app.i18n.lang === 'en' ? shortEnglish(p.name_en || p.name) : p.name;
    },
    labelClass: 'county-label',
    labelOffset,
    onClick: (f) => app.select({ type: 'county', id: String(f.id) }),
  });
}

export function beltsLayer(app) {
  return createFeatureLayer(app, {
    id: 'belts',
    collection: 'belts',
    pane: 'belts',
    style: (f) => ({
      className: `belt-outline belt-${token(f.id)}`,
      fill: false,
      color: belt(f.id).stroke,
      weight: 3,
      opacity: 0.95,
      lineJoin: 'round',
      interactive: false,
    }),
  });
}

export function riversLayer(app) {
  return createFeatureLayer(app, {
    id: 'rivers',
    collection: 'rivers',
    pane: 'rivers',
    style: (f) => ({
      className: 'river-line',
      color: '#2b7bbf',
      weight: Number(f.properties.level) > 1 ? 1.8 : 3.2,
      opacity: 0.9,
      lineCap: 'round',
      lineJoin: 'round',
      interactive: false,
    }),
    label: (f) => app.i18n.name(f.properties),
    labelClass: 'river-label',
  });
}
