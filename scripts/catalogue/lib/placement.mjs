// Turns a record's `place` into a GeoJSON geometry plus a sentence saying how it was obtained.
import * as turf from '@turf/turf';

export const CITY_ANCHOR = '尧都区';
const GOLDEN_ANGLE_DEG = 137.50776405003785;
const SPREAD_MIN_KM = 1;
const SPREAD_MAX_KM = 6;
// The Yellow River line (GSHHG) and the county borders (AMap) are separate surveys of the same border river:
// measured, half of the river's vertices lie within 0.16 km of the counties and 95% within 1.1 km. So the
// river is clipped to the counties widened by this much, and may leave them by as much.
export const BORDER_RIVER_BUFFER_KM = { 黄河: 1.5 };
// Kept a little below the 100 m the data tests allow, so that a file this build accepts passes them too.
export const GEOMETRY_TOLERANCE_KM = 0.08;
// Areas are whole counties; simplified by ~50 m so the file stays small while staying within the tolerance.
const AREA_SIMPLIFY_DEG = 0.0005;
export const allowedOutsideKm = (placeSpec) => GEOMETRY_TOLERANCE_KM + (BORDER_RIVER_BUFFER_KM[placeSpec.along] ?? 0);

export class Counties {
  constructor(countiesGeojson) {
    this.byName = new Map(countiesGeojson.features.map((f) => [f.properties.name, f]));
    this.unions = new Map();
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
    const key = [...names].sort().join(',');
    if (!this.unions.has(key)) {
      const parts = names.map((n) => this.byName.get(n));
      this.unions.set(key, parts.length === 1 ? parts[0] : turf.union(turf.featureCollection(parts)));
    }
    return this.unions.get(key);
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

const PRECISION_ZH = { site: '设施自身位置', landmark: '地标', town: '乡镇' };
const PRECISION_EN = { site: 'Site', landmark: 'Landmark', town: 'Town' };
const SIDE_ZH = { east: '东', west: '西' };

/**
 * The record's geometry (null at precision none) and `place_basis`: how it was made, in Chinese, then in
 * English. The note of the record (note_zh, note) follows in each language.
 */
export function place(record, { counties, gazetteer, rivers, spread }) {
  const p = record.place;
  const basis = (zh, en) => `${zh}${p.note_zh ? `${p.note_zh.replace(/[。.]$/, '')}。` : ''}${en}${p.note ? ` ${capitalise(p.note)}.` : ''}`;
  if (p.precision === 'none') {
    return { geometry: null, basis: basis('无位置：', 'No position:') };
  }
  if (p.at) {
    const g = gazetteer.get(p.at);
    return {
      geometry: turf.point([g.lon, g.lat]).geometry,
      basis: basis(`${PRECISION_ZH[p.precision]}：${g.name}（${g.county}）。位置依据：${g.basis_zh}。`,
        `${PRECISION_EN[p.precision]} "${g.name}" (${g.county}): ${g.basis}.`),
    };
  }
  if (p.through) {
    const coords = p.through.map((n) => [gazetteer.get(n).lon, gazetteer.get(n).lat]);
    return {
      geometry: turf.lineString(coords).geometry,
      basis: basis(`示意线：依次以直线连接${p.through.join('、')}的位置（地名图层或地标表）；实际走向规划未给出。`,
        `Straight segments through the positions of ${p.through.join(', ')} (places layer or landmark list); the real alignment is not given.`),
    };
  }
  if (p.through_counties) {
    const { coords, bent } = linkSeats(p.through_counties, counties.union(record.counties), counties);
    return {
      geometry: turf.lineString(coords).geometry,
      basis: basis(`示意线：依次以直线连接${p.through_counties.join('、')}的县城${bent ? '（直线会越出所列各县处，在两县共有边界上折转）' : ''}；仅知所经各县，不知走向。`,
        `Schematic: straight segments between the seats of ${p.through_counties.join(', ')}${bent ? ' (bent at the shared county border where a straight segment would leave the listed counties)' : ''}; only the counties are known, not the alignment.`),
    };
  }
  if (p.along) {
    const buffer = BORDER_RIVER_BUFFER_KM[p.along] ?? 0;
    const area = counties.union(p.counties);
    const zone = buffer ? turf.buffer(area, buffer, { units: 'kilometers' }) : area;
    return {
      geometry: clipLine(rivers.get(p.along), zone),
      basis: basis(`河流图层（GSHHG）中的${p.along}线，截取${p.counties.join('、')}境内的部分${buffer ? `（界河的河线与县界是两次不同的测绘，故县界外扩${buffer}公里）` : ''}。`,
        `The ${p.along} line of the rivers layer (GSHHG) clipped to ${p.counties.join(', ')}${buffer ? ` (widened by ${buffer} km, because the river line and the county borders are separate surveys of this border river)` : ''}.`),
    };
  }
  if (p.area) {
    const union = turf.simplify(counties.union(record.counties), { tolerance: AREA_SIMPLIFY_DEG, highQuality: true });
    const geometry = union.geometry.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [union.geometry.coordinates] } : union.geometry;
    return {
      geometry,
      basis: basis(`${record.counties.join('、')}的全境（县级行政区图层）；规划未给出更细的范围。`,
        `The whole area of ${record.counties.join(', ')} (counties layer); the plan gives no finer boundary.`),
    };
  }
  if (p.by_river) {
    const b = p.by_river;
    const from = gazetteer.get(b.from);
    const lat = turf.destination([from.lon, from.lat], b.south_km, 180, { units: 'kilometers' }).geometry.coordinates[1];
    const onRiver = riverAtLatitude(rivers.get(b.river), lat);
    const at = turf.destination(onRiver, b.km, b.side === 'east' ? 90 : 270, { units: 'kilometers' }).geometry.coordinates;
    return {
      geometry: turf.point(at).geometry,
      basis: basis(`乡镇级：置于河流图层中${b.river}线${SIDE_ZH[b.side]}侧${b.km}公里处，纬度取${from.name}${b.south_km ? `以南${b.south_km}公里` : ''}（${from.basis_zh}）。`,
        `Town level: ${b.km} km ${b.side} of the ${b.river} line of the rivers layer, at the latitude of ${from.name}${b.south_km ? ` less ${b.south_km} km` : ''} (${from.basis}).`),
    };
  }
  const at = spread.get(record.id);
  if (p.precision === 'city') {
    return {
      geometry: turf.point(at).geometry,
      basis: basis(`仅知“临汾市”：标记置于${CITY_ANCHOR}中心城区附近，按螺旋错开。`,
        `Only "Linfen city" is known: marker placed in the central urban area around the ${CITY_ANCHOR} seat, spread on a spiral.`),
    };
  }
  return {
    geometry: turf.point(at).geometry,
    basis: basis(`仅知所在县（${record.counties[0]}）：标记置于县城周围1–6公里的螺旋上。`,
      `Only the county is known (${record.counties[0]}): marker spread on a spiral 1–6 km around the county seat.`),
  };
}

// The point where the river line first crosses the latitude, going along the line.
function riverAtLatitude(river, lat) {
  const lines = river.geometry.type === 'LineString' ? [river.geometry.coordinates] : river.geometry.coordinates;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1], line[i]];
      if ((a[1] - lat) * (b[1] - lat) <= 0 && a[1] !== b[1]) {
        const t = (lat - a[1]) / (b[1] - a[1]);
        return [a[0] + (b[0] - a[0]) * t, lat];
      }
    }
  }
  throw new Error(`river ${river.properties.name} does not reach latitude ${lat}`);
}

