// The header's "Indicators" button. The dashboard (its module, its style sheet and, once open, Apache ECharts)
// is fetched only when it is first opened, so the map's first view pays nothing for it.
import { createFullViewEntry } from '../full-view.js';

export function createDashboardEntry(app, { notify, signIn }) {
  return createFullViewEntry(app, {
    buttonId: 'dashboard-open',
    bodyClass: 'dashboard-open',
    load: () => import('./dashboard.js'),
    style: 'css/dashboard.css',
    create: ({ createDashboard }, close) => createDashboard(app, { notify, signIn, onClose: () => close() }),
    failedKey: 'dash.failed',
    notify,
  });
}
