// Editing one project (or a new one): the form, the geometry on the map, undo, save with If-Match, and what
// a refusal says: problems next to their fields (422), the other person's changes field by field (412).
import { ApiError } from '../api.js';
import { fill, h } from '../dom.js';
import { propertyLabel, valueText } from '../panels/history-view.js';
import { createGeometryEditor } from './geometry-editor.js';
import { changedFields, mergeApply, mergeDiff } from './patch.js';
import { buildFields } from './project-form.js';

const SERVER_OWNED = ['belts', 'updated_at', 'updated_by'];
/**
 * The figure keys the bundled catalogue uses, offered for every project (the page no longer holds all projects to
 * collect them from). Derived once from gis-data/projects.geojson with
 * python3 -c "import json; print(sorted({k for f in json.load(open('gis-data/projects.geojson'))['features'] for k in (f['properties'].get('figures') or {})}))"
 */
export const COMMON_FIGURE_KEYS = [
  'above_ground_floor_area_m2', 'annual_capacity_yi_m3', 'annual_output_10k_pieces', 'annual_output_yi_yuan',
  'apple_upgrade_area_mu', 'area_mu', 'beds', 'built_length_km', 'bundled_projects', 'capacity_10k_t_per_day',
  'cluster_count', 'comprehensive_park_count', 'container_yard_area_mu', 'conveyor_length_km', 'county_center_count',
  'cumulative_output_yi_m3', 'dormitory_buildings', 'flood_control_storage_yi_m3', 'floor_area_m2',
  'gathering_network_length_km', 'general_airports', 'greenhouse_count', 'gymnasium_capacity_persons',
  'housing_floor_area_m2', 'investment_yi_yuan', 'landscape_restoration_area_km2', 'length_km',
  'machining_line_count', 'main_road_length_km', 'natatorium_capacity_persons', 'pear_area_mu', 'phase1_area_mu',
  'phase1_civil_capacity_10k_t_per_day', 'phase1_equipment_capacity_10k_t_per_day',
  'processing_capacity_10k_m3_per_day', 'producing_well_count', 'project_count', 'rail_spur_length_km', 'sections',
  'sediment_regulation_storage_yi_m3', 'servers', 'silt_storage_yi_m3', 'smart_logistics_route_length_km',
  'smart_orchard_count', 'specialised_node_count', 'sports_fields', 'sports_hall_capacity_persons',
  'standard_factory_floor_area_m2', 'station_area_mu', 'storage_capacity_yi_m3', 'total_storage_yi_m3',
  'trail_length_km', 'training_buildings', 'underground_floor_area_m2', 'visitor_centres', 'zone_count',
];
const clone = (v) => JSON.parse(JSON.stringify(v));
const withoutServerOwned = (props) => Object.fromEntries(Object.entries(props).filter(([k]) => !SERVER_OWNED.includes(k)));

/** The merge patch from one version of a project to another; a changed geometry is sent whole. */
function featurePatch(from, to) {
  const properties = mergeDiff(withoutServerOwned(from.properties), withoutServerOwned(to.properties));
  const geometryChanged = JSON.stringify(from.geometry) !== JSON.stringify(to.geometry);
  if (!properties && !geometryChanged) return null;
  return { ...(properties ? { properties } : {}), ...(geometryChanged ? { geometry: to.geometry } : {}) };
}

/**
 * @param feature the project as the server has it (null id for a new one); etag its ETag (null for a new one)
 * @param onDone(feature|null) leaves the editor: the saved feature, or null when cancelled
 */
