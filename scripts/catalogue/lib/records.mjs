// Loading and validation of the hand-curated source records and gazetteers.
// Every problem is collected and reported together; the build refuses to write anything if there is one.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from './sources.mjs';

export const CATEGORIES = ['energy', 'manufacturing', 'logistics', 'agriculture', 'culture_tourism', 'innovation',
  'ecology', 'education_health', 'transport', 'new_infrastructure', 'urban'];
export const STATUSES = ['build', 'upgrade', 'plan', 'existing'];
// kind none: not a place (a product category); its geometry is null
export const KINDS = ['point', 'line', 'area', 'none'];
// from the most to the least precise; none: no position, geometry null
export const PRECISIONS = ['site', 'landmark', 'town', 'county', 'city', 'none'];
// where a record's counties come from: its own name, the plan's sentence, or an inference (see gis-data/README.md)
export const COUNTIES_BASES = ['name', 'text', 'inferred'];

const RECORD_KEYS = ['id', 'name', 'name_en', 'aliases', 'category', 'counties', 'counties_basis', 'kind', 'status', 'figures', 'source',
  'summary_zh', 'summary_en', 'parent', 'place'];
// `duplicates`: ids of other full records (e.g. another author's) that describe the same thing; they are folded in.
const OPTIONAL_RECORD_KEYS = ['duplicates'];
// A record that only says "this is the same thing as <same_as>, also named/sourced here", possibly adding figures.
const SAME_AS_KEYS = ['id', 'same_as', 'name', 'aliases', 'source', 'figures', 'note'];
const PLACE_KEYS = ['precision', 'at', 'through', 'through_counties', 'along', 'counties', 'area', 'by_river', 'note', 'note_zh'];
const BY_RIVER_KEYS = ['river', 'side', 'km', 'from', 'south_km'];
const GAZETTEER_KEYS = ['name', 'aliases', 'lon', 'lat', 'county', 'precision', 'basis', 'basis_zh'];
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FIGURE_KEY_PATTERN = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const SOURCE_PATTERN = /^(000|003) \S.*$/;

export class Problems {
  constructor() { this.list = []; }
  add(where, message) { this.list.push(`${where}: ${message}`); }
  throwIfAny(what) {
    if (this.list.length === 0) return;
    throw new Error(`${what}: ${this.list.length} problem(s)\n  ${this.list.join('\n  ')}`);
  }
}

function readJsonArray(path, problems) {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    problems.add(path, `not valid JSON (${e.message})`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.add(path, 'must hold a JSON array');
    return [];
  }
  return parsed;
}

// `only` (a file-name prefix) lets one author build their own records alone while others are unfinished.
export function loadSources(sourceDir, problems, only = '') {
  const files = readdirSync(sourceDir).filter((f) => f.startsWith(only) && f.endsWith('.json') && !f.endsWith('gazetteer.json')).sort();
  const records = [];
  for (const file of files) {
    for (const record of readJsonArray(join(sourceDir, file), problems)) records.push({ file, record });
  }
  return records;
}

/** @param extra [label, entries] pairs of entries made elsewhere (the places layer) */
export function loadGazetteer(paths, countyNames, problems, extra = []) {
  const byName = new Map();
  for (const [path, entries] of [...paths.map((p) => [p, readJsonArray(p, problems)]), ...extra]) {
    for (const entry of entries) {
      const where = `${path} "${entry?.name}"`;
      if (!isObject(entry)) { problems.add(path, 'gazetteer entry is not an object'); continue; }
      for (const key of Object.keys(entry)) if (!GAZETTEER_KEYS.includes(key)) problems.add(where, `unknown key ${key}`);
      if (!isText(entry.name)) problems.add(where, 'name missing');
      if (entry.aliases !== undefined && !isTextList(entry.aliases)) problems.add(where, 'aliases must be a list of names');
      if (!(Number.isFinite(entry.lon) && entry.lon > 109 && entry.lon < 114)) problems.add(where, 'lon missing or far outside Linfen');
      if (!(Number.isFinite(entry.lat) && entry.lat > 34 && entry.lat < 38)) problems.add(where, 'lat missing or far outside Linfen');
      if (!countyNames.has(entry.county)) problems.add(where, `unknown county ${entry.county}`);
      if (!['landmark', 'site', 'town'].includes(entry.precision)) problems.add(where, 'precision must be landmark, site or town');
      if (!isText(entry.basis) || !isText(entry.basis_zh)) problems.add(where, 'basis and basis_zh (where the position comes from, in English and Chinese) missing');
      for (const n of [entry.name, ...(entry.aliases ?? [])]) {
        if (byName.has(n)) problems.add(where, `${n} defined twice`);
        byName.set(n, entry);
      }
    }
  }
  return byName;
}

