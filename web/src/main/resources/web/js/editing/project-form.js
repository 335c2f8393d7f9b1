// The fields of a project as form controls: vocabularies as selects, figures and years as numbers with their
// units, texts as inputs. read(draft) and write(draft) move values between the form and the draft.
import { CATEGORIES, STATUSES, PRECISIONS } from '../model.js';
import { figureLabel } from '../figures.js';
import { h, uid } from '../dom.js';

export const KINDS = ['point', 'line', 'area', 'none'];
export const STAGES = ['planning', 'preparation', 'construction', 'completed', 'suspended'];
const VOCAB_KEY = { category: 'cat', status: 'status', precision: 'precision', kind: 'kind', stage: 'stage' };

/** Sections and their fields; type: text | textarea | list | select | int | number | counties | figures | geometry. */
export const SECTIONS = [
  { id: 'names', fields: [['name', 'text'], ['name_en', 'text'], ['aliases', 'list']] },
  { id: 'plan', fields: [['category', 'select', CATEGORIES.map((c) => c.id)], ['kind', 'select', KINDS], ['status', 'select', STATUSES], ['counties', 'counties'], ['source', 'text']] },
  { id: 'place', fields: [['geometry', 'geometry'], ['precision', 'select', PRECISIONS], ['place_basis', 'text']] },
  { id: 'progress', fields: [['stage', 'select', STAGES, true], ['start_year', 'int'], ['completion_year', 'int'],
    ['investment_planned_yi_yuan', 'number'], ['investment_completed_yi_yuan', 'number'], ['investment_year', 'int'],
    ['progress_zh', 'textarea'], ['progress_en', 'textarea']] },
  { id: 'figures', fields: [['figures', 'figures']] },
  { id: 'summary', fields: [['summary_zh', 'textarea'], ['summary_en', 'textarea']] },
];

const parseNumber = (text) => {
  const s = text.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s; // the server names a non-number at its field
};

/**
 * Builds the form's controls for a draft. countyChoices: the county names the user may choose.
 * figureKeys: figure names known in the data (for "add a figure"). geometryEl: the geometry editor's element.
 */
