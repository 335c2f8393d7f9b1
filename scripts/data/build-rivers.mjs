// Builds gis-data/rivers.geojson from the GSHHG/WDBII rivers that GMT reads from gmt-gshhg-full.
// `gmt coast -M` dumps whole 1° bins: one '>' header per bin segment, then "lon<TAB>lat" lines.
// usage: node build-rivers.mjs <counties.geojson> <out.geojson>   (build.sh checks the GSHHG files first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { round6, dropRepeatedPoints, metres, writeFeatureCollection } from './geo.mjs';

const SOURCE = 'GSHHG 2.3.7 WDBII rivers, full resolution (Debian gmt-gshhg-full 2.3.7-6)';
const LEVELS = { 1: 'permanent major river', 2: 'additional major river', 3: 'additional river' };

const [countiesPath, outPath] = process.argv.slice(2);
if (!outPath) throw new Error('usage: node build-rivers.mjs <counties.geojson> <out.geojson>');
const fail = (msg) => { console.error(`build-rivers: ${msg}`); process.exit(1); };

function clipBox(counties) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of counties.features) {
    for (const poly of polygonsOf(f.geometry)) for (const [x, y] of poly[0]) {
      x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
    }
  }
  // County bbox padded by 0.05°, rounded outward to 0.1°.
  return [Math.floor((x0 - 0.05) * 10) / 10, Math.floor((y0 - 0.05) * 10) / 10,
    Math.ceil((x1 + 0.05) * 10) / 10, Math.ceil((y1 + 0.05) * 10) / 10];
}

function polygonsOf(g) {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function countyAt(p, counties) {
  return counties.features.find((f) => polygonsOf(f.geometry)
    .some((poly) => inRing(p, poly[0]) && !poly.slice(1).some((hole) => inRing(p, hole))));
}

function distanceToSegment(p, a, b) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const [ax, ay, bx, by, px, py] = [a[0] * k, a[1], b[0] * k, b[1], p[0] * k, p[1]];
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
  return metres(p, [(ax + t * (bx - ax)) / k, ay + t * (by - ay)]);
}

function parseDump(text) {
  const segments = [];
  for (const line of text.split('\n')) {
    const header = line.match(/^>.*Level (\d+)/);
    if (header) segments.push({ level: Number(header[1]), keys: [] });
    else if (line.trim()) segments.at(-1).keys.push(line.trim().split(/\s+/).slice(0, 2).join(' '));
  }
  return segments.filter((s) => new Set(s.keys).size > 1); // bins also hold zero-length stubs
}

/** Joins bin pieces of one level that meet at exactly the same endpoint (GSHHG splits lines at bin edges). */
function chain(segments) {
  const pieces = segments.map((s) => [...s.keys]);
  let joined = true;
  while (joined) {
    joined = false;
    for (let i = 0; i < pieces.length && !joined; i++) {
      for (let j = 0; j < pieces.length && !joined; j++) {
        if (i !== j && pieces[i].at(-1) === pieces[j][0]) {
          pieces[i] = pieces[i].concat(pieces[j].slice(1));
          pieces.splice(j, 1);
          joined = true;
        }
      }
    }
  }
  return pieces.map((keys) => keys.map((k) => k.split(' ').map(Number)));
}

/** Runs of vertices inside the box, each extended by one vertex beyond the edge; no new positions made up. */
function clip(line, [x0, y0, x1, y1]) {
  const inside = line.map(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
  const runs = [];
  let start = -1;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && inside[i]) { if (start < 0) start = i; continue; }
    if (start >= 0) runs.push(line.slice(Math.max(0, start - 1), Math.min(line.length, i + 1)));
    start = -1;
  }
  return runs;
}

const counties = JSON.parse(fs.readFileSync(countiesPath, 'utf8'));
const box = clipBox(counties);
// GMT leaves gmt.history in (and reads gmt.conf from) its working directory: give it an empty one.
const gmtDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gmt-'));
const dump = execFileSync('gmt', ['coast', `-R${box[0]}/${box[2]}/${box[1]}/${box[3]}`, '-I1', '-I2', '-I3', '-Df', '-M',
  '--FORMAT_FLOAT_OUT=%.12lg'], { encoding: 'utf8', maxBuffer: 64 << 20, cwd: gmtDir });
