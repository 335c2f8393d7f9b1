// Builds gis-data/projects.geojson from scripts/catalogue/source/*.json (see gis-data/README.md).
//   node build-projects.mjs            validate, write gis-data/projects.geojson, print a report
//   node build-projects.mjs --check    validate and fail unless the committed file is identical to a rebuild
//   node build-projects.mjs --markdown print the report as Markdown tables
//   Writing also refreshes the counts between the counts markers of gis-data/README.md; --check checks them.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Problems, loadSources, loadGazetteer, placesAsGazetteer, validateRecords, foldDuplicates, checkNamesUnique, CATEGORIES, STATUSES,
  PRECISIONS, KINDS, COUNTIES_BASES,
} from './lib/records.mjs';
import { sourceInWords } from './lib/sources.mjs';
import {
  Counties, spreadPoints, place, maxOutsideKm, sampleCoordinates, allowedOutsideKm, crossedCounties, CITY_ANCHOR,
} from './lib/placement.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(repo, 'gis-data', 'projects.geojson');
const readme = join(repo, 'gis-data', 'README.md');
const COUNTS_BLOCK = /<!-- counts:start -->\n[\s\S]*?<!-- counts:end -->/;
const BELTS = ['fen', 'yellow', 'taiyue'];
const mode = process.argv[2] ?? 'write';
if (!['write', '--check', '--markdown'].includes(mode)) throw new Error(`unknown option ${mode}`);

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));
const counties = new Counties(readJson(join(repo, 'gis-data', 'counties.geojson')));
const rivers = new Map(readJson(join(repo, 'gis-data', 'rivers.geojson')).features.map((f) => [f.properties.name, f]));

const problems = new Problems();
const gazetteerFiles = [join(here, 'gazetteer.json'),
  ...readdirSync(join(here, 'source')).filter((f) => f.endsWith('gazetteer.json')).sort().map((f) => join(here, 'source', f))]
  .filter(existsSync);
const places = readJson(join(repo, 'gis-data', 'places.geojson'));
const gazetteer = loadGazetteer(gazetteerFiles, counties.names(), problems, [['gis-data/places.geojson', placesAsGazetteer(places)]]);
const only = process.env.CATALOGUE_ONLY ?? '';
const entries = loadSources(join(here, 'source'), problems, only);
if (only && mode !== '--markdown') console.log(`build-projects: only source files starting with "${only}" (CATALOGUE_ONLY)`);
const { full, sameAs } = validateRecords(entries, counties.names(), gazetteer, new Set(rivers.keys()), problems);
problems.throwIfAny('source records');

const records = foldDuplicates(full, sameAs, problems).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
checkNamesUnique(records, problems);
for (const g of new Set(gazetteer.values())) {
  if (!counties.contains(g.county, [g.lon, g.lat])) problems.add(`gazetteer ${g.name}`, `position is not inside ${g.county}`);
}

const spread = spreadPoints(records, counties);
const features = records.map((r) => {
  const { geometry, basis } = place(r, { counties, gazetteer, rivers, spread });
  const allowed = allowedOutsideKm(r.place);
  const within = r.counties.length ? r.counties : [CITY_ANCHOR];
  const outside = maxOutsideKm(geometry, counties.union(within), allowed);
  // a line says which counties it passes through: each listed county is crossed, and (above) no other
  if (geometry && r.kind === 'line' && r.counties.length && !r.place.along) {
    const crossed = crossedCounties(geometry, counties);
    const missed = r.counties.filter((c) => !crossed.includes(c));
    if (missed.length) problems.add(r.id, `lists ${missed.join(', ')}, which its line does not cross (crosses ${crossed.join(', ')})`);
  }
  if (outside > 0) {
    const samples = sampleCoordinates(geometry);
    const crossed = [...counties.names()].filter((c) => !within.includes(c) && samples.some((s) => counties.contains(c, s)));
    problems.add(r.id, `geometry leaves its counties by ${outside.toFixed(2)} km (also crosses: ${crossed.join(', ') || 'none'})`);
  }
  return feature(r, geometry, basis);
});
problems.throwIfAny('geometry');

