// What the panels share to ask the server for lists and counts: the latest request only (an older one is
// aborted), pages without geometry, and the loading and error notes.
import { h } from '../dom.js';

/** A signal source where asking for a new signal aborts the previous request. */
export function latest() {
  let controller = null;
  return {
    next() {
      controller?.abort();
      controller = new AbortController();
      return controller.signal;
    },
    abort() { controller?.abort(); controller = null; },
  };
}

export const isAbort = (e) => e?.name === 'AbortError';

/** One page of projects without their geometries: {features, numberMatched}. params: URLSearchParams or an object. */
export async function projectPage(app, params, signal) {
  const query = new URLSearchParams(params);
  query.set('skipGeometry', 'true');
  const page = await app.api.items('projects', query, signal);
  return { features: page.features || [], numberMatched: page.numberMatched ?? page.features?.length ?? 0 };
}

/** Up to max projects (pages of at most 1,000, no geometries): {features, numberMatched}. */
export async function projectPages(app, params, signal, max = 2000) {
  const features = [];
  let numberMatched = 0;
  for (let offset = 0; offset < max; offset += 1000) {
    const query = new URLSearchParams(params);
    query.set('offset', String(offset));
    query.set('limit', String(Math.min(1000, max - offset)));
    const page = await projectPage(app, query, signal);
    features.push(...page.features);
    numberMatched = page.numberMatched;
    if (features.length >= numberMatched || !page.features.length) break;
  }
  return { features, numberMatched };
}

export const loadingNote = (app) => h('p', { class: 'note list-loading', role: 'status', 'aria-busy': 'true' }, app.t('list.loading'));
export const errorNote = (app, retry) => h('p', { class: 'notice error list-error', role: 'alert' }, app.t('list.failed'),
  retry ? [' ', h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: retry }, app.t('list.retry'))] : null);