fs.rmSync(gmtDir, { recursive: true });
const pieces = [];
for (const level of [1, 2, 3]) {
  const segments = parseDump(dump).filter((s) => s.level === level);
  for (const line of chain(segments)) {
    for (const run of clip(line, box)) {
      const crossed = new Set(run.map((p) => countyAt(p, counties)?.properties.name).filter(Boolean));
      pieces.push({ level, line: run, crossed });
    }
  }
}

const RIVERS = [
  {
    id: 'huanghe', name: '黄河', name_en: 'Yellow River', level: 1,
    pick: () => true,
    note: 'WDBII level-1 line along the Shanxi-Shaanxi border',
  },
  {
    id: 'fenhe', name: '汾河', name_en: 'Fen River', level: 2,
    pick: (p) => ['霍州市', '洪洞县', '尧都区', '襄汾县'].every((c) => p.crossed.has(c)),
    note: 'WDBII level-2 line through Huozhou, Hongtong, Yaodu and Xiangfen down to its end at the Yellow River',
  },
  {
    id: 'qinhe', name: '沁河', name_en: 'Qin River', level: 2,
    pick: (p) => p.crossed.has('安泽县') && !p.crossed.has('尧都区'),
    note: 'unnamed in WDBII; named because it is the level-2 line that crosses Anze County north to south '
      + 'and, outside this extract, reaches the Yellow River near 113.45°E 34.97°N (Wuzhi, Henan), '
      + 'which is the course of the Qin; the regional plan lists 沁河 among Linfen\'s rivers',
  },
];

const features = [];
const used = new Set();
for (const r of RIVERS) {
  const mine = pieces.filter((p) => p.level === r.level && !used.has(p) && r.pick(p));
  if (mine.length !== 1) fail(`${r.name}: expected one level-${r.level} line, found ${mine.length}`);
  used.add(mine[0]);
  const lines = mine.map((p) => dropRepeatedPoints(p.line.map(([x, y]) => [round6(x), round6(y)])));
  features.push({
    type: 'Feature',
    id: r.id,
    properties: {
      name: r.name, name_en: r.name_en, level: r.level, level_meaning: LEVELS[r.level], source: SOURCE, note: r.note,
    },
    geometry: lines.length === 1
      ? { type: 'LineString', coordinates: lines[0] }
      : { type: 'MultiLineString', coordinates: lines },
  });
  const ends = lines.map((l) => `${l[0]} → ${l.at(-1)}`).join('; ');
  console.log(`rivers: ${r.id} ${lines.length} part(s), ${lines.reduce((n, l) => n + l.length, 0)} vertices, `
    + `vertices in ${[...mine[0].crossed].join(' ')}; ${ends}`);
}
for (const p of pieces) {
  if (!used.has(p) && p.crossed.size > 0) {
    console.log(`rivers: left out unnamed level-${p.level} line (${p.line.length} vertices) through ${[...p.crossed].join(' ')}`);
  }
}

const yellow = features[0].geometry;
const fenEnd = features[1].geometry.coordinates.at(-1);
const yellowLines = yellow.type === 'LineString' ? [yellow.coordinates] : yellow.coordinates;
const gap = Math.min(...yellowLines.flatMap((l) => l.slice(1).map((v, i) => distanceToSegment(fenEnd, l[i], v))));
console.log(`rivers: clip box ${box.join(',')}; the Fen line ends ${gap.toFixed(0)} m from the Yellow River line`);

fs.writeFileSync(outPath, writeFeatureCollection(features, {
  name: 'Main rivers of Linfen',
  source: `${SOURCE}; licence LGPL-3+`,
  datum: 'WGS84 (no datum shift applied)',
  precision: 'WDBII digitised at about 1:3,000,000; positions can be off by several hundred metres, locally more; coordinates rounded to 6 decimals',
  extent: `lines clipped to ${box.join(',')} (county bbox padded 0.05 degree) by keeping whole vertices; 汾河 kept to its confluence`,
}));
