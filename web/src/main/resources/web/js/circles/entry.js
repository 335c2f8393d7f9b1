// The header's "Circles" button. The national-scale view of the plan's five cooperation circles (its module and
// style sheet) is fetched only when it is first opened, like the indicators dashboard.
import { createFullViewEntry } from '../full-view.js';

export function createCirclesEntry(app, { notify }) {
  return createFullViewEntry(app, {
    buttonId: 'circles-open',
    bodyClass: 'circles-open',
    load: () => import('./circles.js'),
    style: 'css/circles.css',
    create: ({ createCircles }, close) => createCircles(app, {
      onClose: () => close(),
      onProject: (id) => {
        close(false);
        app.select({ type: 'project', id }, { zoom: true, focus: true });
      },
    }),
    failedKey: 'circ.failed',
    notify,
  });
}
