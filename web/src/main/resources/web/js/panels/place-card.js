// The panel of a county, a belt or a spot: belt, area, projects by category and the list of its projects.
import { CATEGORIES, belt, category, isApproximate } from '../model.js';
import { esc, selectButton } from '../util.js';
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

function categoryBars(app, projects) {
  const counts = new Map();
  for (const f of projects) counts.set(f.properties.category, (counts.get(f.properties.category) || 0) + 1);
  if (!counts.size) return '';
  const max = Math.max(1, ...counts.values());
  const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `
    <li class="stat-row"><span class="stat-name">${categoryBadge(id)}${esc(app.t(`cat.${id}`))}</span>${bar(n, max, category(id).color)}<span class="stat-value">${n}</span></li>`).join('');
  return `<h3>${esc(app.t('place.byCategory'))}</h3><ul class="stat-list">${rows}</ul>`;
}

function projectList(app, projects, expanded) {
  if (!projects.length) return `<p class="note">${esc(app.t('place.noProjects'))}</p>`;
  const shown = expanded ? projects : projects.slice(0, LIST_LIMIT);
  const items = shown.map((f) => `<li>${selectButton('project', f.id,
    `${categoryBadge(f.properties.category, isApproximate(f.properties.precision))}<span>${esc(app.i18n.name(f.properties))}</span>`)}</li>`).join('');
  const more = projects.length > shown.length
    ? `<button type="button" class="btn btn-secondary" data-expand>${esc(app.t('ui.showAll', { n: projects.length }))}</button>` : '';
  return `<ul class="project-list">${items}</ul>${more}`;
}

export function placeCard(app, type, feature, { expanded = false } = {}) {
  const t = app.t;
  const p = feature.properties;
  const beltId = type === 'county' ? p.belt : String(feature.id);
  const projects = sortProjects(app, projectsOf(app, type, feature));

  const beltFeature = app.index.belts.get(beltId);
  const beltLabel = beltFeature ? app.i18n.name(beltFeature.properties) : t(`belt.${beltId}`);
  const memberLinks = type === 'belt'
    ? [...app.index.counties.values()].filter((c) => c.properties.belt === beltId)
      .map((c) => selectButton('county', c.id, esc(app.i18n.name(c.properties)), 'chip')).join('')
    : '';
  const row = (label, value) => (value ? `<div class="dl-row"><dt>${esc(label)}</dt><dd>${value}</dd></div>` : '');

  return `
    <article class="card place-card" data-type="${type}" data-id="${esc(feature.id)}" style="--accent:${belt(beltId).stroke}">
      <p class="kicker">${beltSwatch(beltId)}<span>${esc(t(type === 'county' ? 'place.county' : 'place.belt'))}</span></p>
      <h2 id="detail-title" class="card-title" tabindex="-1">${esc(app.i18n.name(p))}</h2>
      ${app.i18n.otherName(p) ? `<p class="card-subtitle">${esc(app.i18n.otherName(p))}</p>` : ''}
      <dl class="facts">
        ${type === 'county' ? row(t('place.belt'), beltFeature ? selectButton('belt', beltId, `${beltSwatch(beltId)}${esc(beltLabel)}`, 'chip') : esc(beltLabel)) : ''}
        ${row(t('place.area'), p.area_km2 != null ? esc(t('unit.km2', { n: app.i18n.num(p.area_km2, 0) })) : '')}
        ${type === 'belt' ? row(t('place.counties'), `<span class="chips">${memberLinks}</span>`) : ''}
        ${row(t('stats.count'), `<span class="project-count">${esc(app.i18n.num(projects.length, 0))}</span>`)}
      </dl>
      ${categoryBars(app, projects)}
      <h3>${esc(t('place.projects', { n: projects.length }))}</h3>
      ${projectList(app, projects, expanded)}
    </article>`;
}

/** The projects drawn on one point: a note on why, the category mix and the list. */
export function spotCard(app, feature, { expanded = false } = {}) {
  const t = app.t;
  const projects = sortProjects(app, projectsOf(app, 'spot', feature));
  const filtered = Object.values(app.state.filters).some((set) => set.size);
  return `
    <article class="card place-card" data-type="spot" data-id="${esc(feature.id)}">
      <p class="kicker"><span class="pin" aria-hidden="true"></span><span>${esc(t('spot.kicker'))}</span></p>
      <h2 id="detail-title" class="card-title" tabindex="-1">${esc(app.i18n.name(feature.properties))}</h2>
      <p class="note">${esc(t('spot.note'))}${filtered ? ` ${esc(t('spot.filtered'))}` : ''}</p>
      ${categoryBars(app, projects)}
      <h3>${esc(t('place.projects', { n: projects.length }))}</h3>
      ${projectList(app, projects, expanded)}
    </article>`;
}
