// The detail panel (right side on desktop, bottom sheet on phones): a project card or a county/belt panel.
import { esc } from '../util.js';
import { placeCard, spotCard } from './place-card.js';
import { projectCard } from './project-card.js';

export function detailPanel(app, el) {
  const history = [];
  let expanded = false;
  let collapsed = false; // phones: the sheet can shrink to its header row to uncover the map

  function render() {
    const sel = app.state.selected;
    const feature = app.feature(sel);
    if (!feature) {
      el.hidden = true;
      el.innerHTML = '';
      document.body.classList.remove('has-detail');
      return;
    }
    const t = app.t;
    const previous = history[history.length - 1];
    const previousFeature = app.feature(previous);
    const back = previousFeature
      ? `<button type="button" class="btn btn-ghost detail-back" data-back>‹ ${esc(t('ui.back'))}: ${esc(app.i18n.name(previousFeature.properties))}</button>` : '<span class="head-start"></span>';
    const body = sel.type === 'project' ? projectCard(app, feature)
      : sel.type === 'spot' ? spotCard(app, feature, { expanded })
        : placeCard(app, sel.type, feature, { expanded });
    const toggleLabel = esc(t(collapsed ? 'ui.expand' : 'ui.collapse'));
    el.innerHTML = `
      <div class="detail-head">${back}
        <span class="head-buttons">
        <button type="button" class="icon-btn sheet-toggle" data-toggle-sheet aria-expanded="${!collapsed}" aria-label="${toggleLabel}" title="${toggleLabel}">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="${collapsed ? 'M3.5 10 8 5.5l4.5 4.5' : 'M3.5 6 8 10.5 12.5 6'}" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/></svg>
        </button>
        <button type="button" class="icon-btn detail-close" data-close aria-label="${esc(t('ui.close'))}" title="${esc(t('ui.close'))}">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>
        </button></span></div>
      <div class="detail-body">${body}</div>`;
    el.classList.toggle('is-collapsed', collapsed);
    // The card's kicker (category or "county"/"belt") goes into the header row unless a back button is there.
    const card = el.querySelector('.card');
    const kicker = card?.querySelector('.kicker');
    if (kicker && !previousFeature) el.querySelector('.detail-head > .head-start')?.replaceWith(kicker);
    el.style.setProperty('--accent', card?.style.getPropertyValue('--accent') || '');
    el.hidden = false;
    el.scrollTop = 0;
    document.body.classList.add('has-detail');
  }

  app.on('select', ({ previous, via, focus } = {}) => {
    if (via === 'detail' && previous) history.push(previous);
    else if (via !== 'back') history.length = 0;
    expanded = false;
    collapsed = false;
    render();
    if (focus) el.querySelector('#detail-title')?.focus({ preventScroll: true });
  });
  app.on('lang', render);
  // A spot lists only the projects that pass the filters.
  app.on('filters', () => {
    if (app.state.selected?.type !== 'spot') return;
    if (app.feature(app.state.selected)) render(); else app.select(null);
  });

  el.addEventListener('click', (e) => {
    if (e.target.closest('[data-close]')) app.select(null);
    else if (e.target.closest('[data-back]')) app.select(history.pop(), { zoom: true, via: 'back', focus: true });
    else if (e.target.closest('[data-zoom-selected]')) app.selection.zoomTo();
    else if (e.target.closest('[data-expand]')) { expanded = true; render(); }
    else if (e.target.closest('[data-toggle-sheet]')) {
      collapsed = !collapsed;
      render();
      el.querySelector('[data-toggle-sheet]')?.focus();
    }
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') app.select(null);
  });
  return { render };
}