const collection = {
  type: 'FeatureCollection',
  name: 'projects',
  source: 'hand-curated records in scripts/catalogue/source/ from the plans 临汾市“十四五”促进区域融合发展实现高水平崛起规划 and 全市2023年“双城”建设项目谋划指导意见; built by scripts/catalogue/build-projects.mjs; town positions from the places layer (GeoNames, CC BY 4.0)',
  datum: 'WGS84 lon/lat, 6 decimals',
  precision: 'per feature: properties.precision (site, landmark, town, county, city, none) and properties.place_basis; geometry null at precision none',
  features,
};
const text = `${JSON.stringify(collection, roundCoordinates, 0)
  .replace(/\{"type":"Feature",/g, '\n{"type":"Feature",')}\n`;

const countsBlock = `<!-- counts:start -->\n${markdownReport(features)}\n<!-- counts:end -->`;
const readmeText = readFileSync(readme, 'utf8');
if (!COUNTS_BLOCK.test(readmeText)) throw new Error('gis-data/README.md has no <!-- counts:start --> … <!-- counts:end --> block');
if (mode === '--check') {
  const committed = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (committed !== text) throw new Error('gis-data/projects.geojson differs from a rebuild of scripts/catalogue/source');
  if (readmeText.match(COUNTS_BLOCK)[0] !== countsBlock) throw new Error('the counts in gis-data/README.md are out of date');
  console.log('build-projects: gis-data/projects.geojson reproduced byte-for-byte; README counts current');
} else if (mode === '--markdown') {
  console.log(markdownReport(features));
} else if (only) {
  console.log(plainReport(features).replace('wrote', 'would write'));
} else {
  writeFileSync(out, text);
  writeFileSync(readme, readmeText.replace(COUNTS_BLOCK, countsBlock));
  console.log(plainReport(features));
}

function feature(r, geometry, basis) {
  const belts = BELTS.filter((b) => r.counties.some((c) => counties.belt(c) === b));
  return {
    type: 'Feature',
    id: r.id,
    properties: {
      id: r.id,
      name: r.name,
      name_en: r.name_en,
      aliases: r.aliases,
      category: r.category,
      counties: r.counties,
      counties_basis: r.counties_basis,
      belts,
      kind: r.kind,
      status: r.status,
      figures: Object.fromEntries(Object.entries(r.figures).sort(([a], [b]) => (a < b ? -1 : 1))),
      source: sourceInWords(r.source),
      summary_zh: r.summary_zh,
      summary_en: r.summary_en,
      precision: r.place.precision,
      parent: r.parent,
      place_basis: basis,
    },
    geometry,
  };
}

function roundCoordinates(key, value) {
  if (key !== 'coordinates') return value;
  const round = (v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v.map(round));
  return round(value);
}

function tally(features, key, order) {
  const counts = new Map(order.map((k) => [k, 0]));
  for (const f of features) {
    const values = [].concat(f.properties[key]);
    if (values.length === 0) counts.set('(none: city-wide)', (counts.get('(none: city-wide)') ?? 0) + 1);
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].filter(([, n]) => n > 0);
}

function reportSections(features) {
  return [
    ['category', tally(features, 'category', CATEGORIES)],
    ['belt (a feature counts once per belt it touches)', tally(features, 'belts', BELTS)],
    ['precision', tally(features, 'precision', PRECISIONS)],
    ['counties_basis', tally(features, 'counties_basis', COUNTIES_BASES)],
    ['status', tally(features, 'status', STATUSES)],
    ['kind', tally(features, 'kind', KINDS)],
  ];
}

function plainReport(features) {
  const lines = [`build-projects: wrote ${features.length} features to gis-data/projects.geojson`];
  for (const [title, rows] of reportSections(features)) {
    lines.push(`  by ${title}:`);
    for (const [k, n] of rows) lines.push(`    ${String(n).padStart(4)}  ${k}`);
  }
  return lines.join('\n');
}

function markdownReport(features) {
  const lines = [`${features.length} features in total.`, ''];
  for (const [title, rows] of reportSections(features)) {
    lines.push(`| ${title} | features |`, '| --- | ---: |');
    for (const [k, n] of rows) lines.push(`| ${k} | ${n} |`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