// Joins county seats; a straight segment that would leave the union is bent at a point of the border the two
// counties share (the one nearest the segment's midpoint), if they share one.
function linkSeats(names, union, counties) {
  const coords = [counties.seat(names[0])];
  let bent = false;
  for (let i = 1; i < names.length; i++) {
    const a = counties.seat(names[i - 1]);
    const b = counties.seat(names[i]);
    if (maxOutsideKm(turf.lineString([a, b]).geometry, union, GEOMETRY_TOLERANCE_KM) > 0) {
      const via = sharedBorderPoint(counties.byName.get(names[i - 1]), counties.byName.get(names[i]), turf.midpoint(a, b));
      if (via) { coords.push(via); bent = true; }
    }
    coords.push(b);
  }
  return { coords, bent };
}

// Neighbouring counties share their border vertex for vertex (see gis-data/README.md).
function sharedBorderPoint(countyA, countyB, target) {
  const ringsOf = (g) => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());
  const inB = new Set(ringsOf(countyB.geometry).flat().map((v) => v.join(',')));
  let best = null;
  let bestKm = Infinity;
  for (const v of ringsOf(countyA.geometry).flat()) {
    if (!inB.has(v.join(','))) continue;
    const km = turf.distance(v, target, { units: 'kilometers' });
    if (km < bestKm) { bestKm = km; best = v; }
  }
  return best;
}

