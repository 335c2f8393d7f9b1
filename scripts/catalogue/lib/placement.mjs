// Turns a record's `place` into a GeoJSON geometry plus a sentence saying how it was obtained.
import * as turf from '@turf/turf';

export const CITY_ANCHOR = '尧都区';
const GOLDEN_ANGLE_DEG = 137.50776405003785;
const SPREAD_MIN_KM = 1;
const SPREAD_MAX_KM = 6;
// The Yellow River line (GSHHG) and the county borders (AMap) are separate surveys of the same border river,
// so river-following lines may sit this far outside the counties they serve.
export const RIVER_BORDER_TOLERANCE_KM = 1.5;
export const GEOMETRY_TOLERANCE_KM = 0.1;

export class Counties {
  constructor(countiesGeojson) {
    this.byName = new Map(countiesGeojson.features.map((f) => [f.properties.name, f]));
  }
  names() { return new Set(this.byName.keys()); }
  belt(name) { return this.byName.get(name).properties.belt; }
  seat(name) {
    const f = this.byName.get(name);
    const seat = f.properties.seat;
    if (!Array.isArray(seat)) throw new Error(`counties.geojson gives no seat for ${name}`);
    return seat;
  }
  contains(name, lonLat) { return turf.booleanPointInPolygon(turf.point(lonLat), this.byName.get(name)); }
  union(names) {
    const parts = names.map((n) => this.byName.get(n));
    return parts.length === 1 ? parts[0] : turf.union(turf.featureCollection(parts));
  }
}

// Markers that only know their county (or only "Linfen city") are spread on a golden-angle spiral around
// the county seat, in id order, so that they do not pile up and the layout only depends on the records.
export function spreadPoints(records, counties) {
  const groups = new Map();
  for (const r of records) {
    if (r.kind !== 'point' || !['county', 'city'].includes(r.place.precision)) continue;
    const anchor = r.place.precision === 'city' ? CITY_ANCHOR : r.counties[0];
    if (!groups.has(anchor)) groups.set(anchor, []);
    groups.get(anchor).push(r.id);
  }
  const positions = new Map();
  for (const [anchor, ids] of groups) {
    ids.sort();
    const seat = counties.seat(anchor);
    ids.forEach((id, k) => {
      const share = ids.length === 1 ? 0 : k / (ids.length - 1);
      let radius = SPREAD_MIN_KM + (SPREAD_MAX_KM - SPREAD_MIN_KM) * Math.sqrt(share);
      const bearing = (k * GOLDEN_ANGLE_DEG) % 360;
      let at = turf.destination(seat, radius, bearing, { units: 'kilometers' }).geometry.coordinates;
      while (!counties.contains(anchor, at) && radius > 0.2) {
        radius *= 0.8;
        at = turf.destination(seat, radius, bearing, { units: 'kilometers' }).geometry.coordinates;
      }
      if (!counties.contains(anchor, at)) at = seat;
      positions.set(id, at);
    });
  }
  return positions;
}

export function place(record, { counties, gazetteer, rivers, spread }) {
  const p = record.place;
  const note = p.note ? ` ${capitalise(p.note)}.` : '';
  if (p.at) {
    const g = gazetteer.get(p.at);
    return { geometry: turf.point([g.lon, g.lat]).geometry, basis: `${p.precision} "${g.name}": ${g.basis}.${note}` };
  }
  if (p.through) {
    const coords = p.through.map((n) => [gazetteer.get(n).lon, gazetteer.get(n).lat]);
    return { geometry: turf.lineString(coords).geometry, basis: `Straight segments through gazetteer points ${p.through.join(', ')}; the real alignment is not given.${note}` };
  }
  if (p.through_counties) {
    const coords = p.through_counties.map((c) => counties.seat(c));
    return {
      geometry: turf.lineString(coords).geometry,
      basis: `Schematic: straight segments between the seats of ${p.through_counties.join(', ')}; only the counties are known, not the alignment.${note}`,
    };
  }
  if (p.along) {
    return { geometry: clipRiver(rivers.get(p.along), counties.union(p.counties)), basis: `The ${p.along} (rivers.geojson) where it runs along or through ${p.counties.join(', ')}.${note}` };
  }
  if (p.area) {
    const union = counties.union(record.counties);
    const geometry = union.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [union.geometry.coordinates] } : union.geometry;
    return { geometry, basis: `The whole area of ${record.counties.join(', ')} (counties.geojson); the plan gives no finer boundary.${note}` };
  }
  const at = spread.get(record.id);
  if (p.precision === 'city') {
    return { geometry: turf.point(at).geometry, basis: `Only "Linfen city" is known: marker placed in the central urban area around the ${CITY_ANCHOR} seat, spread on a spiral.${note}` };
  }
  return { geometry: turf.point(at).geometry, basis: `Only the county is known (${record.counties[0]}): marker spread on a spiral 1–6 km around the county seat.${note}` };
}

// Keeps the parts of the river whose segments have their midpoint within the buffered counties.
function clipRiver(river, area) {
  const zone = turf.buffer(area, RIVER_BORDER_TOLERANCE_KM, { units: 'kilometers' });
  const lines = river.geometry.type === 'LineString' ? [river.geometry.coordinates] : river.geometry.coordinates;
  const runs = [];
  for (const line of lines) {
    let run = [];
    for (let i = 1; i < line.length; i++) {
      const mid = [(line[i - 1][0] + line[i][0]) / 2, (line[i - 1][1] + line[i][1]) / 2];
      if (turf.booleanPointInPolygon(mid, zone)) {
        if (run.length === 0) run.push(line[i - 1]);
        run.push(line[i]);
      } else if (run.length) { runs.push(run); run = []; }
    }
    if (run.length) runs.push(run);
  }
  if (runs.length === 0) throw new Error(`river ${river.properties.name} does not reach the given counties`);
  return runs.length === 1 ? { type: 'LineString', coordinates: runs[0] } : { type: 'MultiLineString', coordinates: runs };
}

// Largest distance (km) by which the geometry leaves the union of the given counties; 0 when inside.
export function maxOutsideKm(geometry, countyUnion) {
  const boundary = countyUnion;
  let worst = 0;
  for (const c of sampleCoordinates(geometry)) {
    if (turf.booleanPointInPolygon(c, boundary)) continue;
    worst = Math.max(worst, turf.pointToPolygonDistance(c, boundary, { units: 'kilometers' }));
  }
  return worst;
}

// Vertices plus points every ~500 m along segments, so that straight schematic lines are checked in between.
export function sampleCoordinates(geometry) {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const out = [];
  for (const line of lines) {
    out.push(line[0]);
    for (let i = 1; i < line.length; i++) {
      const km = turf.distance(line[i - 1], line[i], { units: 'kilometers' });
      const steps = Math.max(1, Math.ceil(km / 0.5));
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        out.push([line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t, line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t]);
      }
    }
  }
  return out;
}

function capitalise(s) { return s.charAt(0).toUpperCase() + s.slice(1).replace(/[.]$/, ''); }
