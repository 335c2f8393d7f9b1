// A "spot": the projects drawn on one point (typically city- or county-level ones drawn one by one), shown as a list.
import { UNPLACED_CQL } from './layers/unplaced.js';

const EPSILON = 1e-5;
const LIMIT = 200;

/**
 * id is "lat,lng" with 5 decimals; the members are the projects the map draws there: those that pass the filters
 * (and, unless approximate projects are drawn one by one, only placed ones), asked from the server by a tiny bbox.
 */
export async function spotFeature(app, id) {
  const [lat, lng] = String(id).split(',').map(Number);
  if (![lat, lng].every(Number.isFinite)) return null;
  const bbox = [lng - EPSILON, lat - EPSILON, lng + EPSILON, lat + EPSILON].map((v) => v.toFixed(6)).join(',');
  const params = app.filterParams({ bbox, limit: LIMIT, filter: app.state.approxPoints ? null : `NOT (${UNPLACED_CQL})` });
  const page = await app.api.items('projects', params);
  const members = page.features.filter((f) => f.geometry?.type === 'Point');
  if (!members.length) return null;
  const n = page.numberMatched ?? members.length;
  return {
    type: 'Feature',
    id: String(id),
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { name: app.i18n.tIn('zh', 'spot.title', { n }), name_en: app.i18n.tIn('en', 'spot.title', { n }), members },
  };
}
