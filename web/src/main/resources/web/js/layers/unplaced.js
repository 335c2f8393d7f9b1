// Projects the plans place only by their county (or only "in Linfen") have no site of their own: instead of an
// invented point each, every county shows one badge ("31 projects without a known site") at its seat, and the
// city-wide ones one badge at the city's. A project in several counties counts in each. Lines keep their
// schematic dashed drawing (they say which counties a route crosses); this is about points and areas.
import { h } from '../dom.js';
import { L } from '../leaflet.js';
import { category, token } from '../model.js';

const CITY = 'city';
/** The city's badge sits this far (degrees) north-west of 尧都区's seat, so that the two never cover each other. */
const CITY_OFFSET = [0.09, -0.12];

/** The same selection in CQL2 for the server: points and areas placed only by county or city (lines keep their drawing). */
export const UNPLACED_CQL = "precision IN ('county','city') AND kind <> 'line'";

/**
 * The CQL2 filter of what the map draws itself (markers, clusters, shapes): all but the badges' projects, unless
 * approximate projects are drawn one by one (null: no filter).
 */
export const drawnFilter = (app) => (app.state.approxPoints ? null : `NOT (${UNPLACED_CQL})`);

/**
 * The items parameters of one badge's projects, the active filters included (its list, its count): a county's,
 * or the city's — those placed only "in Linfen", or whose counties are none of Linfen's.
 */
export function unplacedParams(app, key, extra = {}) {
  if (key !== CITY) return app.filterParams({ ...extra, county: key, filter: UNPLACED_CQL });
  const names = [...app.index.countiesByName.keys()].map((n) => `'${n.replace(/'/g, "''")}'`).join(',');
  const noCounty = names ? `counties IS NULL OR NOT A_OVERLAPS(counties, (${names}))` : 'counties IS NULL';
  return app.filterParams({ ...extra, filter: `${UNPLACED_CQL} AND (precision = 'city' OR ${noCounty})` });
}

/**
 * The badges for the projects that pass the filters, from the server's statistics:
 * key (county name or 'city') → {count, categories: {code: n}}. A project in several counties counts in each.
 */
export async function unplacedGroups(app) {
  const [byCounty, city] = await Promise.all([
    app.api.statsOf(app.filterParams({ filter: UNPLACED_CQL }).toString()),
    app.api.statsOf(unplacedParams(app, CITY).toString()),
  ]);
  const groups = new Map();
  for (const c of byCounty.counties || []) if (c.count > 0) groups.set(c.name, { count: c.count, categories: c.categories || {} });
  if (city.total > 0) groups.set(CITY, { count: city.total, categories: Object.fromEntries(city.categories.map((g) => [g.id, g.count])) });
  return groups;
}

function seatOf(app, key) {
  const county = key === CITY ? app.index.countiesByName.get('尧都区') : app.index.countiesByName.get(key);
  const seat = county?.properties.seat;
  if (!seat) return null;
  return key === CITY ? [seat[1] + CITY_OFFSET[0], seat[0] + CITY_OFFSET[1]] : [seat[1], seat[0]];
}

/** The selection type 'unplaced': a feature for one badge (its list is asked from the server by unplacedParams). */
export async function unplacedFeature(app, key) {
  const group = (await unplacedGroups(app)).get(key);
  if (!group) return null;
  const county = app.index.countiesByName.get(key);
  const n = group.count;
  const seat = seatOf(app, key);
  return {
    type: 'Feature',
    id: key,
    geometry: seat ? { type: 'Point', coordinates: [seat[1], seat[0]] } : null,
    properties: {
      name: app.i18n.tIn('zh', key === CITY ? 'unplaced.cityTitle' : 'unplaced.title', { n, county: county?.properties.name || key }),
      name_en: app.i18n.tIn('en', key === CITY ? 'unplaced.cityTitle' : 'unplaced.title', { n, county: county?.properties.name_en || key }),
      key,
      count: n,
    },
  };
}

function ringStyle({ count, categories }) {
  const counts = Object.entries(categories);
  let angle = 0;
  const stops = counts.map(([c, n]) => {
    const from = angle;
    angle += (n / count) * 360;
    return `${category(c).color} ${from.toFixed(1)}deg ${angle.toFixed(1)}deg`;
  });
  return { background: `conic-gradient(${stops.join(',')})`, categories: counts.map(([c]) => token(c)).join(',') };
}

export function unplacedLayer(app) {
  const group = L.featureGroup();
  let visible = true;

  const label = (key, n) => {
    const county = app.index.countiesByName.get(key);
    return key === CITY ? app.t('unplaced.cityTitle', { n })
      : app.t('unplaced.title', { n, county: app.i18n.name(county?.properties) || key });
  };

  let run = 0;
  // html[data-badges-loading] while the badges are asked: what a test waits for before it reads them
  const setBusy = (on) => {
    if (on) document.documentElement.dataset.badgesLoading = 'true';
    else delete document.documentElement.dataset.badgesLoading;
  };
  async function refresh() {
    const mine = ++run;
    setBusy(true);
    let groups;
    try {
      groups = await unplacedGroups(app);
    } catch (e) {
      console.warn('unplaced:', e.message);
      return;
    } finally {
      if (mine === run) setBusy(false);
    }
    if (mine !== run) return;
    group.clearLayers();
    for (const [key, badge] of groups) {
      const at = seatOf(app, key);
      if (!at) continue;
      const ring = ringStyle(badge);
      const icon = L.divIcon({
        className: `unplaced-badge${key === CITY ? ' is-city' : ''}`,
        html: '',
        iconSize: [46, 46],
        // above its seat, not on it: projects placed at the county town (precision town) are drawn on the seat
        iconAnchor: [23, 52],
      });
      const marker = L.marker(at, { icon, keyboard: true, riseOnHover: true, pane: 'unplaced' });
      marker.on('add', () => {
        const el = marker.getElement();
        el.replaceChildren(h('span', { class: 'ub-ring', dataset: { categories: ring.categories }, style: { background: ring.background } },
          h('span', { class: 'ub-count' }, badge.count)));
        el.dataset.key = key;
        el.dataset.count = String(badge.count);
        el.setAttribute('aria-label', label(key, badge.count));
        el.setAttribute('role', 'button');
      });
      marker.bindTooltip(() => h('span', {}, label(key, badge.count)), { direction: 'top', offset: [0, -20], className: 'hover-tip' });
      const open = () => app.select({ type: 'unplaced', id: key }, { via: 'map' });
      marker.on('click', (e) => {
        if (app.placing) return;
        L.DomEvent.stopPropagation(e);
        open();
      });
      group.addLayer(marker);
    }
  }

  function apply() {
    const show = visible && app.state.layers.has('projects') && !app.state.approxPoints;
    if (show && !app.map.hasLayer(group)) group.addTo(app.map);
    if (!show && app.map.hasLayer(group)) group.remove();
  }

  for (const event of ['filters', 'data', 'lang', 'project']) app.on(event, refresh);
  for (const event of ['layers', 'approx']) app.on(event, apply);
  return {
    refresh,
    apply,
    setVisible(on) { visible = on; apply(); },
  };
}