export function buildFields(app, draft, { countyChoices, figureKeys, geometryEl, onChange }) {
  const t = app.t;
  const p = draft.properties;
  const controls = new Map(); // field → {read(): value | undefined, errorEl, focus()}

  const errorSlot = (name) => h('p', { class: 'field-error', id: uid(`err-${name}`), hidden: true });

  function simple(name, type, options, optional) {
    const id = uid(`f-${name}`);
    const error = errorSlot(name);
    const value = p[name];
    let input;
    if (type === 'select') {
      input = h('select', { id, name },
        optional || value == null ? h('option', { value: '' }, t('field.notSet')) : null,
        options.map((o) => h('option', { value: o, selected: o === value }, app.i18n.has(`${VOCAB_KEY[name]}.${o}`) ? t(`${VOCAB_KEY[name]}.${o}`) : o)));
    } else if (type === 'textarea') {
      input = h('textarea', { id, name, rows: '4' }, value ?? '');
    } else if (type === 'list') {
      input = h('input', { id, name, type: 'text', value: (value || []).join('、') });
    } else {
      const numeric = type === 'int' || type === 'number';
      input = h('input', {
        id, name, type: 'text', value: value ?? '', inputmode: numeric ? (type === 'int' ? 'numeric' : 'decimal') : null,
        autocomplete: 'off', spellcheck: numeric ? 'false' : null,
      });
    }
    input.setAttribute('aria-describedby', error.id);
    const read = () => {
      const raw = input.value;
      if (type === 'select') return raw || undefined;
      if (type === 'list') {
        const items = raw.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);
        return items.length ? items : undefined;
      }
      if (type === 'int' || type === 'number') return parseNumber(raw);
      const text = type === 'textarea' ? raw.replace(/\s+$/, '') : raw.trim();
      return text ? text : undefined;
    };
    controls.set(name, { read, error, focus: () => input.focus(), input });
    return h('div', { class: `field field-${name}`, dataset: { field: name } },
      h('label', { for: id }, t(`field.${name}`)), input, error);
  }

  function counties() {
    const error = errorSlot('counties');
    const chosen = new Set(p.counties || []);
    const names = [...new Set([...countyChoices, ...chosen])];
    const boxes = names.map((n) => {
      const id = uid('county');
      const county = app.index.countiesByName.get(n);
      return h('label', { class: 'check-row', for: id },
        h('input', { type: 'checkbox', id, value: n, checked: chosen.has(n), disabled: !countyChoices.includes(n) }),
        h('span', { class: 'row-label' }, app.i18n.name(county?.properties) || n));
    });
    const group = h('fieldset', { class: 'field field-counties county-choices', dataset: { field: 'counties' }, 'aria-describedby': error.id },
      h('legend', {}, t('field.counties')), h('div', { class: 'check-grid' }, boxes), error);
    const read = () => {
      const list = [...group.querySelectorAll('input:checked')].map((b) => b.value);
      return list.length ? list : undefined;
    };
    controls.set('counties', { read, error, focus: () => group.querySelector('input:not([disabled])')?.focus() });
    return group;
  }

  function figures() {
    const error = errorSlot('figures');
    const rows = h('div', { class: 'figure-rows' });
    const addRow = (key, value) => {
      const id = uid('fig');
      const input = h('input', { id, type: 'text', inputmode: 'decimal', value: value ?? '', dataset: { figure: key }, autocomplete: 'off' });
      const row = h('div', { class: 'figure-row' }, h('label', { for: id }, figureLabel(app, key)), input,
        h('button', { type: 'button', class: 'btn btn-ghost btn-small', onclick: () => { row.remove(); onChange(); } }, t('field.removeFigure')));
      rows.append(row);
      return input;
    };
    for (const [key, value] of Object.entries(p.figures || {})) addRow(key, value);
    const unused = () => figureKeys.filter((k) => !rows.querySelector(`[data-figure="${CSS.escape(k)}"]`));
    const pickId = uid('figpick');
    const picker = h('select', { id: pickId }, h('option', { value: '' }, t('field.addFigure')),
      unused().map((k) => h('option', { value: k }, figureLabel(app, k))));
    picker.addEventListener('change', () => {
      if (!picker.value) return;
      const input = addRow(picker.value, '');
      picker.querySelector(`option[value="${CSS.escape(picker.value)}"]`)?.remove();
      picker.value = '';
      input.focus();
    });
    const read = () => {
      const out = {};
      for (const input of rows.querySelectorAll('input[data-figure]')) {
        const v = parseNumber(input.value);
        if (v !== undefined) out[input.dataset.figure] = v;
      }
      return Object.keys(out).length ? out : undefined;
    };
    controls.set('figures', { read, error, focus: () => (rows.querySelector('input') || picker).focus() });
    return h('div', { class: 'field field-figures', dataset: { field: 'figures' } }, rows,
      h('label', { class: 'visually-hidden', for: pickId }, t('field.addFigure')), picker, error);
  }

  function geometry() {
    const error = errorSlot('geometry');
    controls.set('geometry', { read: () => undefined, error, focus: () => geometryEl.querySelector('button')?.focus() });
    return h('div', { class: 'field field-geometry', dataset: { field: 'geometry' } }, h('p', { class: 'field-label' }, t('field.geometry')), geometryEl, error);
  }

  const sections = SECTIONS.map((section) => h('fieldset', { class: `form-section section-${section.id}` },
    h('legend', {}, t(`edit.section.${section.id}`)),
    section.fields.map(([name, type, options, optional]) => {
      if (type === 'counties') return counties();
      if (type === 'figures') return figures();
      if (type === 'geometry') return geometry();
      return simple(name, type, options, optional);
    })));

  return {
    sections,
    controls,
    /** The draft's properties as the form has them now (server-owned ones kept as they were). */
    read() {
      const out = {};
      for (const [name, value] of Object.entries(p)) if (!controls.has(name)) out[name] = value;
      for (const [name, control] of controls) {
        if (name === 'geometry') continue;
        const v = control.read();
        if (v !== undefined) out[name] = v;
      }
      return out;
    },
  };
}