export function createProjectEditor(app, { feature, etag, isNew = false, notify, signIn, onDone }) {
  let base = clone(feature);
  let baseEtag = etag;
  let draft = clone(feature);
  const undoStack = [];
  let saving = false;
  let fields = null;
  let conflictOpen = false;

  const el = h('form', { class: 'card project-editor', novalidate: true, 'aria-labelledby': 'editor-title' });
  const status = h('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const formErrors = h('div', { class: 'form-errors', role: 'alert', hidden: true });
  const conflictEl = h('section', { class: 'conflict', hidden: true, 'aria-labelledby': 'conflict-title' });
  const body = h('div', { class: 'editor-fields' });
  const undoButton = h('button', { type: 'button', class: 'btn btn-secondary', 'data-undo': '', onclick: undo });
  const saveButton = h('button', { type: 'submit', class: 'btn', 'data-save': '' });
  const cancelButton = h('button', { type: 'button', class: 'btn btn-ghost', 'data-cancel': '', onclick: cancel });
  const title = h('h2', { id: 'editor-title', class: 'card-title', tabindex: '-1' });

  const geometryEditor = createGeometryEditor(app, {
    geometry: draft.geometry,
    kind: draft.properties.kind || 'point',
    onChange: (g) => { snapshot(); draft.geometry = g; updateState(); },
  });

  const countyChoices = () => (app.isAdmin() ? [...app.index.countiesByName.keys()] : app.user?.counties || []);
  const figureKeys = () => [...new Set([...COMMON_FIGURE_KEYS, ...Object.keys(draft.properties.figures || {})])].sort();

  /** Reads the form into the draft (the form is the truth for properties; the map for the geometry). */
  function readForm() {
    if (fields) draft.properties = fields.read();
  }
  const isDirty = () => {
    readForm();
    return isNew || changedFields(base, draft).length > 0;
  };

  function snapshot() {
    readForm();
    const last = undoStack[undoStack.length - 1];
    const now = JSON.stringify(draft);
    if (last !== now) undoStack.push(now);
    if (undoStack.length > 100) undoStack.shift();
  }
  function undo() {
    readForm();
    const current = JSON.stringify(draft);
    while (undoStack.length && undoStack[undoStack.length - 1] === current) undoStack.pop();
    if (!undoStack.length) return;
    draft = JSON.parse(undoStack.pop());
    renderForm();
    geometryEditor.setGeometry(draft.geometry);
    updateState();
  }

  function renderForm() {
    fields = buildFields(app, draft, { countyChoices: countyChoices(), figureKeys: figureKeys(), geometryEl: geometryEditor.el, onChange: () => { snapshot(); updateState(); } });
    fill(body, fields.sections);
  }

  function updateState() {
    const t = app.t;
    readForm();
    const changed = isNew ? [] : changedFields(base, draft);
    const moved = changed.includes('geometry');
    status.textContent = isNew ? '' : (changed.length ? `${changed.map((f) => propertyLabel(app, f)).join('、')}` : t('edit.noChanges'));
    status.classList.toggle('has-changes', changed.length > 0);
    geometryEditor.el.dataset.moved = String(moved);
    undoButton.disabled = undoStack.length === 0;
  }

  function render() {
    const t = app.t;
    title.textContent = isNew ? t('edit.newHeading') : `${t('edit.heading')}：${app.i18n.name(base.properties)}`;
    undoButton.textContent = t('edit.undo');
    saveButton.textContent = t('edit.save');
    cancelButton.textContent = t('edit.cancel');
    renderForm();
    geometryEditor.relabel();
    fill(el, title, formErrors, conflictEl, body, status,
      h('p', { class: 'editor-actions' }, saveButton, undoButton, cancelButton));
    updateState();
  }

  // ---- errors ----
  function clearErrors() {
    formErrors.hidden = true;
    formErrors.replaceChildren();
    for (const control of fields.controls.values()) {
      control.error.hidden = true;
      control.error.textContent = '';
      control.input?.removeAttribute('aria-invalid');
    }
  }
  function showProblems(error) {
    const t = app.t;
    const unplaced = [];
    let first = null;
    for (const { property, problem } of error.details) {
      const control = fields.controls.get(property);
      if (!control) { unplaced.push(`${propertyLabel(app, property)}: ${problem}`); continue; }
      control.error.textContent = control.error.textContent ? `${control.error.textContent}; ${problem}` : problem;
      control.error.hidden = false;
      control.input?.setAttribute('aria-invalid', 'true');
      first ??= control;
    }
    fill(formErrors, h('p', {}, error.details.length ? t('edit.problems') : t('edit.failed', { why: error.description })),
      unplaced.length || !error.details.length ? h('ul', {}, (unplaced.length ? unplaced : [error.description]).map((u) => h('li', {}, u))) : null);
    formErrors.hidden = false;
    if (first) first.focus(); else formErrors.scrollIntoView({ block: 'nearest' });
  }
  function showMessage(text, action) {
    fill(formErrors, h('p', {}, text), action || null);
    formErrors.hidden = false;
    formErrors.scrollIntoView({ block: 'nearest' });
  }

  // ---- saving ----
  async function save() {
    if (saving || conflictOpen) return;
    clearErrors();
    readForm();
    const t = app.t;
    const patch = isNew ? null : featurePatch(base, draft);
    if (!isNew && !patch) { status.textContent = t('edit.noChanges'); return; }
    saving = true;
    saveButton.disabled = true;
    status.textContent = t('edit.saving');
    try {
      const saved = isNew
        ? await app.api.createProject({ type: 'Feature', geometry: draft.geometry, properties: withoutServerOwned(draft.properties) })
        : await app.api.patchProject(base.id, patch, baseEtag);
      finish(saved.feature, isNew ? 'edit.created' : 'edit.saved');
    } catch (e) {
      if (!(e instanceof ApiError)) showMessage(t('edit.failed', { why: e.message }));
      else if (e.status === 412) await showConflict();
      else if (e.status === 401) {
        showMessage(t('edit.signInAgain'), h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => signIn() }, t('account.signIn')));
      } else if (e.status === 403) showMessage(t('edit.forbidden', { why: e.description }));
      else showProblems(e);
      status.textContent = '';
    } finally {
      saving = false;
      saveButton.disabled = false;
    }
  }

  function finish(saved, messageKey) {
    destroy();
    if (saved) notify(app.t(messageKey, { name: app.i18n.name(saved.properties) }));
    onDone(saved);
  }

  // ---- conflicts ----
  async function showConflict() {
    const t = app.t;
    let theirs;
    let theirEtag;
    try {
      ({ feature: theirs, etag: theirEtag } = await app.api.project(base.id));
    } catch (e) {
      showMessage(t('edit.failed', { why: e.description || e.message }));
      return;
    }
    const last = await app.api.history(base.id).then((d) => d.entries[0]).catch(() => null);
    const theirChanges = changedFields(base, theirs).filter((f) => !SERVER_OWNED.includes(f));
    const myChanges = changedFields(base, draft).filter((f) => !SERVER_OWNED.includes(f));
    const names = [...new Set([...theirChanges, ...myChanges])];
    const value = (f, feature) => valueText(app, f, f === 'geometry' ? feature.geometry : feature.properties[f]);
    conflictOpen = true;
    fill(conflictEl,
      h('h3', { id: 'conflict-title' }, t('conflict.title')),
      h('p', {}, t('conflict.note', {
        who: last?.author?.name || t('conflict.someone'),
        time: last ? new Date(last.time).toLocaleString(app.i18n.locale(), { timeZone: 'Asia/Shanghai' }) : '',
      })),
      h('div', { class: 'table-scroll' }, h('table', { class: 'conflict-table' },
        h('thead', {}, h('tr', {}, [t('conflict.field'), t('conflict.base'), t('conflict.theirs'), t('conflict.mine')].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, names.map((f) => {
          const both = theirChanges.includes(f) && myChanges.includes(f);
          return h('tr', { class: both ? 'is-both' : '', dataset: { field: f } },
            h('th', { scope: 'row' }, propertyLabel(app, f), both ? h('span', { class: 'conflict-both' }, ` (${t('conflict.both')})`) : null),
            h('td', {}, value(f, base)),
            h('td', { class: theirChanges.includes(f) ? 'changed' : '' }, value(f, theirs)),
            h('td', { class: myChanges.includes(f) ? 'changed' : '' }, myChanges.includes(f) ? value(f, draft) : '—'));
        })))),
      h('p', { class: 'editor-actions' },
        h('button', { type: 'button', class: 'btn', 'data-reapply': '', onclick: () => reapply(theirs, theirEtag) }, t('conflict.reapply')),
        h('button', { type: 'button', class: 'btn btn-secondary', 'data-discard': '', onclick: () => discard(theirs) }, t('conflict.discard'))));
    conflictEl.hidden = false;
    body.hidden = true;
    conflictEl.querySelector('[data-reapply]').focus();
  }

  function closeConflict() {
    conflictOpen = false;
    conflictEl.hidden = true;
    body.hidden = false;
  }

  /** My changes (the difference from the version I started from) applied to theirs; saved only when I say so. */
  function reapply(theirs, theirEtag) {
    readForm();
    const mine = featurePatch(base, draft) || {};
    base = clone(theirs);
    baseEtag = theirEtag;
    draft = mergeApply(clone(theirs), mine);
    undoStack.length = 0;
    closeConflict();
    renderForm();
    geometryEditor.setGeometry(draft.geometry);
    updateState();
    status.textContent = app.t('conflict.reapplied');
    saveButton.focus();
  }

  function discard(theirs) {
    closeConflict();
    finish(theirs, 'edit.saved');
  }

  function cancel() {
    if (isDirty() && !window.confirm(app.t('edit.unsaved'))) return;
    destroy();
    onDone(null);
  }

  // ---- life cycle ----
  const beforeUnload = (e) => {
    if (isDirty()) { e.preventDefault(); e.returnValue = ''; }
  };
  let destroyed = false;
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    geometryEditor.destroy();
    window.removeEventListener('beforeunload', beforeUnload);
    if (app.leaveGuard === guard) app.leaveGuard = null;
  }
  const guard = () => !isDirty() || window.confirm(app.t('edit.unsaved'));

  el.addEventListener('submit', (e) => { e.preventDefault(); save(); });
  // Text fields record an undo step when they are left with a new value; selects and boxes when they change.
  el.addEventListener('focusin', (e) => { if (e.target.matches('input, textarea, select')) snapshot(); });
  el.addEventListener('input', () => updateState());
  el.addEventListener('change', (e) => {
    if (e.target.name === 'kind') { readForm(); geometryEditor.setKind(draft.properties.kind || 'point'); }
    updateState();
  });
  el.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'z' && !e.target.matches('input[type=text], textarea')) { e.preventDefault(); undo(); }
    if (e.key === 'Escape') e.stopPropagation();
  });
  window.addEventListener('beforeunload', beforeUnload);
  app.leaveGuard = guard;
  render();

  return {
    el,
    relabel() { readForm(); render(); },
    isDirty,
    /** Leaves without asking (the guard has asked already, or the user signed out). */
    destroy,
    focus: () => (isNew ? fields.controls.get('name').focus() : title.focus()),
  };
}
