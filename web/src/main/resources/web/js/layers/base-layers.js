// Counties (filled by belt, labelled), belt outlines and rivers: the offline base map.
import { belt, token } from '../model.js';
import { createFeatureLayer } from './feature-layer.js';

const shortEnglish = (name) => name.replace(/ (County|District|City)$/, '');

export function countiesLayer(app) {
  const fillOpacity = () => (app.state.base ? 0.5 : 0.92);
  const style = (f) => ({
    className: `county-shape belt-${token(f.properties.belt)} county-${token(f.id)}`,
    fillColor: belt(f.properties.belt).fill,
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
