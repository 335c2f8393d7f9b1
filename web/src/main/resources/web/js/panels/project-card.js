// The card of one project, built as DOM (names and summaries are typed by editors: they stay text):
// head (category, names) and the details tab (place, status, progress, figures, summary, source and precision).
import { BELTS, category, isApproximate } from '../model.js';
import { figureLabel, figureValue } from '../figures.js';
import { h, markup } from '../dom.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';
import { isAbort, latest, projectPage } from './server-lists.js';

const BELT_ORDER = BELTS.map((b) => b.id);

const selectButton = (type, id, className, ...content) =>
  h('button', { type: 'button', class: `link-button ${className || ''}`, dataset: { select: `${type}:${id}` } }, ...content);

const row = (label, value) => (value == null || value === '' || (Array.isArray(value) && !value.length)
  ? null : h('div', { class: 'dl-row' }, h('dt', {}, label), h('dd', {}, value)));

/** Kicker, title and the other-language name. */
export function projectHead(app, feature) {
  const p = feature.properties;
  const other = app.i18n.otherName(p);
  return [
    h('p', { class: 'kicker' }, markup(categoryBadge(p.category, isApproximate(p.precision))),
      h('span', { class: 'category-name' }, app.t(`cat.${p.category}`))),
    h('h2', { id: 'detail-title', class: 'card-title', tabindex: '-1' }, app.i18n.name(p)),
    other ? h('p', { class: 'card-subtitle', lang: app.i18n.lang === 'zh' ? 'en' : 'zh-CN' }, other) : null,
  ];
}

function progressRows(app, p) {
  const t = app.t;
  const yi = (n) => (n == null ? null : app.t('unit.yi', { n: app.i18n.num(n), bn: app.i18n.num(n / 10, 2) }));
  const progress = app.i18n.lang === 'en' ? p.progress_en || p.progress_zh : p.progress_zh || p.progress_en;
  const years = [p.start_year, p.completion_year].some((y) => y != null)
    ? `${p.start_year ?? '…'} – ${p.completion_year ?? '…'}` : null;
  const investment = [yi(p.investment_planned_yi_yuan), p.investment_completed_yi_yuan != null ? `${t('field.investment_completed_yi_yuan')}: ${yi(p.investment_completed_yi_yuan)}` : null]
    .filter(Boolean).join(' · ');
  const rows = [
    row(t('field.stage'), p.stage ? t(`stage.${p.stage}`) : null),
    row(`${t('field.start_year')} – ${t('field.completion_year')}`, years),
    row(t('field.investment_planned_yi_yuan'), investment ? `${investment}${p.investment_year ? ` (${p.investment_year})` : ''}` : null),
    row(t('edit.section.progress'), progress),
    row(t('mine.updated'), p.updated_at ? new Date(p.updated_at).toLocaleDateString(app.i18n.locale(), { timeZone: 'Asia/Shanghai' }) : null),
  ].filter(Boolean);
  return rows.length ? [h('h3', {}, t('edit.section.progress')), h('dl', { class: 'facts progress' }, rows)] : [];
}

/** A new card's requests abort those of the card before. */
const requests = latest();

/**
 * Fills in the parent (its name, from the cache or the server) and the children (items?parent=, without geometries)
 * when they come; until then the parent shows its id and the children nothing.
 */