const KIND_ZH = { county_seat: '县城', town: '镇', township: '乡', subdistrict: '街道' };
const KIND_EN = { county_seat: 'the county seat', town: 'the town', township: 'the township seat', subdistrict: 'the subdistrict' };

/** The places layer's features with a position, as gazetteer entries of precision town. */
export function placesAsGazetteer(places) {
  return places.features.filter((f) => f.geometry).map((f) => {
    const p = f.properties;
    const from = p.geonames_id
      ? [`GeoNames cities-500 第${p.geonames_id}号地点`, `GeoNames cities-500 place ${p.geonames_id}`]
      : ['县级行政区图层的县城位置（高德地图区县中心点）', 'the county seat of the counties layer (AMap district centre)'];
    return {
      name: p.name,
      aliases: p.aliases,
      lon: f.geometry.coordinates[0],
      lat: f.geometry.coordinates[1],
      county: p.county,
      precision: 'town',
      basis_zh: `地名图层中${p.county}${p.name}（${KIND_ZH[p.kind]}）的位置，取自${from[0]}，标示其驻地，约±1–2公里`,
      basis: `the position of ${p.name} (${KIND_EN[p.kind]}, ${p.county}) in the places layer, from ${from[1]}, which marks its seat to about 1–2 km`,
    };
  });
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v) => typeof v === 'string' && v.trim().length > 0;
const isTextList = (v) => Array.isArray(v) && v.every(isText);

export function validateRecords(entries, countyNames, gazetteer, riverNames, problems) {
  const ids = new Map();
  for (const { file, record } of entries) {
    if (!isObject(record) || !isText(record.id)) { problems.add(file, `record without id: ${JSON.stringify(record).slice(0, 80)}`); continue; }
    if (ids.has(record.id)) problems.add(file, `id ${record.id} also used in ${ids.get(record.id)}`);
    ids.set(record.id, file);
  }
  const full = entries.filter(({ record }) => isObject(record) && !('same_as' in record));
  const sameAs = entries.filter(({ record }) => isObject(record) && 'same_as' in record);
  const fullIds = new Set(full.map(({ record }) => record.id));
  for (const { file, record } of full) validateRecord(`${file} ${record.id}`, record, fullIds, countyNames, gazetteer, riverNames, problems);
  for (const { file, record } of sameAs) {
    const where = `${file} ${record.id}`;
    for (const key of Object.keys(record)) if (!SAME_AS_KEYS.includes(key)) problems.add(where, `unknown key ${key} in a same_as record`);
    if (!ID_PATTERN.test(record.id)) problems.add(where, 'id must be lowercase ascii words joined by "-"');
    if (!fullIds.has(record.same_as)) problems.add(where, `same_as ${record.same_as} is not a full record`);
    if (!isText(record.name)) problems.add(where, 'name missing');
    if (record.aliases !== undefined && !isTextList(record.aliases)) problems.add(where, 'aliases must be a list of names');
    if (!isText(record.source) || !record.source.split(';').every((x) => SOURCE_PATTERN.test(x.trim()))) problems.add(where, 'source must look like "000 专栏2"');
    if (record.figures !== undefined) validateFigures(where, record.figures, problems);
  }
  const duplicated = new Map();
  for (const { file, record } of full) {
    if (record.duplicates === undefined) continue;
    const where = `${file} ${record.id}`;
    if (!isTextList(record.duplicates) || record.duplicates.length === 0) { problems.add(where, 'duplicates must be a non-empty list of ids'); continue; }
    for (const d of record.duplicates) {
      const other = full.find(({ record: o }) => o.id === d)?.record;
      if (!other) problems.add(where, `duplicates ${d}, which is not a full record`);
      else if (other.duplicates !== undefined || d === record.id) problems.add(where, `duplicates ${d}, which itself folds others in`);
      if (duplicated.has(d)) problems.add(where, `${d} is already folded into ${duplicated.get(d)}`);
      duplicated.set(d, record.id);
    }
  }
  checkParentCycles(full.map(({ record }) => record), problems);
  return { full: full.map(({ record }) => record), sameAs: sameAs.map(({ record }) => record) };
}

