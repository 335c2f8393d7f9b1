#!/usr/bin/env node
// Writes N synthetic projects (fixed seed, deterministic) as GeoJSON for benchmarks and the 100k browser test,
// with a precision mix like a real project bank: ~80% points at a site (random point in a county), ~10% at a
// town (one of eight made-up town points per county, so projects share positions), ~7% placed only by county
// (at the county seat, the counties' `seat` property), ~3% lines (2–4 vertices within one county, precision
// site). Names are built from real place syllables so that text search has realistic work. Not plan data.
// Usage: node synthetic-projects.mjs COUNT SEED COUNTIES_GEOJSON OUT_GEOJSON
import fs from 'node:fs';

const [count, seed, countiesPath, outPath] = process.argv.slice(2);
const n = Number(count);
let state = Number(seed) >>> 0;
function random() { // mulberry32
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

const counties = JSON.parse(fs.readFileSync(countiesPath, 'utf8')).features;
const categories = ['energy', 'manufacturing', 'logistics', 'agriculture', 'culture_tourism', 'innovation',
  'ecology', 'education_health', 'transport', 'new_infrastructure', 'urban'];
const statuses = ['build', 'upgrade', 'plan', 'existing'];
const places = ['壶口', '乾坤湾', '云丘山', '大槐树', '陶寺', '丁村', '尧庙', '龙祠', '七里峪', '姑射山', '汾河', '黄河',
  '霍山', '太岳', '浍河', '沁河', '昕水河', '芝河', '鄂河', '州川河'];
const things = ['产业园', '物流中心', '光伏电站', '储气库', '旅游区', '医院', '学校', '污水处理厂', '数据中心', '公路', '湿地公园', '科创中心'];
const TOWNS_PER_COUNTY = 8;

function rings(geometry) {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}
function inside(lon, lat, geometry) {
  let hit = false;
  for (const polygon of rings(geometry)) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
      }
    }
  }
  return hit;
}
function bbox(geometry) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of rings(geometry)) for (const [x, y] of polygon[0]) {
    b[0] = Math.min(b[0], x); b[1] = Math.min(b[1], y); b[2] = Math.max(b[2], x); b[3] = Math.max(b[3], y);
  }
  return b;
}
const boxes = counties.map((c) => bbox(c.geometry));
const round = (v) => Number(v.toFixed(6));
function pointIn(k) { // a uniformly random point inside county k, by rejection from its box
  const [x0, y0, x1, y1] = boxes[k];
  let lon, lat;
  do {
    lon = x0 + random() * (x1 - x0);
    lat = y0 + random() * (y1 - y0);
  } while (!inside(lon, lat, counties[k].geometry));
  return [round(lon), round(lat)];
}
const towns = counties.map((_, k) => Array.from({ length: TOWNS_PER_COUNTY }, () => pointIn(k)));

const out = fs.createWriteStream(outPath);
out.write('{"type":"FeatureCollection","name":"synthetic projects for benchmarks (not plan data)","features":[\n');
for (let i = 0; i < n; i++) {
  const k = Math.floor(random() * counties.length);
  const county = counties[k];
  const mix = random();
  let geometry, precision = 'site', kind = 'point';
  if (mix < 0.80) {
    geometry = { type: 'Point', coordinates: pointIn(k) };
  } else if (mix < 0.90) {
    precision = 'town';
    geometry = { type: 'Point', coordinates: pick(towns[k]) };
  } else if (mix < 0.97) {
    precision = 'county';
    geometry = { type: 'Point', coordinates: county.properties.seat.map(round) };
  } else {
    kind = 'line';
    const vertices = 2 + Math.floor(random() * 3);
    geometry = { type: 'LineString', coordinates: Array.from({ length: vertices }, () => pointIn(k)) };
  }
  const category = pick(categories);
  const name = `${county.properties.name.replace(/[县区市]$/, '')}${pick(places)}${pick(things)}${i}`;
  const feature = {
    type: 'Feature', id: `synthetic-${String(i).padStart(6, '0')}`,
    geometry,
    properties: {
      name, name_en: `Synthetic project ${i}`, aliases: [], category,
      counties: [county.properties.name], belts: [county.properties.belt], kind,
      status: pick(statuses), figures: { investment_yi_yuan: Math.round(random() * 1000) / 10 },
      source: 'synthetic', summary_zh: `用于性能测试的虚构项目，位于${county.properties.name}。`,
      summary_en: 'A made-up project for benchmarks.', precision,
    },
  };
  out.write((i ? ',\n' : '') + JSON.stringify(feature));
}
out.write('\n]}\n');
out.end();
