// Projects the plans place only by their county (or only "in Linfen") have no site of their own: instead of an
// invented point each, every county shows one badge ("31 projects without a known site") at its seat, and the
// city-wide ones one badge at the city's. A project in several counties counts in each. Lines keep their
// schematic dashed drawing (they say which counties a route crosses); this is about points and areas.
import { h } from '../dom.js';
import { L } from '../leaflet.js';
import { category, isApproximate, token } from '../model.js';

const CITY = 'city';
/** The city's badge sits this far (degrees) north-west of 尧都区's seat, so that the two never cover each other. */
const CITY_OFFSET = [0.09, -0.12];

/** Is this project one of those drawn as a badge (not as its own marker) in the default view? */
export const isUnplaced = (f) => isApproximate(f.properties.precision) && !/LineString/.test(f.geometry?.type || '');

/** The badges' groups for the projects that pass the filters: key (county name or 'city') → members. */
export function unplacedGroups(app) {
  const groups = new Map();
  for (const f of app.index.projects.values()) {
    if (!f.geometry || !isUnplaced(f) || !app.matches(f.properties)) continue;
    const counties = f.properties.precision === 'city' || !(f.properties.counties || []).length ? [CITY] : f.properties.counties;
    for (const key of counties) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
  }
  return groups;
}

function seatOf(app, key) {
  const county = key === CITY ? app.index.countiesByName.get('尧都区') : app.index.countiesByName.get(key);
  const seat = county?.properties.seat;
  if (!seat) return null;
  return key === CITY ? [seat[1] + CITY_OFFSET[0], seat[0] + CITY_OFFSET[1]] : [seat[1], seat[0]];
}

/** The selection type 'unplaced': a synthetic feature listing a badge's projects. */
export function unplacedFeature(app, key) {
  const members = unplacedGroups(app).get(key);
  if (!members) return null;
  const county = app.index.countiesByName.get(key);
  const n = members.length;
  const seat = seatOf(app, key);
  return {
    type: 'Feature',
    id: key,
    geometry: seat ? { type: 'Point', coordinates: [seat[1], seat[0]] } : null,
    properties: {
      name: app.i18n.tIn('zh', key === CITY ? 'unplaced.cityTitle' : 'unplaced.title', { n, county: county?.properties.name || key }),
      name_en: app.i18n.tIn('en', key === CITY ? 'unplaced.cityTitle' : 'unplaced.title', { n, county: county?.properties.name_en || key }),
      members,
    },
  };
}

function ringStyle(members) {
  const counts = new Map();
  for (const f of members) counts.set(f.properties.category, (counts.get(f.properties.category) || 0) + 1);
  let angle = 0;
  const stops = [...counts].map(([c, n]) => {
    const from = angle;
    angle += (n / members.length) * 360;
    return `${category(c).color} ${from.toFixed(1)}deg ${angle.toFixed(1)}deg`;
  });
  return { background: `conic-gradient(${stops.join(',')})`, categories: [...counts.keys()].map(token).join(',') };
}

export function unplacedLayer(app) {
  const group = L.featureGroup();
  let visible = true;

  const label = (key, n) => {
    const county = app.index.countiesByName.get(key);
    return key === CITY ? app.t('unplaced.cityTitle', { n })
      : app.t('unplaced.title', { n, county: app.i18n.name(county?.properties) || key });
  };

  function refresh() {
    group.clearLayers();
    for (const [key, members] of unplacedGroups(app)) {
      const at = seatOf(app, key);
      if (!at) continue;
      const ring = ringStyle(members);
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
          h('span', { class: 'ub-count' }, members.length)));
        el.dataset.key = key;
        el.dataset.ids = members.map((f) => f.id).join(' ');
        el.setAttribute('aria-label', label(key, members.length));
        el.setAttribute('role', 'button');
      });
      marker.bindTooltip(() => h('span', {}, label(key, members.length)), { direction: 'top', offset: [0, -20], className: 'hover-tip' });
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

  for (const event of ['filters', 'data', 'lang']) app.on(event, refresh);
  for (const event of ['layers', 'approx']) app.on(event, apply);
  return {
    refresh,
    apply,
    setVisible(on) { visible = on; apply(); },
  };
}
