// The panel of a county, a belt or a spot: belt, area, projects by category and the list of its projects (DOM).
// A county's, a belt's and a badge's projects come from the server (counts from /api/stats, the list page by page).
import { CATEGORIES, belt, category, isApproximate } from '../model.js';
import { fill, h, markup } from '../dom.js';
import { unplacedParams } from '../layers/unplaced.js';
import { bar, beltSwatch, categoryBadge } from './legend-parts.js';
import { errorNote, isAbort, latest, loadingNote, projectPage } from './server-lists.js';

const LIST_LIMIT = 40;
const categoryOrder = new Map(CATEGORIES.map((c, i) => [c.id, i]));
/** A new card's requests abort those of the card it replaces. */
const requests = latest();

/** The items parameters of a card's projects: the page's filters and the place (or the badge's filter). */
export function placeParams(app, type, feature) {
  if (type === 'county') return app.filterParams({ county: feature.properties.name });
  if (type === 'belt') return app.filterParams({ belt: String(feature.id) });
  return unplacedParams(app, String(feature.id));
}

const sortProjects = (app, projects) => projects.sort((a, b) =>
  (categoryOrder.get(a.properties.category) ?? 99) - (categoryOrder.get(b.properties.category) ?? 99)
  || app.i18n.name(a.properties).localeCompare(app.i18n.name(b.properties), app.i18n.locale()));

const selectButton = (type, id, className, ...content) =>
  h('button', { type: 'button', class: `link-button ${className || ''}`, dataset: { select: `${type}:${id}` } }, ...content);
const row = (label, value) => (value ? h('div', { class: 'dl-row' }, h('dt', {}, label), h('dd', {}, value)) : null);

/** Bars of the count per category: counts is a Map or an object {category: n}. */
function categoryBars(app, counts) {
  const entries = [...(counts instanceof Map ? counts : Object.entries(counts || {}))].filter(([, n]) => n > 0);
  if (!entries.length) return null;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return [h('h3', {}, app.t('place.byCategory')), h('ul', { class: 'stat-list' }, entries.sort((a, b) => b[1] - a[1]).map(([id, n]) =>
    h('li', { class: 'stat-row' }, h('span', { class: 'stat-name' }, markup(categoryBadge(id)), app.t(`cat.${id}`)),
      markup(bar(n, max, category(id).color)), h('span', { class: 'stat-value' }, n))))];
}

const countsOf = (projects) => {
  const counts = new Map();
  for (const f of projects) counts.set(f.properties.category, (counts.get(f.properties.category) || 0) + 1);
  return counts;
};

const listItem = (app, f) => h('li', {}, selectButton('project', f.id, '',
  markup(categoryBadge(f.properties.category, isApproximate(f.properties.precision))), h('span', {}, app.i18n.name(f.properties)),
  isApproximate(f.properties.precision) ? h('span', { class: 'flag approx-flag' }, app.t(`precision.${f.properties.precision}`)) : null));

function projectList(app, projects, expanded) {
  if (!projects.length) return h('p', { class: 'note' }, app.t('place.noProjects'));
  const shown = expanded ? projects : projects.slice(0, LIST_LIMIT);
  return [
    h('ul', { class: 'project-list' }, shown.map((f) => listItem(app, f))),
    projects.length > shown.length ? h('button', { type: 'button', class: 'btn btn-secondary', 'data-expand': '' }, app.t('ui.showAll', { n: projects.length })) : null,
  ];
}

/**
 * The server's part of a card: the count, the category bars and the first page of the list, filled in when the
 * answers come (a loading note until then, an error note with a retry on failure); "show more" asks for the next page.
 * The projects are sorted by category, then name, on the server.
 */
function serverPart(app, params, { count, bars, heading, list }) {
  const signal = requests.next();
  const shown = [];
  const sortby = `category,${app.i18n.lang === 'en' ? 'name_en' : 'name'},id`;
  fill(list, loadingNote(app));
  list.setAttribute('aria-busy', 'true');

  async function page(offset) {
    const query = new URLSearchParams(params);
    query.set('limit', String(LIST_LIMIT));
    query.set('offset', String(offset));
    query.set('sortby', sortby);
    return projectPage(app, query, signal);
  }

  function showList(numberMatched) {
    list.removeAttribute('aria-busy');
    if (!numberMatched) { fill(list, h('p', { class: 'note' }, app.t('place.noProjects'))); return; }
    const rest = numberMatched - shown.length;
    const more = rest > 0 ? h('button', { type: 'button', class: 'btn btn-secondary', 'data-more': '', onclick: async () => {
      more.disabled = true;
      try {
        const next = await page(shown.length);
        shown.push(...next.features);
        showList(next.numberMatched);
        list.querySelectorAll('.project-list button')[shown.length - next.features.length]?.focus();
      } catch (e) {
        if (!isAbort(e)) { more.disabled = false; list.append(errorNote(app)); }
      }
    } }, app.t('list.more', { n: Math.min(LIST_LIMIT, rest), total: numberMatched })) : null;
    fill(list, h('ul', { class: 'project-list' }, shown.map((f) => listItem(app, f))), more);
  }

  async function load() {
    fill(list, loadingNote(app));
    try {
      const [first, stats] = await Promise.all([page(0), app.api.statsOf(params.toString(), signal)]);
      shown.push(...first.features);
      fill(count, app.i18n.num(stats.total, 0));
      heading.textContent = app.t('place.projects', { n: stats.total });
      const mix = Object.fromEntries((stats.categories || []).map((c) => [c.id, c.count]));
      bars.replaceWith(...[categoryBars(app, mix)].flat().filter(Boolean));
      showList(first.numberMatched);
    } catch (e) {
      if (isAbort(e)) return;
      console.warn('place card:', e.message);
      list.removeAttribute('aria-busy');
      fill(list, errorNote(app, load));
    }
  }
  load();
}

