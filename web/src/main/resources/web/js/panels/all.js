// The page's panels, header and their delegated handlers: built after the counties are drawn (main.js imports this
// module dynamically, so a bundle keeps it out of the first view's script).
import { createAccount } from './account.js';
import { createCirclesEntry } from '../circles/entry.js';
import { createDashboardEntry } from '../dashboard/entry.js';
import { createDrawer, createSidebar } from './sidebar.js';
import { createHeader } from './header.js';
import { createSearch } from './search.js';
import { detailPanel } from './detail-panel.js';
import { filtersPanel } from './filters-panel.js';
import { layersPanel } from './layers-panel.js';
import { myProjectsPanel } from './my-projects.js';
import { printPlace } from '../print.js';
import { statsPanel } from './stats-panel.js';
import { tablePanel } from './table-panel.js';

export function createPanels(app) {
  const { notify } = createHeader(app);
  const account = createAccount(app, document.getElementById('account'), notify);
  const sidebarEl = document.getElementById('sidebar');
  app.panels = [layersPanel(app), filtersPanel(app), statsPanel(app), tablePanel(app), myProjectsPanel(app, { notify })];
  const sidebar = createSidebar(app, sidebarEl, app.panels);
  createDrawer(app, sidebarEl, document.getElementById('drawer-toggle'));
  detailPanel(app, document.getElementById('detail'), { notify, signIn: account.signIn });
  createSearch(app, document.querySelector('.search'));
  createDashboardEntry(app, { notify, signIn: account.signIn });
  createCirclesEntry(app, { notify });
  // Signing in opens the editor's own list; the page is the same for everyone until then.
  app.on('session', () => { if (app.user && app.ready) sidebar.show('mine'); });

  // One delegated handler for every "open this county/belt/project" button in the panels.
  document.body.addEventListener('click', (e) => {
    const print = e.target.closest('[data-print-place]');
    if (print) {
      const [type, ...rest] = print.dataset.printPlace.split(':');
      printPlace(app, type, rest.join(':'));
      return;
    }
    const button = e.target.closest('[data-select]');
    if (!button) return;
    const [type, ...rest] = button.dataset.select.split(':');
    const via = button.closest('#detail') ? 'detail' : 'panel';
    app.select({ type, id: rest.join(':') }, { zoom: true, via, focus: true });
  });
  document.getElementById('map').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') app.select(null);
  });
}