function validateRecord(where, r, fullIds, countyNames, gazetteer, riverNames, problems) {
  for (const key of Object.keys(r)) if (!RECORD_KEYS.includes(key) && !OPTIONAL_RECORD_KEYS.includes(key)) problems.add(where, `unknown key ${key}`);
  for (const key of RECORD_KEYS) if (!(key in r)) problems.add(where, `missing ${key}`);
  if (!ID_PATTERN.test(r.id)) problems.add(where, 'id must be lowercase ascii words joined by "-"');
  for (const key of ['name', 'name_en', 'summary_zh', 'summary_en', 'source']) if (!isText(r[key])) problems.add(where, `${key} must be non-empty text`);
  if (isText(r.source) && !r.source.split(';').every((s) => SOURCE_PATTERN.test(s.trim()))) problems.add(where, 'source must look like "000 专栏2" or "000 专栏2; 003 二(二)"');
  else if (isText(r.source)) { try { checkSource(r.source); } catch (e) { problems.add(where, e.message); } }
  if (!COUNTIES_BASES.includes(r.counties_basis)) problems.add(where, `counties_basis must be one of ${COUNTIES_BASES.join(', ')}`);
  if (!isTextList(r.aliases)) problems.add(where, 'aliases must be a list of names');
  else if (r.aliases.includes(r.name)) problems.add(where, 'an alias repeats the name');
  if (!CATEGORIES.includes(r.category)) problems.add(where, `unknown category ${r.category}`);
  if (!STATUSES.includes(r.status)) problems.add(where, `unknown status ${r.status}`);
  if (!KINDS.includes(r.kind)) problems.add(where, `unknown kind ${r.kind}`);
  if (r.kind === 'none' && r.place?.precision !== 'none') problems.add(where, 'kind none (not a place) goes with precision none');
  if (!isTextList(r.counties)) problems.add(where, 'counties must be a list of county names');
  else {
    for (const c of r.counties) if (!countyNames.has(c)) problems.add(where, `unknown county ${c}`);
    if (new Set(r.counties).size !== r.counties.length) problems.add(where, 'a county is listed twice');
  }
  validateFigures(where, r.figures, problems);
  if (r.parent !== null && !fullIds.has(r.parent)) problems.add(where, `parent ${r.parent} does not exist`);
  if (r.parent === r.id) problems.add(where, 'is its own parent');
  if (!isObject(r.place)) { problems.add(where, 'place must be an object'); return; }
  validatePlace(where, r, countyNames, gazetteer, riverNames, problems);
}

function validateFigures(where, figures, problems) {
  if (!isObject(figures)) { problems.add(where, 'figures must be an object'); return; }
  for (const [k, v] of Object.entries(figures)) {
    if (!FIGURE_KEY_PATTERN.test(k)) problems.add(where, `figure key ${k} is not snake_case`);
    if (!Number.isFinite(v)) problems.add(where, `figure ${k} must be a number`);
  }
}

