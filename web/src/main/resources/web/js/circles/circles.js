// The plan's five cooperation circles at national scale: Linfen, the partner regions coloured by circle, curved
// flows from Linfen to each, filters by circle and by sector (专栏 差异化路径), and for a chosen region every sector's
// path and the catalogue projects that name it. A full view over the map (circles/entry.js loads it on first use).
import { createScope, fill, h, uid } from '../dom.js';
import { L } from '../leaflet.js';
import { errorNote, isAbort, latest, loadingNote, projectPage } from '../panels/server-lists.js';

const CHINA = [[17.5, 73], [53.5, 135]];

/** Points of a quadratic curve from a to b ([lat, lng]), bowed to the left of the line by `bend` of its length. */
export function curve(a, b, bend = 0.18, steps = 32) {
  const [y1, x1] = a;
  const [y2, x2] = b;
  const cx = (x1 + x2) / 2 - (y2 - y1) * bend;
  const cy = (y1 + y2) / 2 + (x2 - x1) * bend;
  const out = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push([u * u * y1 + 2 * u * t * cy + t * t * y2, u * u * x1 + 2 * u * t * cx + t * t * x2]);
  }
  return out;
}

/** Projects whose name, aliases or summary contain one of the region's plan names (the words the plan uses for it). */
export function projectsNaming(projects, region) {
  const words = region.plan_names || [region.name];
  return projects.filter((f) => {
    const p = f.properties || {};
    const text = [p.name, ...(p.aliases || []), p.summary_zh].filter(Boolean).join(' ');
    return words.some((w) => text.includes(w));
  });
}

/**
 * The projects naming a region, from the server: the union of the searches (q=) for each of its plan names (the
 * search matches names, aliases and summaries, and more), narrowed by projectsNaming to exactly those that name it.
 */
export async function projectsNamingFromServer(app, region, signal) {
  const words = region.plan_names || [region.name];
  const pages = await Promise.all(words.map((w) => projectPage(app, new URLSearchParams({ q: w, limit: '1000' }), signal)));
  const byId = new Map(pages.flatMap((page) => page.features).map((f) => [String(f.id), f]));
  return projectsNaming([...byId.values()], region)
    .sort((a, b) => app.i18n.name(a.properties).localeCompare(app.i18n.name(b.properties), app.i18n.locale()));
}

