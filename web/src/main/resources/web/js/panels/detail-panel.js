// The detail panel (right side on desktop, bottom sheet on phones): a project card or a county/belt panel.
import { esc } from '../util.js';
import { placeCard } from './place-card.js';
import { projectCard } from './project-card.js';

export function detailPanel(app, el) {
  const history = [];
  let expanded = false;

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
      ? `<button type="button" class="btn btn-ghost detail-back" data-back>‹ ${esc(t('ui.back'))}: ${esc(app.i18n.name(previousFeature.properties))}</button>` : '<span></span>';
    const body = sel.type === 'project' ? projectCard(app, feature) : placeCard(app, sel.type, feature, { expanded });
    el.innerHTML = `
      <div class="detail-head">${back}
        <button type="button" class="icon-btn detail-close" data-close aria-label="${esc(t('ui.close'))}" title="${esc(t('ui.close'))}">
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>
        </button></div>
      <div class="detail-body">${body}</div>`;
    el.hidden = false;
    el.scrollTop = 0;
    document.body.classList.add('has-detail');
  }

  app.on('select', ({ previous, via, focus } = {}) => {
    if (via === 'detail' && previous) history.push(previous);
    else if (via !== 'back') history.length = 0;
    expanded = false;
    render();
    if (focus) el.querySelector('#detail-title')?.focus({ preventScroll: true });
  });
  app.on('lang', render);

  el.addEventListener('click', (e) => {
    if (e.target.closest('[data-close]')) app.select(null);
    else if (e.target.closest('[data-back]')) app.select(history.pop(), { zoom: true, via: 'back', focus: true });
    else if (e.target.closest('[data-zoom-selected]')) app.selection.zoomTo();
    else if (e.target.closest('[data-expand]')) { expanded = true; render(); }
  });
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') app.select(null);
  });
  return { render };
}
