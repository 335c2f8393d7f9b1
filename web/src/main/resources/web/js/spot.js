// A "spot": the projects drawn on one point (typically city- or county-level ones drawn one by one), shown as a list.
import { drawnFilter } from './layers/unplaced.js';

const EPSILON = 1e-5;
const LIMIT = 200;

/**
 * id is "lat,lng" with 5 decimals (the projects on one point), or "south,west,north,east" (a cluster's members at the
 * map's closest zoom); the members are the projects the map draws there: those that pass the filters (and, unless
 * approximate projects are drawn one by one, only placed ones), asked from the server by bbox.
 */
export async function spotFeature(app, id) {
  const numbers = String(id).split(',').map(Number);
  if (!numbers.every(Number.isFinite) || ![2, 4].includes(numbers.length)) return null;
  const [s, w, n, e] = numbers.length === 2 ? [numbers[0], numbers[1], numbers[0], numbers[1]] : numbers;
  const bbox = [w - EPSILON, s - EPSILON, e + EPSILON, n + EPSILON].map((v) => v.toFixed(6)).join(',');
  const params = app.filterParams({ bbox, limit: LIMIT, filter: drawnFilter(app) });
  const page = await app.api.items('projects', params);
  const members = page.features.filter((f) => f.geometry?.type === 'Point');
  if (!members.length) return null;
  const count = page.numberMatched ?? members.length;
  return {
    type: 'Feature',
    id: String(id),
    geometry: { type: 'Point', coordinates: [(w + e) / 2, (s + n) / 2] },
    properties: { name: app.i18n.tIn('zh', 'spot.title', { n: count }), name_en: app.i18n.tIn('en', 'spot.title', { n: count }), members },
  };
}