function validatePlace(where, r, countyNames, gazetteer, riverNames, problems) {
  const p = r.place;
  const counties = Array.isArray(r.counties) ? r.counties : [];
  for (const key of Object.keys(p)) if (!PLACE_KEYS.includes(key)) problems.add(where, `unknown place key ${key}`);
  if (!PRECISIONS.includes(p.precision)) problems.add(where, `unknown precision ${p.precision}`);
  if (p.note !== undefined && !isText(p.note)) problems.add(where, 'place.note must be text');
  if ((p.note === undefined) !== (p.note_zh === undefined) || (p.note_zh !== undefined && !isText(p.note_zh))) problems.add(where, 'place.note (English) and place.note_zh (Chinese) go together');
  if (p.precision === 'city' && counties.length > 0) problems.add(where, 'precision city names no county');
  if (counties.length === 0 && !['city', 'none'].includes(p.precision)) problems.add(where, 'counties [] only at precision city or none');
  const shapes = ['at', 'through', 'through_counties', 'along', 'area', 'by_river'].filter((k) => k in p);
  if (p.precision === 'none') {
    if (shapes.length) problems.add(where, `precision none has no position, but place gives ${shapes.join(' and ')}`);
    if (!isText(p.note)) problems.add(where, 'precision none needs a note saying why there is no position');
    return;
  }
  if (shapes.length > 1) problems.add(where, `place mixes ${shapes.join(' and ')}`);
  const shape = shapes[0] ?? 'seat';
  const expected = { seat: 'point', at: 'point', through: 'line', through_counties: 'line', along: 'line', area: 'area', by_river: 'point' }[shape];
  if (r.kind !== expected) problems.add(where, `kind ${r.kind} does not fit a place given by ${shape}`);
  if (shape === 'seat' && !['county', 'city'].includes(p.precision)) problems.add(where, `precision ${p.precision} needs "at"`);
  if (shape === 'at') {
    const g = gazetteer.get(p.at);
    if (!g) problems.add(where, `gazetteer has no ${p.at}`);
    else {
      // a site at a town's point (an excavation at the village that holds the township) may be a landmark, if the note says why
      const allowed = g.precision === p.precision || (g.precision === 'town' && p.precision === 'landmark' && isText(p.note));
      if (!allowed) problems.add(where, `precision ${p.precision} but gazetteer says ${g.precision} for ${p.at}`);
      if (!counties.includes(g.county)) problems.add(where, `${p.at} lies in ${g.county}, not among the record's counties`);
    }
  }
  if (shape === 'through') {
    if (!isTextList(p.through) || p.through.length < 2) problems.add(where, 'through needs at least two gazetteer names');
    else for (const n of p.through) if (!gazetteer.has(n)) problems.add(where, `gazetteer has no ${n}`);
    if (!['landmark', 'site', 'town'].includes(p.precision)) problems.add(where, 'a line through gazetteer points is site, landmark or town precision');
    else for (const n of p.through) if (gazetteer.get(n) && !counties.includes(gazetteer.get(n).county)) problems.add(where, `${n} lies in ${gazetteer.get(n).county}, not among the record's counties`);
  }
  if (shape === 'through_counties') {
    if (!isTextList(p.through_counties) || p.through_counties.length < 2) problems.add(where, 'through_counties needs at least two counties');
    else for (const c of p.through_counties) if (!counties.includes(c)) problems.add(where, `through_counties ${c} missing from counties`);
    if (p.precision !== 'county') problems.add(where, 'a line through county seats is county precision');
  }
  if (shape === 'along') {
    if (!riverNames.has(p.along)) problems.add(where, `rivers.geojson has no river ${p.along}`);
    if (!isTextList(p.counties) || p.counties.length === 0) problems.add(where, 'along needs the counties to clip the river to');
    else for (const c of p.counties) if (!counties.includes(c)) problems.add(where, `along-counties ${c} missing from counties`);
    if (p.precision !== 'landmark') problems.add(where, 'a line along a river is landmark precision');
  }
  if (shape === 'by_river') {
    const b = p.by_river;
    for (const key of Object.keys(b ?? {})) if (!BY_RIVER_KEYS.includes(key)) problems.add(where, `unknown by_river key ${key}`);
    if (!riverNames.has(b?.river)) problems.add(where, `rivers.geojson has no river ${b?.river}`);
    if (!['east', 'west'].includes(b?.side)) problems.add(where, 'by_river.side is east or west');
    if (!(b?.km > 0 && b.km < 5) || !(b?.south_km >= 0 && b.south_km < 20)) problems.add(where, 'by_river.km (0–5) and south_km (0–20) needed');
    if (!gazetteer.has(b?.from)) problems.add(where, `gazetteer has no ${b?.from}`);
    if (p.precision !== 'town' || !isText(p.note)) problems.add(where, 'a position beside a river is town precision and needs a note');
  }
  if (shape === 'area') {
    if (p.area !== 'counties') problems.add(where, 'the only area form is "counties"');
    if (p.precision !== 'county') problems.add(where, 'an area made of counties is county precision');
  }
}

