// The one application object: state, event bus, lookups. Modules receive it; nothing else is global.
import { createApi } from './api.js';
import { createI18n } from './i18n.js';
import { unplacedFeature } from './layers/unplaced.js';
import { spotFeature } from './spot.js';
import { FACETS, formatHash, parseHash } from './state.js';

export const LAYER_IDS = ['counties', 'belts', 'rivers', 'places', 'projects'];

export function createApp() {
  const initial = parseHash(location.hash);
  const listeners = new Map();
  let selectRun = 0;

  const app = {
    api: createApi(),
    i18n: createI18n(initial.lang || 'zh'),
    initial,
    ready: false,
    map: null,
    layers: new Map(),
    panels: [],
    /**
     * What the page knows: every county and belt; of the projects only those it fetched (selected, edited) — never
     * the whole collection; the spot and badge lists last asked for (selection types 'spot' and 'unplaced').
     */
    index: { projects: new Map(), counties: new Map(), countiesByName: new Map(), belts: new Map(), lists: new Map() },
    state: {
      layers: new Set(LAYER_IDS),
      base: null,
      filters: Object.fromEntries(FACETS.map((f) => [f, new Set()])),
      selected: null,
      approxPoints: false,
    },

    /** Adds a listener; returns the function that removes it (components call it on unmount). */
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(fn);
      return () => app.off(event, fn);
    },
    off(event, fn) {
      listeners.get(event)?.delete(fn);
    },
    emit(event, detail) {
      for (const fn of [...(listeners.get(event) || [])]) fn(detail);
    },

    /** The signed-in user ({name, role, counties}) or null; set by session.js. */
    user: null,
    /** May the signed-in user change this project? The server decides again on every write. */
    mayEdit(props) {
      const user = app.user;
      if (!user || (user.role !== 'admin' && user.role !== 'editor')) return false;
      if (user.role === 'admin') return true;
      const counties = props?.counties || [];
      return counties.length > 0 && counties.every((c) => user.counties.includes(c));
    },
    isAdmin: () => app.user?.role === 'admin',

    /**
     * Something that must not be lost (an edit in progress) registers a guard: it returns true when the
     * user agreed to leave. Selecting something else asks it first.
     */
    leaveGuard: null,
    /** True while the user picks a spot on the map (new project, new position): clicks on features go to the map. */
    placing: false,
    mayLeave() {
      return !app.leaveGuard || app.leaveGuard();
    },

    /** One project, from the page's cache or the server (null when it does not exist). */
    async loadProject(id) {
      const key = String(id);
      if (app.index.projects.has(key)) return app.index.projects.get(key);
      try {
        const { feature } = await app.api.project(key);
        app.index.projects.set(key, feature);
        return feature;
      } catch (e) {
        if (e.status === 404) return null;
        throw e;
      }
    },

    /** The feature of a selection, fetched when the page does not have it yet. */
    async resolve(sel) {
      if (!sel) return null;
      if (sel.type === 'project') return app.loadProject(sel.id);
      if (sel.type === 'spot' || sel.type === 'unplaced') {
        const feature = sel.type === 'spot' ? await spotFeature(app, sel.id) : await unplacedFeature(app, sel.id);
        app.index.lists.set(`${sel.type}:${sel.id}`, feature);
        return feature;
      }
      return app.feature(sel);
    },

    /** A project created or changed by a save: the index, the map layer and the panels take it in place. */
    putProject(feature) {
      app.index.projects.set(String(feature.id), feature);
      app.layers.get('projects')?.upsert(feature);
      app.emit('project', { id: String(feature.id), feature });
      app.emit('data');
    },
    removeProject(id) {
      app.index.projects.delete(String(id));
      app.layers.get('projects')?.remove(id);
      app.emit('project', { id: String(id), feature: null });
      app.emit('data');
    },

    t: (...args) => app.i18n.t(...args),

    /**
     * The items parameters of the active filters (category, belt, county, status: the same names as the API's),
     * plus extra ones; without one facet's when asked (for that facet's counts). Every query the page sends
     * about projects starts here, so the map, counts, statistics and lists always select the same projects.
     */
    filterParams(extra = {}, exceptFacet = null) {
      const params = new URLSearchParams();
      for (const facet of FACETS) {
        const values = [...app.state.filters[facet]];
        if (facet !== exceptFacet && values.length) params.set(facet, values.join(','));
      }
      for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null) params.set(k, v);
      return params;
    },

    setFilter(facet, value, on) {
      const set = app.state.filters[facet];
      if (on) set.add(value); else set.delete(value);
      app.emit('filters');
      app.syncHash();
    },
    /** The filters set without an event: only while the page is built (applyState then sets and announces them). */
    presetFilters(filters) {
      for (const facet of FACETS) app.state.filters[facet] = new Set(filters?.[facet] || []);
    },
    setFilters(filters) {
      app.presetFilters(filters);
      app.emit('filters');
      app.syncHash();
    },
    clearFilters() { app.setFilters({}); },

    setLayerVisible(id, visible) {
      if (visible) app.state.layers.add(id); else app.state.layers.delete(id);
      app.emit('layers');
      app.syncHash();
    },

    /** Draw the projects known only by county one by one (true) or as one badge per county (false, the default). */
    setApproxPoints(on) {
      app.state.approxPoints = !!on;
      app.emit('approx');
      app.syncHash();
    },

    setBase(id) {
      app.state.base = id || null;
      app.emit('base');
      app.syncHash();
    },

    /**
     * sel = {type: 'project'|'county'|'belt'|'spot'|'unplaced', id} or null; options.zoom moves the map to it.
     * What the page does not have yet (a project, a spot's list) is fetched first; the last call wins.
     */
    select(sel, options = {}) {
      const previous = app.state.selected;
      const same = sel && previous && sel.type === previous.type && String(sel.id) === previous.id;
      if (!same && !options.force && !app.mayLeave()) return false;
      const run = ++selectRun;
      const finish = (feature) => {
        if (run !== selectRun) return;
        app.state.selected = feature ? { type: sel.type, id: String(sel.id) } : null;
        app.emit('select', { previous, ...options });
        app.syncHash();
      };
      const known = sel && sel.type !== 'spot' && sel.type !== 'unplaced' ? app.feature(sel) : null;
      if (!sel || known) finish(known);
      else {
        app.resolve(sel).then(finish, (e) => { console.warn('select:', e.message); finish(null); });
      }
      return true;
    },

    feature(sel) {
      if (!sel) return null;
      if (sel.type === 'project') return app.index.projects.get(String(sel.id)) || null;
      if (sel.type === 'county') return app.index.counties.get(String(sel.id)) || null;
      if (sel.type === 'belt') return app.index.belts.get(String(sel.id)) || null;
      if (sel.type === 'spot' || sel.type === 'unplaced') return app.index.lists.get(`${sel.type}:${sel.id}`) || null;
      return null;
    },

    setLang(lang) {
      app.i18n.lang = lang;
      document.documentElement.lang = app.i18n.lang === 'zh' ? 'zh-CN' : 'en';
      document.title = `${app.i18n.t('app.title')} · ${app.i18n.t('app.subtitle')}`;
      app.i18n.apply();
      app.emit('lang');
      app.syncHash();
    },

    hash() {
      const view = app.map && {
        zoom: app.map.getZoom(),
        lat: app.map.getCenter().lat,
        lng: app.map.getCenter().lng,
      };
      return formatHash({ view, ...app.state, lang: app.i18n.lang });
    },
    syncHash() {
      if (!app.ready) return;
      const hash = app.hash();
      if (hash !== location.hash) history.replaceState(null, '', hash);
    },
  };
  return app;
}
