// The A4 report of a county or a belt: title, the map of that area, the table of its projects, the data date and
// the sources. The print button of the county/belt card builds it around the map, fits the map to the area at the
// printed size (body.report-open, css/atlas.css @media print), prints, and takes it away after printing.
import { h } from './dom.js';
import { projectPages } from './panels/server-lists.js';
import { projectsTable } from './panels/table-panel.js';

/** At most this many rows in a report: a longer list says "the first N of M". */
export const REPORT_ROWS = 2000;

/** The projects of a county (by name) or a belt (by id), by name, from the server: {features, numberMatched}. */
export function projectsOfPlace(app, type, feature, signal) {
  const params = new URLSearchParams(type === 'county' ? { county: feature.properties.name } : { belt: String(feature.id) });
  params.set('sortby', `${app.i18n.lang === 'en' ? 'name_en' : 'name'},id`);
  return projectPages(app, params, signal, REPORT_ROWS);
}

/** When the projects' data is from: the items' timeStamp (the version's time), else today. */
async function dataDate(app) {
  try {
    const { timeStamp: stamp } = await app.api.items('projects', new URLSearchParams({ limit: 1, skipGeometry: 'true' }));
    if (stamp) return stamp.slice(0, 10);
  } catch (e) {
    console.warn('data date:', e.message);
  }
  return new Date().toISOString().slice(0, 10);
}

/** Builds the report of a county or belt and leaves the page in report mode (print it, then closeReport). */
export async function openReport(app, type, id) {
  closeReport(app);
  const feature = app.feature({ type, id });
  if (!feature) return null;
  const name = app.i18n.name(feature.properties);
  const [{ features: projects, numberMatched }, date] = await Promise.all([projectsOfPlace(app, type, feature), dataDate(app)]);
  const head = h('header', { class: 'print-report print-head', id: 'print-head' },
    h('h1', null, app.t('print.title', { name })),
    h('p', null, app.t('place.projects', { n: numberMatched })),
    numberMatched > projects.length ? h('p', { class: 'print-first' }, app.t('print.firstOf', { n: projects.length, total: numberMatched })) : null);
  const body = h('section', { class: 'print-report print-body', id: 'print-body' },
    projectsTable(app, projects),
    h('p', { class: 'print-date' }, app.t('print.dataDate', { date })),
    h('p', { class: 'print-sources' }, app.t('print.sources')));
  const main = document.querySelector('.app-main');
  main.before(head);
  main.after(body);
  document.body.classList.add('report-open');
  document.body.dataset.report = `${type}:${id}`;
  app.map.invalidateSize({ animate: false });
  const layer = app.layers.get(type === 'county' ? 'counties' : 'belts');
  const shape = layer?.items?.find((it) => String(it.feature.id) === String(id))?.layer;
  if (shape?.getBounds) app.map.fitBounds(shape.getBounds(), { padding: [8, 8], animate: false });
  return { head, body };
}

export function closeReport(app) {
  document.getElementById('print-head')?.remove();
  document.getElementById('print-body')?.remove();
  if (document.body.classList.contains('report-open')) {
    document.body.classList.remove('report-open');
    delete document.body.dataset.report;
    app.map?.invalidateSize({ animate: false });
  }
}

/** The card's print button: report, print, back. */
export async function printPlace(app, type, id) {
  await openReport(app, type, id);
  window.addEventListener('afterprint', () => closeReport(app), { once: true });
  // Let the map draw the area at its printed size before the print snapshot.
  await new Promise((resolve) => setTimeout(resolve, 400));
  window.print();
}