function checkParentCycles(records, problems) {
  const parentOf = new Map(records.map((r) => [r.id, r.parent]));
  for (const r of records) {
    const seen = new Set([r.id]);
    let p = parentOf.get(r.id);
    while (p) {
      if (seen.has(p)) { problems.add(r.id, 'parent chain loops'); break; }
      seen.add(p);
      p = parentOf.get(p);
    }
  }
}

// Merges records about one thing: `duplicates` of a full record and `same_as` records are folded into their
// target; their names become aliases, their sources are appended and their figures fill gaps.
export function foldDuplicates(full, sameAs, problems) {
  const byId = new Map(full.map((r) => [r.id, { ...r, aliases: [...r.aliases], figures: { ...r.figures } }]));
  const redirect = new Map();
  for (const r of [...byId.values()].sort(byIdOrder)) {
    for (const d of r.duplicates ?? []) {
      const other = byId.get(d);
      absorb(r, other, problems);
      if (r.parent === null && other.parent !== null && other.parent !== r.id) r.parent = other.parent;
      byId.delete(d);
      redirect.set(d, r.id);
    }
    delete r.duplicates;
  }
  for (const s of [...sameAs].sort(byIdOrder)) {
    const target = byId.get(redirect.get(s.same_as) ?? s.same_as);
    absorb(target, { name: s.name, aliases: s.aliases ?? [], source: s.source, figures: s.figures ?? {}, id: s.id }, problems);
  }
  for (const r of byId.values()) if (redirect.has(r.parent)) r.parent = redirect.get(r.parent);
  return [...byId.values()];
}

// "000 第三章一" < "000 专栏2" < "000 第五章一" < "003 二(八)": by document, then by chapter, where a
// column counts as part of the chapter that holds it (column numbers rise through the chapters).
const NUMERALS = '一二三四五六七八九十';
const COLUMN_CHAPTER = [0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5];
function sourceKey(source) {
  const [doc, place = ''] = source.split(' ');
  const chapter = place.match(/^第(.)章(.?)/);
  if (chapter) return [doc, NUMERALS.indexOf(chapter[1]) + 1, 0, NUMERALS.indexOf(chapter[2]) + 1, place];
  const column = place.match(/^专栏\s*(\d+)/);
  if (column) return [doc, COLUMN_CHAPTER[Number(column[1])] ?? 9, 1, Number(column[1]), place];
  return [doc, 0, 0, 0, place];
}
function bySourceOrder(a, b) {
  const ka = sourceKey(a);
  const kb = sourceKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
  return 0;
}

const byIdOrder = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function absorb(target, other, problems) {
  for (const n of [other.name, ...other.aliases]) {
    if (n !== target.name && !target.aliases.includes(n)) target.aliases.push(n);
  }
  const sources = target.source.split(';').map((x) => x.trim());
  for (const src of other.source.split(';').map((x) => x.trim())) if (!sources.includes(src)) sources.push(src);
  target.source = sources.sort(bySourceOrder).join('; ');
  for (const [k, v] of Object.entries(other.figures)) {
    if (!(k in target.figures)) target.figures[k] = v;
    else if (target.figures[k] !== v) problems.add(target.id, `figure ${k} is ${target.figures[k]} here but ${v} in ${other.id}`);
  }
}

export function checkNamesUnique(records, problems) {
  const owner = new Map();
  for (const r of records) {
    for (const n of [r.name, ...r.aliases]) {
      if (owner.has(n) && owner.get(n) !== r.id) problems.add(r.id, `name "${n}" also belongs to ${owner.get(n)}`);
      owner.set(n, r.id);
    }
  }
}
