// A project's history tab: every change with time, county and what changed; the author for signed-in users;
// an admin can revert a change, or restore the project when it is deleted.
import { ApiError } from '../api.js';
import { figureLabel } from '../figures.js';
import { fill, h } from '../dom.js';
import { confirmDialog } from './dialog.js';

/** Label of a property in the current language (the edit form's, else the card's). */
export function propertyLabel(app, property) {
  if (app.i18n.has(`field.${property}`)) return app.t(`field.${property}`);
  if (app.i18n.has(`project.${property}`)) return app.t(`project.${property}`);
  return property;
}

/** A property value as text: vocabularies translated, lists joined, figures labelled, geometry summarised. */
export function valueText(app, property, value) {
  if (value == null || value === '') return app.t('field.notSet');
  if (property === 'geometry') {
    if (value.type === 'Point') return `${value.coordinates[1].toFixed(5)}, ${value.coordinates[0].toFixed(5)}`;
    return app.t(`geomtype.${value.type}`) === `geomtype.${value.type}` ? value.type : app.t(`geomtype.${value.type}`);
  }
  const vocab = { category: 'cat', status: 'status', precision: 'precision', kind: 'kind', stage: 'stage' }[property];
  if (vocab && app.i18n.has(`${vocab}.${value}`)) return app.t(`${vocab}.${value}`);
  if (property === 'counties') return value.map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n).join('、');
  if (property === 'belts') return value.map((b) => app.t(`belt.${b}`)).join('、');
  if (Array.isArray(value)) return value.join('、');
  if (property === 'figures' && typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${figureLabel(app, k)}: ${app.i18n.num(v, 4)}`).join('; ');
  }
  if (typeof value === 'number') return app.i18n.num(value, 4);
  return String(value);
}

const formatTime = (app, iso) => new Date(iso).toLocaleString(app.i18n.locale(), {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

export function createHistoryView(app, { featureId, notify, onChanged }) {
  const el = h('div', { class: 'history', 'aria-live': 'polite' });
  let doc = null;
  let error = null;

  function entryItem(entry, isLatest) {
    const t = app.t;
    const moved = entry.changes.some((c) => c.property === 'geometry');
    const changes = entry.operation === 'create' || entry.operation === 'delete' || entry.operation === 'restore'
      ? [] : entry.changes.filter((c) => c.property !== 'updated_at' && c.property !== 'updated_by');
    const counties = entry.counties.map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n).join('、');
    const revert = app.isAdmin() && !doc.deleted && entry.operation !== 'delete'
      ? h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-revert': entry.version, onclick: () => revertChange(entry) }, t('history.revert'))
      : null;
    return h('li', { class: 'history-entry', dataset: { version: entry.version, operation: entry.operation } },
      h('p', { class: 'history-head' },
        h('strong', {}, t(`history.op.${entry.operation}`)),
        ' · ', h('time', { datetime: entry.time }, formatTime(app, entry.time)),
        ' · ', h('span', { class: 'history-version' }, t('history.version', { v: entry.version })),
        entry.author ? [' · ', h('span', { class: 'history-author' }, t('history.by', { name: entry.author.name }))] : null),
      counties ? h('p', { class: 'history-counties note' }, counties) : null,
      changes.length ? h('dl', { class: 'history-changes' }, changes.map((c) => h('div', { class: 'dl-row', dataset: { property: c.property } },
        h('dt', {}, propertyLabel(app, c.property)),
        h('dd', {}, c.property === 'geometry'
          ? [t('history.moved'), ': ', h('span', { class: 'before' }, valueText(app, 'geometry', c.before)), ' → ', h('span', { class: 'after' }, valueText(app, 'geometry', c.after))]
          : [h('span', { class: 'before' }, valueText(app, c.property, c.before)), ' → ', h('span', { class: 'after' }, valueText(app, c.property, c.after))])))) : null,
      moved && !changes.length ? h('p', { class: 'note' }, t('history.moved')) : null,
      isLatest && doc.deleted && app.isAdmin()
        ? h('button', { type: 'button', class: 'btn', 'data-restore': '', onclick: restore }, t('history.restore')) : null,
      revert);
  }

  function render() {
    const t = app.t;
    if (error) { fill(el, h('p', { class: 'notice error', role: 'alert' }, t('history.failed', { why: error }))); return; }
    if (!doc) { fill(el, h('p', { class: 'notice' }, t('history.loading'))); return; }
    fill(el,
      doc.deleted ? h('p', { class: 'notice' }, t('history.deleted')) : null,
      doc.entries.length ? h('ol', { class: 'history-list' }, doc.entries.map((e, i) => entryItem(e, i === 0)))
        : h('p', { class: 'note history-empty' }, t('history.empty')));
  }

  async function load() {
    error = null;
    try {
      doc = await app.api.history(featureId);
    } catch (e) {
      error = e.description || e.message;
    }
    render();
  }

  async function revertChange(entry) {
    const ok = await confirmDialog(app, { title: app.t('history.revert'), question: `${app.t('history.revert')}: ${app.t('history.version', { v: entry.version })}?`, confirmLabel: app.t('history.revert') });
    if (!ok) return;
    try {
      const feature = await app.api.revert(featureId, entry.version);
      notify(app.t('history.reverted', { v: entry.version }));
      onChanged?.(feature);
    } catch (e) {
      notify(app.t('edit.failed', { why: e instanceof ApiError ? e.description : e.message }));
    }
    await load();
  }

  async function restore() {
    try {
      const feature = await app.api.restore(featureId);
      notify(app.t('history.restored', { name: app.i18n.name(feature.properties) }));
      onChanged?.(feature);
    } catch (e) {
      notify(app.t('edit.failed', { why: e instanceof ApiError ? e.description : e.message }));
    }
    await load();
  }

  render();
  load();
  return { el, render, reload: load };
}