export function createCircles(app, { onClose, onProject }) {
  const requests = latest();
  const scope = createScope(app);
  const titleId = uid('circ-title');
  const element = h('section', { id: 'circles', class: 'circles', tabindex: '-1', 'aria-labelledby': titleId });
  const state = { data: null, outlines: null, error: null, circle: 'all', sector: 'all', region: null };
  const zh = () => app.i18n.lang === 'zh';
  const nm = (x) => (zh() ? x.name : x.name_en || x.name);
  const other = (x) => (zh() ? x.name_en : x.name);
  const t = (k, v) => app.t(k, v);

  const head = h('div', { class: 'circ-head' });
  const controls = h('div', { class: 'circ-controls' });
  const mapEl = h('div', { class: 'circ-map', 'data-circles-map': '' });
  const side = h('div', { class: 'circ-side', 'aria-live': 'polite' });
  const list = h('div', { class: 'circ-list' });
  fill(element, head, h('div', { class: 'circ-body' }, h('div', { class: 'circ-mapcol' }, controls, mapEl, list), side));

  let map = null;
  const layers = new Map(); // region id → {shape, flow, region}

  const circleOf = (n) => state.data.circles.find((c) => c.id === n);
  const colour = (r) => circleOf(r.circle).colour;
  const inCircle = (r, n) => circleOf(n).regions.includes(r.id);
  const paths = (r) => state.data.paths.filter((p) => p.regions.includes(r.id));
  const visible = (r) => (state.circle === 'all' || inCircle(r, Number(state.circle)))
    && (state.sector === 'all' || paths(r).some((p) => p.sector === state.sector));

  function renderHead() {
    fill(head,
      h('h2', { id: titleId, class: 'circ-title' }, t('circ.title')),
      h('button', { type: 'button', class: 'btn', 'data-close': '', onclick: () => onClose() }, t('circ.close')));
  }

  function renderControls() {
    const d = state.data;
    const circleSel = h('div', { class: 'circ-chips', role: 'group', 'aria-label': t('circ.byCircle') },
      h('button', { type: 'button', class: 'chip', 'data-circle': 'all', 'aria-pressed': String(state.circle === 'all'),
        onclick: () => setCircle('all') }, t('circ.all')),
      d.circles.map((c) => h('button', { type: 'button', class: 'chip', 'data-circle': String(c.id),
        'aria-pressed': String(state.circle === String(c.id)), style: { '--c': c.colour }, onclick: () => setCircle(String(c.id)) },
      h('span', { class: 'swatch', 'aria-hidden': 'true' }), nm(c))));
    const sid = uid('circ-sector');
    const sectorSel = h('select', { id: sid, 'data-sector-filter': '', onchange: (e) => { state.sector = e.target.value; update(); } },
      h('option', { value: 'all', selected: state.sector === 'all' }, t('circ.allSectors')),
      d.sectors.map((s) => h('option', { value: s.id, selected: state.sector === s.id }, `${nm(s)}（${s.column}）`)));
    fill(controls, circleSel, h('label', { class: 'circ-sector', for: sid }, t('circ.bySector')), sectorSel);
  }

  function setCircle(c) {
    state.circle = c;
    controls.querySelectorAll('[data-circle]').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.circle === c)));
    update();
  }

  function draw() {
    map = L.map(mapEl, { zoomSnap: 0.25, minZoom: 3, maxZoom: 8, worldCopyJump: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(t('circ.attribution'));
    map.fitBounds(CHINA); // until the regions are in
    const linfen = [state.data.linfen.point[1], state.data.linfen.point[0]];
    const byId = new Map(state.outlines.features.map((f) => [f.id, f]));
    for (const r of state.data.regions) {
      const c = colour(r);
      let shape = null;
      let target;
      if (byId.has(r.id)) {
        const f = byId.get(r.id);
        shape = L.geoJSON(f, { style: { color: c, weight: 1.2, fillColor: c, fillOpacity: 0.22, className: 'circ-region' } });
        shape.on('click', () => choose(r.id));
        target = [[f.properties.anchor[1], f.properties.anchor[0]]];
      } else {
        target = (r.directions || []).map((d) => [d.to[1], d.to[0]]);
      }
      const flow = L.layerGroup(target.map((to) => L.polyline(curve(linfen, to), {
        color: c, weight: 2, opacity: 0.85, dashArray: r.kind === 'direction' ? '6 5' : null, className: 'circ-flow', interactive: true,
      }).on('click', () => choose(r.id))));
      if (r.kind === 'direction') {
        (r.directions || []).forEach((d) => flow.addLayer(L.circleMarker([d.to[1], d.to[0]], { radius: 5, color: c, fillOpacity: 1, className: 'circ-end' })
          .bindTooltip(() => nm(d), { direction: 'top' }).on('click', () => choose(r.id))));
      }
      layers.set(r.id, { shape, flow, region: r });
    }
    // Fit what is drawn (every outline and every flow's end), not a fixed box: the view's size varies.
    const bounds = L.latLngBounds([linfen]);
    for (const { shape, region } of layers.values()) {
      if (shape) bounds.extend(shape.getBounds());
      (region.directions || []).forEach((d) => bounds.extend([d.to[1], d.to[0]]));
    }
    L.circleMarker(linfen, { radius: 7, color: '#111', weight: 2, fillColor: '#fff', fillOpacity: 1, className: 'circ-linfen' })
      .bindTooltip(() => nm(state.data.linfen), { permanent: true, direction: 'right', className: 'circ-linfen-label' }).addTo(map);
    update(); // the region list below the map takes its height first
    map.invalidateSize({ animate: false });
    map.fitBounds(bounds, { padding: [24, 24] });
  }

  function update() {
    if (!map) return;
    let shown = 0;
    for (const { shape, flow, region } of layers.values()) {
      const on = visible(region);
      for (const layer of [shape, flow]) {
        if (!layer) continue;
        if (on && !map.hasLayer(layer)) layer.addTo(map);
        if (!on && map.hasLayer(layer)) layer.remove();
      }
      if (shape) {
        shape.eachLayer((l) => {
          const el = l.getElement?.();
          if (el) { el.dataset.region = region.id; el.dataset.circle = String(region.circle); el.classList.toggle('chosen', state.region === region.id); }
          l.bindTooltip?.(nm(region), { sticky: true });
        });
      }
      if (on) shown++;
    }
    element.dataset.shown = String(shown);
    renderList();
  }

  function renderList() {
    const regions = state.data.regions.filter(visible);
    fill(list, h('h3', null, t('circ.regions', { n: regions.length })),
      h('ul', { class: 'circ-regions' }, regions.map((r) => h('li', null,
        h('button', { type: 'button', class: 'link-button chip', 'data-region': r.id, 'aria-pressed': String(state.region === r.id),
          style: { '--c': colour(r) }, onclick: () => choose(r.id) }, h('span', { class: 'swatch', 'aria-hidden': 'true' }), nm(r))))));
  }

  function choose(id) {
    state.region = id;
    renderSide();
    update();
  }

  function renderSide() {
    const d = state.data;
    const r = d.regions.find((x) => x.id === state.region);
    if (!r) {
      fill(side, h('p', { class: 'circ-intro' }, t('circ.intro')), h('p', { class: 'note' }, t('circ.hint')),
        h('ol', { class: 'circ-circles' }, d.circles.map((c) => h('li', { style: { '--c': c.colour } },
          h('strong', null, nm(c)), ' ', zh() ? c.summary : c.summary_en))),
        h('p', { class: 'note' }, t('circ.source')));
      return;
    }
    const circles = d.circles.filter((c) => c.regions.includes(r.id));
    const projectsSlot = h('div', { class: 'circ-projects-slot', 'aria-busy': 'true' }, loadingNote(app));
    const signal = requests.next();
    projectsNamingFromServer(app, r, signal).then((projects) => {
      if (signal.aborted) return;
      projectsSlot.removeAttribute('aria-busy');
      fill(projectsSlot, h('h4', null, t('circ.projects', { n: projects.length })),
        projects.length
          ? h('ul', { class: 'circ-projects' }, projects.map((f) => h('li', null,
            h('button', { type: 'button', class: 'link-button', 'data-project': String(f.id), onclick: () => onProject(String(f.id)) }, app.i18n.name(f.properties)))))
          : h('p', { class: 'note' }, t('circ.noProjects')));
    }).catch((e) => {
      if (isAbort(e)) return;
      console.warn('circle projects:', e.message);
      projectsSlot.removeAttribute('aria-busy');
      fill(projectsSlot, errorNote(app, renderSide));
    });
    fill(side, h('div', { class: 'circ-detail', 'data-detail': r.id },
      h('h3', null, nm(r), h('span', { class: 'circ-other', lang: zh() ? 'en' : 'zh-CN' }, other(r))),
      h('p', { class: 'circ-in' }, circles.map((c) => h('span', { class: 'chip-static', style: { '--c': c.colour } }, nm(c)))),
      r.kind === 'direction'
        ? h('ul', { class: 'circ-members' }, r.directions.map((x) => h('li', null, nm(x))))
        : h('p', { class: 'circ-members' }, h('strong', null, t('circ.members')), ' ',
          r.members.map((m) => (m.part ? `${m.name}${t('circ.part')}` : m.name)).join('、')),
      h('p', { class: 'note' }, t('circ.membershipSource'), ' ', r.membership_source),
      h('h4', null, t('circ.paths')),
      h('dl', { class: 'circ-paths' }, d.sectors.map((s) => {
        const p = d.paths.find((x) => x.sector === s.id && x.regions.includes(r.id));
        return h('div', { class: 'circ-path', 'data-sector': s.id, 'data-has-path': String(!!p) },
          h('dt', null, nm(s), h('span', { class: 'circ-col' }, p ? `${s.column} · ${p.label}` : s.column)),
          h('dd', null, p ? (zh() ? p.text : p.text_en) : h('span', { class: 'not-stated' }, t('circ.noPath'))));
      })),
      projectsSlot,
      h('p', { class: 'note' }, t('circ.projectsHow', { words: (r.plan_names || [r.name]).join('、') })),
      h('button', { type: 'button', class: 'btn btn-secondary btn-small', onclick: () => choose(null) }, t('circ.back'))));
  }

  function render() {
    renderHead();
    if (state.error) {
      fill(side, h('p', { class: 'notice error', role: 'alert' }, t('circ.failed', { why: state.error })));
      return;
    }
    if (!state.data) {
      fill(side, h('p', { class: 'notice' }, t('circ.loading')));
      return;
    }
    renderControls();
    renderSide();
    update();
  }

  let mountedOnce = false;
  let loaded = null;
  async function load() {
    render();
    try {
      const get = async (url) => {
        const res = await fetch(url, { headers: { Accept: 'application/json' } });
        if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
        return res.json();
      };
      [state.data, state.outlines] = await Promise.all([get('api/circles'), get('api/circles/regions')]);
    } catch (e) {
      state.error = e.message;
    }
    render();
  }

  scope.on('lang', render);
  scope.listen(element, 'keydown', (e) => { if (e.key === 'Escape') onClose(); });
  loaded = load();

  return {
    element,
    focus: () => element.focus(),
    async mounted() {
      if (mountedOnce) return;
      mountedOnce = true;
      await loaded;
      if (state.data && element.isConnected) {
        draw();
        element.dataset.ready = 'true';
      }
    },
    destroy() {
      requests.abort();
      scope.dispose();
      map?.remove();
      map = null;
    },
  };
}
