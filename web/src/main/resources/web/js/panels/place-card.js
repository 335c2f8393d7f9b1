// The panel of a county, a belt or a spot: belt, area, projects by category and the list of its projects (DOM).
import { CATEGORIES, belt, category, isApproximate } from '../model.js';
import { h, markup } from '../dom.js';
import { bar, beltSwatch, categoryBadge } from './legend-parts.js';

const LIST_LIMIT = 40;
const categoryOrder = new Map(CATEGORIES.map((c, i) => [c.id, i]));

function projectsOf(app, type, feature) {
  if (type === 'spot') return [...feature.properties.members];
  const all = [...app.index.projects.values()];
  if (type === 'county') return all.filter((f) => (f.properties.counties || []).includes(feature.properties.name));
  return all.filter((f) => (f.properties.belts || []).includes(String(feature.id)));
}

const sortProjects = (app, projects) => projects.sort((a, b) =>
  (categoryOrder.get(a.properties.category) ?? 99) - (categoryOrder.get(b.properties.category) ?? 99)
  || app.i18n.name(a.properties).localeCompare(app.i18n.name(b.properties), app.i18n.locale()));

const selectButton = (type, id, className, ...content) =>
  h('button', { type: 'button', class: `link-button ${className || ''}`, dataset: { select: `${type}:${id}` } }, ...content);
const row = (label, value) => (value ? h('div', { class: 'dl-row' }, h('dt', {}, label), h('dd', {}, value)) : null);

function categoryBars(app, projects) {
  const counts = new Map();
  for (const f of projects) counts.set(f.properties.category, (counts.get(f.properties.category) || 0) + 1);
  if (!counts.size) return null;
  const max = Math.max(1, ...counts.values());
  return [h('h3', {}, app.t('place.byCategory')), h('ul', { class: 'stat-list' }, [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) =>
    h('li', { class: 'stat-row' }, h('span', { class: 'stat-name' }, markup(categoryBadge(id)), app.t(`cat.${id}`)),
      markup(bar(n, max, category(id).color)), h('span', { class: 'stat-value' }, n))))];
}

function projectList(app, projects, expanded) {
  if (!projects.length) return h('p', { class: 'note' }, app.t('place.noProjects'));
  const shown = expanded ? projects : projects.slice(0, LIST_LIMIT);
  return [
    h('ul', { class: 'project-list' }, shown.map((f) => h('li', {}, selectButton('project', f.id, '',
      markup(categoryBadge(f.properties.category, isApproximate(f.properties.precision))), h('span', {}, app.i18n.name(f.properties)),
      isApproximate(f.properties.precision) ? h('span', { class: 'flag approx-flag' }, app.t(`precision.${f.properties.precision}`)) : null)))),
    projects.length > shown.length ? h('button', { type: 'button', class: 'btn btn-secondary', 'data-expand': '' }, app.t('ui.showAll', { n: projects.length })) : null,
  ];
}

/** The card of a county or a belt, as DOM. */
export function placeCard(app, type, feature, { expanded = false } = {}) {
  const t = app.t;
  const p = feature.properties;
  const beltId = type === 'county' ? p.belt : String(feature.id);
  const projects = sortProjects(app, projectsOf(app, type, feature));
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
      row(t('stats.count'), h('span', { class: 'project-count' }, app.i18n.num(projects.length, 0)))),
    type === 'county' || type === 'belt'
      ? h('p', { class: 'card-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', dataset: { printPlace: `${type}:${feature.id}` } },
        t('print.button')))
      : null,
    categoryBars(app, projects),
    h('h3', {}, t('place.projects', { n: projects.length })),
    projectList(app, projects, expanded));
}

/** The projects of one county (or of the city) that the plans place no more precisely: why, the mix, the list. */
export function unplacedCard(app, feature, { expanded = false } = {}) {
  const t = app.t;
  const projects = sortProjects(app, [...feature.properties.members]);
  const filtered = Object.values(app.state.filters).some((set) => set.size);
  return h('article', { class: 'card place-card unplaced-card', dataset: { type: 'unplaced', id: feature.id } },
    h('p', { class: 'kicker' }, h('span', { class: 'ub-mini', 'aria-hidden': 'true' }), h('span', {}, t('unplaced.kicker'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(feature.properties)),
    h('p', { class: 'note' }, `${t(feature.id === 'city' ? 'unplaced.cityNote' : 'unplaced.note')}${filtered ? ` ${t('spot.filtered')}` : ''}`),
    h('p', {}, h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-show-approx': '' }, t('unplaced.showPoints'))),
    categoryBars(app, projects),
    h('h3', {}, t('place.projects', { n: projects.length })),
    projectList(app, projects, expanded));
}

/** The projects drawn on one point: a note on why, the category mix and the list. */
export function spotCard(app, feature, { expanded = false } = {}) {
  const t = app.t;
  const projects = sortProjects(app, projectsOf(app, 'spot', feature));
  const filtered = Object.values(app.state.filters).some((set) => set.size);
  return h('article', { class: 'card place-card', dataset: { type: 'spot', id: feature.id } },
    h('p', { class: 'kicker' }, h('span', { class: 'pin', 'aria-hidden': 'true' }), h('span', {}, t('spot.kicker'))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(feature.properties)),
    h('p', { class: 'note' }, `${t('spot.note')}${filtered ? ` ${t('spot.filtered')}` : ''}`),
    categoryBars(app, projects),
    h('h3', {}, t('place.projects', { n: projects.length })),
    projectList(app, projects, expanded));
}