/** Empty placeholders that serverPart fills. */
function serverSlots(app) {
  return {
    count: h('span', { class: 'project-count' }, '…'),
    bars: h('div', { class: 'category-bars-slot', hidden: true }),
    heading: h('h3', {}, app.t('place.projects', { n: '…' })),
    list: h('div', { class: 'project-list-slot' }),
  };
}

/** The card of a county or a belt, as DOM. */
export function placeCard(app, type, feature, { expanded = false } = {}) {
  const t = app.t;
  const p = feature.properties;
  const beltId = type === 'county' ? p.belt : String(feature.id);
  const slots = serverSlots(app);
  serverPart(app, placeParams(app, type, feature), slots);
  const beltFeature = app.index.belts.get(beltId);
  const beltLabel = beltFeature ? app.i18n.name(beltFeature.properties) : t(`belt.${beltId}`);
  const memberLinks = type === 'belt'
    ? [...app.index.counties.values()].filter((c) => c.properties.belt === beltId)
      .map((c) => selectButton('county', c.id, 'chip', app.i18n.name(c.properties)))
    : [];
  const other = app.i18n.otherName(p);
  return h('article', { class: 'card place-card', dataset: { type, id: feature.id }, style: { '--accent': belt(beltId).stroke } },
    h('p', { class: 'kicker' }, markup(beltSwatch(beltId)), h('span', {}, t(type === 'county' ? 'place.county' : 'place.belt'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(p)),
    other ? h('p', { class: 'card-subtitle' }, other) : null,
    h('dl', { class: 'facts' },
      type === 'county' ? row(t('place.belt'), beltFeature ? selectButton('belt', beltId, 'chip', markup(beltSwatch(beltId)), beltLabel) : beltLabel) : null,
      row(t('place.area'), p.area_km2 != null ? t('unit.km2', { n: app.i18n.num(p.area_km2, 0) }) : null),
      type === 'belt' ? row(t('place.counties'), h('span', { class: 'chips' }, memberLinks)) : null,
      row(t('stats.count'), slots.count)),
    type === 'county' || type === 'belt'
      ? h('p', { class: 'card-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', dataset: { printPlace: `${type}:${feature.id}` } },
        t('print.button')))
      : null,
    slots.bars, slots.heading, slots.list);
}

/**
 * The projects of one county (or of the city: key 'city') that the plans place no more precisely: why, the mix,
 * the list, from the server. feature: {id: county name or 'city', properties: {name, name_en}}.
 */
export function unplacedCard(app, feature) {
  const t = app.t;
  const slots = serverSlots(app);
  serverPart(app, placeParams(app, 'unplaced', feature), slots);
  const filtered = Object.values(app.state.filters).some((set) => set.size);
  return h('article', { class: 'card place-card unplaced-card', dataset: { type: 'unplaced', id: feature.id } },
    h('p', { class: 'kicker' }, h('span', { class: 'ub-mini', 'aria-hidden': 'true' }), h('span', {}, t('unplaced.kicker'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(feature.properties)),
    h('p', { class: 'note' }, `${t(feature.id === 'city' ? 'unplaced.cityNote' : 'unplaced.note')}${filtered ? ` ${t('spot.filtered')}` : ''}`),
    h('p', {}, h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-show-approx': '' }, t('unplaced.showPoints'))),
    slots.bars, slots.heading, slots.list);
}

/** The projects drawn on one point: a note on why, the category mix and the list. */
export function spotCard(app, feature, { expanded = false } = {}) {
  const t = app.t;
  const projects = sortProjects(app, [...feature.properties.members]);
  const filtered = Object.values(app.state.filters).some((set) => set.size);
  return h('article', { class: 'card place-card', dataset: { type: 'spot', id: feature.id } },
    h('p', { class: 'kicker' }, h('span', { class: 'pin', 'aria-hidden': 'true' }), h('span', {}, t('spot.kicker'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(feature.properties)),
    h('p', { class: 'note' }, `${t('spot.note')}${filtered ? ` ${t('spot.filtered')}` : ''}`),
    categoryBars(app, countsOf(projects)),
    h('h3', {}, t('place.projects', { n: projects.length })),
    projectList(app, projects, expanded));
}
