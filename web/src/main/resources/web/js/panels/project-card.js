// The card of one project: names, category, place, status, figures, summary, source and precision.
import { BELTS, category, isApproximate } from '../model.js';
import { figureLabel, figureValue } from '../figures.js';
import { esc, selectButton } from '../util.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';

const BELT_ORDER = BELTS.map((b) => b.id);

function figureRows(app, figures) {
  return Object.entries(figures || {}).filter(([, v]) => v !== null && v !== '').map(([key, value]) =>
    `<tr><th scope="row">${esc(figureLabel(app, key))}</th><td>${esc(figureValue(app, value))}</td></tr>`).join('');
}

export function projectCard(app, feature) {
  const t = app.t;
  const p = feature.properties;
  const approx = isApproximate(p.precision);
  const countyLinks = (p.counties || []).map((name) => {
    const c = app.index.countiesByName.get(name);
    return c ? selectButton('county', c.id, esc(app.i18n.name(c.properties)), 'chip') : `<span class="chip">${esc(name)}</span>`;
  }).join('');
  const beltLinks = [...(p.belts || [])].sort((a, b) => BELT_ORDER.indexOf(a) - BELT_ORDER.indexOf(b)).map((id) => (app.index.belts.has(id)
    ? selectButton('belt', id, `${beltSwatch(id)}${esc(t(`belt.${id}`))}`, 'chip')
    : `<span class="chip">${esc(id)}</span>`)).join('');
  const parent = p.parent ? app.index.projects.get(String(p.parent)) : null;
  const children = [...app.index.projects.values()].filter((f) => f.properties.parent != null && String(f.properties.parent) === String(feature.id));
  const summary = app.i18n.lang === 'en' ? p.summary_en || p.summary_zh : p.summary_zh || p.summary_en;
  const summaryNote = app.i18n.lang === 'en' && !p.summary_en && p.summary_zh ? `<p class="note">${esc(t('project.summaryOther'))}</p>` : '';
  const figures = figureRows(app, p.figures);
  const row = (label, value) => (value ? `<div class="dl-row"><dt>${esc(label)}</dt><dd>${value}</dd></div>` : '');

  return `
    <article class="card project-card" data-id="${esc(feature.id)}" style="--accent:${category(p.category).color}">
      <p class="kicker">${categoryBadge(p.category, approx)}<span class="category-name">${esc(t(`cat.${p.category}`))}</span></p>
      <h2 id="detail-title" class="card-title" tabindex="-1">${esc(app.i18n.name(p))}</h2>
      ${app.i18n.otherName(p) ? `<p class="card-subtitle" lang="${app.i18n.lang === 'zh' ? 'en' : 'zh-CN'}">${esc(app.i18n.otherName(p))}</p>` : ''}
      ${p.aliases?.length ? `<p class="aliases">${esc(t('project.aliases'))}：${esc(p.aliases.join('、'))}</p>` : ''}
      <dl class="facts">
        ${row(t('project.counties'), countyLinks ? `<span class="chips">${countyLinks}</span>` : esc(t('project.cityWide')))}
        ${row(t('project.belts'), beltLinks ? `<span class="chips">${beltLinks}</span>` : esc(t('ui.none')))}
        ${row(t('project.status'), p.status ? `<span class="status-dot status-${esc(p.status)}" aria-hidden="true"></span>${esc(t(`status.${p.status}`))}` : '')}
        ${row(t('project.kind'), p.kind ? esc(t(`kind.${p.kind}`)) : '')}
        ${row(t('project.parent'), parent ? selectButton('project', parent.id, esc(app.i18n.name(parent.properties))) : '')}
      </dl>
      ${figures ? `<h3>${esc(t('project.figures'))}</h3><table class="figures">${figures}</table>` : ''}
      ${summary ? `<h3>${esc(t('project.summary'))}</h3><p class="summary">${esc(summary)}</p>${summaryNote}` : ''}
      ${children.length ? `<h3>${esc(t('project.children'))}</h3><ul class="project-list">${children.map((c) => `<li>${selectButton('project', c.id, `${categoryBadge(c.properties.category, isApproximate(c.properties.precision))}<span>${esc(app.i18n.name(c.properties))}</span>`)}</li>`).join('')}</ul>` : ''}
      <h3>${esc(t('project.precision'))}</h3>
      <p class="precision ${approx ? 'is-approx' : ''}"><strong>${esc(t(`precision.${p.precision}`))}</strong>${p.place_basis ? ` · <span class="place-basis">${esc(p.place_basis)}</span>` : ''}</p>
      ${p.source ? `<h3>${esc(t('project.source'))}</h3><p class="source">${esc(p.source)}</p>` : ''}
      <p class="card-actions"><button type="button" class="btn" data-zoom-selected>${esc(t('ui.zoomTo'))}</button></p>
    </article>`;
}

