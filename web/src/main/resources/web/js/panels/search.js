// Header search: counties matched locally, projects through the server's q= (Chinese and pinyin). The list shows
// the first 20 projects and says how many match; its last option opens all of them in the detail panel.
import { isApproximate } from '../model.js';
import { fill, h, markup } from '../dom.js';
import { debounce } from '../util.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';

const PAGE = 20;
/** What a county's name is in pinyin, from its English name (Hongtong County → hongtong, hongtongxian). */
const SUFFIX = { county: 'xian', district: 'qu', city: 'shi' };

function countyForms(p) {
  const forms = [p.name, p.name_en].filter(Boolean).map((n) => n.toLowerCase().replace(/\s+/g, ''));
  const m = /^(\S+)\s+(county|district|city)$/i.exec(p.name_en || '');
  if (m) forms.push(m[1].toLowerCase() + SUFFIX[m[2].toLowerCase()]);
  return forms;
}

/** The page's projects in the server's order; each is kept, so that choosing one needs no second request. */
export const loadedProjects = (app, page) => page.features.map((f) => {
  app.index.projects.set(String(f.id), f);
  return f;
});
/** The search list shows this many projects at most and says how many match in all. */
export const LIST_LIMIT = 500;

export function createSearch(app, root) {
  const input = root.querySelector('#search-input');
  const list = root.querySelector('#search-results');
  const status = root.querySelector('#search-status');
  let results = [];
  let total = 0; // projects matching, of which the first PAGE are in results
  let active = -1;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const projectsShown = () => results.filter((r) => r.type === 'project').length;
  /** The options: the results, then "show all" when the server found more projects than the list shows. */
  const optionCount = () => results.length + (total > projectsShown() ? 1 : 0);

  function countText() {
    const shown = projectsShown();
    return total > shown ? app.t('search.count', { total, shown }) : app.t('search.countAll', { total });
  }

  function show(query) {
    const t = app.t;
    if (!results.length) {
      fill(list, h('li', { class: 'search-empty', role: 'presentation' }, t('search.none', { q: query })));
    } else {
      const options = results.map((r, i) => {
        const p = r.feature.properties;
        const mark = r.type === 'county' ? beltSwatch(p.belt)
          : r.type === 'place' ? '<span class="place-swatch" aria-hidden="true"></span>'
            : categoryBadge(p.category, isApproximate(p.precision));
        const sub = r.type === 'county' ? t('search.county')
          : r.type === 'place' ? [t('search.place'), app.i18n.name(app.index.countiesByName.get(p.county)?.properties) || p.county].join(' · ')
          : [t(`cat.${p.category}`), ...(p.counties || []).map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n),
            ...(isApproximate(p.precision) ? [t(`precision.${p.precision}`)] : [])].join(' · ');
        return h('li', {
          id: `search-opt-${i}`, role: 'option', class: 'search-option', 'aria-selected': String(i === active),
          dataset: { index: i, type: r.type, id: r.feature.id },
        }, markup(mark), h('span', { class: 'search-text' }, h('span', { class: 'search-name' }, app.i18n.name(p)), h('span', { class: 'search-sub' }, sub)));
      });
      const all = optionCount() > results.length
        ? h('li', {
          id: `search-opt-${results.length}`, role: 'option', class: 'search-option search-all',
          'aria-selected': String(active === results.length), dataset: { index: results.length, type: 'all' },
        }, h('span', { class: 'search-name' }, t('search.showAll', { n: total })))
        : null;
      const count = total > 0 ? h('li', { class: 'search-count', role: 'presentation' }, countText()) : null;
      fill(list, count, options, all); // the count on top, "show all" kept in view at the bottom (CSS: sticky)
    }
    status.textContent = results.length ? countText() : t('search.none', { q: query });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function setActive(i) {
    const n = optionCount();
    if (!n) return;
    active = (i + n) % n;
    list.querySelectorAll('[role=option]').forEach((li) => li.setAttribute('aria-selected', String(Number(li.dataset.index) === active)));
    input.setAttribute('aria-activedescendant', `search-opt-${active}`);
    list.querySelector(`#search-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }

  function choose(i) {
    if (i === results.length && optionCount() > results.length) {
      close();
      app.emit('search-all', { query: input.value.trim() });
      return;
    }
    const r = results[i];
    if (!r) return;
    input.value = app.i18n.name(r.feature.properties);
    close();
    if (r.type === 'place') { // a town is a place to look at, not a selection: the map goes there, the labels show
      const [lng, lat] = r.feature.geometry.coordinates;
      app.map.setView([lat, lng], Math.max(app.map.getZoom(), 13));
      app.emit('search-chosen');
      return;
    }
    app.select({ type: r.type, id: String(r.feature.id) }, { zoom: true, focus: true });
    app.emit('search-chosen');
  }

  const run = debounce(async () => {
    const query = input.value.trim();
    controller?.abort();
    if (!query) { close(); return; }
    controller = new AbortController();
    const needle = query.toLowerCase().replace(/\s+/g, '');
    const counties = [...app.index.counties.values()]
      .filter((c) => countyForms(c.properties).some((form) => form.includes(needle)))
      .map((feature) => ({ type: 'county', feature }));
    try {
      const [page, places] = await Promise.all([
        app.api.search(query, controller.signal, { limit: PAGE }),
        app.api.searchPlaces(query, controller.signal).catch((e) => (e.name === 'AbortError' ? Promise.reject(e) : { features: [] })),
      ]);
      const towns = places.features.filter((f) => f.geometry).map((feature) => ({ type: 'place', feature }));
      results = [...counties, ...towns, ...loadedProjects(app, page).map((feature) => ({ type: 'project', feature }))];
      total = page.numberMatched ?? page.features.length;
      active = -1;
      show(query);
    } catch (e) {
      if (e.name === 'AbortError') return;
      results = counties;
      total = 0;
      show(query);
      status.textContent = app.t('search.failed');
    }
  }, 200);

  input.addEventListener('input', run);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) run(); else setActive(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(active < 0 ? -1 : active - 1); }
    else if (e.key === 'Enter') { e.preventDefault(); if (!list.hidden) choose(active >= 0 ? active : 0); }
    else if (e.key === 'Escape') { close(); }
  });
  list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input while clicking
  list.addEventListener('click', (e) => {
    const option = e.target.closest('[role=option]');
    if (option) choose(Number(option.dataset.index));
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  input.addEventListener('focus', () => { if (input.value.trim() && results.length) show(input.value.trim()); });
  app.on('lang', () => { if (!list.hidden) show(input.value.trim()); });
}

/** The first LIST_LIMIT projects matching the query, in the server's order, and how many match in all. */
export async function searchAll(app, query, signal) {
  const page = await app.api.items('projects', new URLSearchParams({ q: query, limit: LIST_LIMIT, skipGeometry: 'true' }), signal);
  return { query, total: page.numberMatched ?? page.features.length, features: page.features };
}