async function related(app, feature, parentSlot, childrenSlot) {
  const signal = requests.next();
  const parentId = feature.properties.parent;
  if (parentId != null) {
    const cached = app.index.projects.get(String(parentId));
    (cached ? Promise.resolve({ feature: cached }) : app.api.project(String(parentId)))
      .then(({ feature: parent }) => {
        if (!signal.aborted) parentSlot.replaceChildren(selectButton('project', parent.id, '', app.i18n.name(parent.properties)));
      })
      .catch((e) => console.warn('parent project:', e.message));
  }
  childrenSlot.setAttribute('aria-busy', 'true');
  try {
    const { features } = await projectPage(app, new URLSearchParams({ parent: String(feature.id), limit: '1000', sortby: 'name,id' }), signal);
    childrenSlot.removeAttribute('aria-busy');
    if (!features.length) return;
    childrenSlot.replaceChildren(h('h3', {}, app.t('project.children')), h('ul', { class: 'project-list' }, features.map((c) => h('li', {},
      selectButton('project', c.id, '', markup(categoryBadge(c.properties.category, isApproximate(c.properties.precision))), h('span', {}, app.i18n.name(c.properties)))))));
  } catch (e) {
    if (isAbort(e)) return;
    childrenSlot.removeAttribute('aria-busy');
    console.warn('child projects:', e.message);
  }
}

/** The details tab of a project. */
export function projectDetails(app, feature) {
  const t = app.t;
  const p = feature.properties;
  const approx = isApproximate(p.precision);
  const countyLinks = (p.counties || []).map((name) => {
    const c = app.index.countiesByName.get(name);
    return c ? selectButton('county', c.id, 'chip', app.i18n.name(c.properties)) : h('span', { class: 'chip' }, name);
  });
  const beltLinks = [...(p.belts || [])].sort((a, b) => BELT_ORDER.indexOf(a) - BELT_ORDER.indexOf(b)).map((id) => (app.index.belts.has(id)
    ? selectButton('belt', id, 'chip', markup(beltSwatch(id)), t(`belt.${id}`))
    : h('span', { class: 'chip' }, id)));
  const parentSlot = p.parent ? h('span', { class: 'parent-slot' }, String(p.parent)) : null;
  const childrenSlot = h('div', { class: 'children-slot' });
  related(app, feature, parentSlot, childrenSlot);
  const summary = app.i18n.lang === 'en' ? p.summary_en || p.summary_zh : p.summary_zh || p.summary_en;
  const figures = Object.entries(p.figures || {}).filter(([, v]) => v !== null && v !== '');

  return h('div', { class: 'card-details' },
    p.aliases?.length ? h('p', { class: 'aliases' }, `${t('project.aliases')}：${p.aliases.join('、')}`) : null,
    h('dl', { class: 'facts' },
      row(t('project.counties'), countyLinks.length ? h('span', { class: 'chips' }, countyLinks) : t('project.cityWide')),
      row(t('project.belts'), beltLinks.length ? h('span', { class: 'chips' }, beltLinks) : t('ui.none')),
      row(t('project.status'), p.status ? [h('span', { class: `status-dot status-${p.status}`, 'aria-hidden': 'true' }), t(`status.${p.status}`)] : null),
      row(t('project.kind'), p.kind ? t(`kind.${p.kind}`) : null),
      row(t('project.parent'), parentSlot)),
    progressRows(app, p),
    figures.length ? [h('h3', {}, t('project.figures')), h('table', { class: 'figures' }, h('tbody', {},
      figures.map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, figureLabel(app, key)), h('td', {}, figureValue(app, value))))))] : null,
    summary ? [h('h3', {}, t('project.summary')), h('p', { class: 'summary' }, summary),
      app.i18n.lang === 'en' && !p.summary_en && p.summary_zh ? h('p', { class: 'note' }, t('project.summaryOther')) : null] : null,
    childrenSlot,
    h('h3', {}, t('project.precision')),
    h('p', { class: `precision ${approx ? 'is-approx' : ''}` }, h('strong', {}, t(`precision.${p.precision}`)),
      p.place_basis ? [' · ', h('span', { class: 'place-basis' }, p.place_basis)] : null),
    p.source ? [h('h3', {}, t('project.source')), h('p', { class: 'source' }, p.source)] : null,
    h('p', { class: 'card-actions' }, h('button', { type: 'button', class: 'btn', 'data-zoom-selected': '' }, t('ui.zoomTo'))));
}

export const accentOf = (feature) => category(feature.properties.category).color;
