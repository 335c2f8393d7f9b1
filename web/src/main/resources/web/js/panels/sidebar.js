// The tabbed side panel. Panels are {id, titleKey, mount(el), activate?()}; add more (dashboard, exports) here.
import { esc, isDrawerLayout } from '../util.js';

export function createSidebar(app, el, panels) {
  el.innerHTML = `
    <div class="tabs" role="tablist">${panels.map((p, i) => `
      <button type="button" role="tab" id="tab-${p.id}" aria-controls="tabpanel-${p.id}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}" data-i18n="${esc(p.titleKey)}"></button>`).join('')}
    </div>
    <button type="button" class="icon-btn drawer-close" data-i18n-attr="aria-label:ui.closePanels;title:ui.closePanels">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M3.5 3.5l9 9m0-9-9 9" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>
    </button>
    ${panels.map((p, i) => `<div class="tabpanel" role="tabpanel" id="tabpanel-${p.id}" aria-labelledby="tab-${p.id}" tabindex="0" ${i === 0 ? '' : 'hidden'}></div>`).join('')}`;
  app.i18n.apply(el);
  for (const p of panels) p.mount(el.querySelector(`#tabpanel-${p.id}`));

  const tabs = [...el.querySelectorAll('[role=tab]')];
  const shown = () => tabs.filter((tab) => !tab.hidden);
  let current = panels[0].id;
  /** Panels with available() (e.g. "my projects" when signed in) come and go with the session. */
  function updateAvailable() {
    for (const p of panels) {
      if (!p.available) continue;
      const on = p.available();
      el.querySelector(`#tab-${p.id}`).hidden = !on;
      if (!on && current === p.id) show(panels[0].id);
    }
  }
  function show(id, focus = false) {
    current = id;
    for (const tab of tabs) {
      const on = tab.id === `tab-${id}`;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      el.querySelector(`#${tab.getAttribute('aria-controls')}`).hidden = !on;
      if (on && focus) tab.focus();
    }
    el.dataset.tab = id;
    panels.find((p) => p.id === id)?.activate?.();
  }
  el.querySelector('[role=tablist]').addEventListener('click', (e) => {
    const tab = e.target.closest('[role=tab]');
    if (tab) show(tab.id.replace(/^tab-/, ''));
  });
  el.querySelector('[role=tablist]').addEventListener('keydown', (e) => {
    const visible = shown();
    const i = visible.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: visible.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(visible[(next + visible.length) % visible.length].id.replace(/^tab-/, ''), true);
  });
  show(panels[0].id);
  updateAvailable();
  app.on('session', updateAvailable);
  return { show };
}

/** On narrow screens the side panel is a drawer opened from the header. */
export function createDrawer(app, sidebar, toggle) {
  const set = (open, focus = false) => {
    document.body.classList.toggle('drawer-open', open);
    if (open && focus) sidebar.querySelector('[role=tab][aria-selected=true]')?.focus();
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-label', app.t(open ? 'ui.closePanels' : 'ui.openPanels'));
  };
  toggle.addEventListener('click', () => set(!document.body.classList.contains('drawer-open'), true));
  document.querySelector('.drawer-scrim')?.addEventListener('click', () => set(false));
  sidebar.querySelector('.drawer-close')?.addEventListener('click', () => { set(false); toggle.focus(); });
  sidebar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && isDrawerLayout()) { set(false); toggle.focus(); }
  });
  // Choosing something in the drawer shows it on the map, so get out of the way.
  app.on('select', ({ via } = {}) => { if (isDrawerLayout() && via === 'panel') set(false); });
  app.on('search-chosen', () => { if (isDrawerLayout()) set(false); });
  app.on('lang', () => set(document.body.classList.contains('drawer-open')));
  set(false);
  return { set };
}
