// Header search: counties matched locally, projects through the server's q= (Chinese and pinyin).
import { isApproximate } from '../model.js';
import { fill, h, markup } from '../dom.js';
import { debounce } from '../util.js';
import { beltSwatch, categoryBadge } from './legend-parts.js';

export function createSearch(app, root) {
  const input = root.querySelector('#search-input');
  const list = root.querySelector('#search-results');
  const status = root.querySelector('#search-status');
  let results = [];
  let active = -1;
  let controller = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  function show(query) {
    const t = app.t;
    if (!results.length) {
      fill(list, h('li', { class: 'search-empty', role: 'presentation' }, t('search.none', { q: query })));
    } else {
      fill(list, results.map((r, i) => {
        const p = r.feature.properties;
        const mark = r.type === 'county' ? beltSwatch(p.belt) : categoryBadge(p.category, isApproximate(p.precision));
        const sub = r.type === 'county'
          ? t('search.county')
          : [t(`cat.${p.category}`), ...(p.counties || []).map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n),
            ...(isApproximate(p.precision) ? [t(`precision.${p.precision}`)] : [])].join(' · ');
        return h('li', {
          id: `search-opt-${i}`, role: 'option', class: 'search-option', 'aria-selected': String(i === active),
          dataset: { index: i, type: r.type, id: r.feature.id },
        }, markup(mark), h('span', { class: 'search-text' }, h('span', { class: 'search-name' }, app.i18n.name(p)), h('span', { class: 'search-sub' }, sub)));
      }));
    }
    status.textContent = t('search.results', { n: results.length });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function setActive(i) {
    if (!results.length) return;
    active = (i + results.length) % results.length;
    list.querySelectorAll('[role=option]').forEach((li, j) => li.setAttribute('aria-selected', String(j === active)));
    input.setAttribute('aria-activedescendant', `search-opt-${active}`);
    list.querySelector(`#search-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }

  function choose(i) {
    const r = results[i];
    if (!r) return;
    input.value = app.i18n.name(r.feature.properties);
    close();
    app.select({ type: r.type, id: String(r.feature.id) }, { zoom: true, focus: true });
    app.emit('search-chosen');
  }

  const run = debounce(async () => {
    const query = input.value.trim();
    controller?.abort();
    if (!query) { close(); return; }
    controller = new AbortController();
    const needle = query.toLowerCase();
    const counties = [...app.index.counties.values()]
      .filter((c) => [c.properties.name, c.properties.name_en].some((n) => n && n.toLowerCase().includes(needle)))
      .map((feature) => ({ type: 'county', feature }));
    try {
      const page = await app.api.search(query, controller.signal);
      // The server finds the ids; the loaded layer has the full features (and the map positions).
      const projects = page.features.map((f) => app.index.projects.get(String(f.id))).filter(Boolean)
        .map((feature) => ({ type: 'project', feature }));
      results = [...counties, ...projects];
      active = -1;
      show(query);
    } catch (e) {
      if (e.name === 'AbortError') return;
      results = counties;
      show(query);
      status.textContent = app.t('search.failed');
    }
  }, 200);

  input.addEventListener('input', run);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) run(); else setActive(active + 1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(active - 1); }
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
