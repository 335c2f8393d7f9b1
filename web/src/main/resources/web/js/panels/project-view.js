// A project in the detail panel: its card with two tabs (details, history) and, for a user who may change it,
// Edit and Delete; Edit swaps the card for the editor until it is saved or cancelled.
import { ApiError } from '../api.js';
import { createScope, fill, h, uid } from '../dom.js';
import { confirmDialog } from './dialog.js';
import { createHistoryView } from './history-view.js';
import { accentOf, projectDetails, projectHead } from './project-card.js';

const TABS = ['details', 'history'];

/** options.feature: the project; options.editNew: a new, unsaved project to open in the editor. */
export function createProjectView(app, { feature, isNew = false, notify, signIn, onClose }) {
  const el = h('div', { class: 'project-view' });
  const scope = createScope(app);
  let current = feature;
  let tab = 'details';
  let editor = null;
  let history = null;
  const ids = { tabs: uid('ptab'), panel: uid('ppanel') };

  function actions() {
    const t = app.t;
    if (!app.mayEdit(current.properties)) {
      return app.user ? null : h('p', { class: 'note read-only-note' }, t('card.readOnly'));
    }
    return h('p', { class: 'card-edit-actions' },
      h('button', { type: 'button', class: 'btn', 'data-edit': '', onclick: () => edit() }, t('card.edit')),
      h('button', { type: 'button', class: 'btn btn-danger-outline', 'data-delete': '', onclick: remove }, t('card.delete')));
  }

  function render() {
    const t = app.t;
    if (editor) return;
    history = tab === 'history' ? createHistoryView(app, { featureId: current.id, notify, onChanged }) : null;
    const tabButtons = TABS.map((id) => h('button', {
      type: 'button', role: 'tab', id: `${ids.tabs}-${id}`, 'aria-selected': String(id === tab), 'aria-controls': ids.panel,
      tabindex: id === tab ? '0' : '-1', dataset: { cardTab: id }, onclick: () => show(id, true),
    }, t(`card.${id}`)));
    fill(el, h('article', { class: 'card project-card', dataset: { id: current.id }, style: { '--accent': accentOf(current) } },
      projectHead(app, current),
      actions(),
      h('div', { class: 'card-tabs', role: 'tablist', onkeydown: tabKeys }, tabButtons),
      h('div', { class: 'card-tabpanel', id: ids.panel, role: 'tabpanel', 'aria-labelledby': `${ids.tabs}-${tab}` },
        tab === 'details' ? projectDetails(app, current) : history.el)));
  }

  function show(id, focus) {
    tab = id;
    render();
    if (focus) el.querySelector(`[data-card-tab="${id}"]`)?.focus();
  }
  function tabKeys(e) {
    const i = TABS.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(TABS[(next + TABS.length) % TABS.length], true);
  }

  /** After a revert or restore from the history tab, or a save. */
  function onChanged(feature) {
    if (feature) {
      current = feature;
      app.putProject(feature);
    } else {
      app.removeProject(current.id); // reverting its creation deletes it
      app.select(null, { force: true });
    }
  }

  /** Leaves the editor without saving: the project is drawn again as the index has it. */
  function closeEditor() {
    if (!editor) return;
    editor.destroy();
    editor = null;
    app.editing = null;
    if (!isNew) app.layers.get('projects')?.show(current.id);
    app.emit('editing', null);
  }

  async function edit(fresh = null) {
    let start = fresh;
    let createProjectEditor;
    try {
      // The editor's modules load when someone edits: the public's first view does without them.
      ({ createProjectEditor } = await import('../editing/project-editor.js'));
      start ??= await app.api.project(current.id);
    } catch (e) {
      notify(app.t('edit.failed', { why: e instanceof ApiError ? e.description : e.message }));
      return;
    }
    app.editing = { id: isNew ? null : String(current.id) };
    if (!isNew) app.layers.get('projects')?.hide(current.id); // the editor draws it while it is being edited
    app.emit('editing', app.editing);
    editor = createProjectEditor(app, {
      feature: start.feature,
      etag: start.etag,
      isNew,
      notify,
      signIn,
      onDone: (saved) => {
        editor = null;
        app.editing = null;
        if (saved) {
          current = saved;
          app.putProject(saved);
          if (isNew) { app.select({ type: 'project', id: String(saved.id) }, { force: true, focus: true }); return; }
        } else if (isNew) {
          onClose();
          app.emit('editing', null);
          return;
        } else {
          app.layers.get('projects')?.show(current.id);
        }
        app.emit('editing', null);
        render();
        el.querySelector('#detail-title')?.focus({ preventScroll: true });
      },
    });
    fill(el, editor.el);
    editor.focus();
  }

  async function remove() {
    const t = app.t;
    const name = app.i18n.name(current.properties);
    const ok = await confirmDialog(app, { title: t('delete.title'), question: t('delete.question', { name }), confirmLabel: t('delete.confirm'), danger: true });
    if (!ok) return;
    try {
      const { etag } = await app.api.project(current.id);
      await app.api.deleteProject(current.id, etag);
      notify(t('edit.deleted', { name }));
      app.removeProject(current.id);
      app.select(null, { force: true });
    } catch (e) {
      notify(t('edit.failed', { why: e instanceof ApiError ? e.description : e.message }));
    }
  }

  scope.on('lang', () => (editor ? editor.relabel() : render()));
  scope.on('session', () => {
    if (editor && !app.mayEdit(current.properties)) closeEditor();
    if (isNew && !editor) { onClose(); return; }
    render();
  });
  scope.on('project', ({ id, feature: changed }) => {
    if (editor || id !== String(current.id) || !changed) return;
    current = changed;
    render();
  });

  if (isNew) edit({ feature, etag: null }); else render();
  return {
    el,
    unmount() {
      scope.dispose();
      closeEditor();
    },
  };
}
