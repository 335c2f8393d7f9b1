// Layer switches and the legend (belts with their counties, rivers, categories, precision).
import { BELTS, CATEGORIES, belt } from '../model.js';
import { LAYER_IDS } from '../app.js';
import { esc, rerender, selectButton } from '../util.js';
import { beltSwatch, categoryBadge, lineSwatch } from './legend-parts.js';

export function layersPanel(app) {
  let container;

  const layerSwatch = (id) => {
    if (id === 'counties') return `<span class="belt-swatch multi" aria-hidden="true">${BELTS.map((b) => `<i style="background:${b.fill}"></i>`).join('')}</span>`;
    if (id === 'belts') return `<span class="belt-swatch outline" aria-hidden="true"></span>`;
    if (id === 'rivers') return lineSwatch('#2b7bbf', false, 3);
    if (id === 'places') return '<span class="place-swatch" aria-hidden="true"></span>';
    return categoryBadge('transport');
  };

  function html() {
    const t = app.t;
    const layerRows = LAYER_IDS.map((id) => `
      <label class="check-row" for="layer-${id}">
        <input type="checkbox" id="layer-${id}" data-layer="${id}" ${app.state.layers.has(id) ? 'checked' : ''}>
        ${layerSwatch(id)}<span class="row-label">${esc(t(`layers.${id}`))}</span>
      </label>`).join('');

    const approxRow = `
      <label class="check-row sub-option" for="layer-approx-points">
        <input type="checkbox" id="layer-approx-points" data-approx-points ${app.state.approxPoints ? 'checked' : ''}>
        <span class="row-label">${esc(t('layers.approxPoints'))}</span>
      </label>`;
    const bases = [...(app.baseLayers?.layers || new Map())];
    const baseRows = bases.length ? `
      <fieldset class="group"><legend>${esc(t('layers.base'))}</legend>
        ${[['', t('layers.baseNone')], ...bases.map(([id, b]) => [id, b.name])].map(([id, name]) => `
          <label class="check-row" for="base-${esc(id || 'none')}">
            <input type="radio" name="base" id="base-${esc(id || 'none')}" value="${esc(id)}" ${(app.state.base || '') === id ? 'checked' : ''}>
            <span class="row-label">${esc(name)}</span>
          </label>`).join('')}
      </fieldset>` : '';

    const counties = [...app.index.counties.values()];
    const beltBlocks = BELTS.map((b) => {
      const feature = app.index.belts.get(b.id);
      const label = feature ? app.i18n.name(feature.properties) : t(`belt.${b.id}`);
      const members = counties.filter((c) => c.properties.belt === b.id)
        .map((c) => selectButton('county', c.id, esc(app.i18n.name(c.properties)), 'chip')).join('');
      return `<li class="legend-belt" style="--stroke:${belt(b.id).stroke}">
        ${feature ? selectButton('belt', b.id, `${beltSwatch(b.id)}<span>${esc(label)}</span>`, 'legend-belt-name') : `<span class="legend-belt-name">${beltSwatch(b.id)}${esc(label)}</span>`}
        <div class="chips">${members}</div></li>`;
    }).join('');

    const riverNames = [...new Set((app.layers.get('rivers')?.items || []).map((it) => app.i18n.name(it.feature.properties)))];
    const cats = CATEGORIES.map((c) => `<li>${categoryBadge(c.id)}<span>${esc(t(`cat.${c.id}`))}</span></li>`).join('');

    return `
      <section class="panel-section" aria-labelledby="layers-h">
        <h2 id="layers-h" class="section-title">${esc(t('layers.heading'))}</h2>
        <div class="group">${layerRows}${approxRow}</div>
        ${baseRows}
      </section>
      <section class="panel-section legend" aria-labelledby="legend-h">
        <h2 id="legend-h" class="section-title">${esc(t('legend.heading'))}</h2>
        <h3>${esc(t('legend.belts'))}</h3>
        <ul class="legend-belts">${beltBlocks}</ul>
        <h3>${esc(t('legend.rivers'))}</h3>
        <ul class="legend-list"><li>${lineSwatch('#2b7bbf', false, 3)}<span>${esc(riverNames.join(app.i18n.lang === 'zh' ? '、' : ', ') || t('legend.rivers'))}</span></li></ul>
        <h3>${esc(t('legend.categories'))}</h3>
        <ul class="legend-list legend-categories">${cats}</ul>
        <h3>${esc(t('legend.precision'))}</h3>
        <ul class="legend-list">
          <li>${categoryBadge('culture_tourism')}<span>${esc(t('legend.precise'))}</span></li>
          <li>${categoryBadge('culture_tourism', true)}<span>${esc(t('legend.approx'))}</span></li>
          <li>${lineSwatch('#2f6db5')}<span>${esc(t('legend.preciseLine'))}</span></li>
          <li>${lineSwatch('#2f6db5', true, 2.5)}<span>${esc(t('legend.approxLine'))}</span></li>
          <li>${lineSwatch('rgba(192,57,43,.35)', false, 9)}<span>${esc(t('legend.corridor'))}</span></li>
          <li><span class="ub-ring ub-sample" aria-hidden="true"><span class="ub-count">31</span></span><span>${esc(t('legend.unplaced'))}</span></li>
          <li>${categoryBadge('agriculture', true)}<span>${esc(t('legend.approxArea'))}</span></li>
          <li><span class="cl-ring cl-sample" aria-hidden="true"><span class="cl-count">8</span></span><span>${esc(t('legend.cluster'))}</span></li>
        </ul>
      </section>`;
  }

  const render = () => container && rerender(container, html());

  return {
    id: 'layers',
    titleKey: 'tab.layers',
    mount(el) {
      container = el;
      el.addEventListener('change', (e) => {
        const input = e.target;
        if (input.dataset.layer) app.setLayerVisible(input.dataset.layer, input.checked);
        if (input.name === 'base') app.setBase(input.value);
        if (input.dataset.approxPoints !== undefined) app.setApproxPoints(input.checked);
      });
      for (const event of ['lang', 'layers', 'base', 'data', 'approx']) app.on(event, render);
      render();
    },
  };
}
