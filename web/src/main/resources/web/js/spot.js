// A "spot": the projects drawn on one point (typically city- or county-level ones), shown as a list.
import { L } from './leaflet.js';

/** id is "lat,lng" with 5 decimals; only projects that pass the current filters are members. */
export function spotFeature(app, id) {
  const [lat, lng] = String(id).split(',').map(Number);
  if (![lat, lng].every(Number.isFinite)) return null;
  const here = L.latLng(lat, lng);
  const members = (app.layers.get('projects')?.items || [])
    .filter((it) => it.layer instanceof L.Marker && it.layer.getLatLng().equals(here, 1e-5) && app.matches(it.feature.properties))
    .map((it) => it.feature);
  if (!members.length) return null;
  const n = members.length;
  return {
    type: 'Feature',
    id: String(id),
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { name: app.i18n.tIn('zh', 'spot.title', { n }), name_en: app.i18n.tIn('en', 'spot.title', { n }), members },
  };
}