// Keeps the parts of a line inside the zone; where the line crosses the zone's edge, the crossing point
// (found by bisection on pieces of at most 200 m) ends or starts a run.
function clipLine(river, zone) {
  const inside = (c) => turf.booleanPointInPolygon(c, zone);
  const lerp = (p, q, t) => [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
  const crossing = (p, q, pInside) => {
    let lo = 0;
    let hi = 1;
    for (let k = 0; k < 30; k++) {
      const mid = (lo + hi) / 2;
      if (inside(lerp(p, q, mid)) === pInside) lo = mid; else hi = mid;
    }
    return lerp(p, q, pInside ? lo : hi);
  };
  const lines = river.geometry.type === 'LineString' ? [river.geometry.coordinates] : river.geometry.coordinates;
  const runs = [];
  for (const line of lines) {
    let run = inside(line[0]) ? [line[0]] : [];
    for (let i = 1; i < line.length; i++) {
      const pieces = Math.max(1, Math.ceil(turf.distance(line[i - 1], line[i], { units: 'kilometers' }) / 0.2));
      for (let s = 1; s <= pieces; s++) {
        const p = lerp(line[i - 1], line[i], (s - 1) / pieces);
        const q = lerp(line[i - 1], line[i], s / pieces);
        const pIn = inside(p);
        const qIn = inside(q);
        if (pIn && !qIn) { run.push(crossing(p, q, true)); runs.push(run); run = []; }
        if (!pIn && qIn) run = [crossing(p, q, false)];
      }
      if (run.length) run.push(line[i]);
    }
    if (run.length > 1) runs.push(run);
  }
  const kept = runs.filter((r) => r.length > 1);
  if (kept.length === 0) throw new Error(`river ${river.properties.name} does not reach the given counties`);
  return kept.length === 1 ? { type: 'LineString', coordinates: kept[0] } : { type: 'MultiLineString', coordinates: kept };
}

// Largest distance (km) by which the geometry leaves the union of the given counties, counting only
// samples farther out than `allowedKm` (closer ones are accepted without measuring); 0 when none is.
const widened = new WeakMap();
export function maxOutsideKm(geometry, countyUnion, allowedKm = 0) {
  if (geometry === null) return 0;
  if (!widened.has(countyUnion)) widened.set(countyUnion, new Map());
  const zones = widened.get(countyUnion);
  if (!zones.has(allowedKm)) zones.set(allowedKm, allowedKm > 0 ? turf.buffer(countyUnion, allowedKm, { units: 'kilometers' }) : countyUnion);
  const zone = zones.get(allowedKm);
  let worst = 0;
  for (const c of sampleCoordinates(geometry)) {
    if (turf.booleanPointInPolygon(c, countyUnion) || turf.booleanPointInPolygon(c, zone)) continue;
    worst = Math.max(worst, turf.pointToPolygonDistance(c, countyUnion, { units: 'kilometers' }));
  }
  return worst;
}

// Vertices plus points every ~100 m along segments, so that straight schematic lines are checked in between.
export function sampleCoordinates(geometry) {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.flat(2);
  const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const out = [];
  for (const line of lines) {
    out.push(line[0]);
    for (let i = 1; i < line.length; i++) {
      const km = turf.distance(line[i - 1], line[i], { units: 'kilometers' });
      const steps = Math.max(1, Math.ceil(km / 0.1));
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        out.push([line[i - 1][0] + (line[i][0] - line[i - 1][0]) * t, line[i - 1][1] + (line[i][1] - line[i - 1][1]) * t]);
      }
    }
  }
  return out;
}

function capitalise(s) { return s.charAt(0).toUpperCase() + s.slice(1).replace(/[.]$/, ''); }

/** Counties a line passes through (a sample point every ~100 m inside), in the order of `names`. */
export function crossedCounties(geometry, counties) {
  const samples = sampleCoordinates(geometry);
  return [...counties.names()].filter((c) => samples.some((s) => counties.contains(c, s)));
}
