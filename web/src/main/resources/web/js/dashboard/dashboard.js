// The indicators dashboard: the plan's 28 indicators by field, each as baseline → actual values → target, and
// Table 1 (economy 2015–2020) as charts and as a table. A full view over the map, opened from the header
// (dashboard/entry.js loads this module on first use). An admin records actual values here.
import { ApiError } from '../api.js';
import { createScope, fill, h, uid } from '../dom.js';
import { drawEconomy, loadECharts } from './charts.js';
import { formatNumber, standing, targetLabel, withUnit } from './progress.js';

export function createDashboard(app, { notify, signIn, onClose }) {
  const scope = createScope(app);
  const titleId = uid('dash-title');
  const element = h('section', { id: 'dashboard', class: 'dashboard', tabindex: '-1', 'aria-labelledby': titleId });
  const state = { indicators: null, economy: null, error: null, chartsFailed: false };
  let economyCharts = null;

  const name = (x) => app.i18n.name(x);
  const zh = () => app.i18n.lang === 'zh';
  const paren = (x) => (zh() ? `（${x}）` : ` (${x})`);

  // ---------- indicators ----------

  function baselineText(ind) {
    const b = ind.baseline;
    if (b.value != null) return withUnit(app, ind, b.text); // as the table writes it, as the target
    const dash = b.text === '-';
    return h('span', { class: 'not-stated', title: app.t(dash ? 'dash.dashLong' : 'dash.notStatedLong'), 'data-not-stated': dash ? 'dash' : 'blank' },
      app.t(dash ? 'dash.dash' : 'dash.notStated'));
  }

  function indicatorItem(ind) {
    const t = app.t;
    const s = standing(ind);
    const target = targetLabel(app, ind);
    const latestText = s.latest ? `${withUnit(app, ind, formatNumber(app, s.latest.value))}${paren(s.latest.year)}` : t('dash.noActual');
    const baseWords = ind.baseline.value != null ? withUnit(app, ind, formatNumber(app, ind.baseline.value)) : t('dash.notStated');
    const status = s.state === 'reached' ? t('dash.reached')
      : s.state === 'none' ? '' // "no actual value yet" stands under the latest value already
        : s.share != null ? t(ind.baseline.value != null ? 'dash.progress' : 'dash.progressNoBase', { p: app.i18n.num(s.share * 100, 0) })
          : '';
    const bar = h('div', {
      class: 'ind-bar',
      role: 'img',
      'aria-label': t('dash.barLabel', { name: name(ind), base: baseWords, latest: s.latest ? latestText : t('dash.noActual'), target: target.shown }),
    },
    s.latestPos != null ? h('span', { class: 'ind-fill', style: { '--w': `${s.latestPos}%` } }) : null,
    s.basePos != null ? h('span', { class: 'ind-mark ind-base', style: { '--x': `${s.basePos}%` }, title: t('dash.baseline') }) : null,
    h('span', { class: 'ind-mark ind-goal', style: { '--x': `${s.goalPos}%` }, title: t('dash.target') }));

    const actuals = [...(ind.actuals || [])].sort((a, b) => a.year - b.year);
    const item = h('li', { class: 'ind', 'data-indicator': ind.id, 'data-state': s.state },
      h('h4', { class: 'ind-name' }, name(ind), h('span', { class: 'ind-other', lang: app.i18n.lang === 'zh' ? 'en' : 'zh-CN' }, app.i18n.otherName(ind))),
      bar,
      h('dl', { class: 'ind-figures' },
        h('div', { class: 'ind-fig' }, h('dt', null, t('dash.baseline')), h('dd', { 'data-baseline': '' }, baselineText(ind))),
        h('div', { class: 'ind-fig' }, h('dt', null, t('dash.latest')), h('dd', { 'data-latest': '' }, latestText)),
        h('div', { class: 'ind-fig ind-fig-goal' }, h('dt', null, t('dash.target')),
          h('dd', { 'data-target': '' }, target.shown, target.words ? h('span', { class: 'ind-words' }, target.words) : null))),
      status || ind.better === 'lower' ? h('p', { class: 'ind-status', 'data-status': s.state },
        status, ind.better === 'lower' ? h('span', { class: 'ind-words' }, t('dash.lowerBetter')) : null) : null,
      actuals.length ? h('ol', { class: 'ind-actuals', 'aria-label': t('dash.actuals') }, actuals.map((a) => h('li', { 'data-year': a.year },
        h('strong', null, `${a.year}${zh() ? '：' : ': '}${withUnit(app, ind, formatNumber(app, a.value))}`),
        h('span', { class: 'ind-source' }, t('dash.sourceOf', { source: a.source }))))) : null);
    if (app.isAdmin()) {
      const host = h('div', { class: 'ind-form-host' });
      const open = h('button', { type: 'button', class: 'btn btn-secondary btn-small', 'data-record': ind.id,
        onclick: () => { open.hidden = true; host.append(recordForm(ind, () => { open.hidden = false; open.focus(); })); } },
      t('dash.record'));
      item.append(open, host);
    }
    return item;
  }

  /** An admin's form: year, value, source; saved with If-Match (a recorded year) or If-None-Match: * (a first value). */
  function recordForm(ind, onDone) {
    const t = app.t;
    const ids = { year: uid('year'), value: uid('value'), source: uid('source') };
    const years = state.indicators.actual_years;
    const recorded = new Map((ind.actuals || []).map((a) => [a.year, a]));
    const firstOpen = years.find((y) => !recorded.has(y)) ?? years[years.length - 1];
    const year = h('select', { id: ids.year, name: 'year' }, years.map((y) => h('option', { value: y, selected: y === firstOpen }, String(y))));
    const value = h('input', { id: ids.value, name: 'value', type: 'number', inputmode: 'decimal', min: '0', step: ind.integer ? '1' : 'any', required: true });
    const source = h('input', { id: ids.source, name: 'source', type: 'text', maxlength: '500', required: true, placeholder: t('dash.sourceHint') });
    const current = h('p', { class: 'note ind-current', 'aria-live': 'polite' });
    const fieldError = { value: h('p', { class: 'field-error', hidden: true }), source: h('p', { class: 'field-error', hidden: true }) };
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const save = h('button', { type: 'submit', class: 'btn' }, t('dash.save'));
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => { form.remove(); onDone(); } }, t('dash.cancel'));
    const form = h('form', { class: 'ind-form', novalidate: true, 'aria-label': t('dash.recordTitle', { name: name(ind) }) },
      h('label', { for: ids.year }, t('dash.year')), year, current,
      h('label', { for: ids.value }, t('dash.value', { unit: app.i18n.lang === 'zh' ? ind.unit : ind.unit_en })), value, fieldError.value,
      h('label', { for: ids.source }, t('dash.sourceField')), source, fieldError.source,
      error,
      h('p', { class: 'dialog-actions' }, cancel, save));
    let etag = null;

    const clearErrors = () => {
      error.hidden = true;
      for (const [key, el] of Object.entries(fieldError)) {
        el.hidden = true;
        (key === 'value' ? value : source).removeAttribute('aria-invalid');
      }
    };
    async function loadYear() {
      clearErrors();
      const y = Number(year.value);
      etag = null;
      value.value = '';
      source.value = '';
      if (!recorded.has(y)) {
        current.textContent = t('dash.none', { year: y });
        return;
      }
      try {
        const got = await app.api.actual(ind.id, y);
        etag = got.etag;
        value.value = String(got.actual.value);
        source.value = got.actual.source;
        current.textContent = t('dash.current', { year: y, value: withUnit(app, ind, formatNumber(app, got.actual.value)), version: got.actual.version });
      } catch (e) {
        error.textContent = t('dash.failed', { why: e.description || e.message });
        error.hidden = false;
      }
    }
    year.addEventListener('change', loadYear);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clearErrors();
      const y = Number(year.value);
      const body = { value: value.value.trim() === '' ? null : Number(value.value), source: source.value };
      save.disabled = true;
      save.textContent = t('dash.saving');
      try {
        const saved = await app.api.putActual(ind.id, y, body, etag);
        notify(t('dash.saved', { name: name(ind), year: y, value: withUnit(app, ind, formatNumber(app, saved.actual.value)) }));
        await reload();
        element.querySelector(`[data-indicator="${CSS.escape(ind.id)}"] [data-record]`)?.focus();
      } catch (err) {
        if (!(err instanceof ApiError)) {
          error.textContent = t('edit.failed', { why: err.message });
        } else if (err.status === 412) {
          // someone else recorded meanwhile: show theirs, keep ours, and save against theirs next time
          recorded.set(y, { year: y });
          try {
            const got = await app.api.actual(ind.id, y);
            etag = got.etag;
            error.textContent = t('dash.conflict', { value: withUnit(app, ind, formatNumber(app, got.actual.value)), source: got.actual.source });
            current.textContent = t('dash.current', { year: y, value: withUnit(app, ind, formatNumber(app, got.actual.value)), version: got.actual.version });
          } catch (again) {
            error.textContent = t('edit.failed', { why: again.description || again.message });
          }
        } else if (err.status === 422) {
          error.textContent = t('edit.problems');
          for (const d of err.details) {
            const el = fieldError[d.property];
            if (el) {
              el.textContent = d.problem;
              el.hidden = false;
              (d.property === 'value' ? value : source).setAttribute('aria-invalid', 'true');
            }
          }
        } else if (err.status === 401) {
          error.textContent = t('edit.signInAgain');
          signIn?.();
        } else if (err.status === 403) {
          error.textContent = t('edit.forbidden', { why: err.description });
        } else {
          error.textContent = t('edit.failed', { why: err.description || err.message });
        }
        error.hidden = false;
        save.disabled = false;
        save.textContent = t('dash.save');
        return;
      }
    });
    loadYear();
    queueMicrotask(() => year.focus());
    return form;
  }

  function fieldSection(field, indicators) {
    return h('section', { class: 'dash-field', id: `dash-field-${field.id}`, 'data-field': field.id, 'aria-labelledby': `dash-field-h-${field.id}` },
      h('h3', { id: `dash-field-h-${field.id}` }, name(field), h('span', { class: 'dash-count' }, app.t('dash.count', { n: indicators.length }))),
      h('ol', { class: 'ind-list' }, indicators.map(indicatorItem)));
  }

  // ---------- economy ----------

  function economySection() {
    const t = app.t;
    const e = state.economy;
    const lang = app.i18n.lang;
    const colName = (c) => (lang === 'zh' ? c.name : c.name_en);
    const chart = (key, captionKey, note) => h('figure', { class: 'dash-chart' },
      h('figcaption', null, t(captionKey)),
      h('div', { class: 'chart', 'data-chart': key }),
      note ? h('p', { class: 'note' }, note) : null);
    const fdiNote = e.notes?.[1] ? (lang === 'zh' ? e.notes[1].zh : e.notes[1].en) : null;
    const numberText = (c, v) => (v == null ? '' : c.decimals ? Number(v).toFixed(c.decimals) : String(v));
    const table = h('div', { class: 'table-wrap' }, h('table', { class: 'econ-table', 'data-economy-table': '' },
      h('caption', null, t('dash.tableCaption')),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('dash.year.col')),
        e.columns.map((c) => h('th', { scope: 'col', class: 'num' }, colName(c), h('span', { class: 'unit' }, lang === 'zh' ? c.unit : c.unit_en))))),
      h('tbody', null, e.rows.map((r) => h('tr', { 'data-year': r.year }, h('th', { scope: 'row' }, String(r.year)),
        e.columns.map((c) => h('td', { class: 'num', 'data-column': c.id }, numberText(c, r[c.id])))))),
      h('tfoot', null, h('tr', { 'data-growth': '' }, h('th', { scope: 'row' }, lang === 'zh' ? e.growth.label : e.growth.label_en),
        e.columns.map((c) => h('td', { class: 'num', 'data-column': c.id }, e.growth.values[c.id]?.text ?? ''))))));
    return h('section', { class: 'dash-economy', 'aria-labelledby': 'dash-economy-h' },
      h('h3', { id: 'dash-economy-h' }, t('dash.economy')),
      state.chartsFailed ? h('p', { class: 'notice error' }, t('dash.chartsFailed')) : null,
      h('div', { class: 'dash-charts' },
        chart('gdp', 'dash.gdpChart'), chart('trade', 'dash.tradeChart'), chart('fdi', 'dash.fdiChart', fdiNote)),
      table,
      h('ul', { class: 'note dash-notes' }, (e.notes || []).map((n) => h('li', null, lang === 'zh' ? n.zh : n.en))));
  }

  async function drawCharts() {
    economyCharts?.dispose();
    economyCharts = null;
    const targets = Object.fromEntries(['gdp', 'trade', 'fdi'].map((k) => [k, element.querySelector(`[data-chart="${k}"]`)]));
    if (!targets.gdp) return;
    try {
      const echarts = await loadECharts();
      if (!element.isConnected || !targets.gdp.isConnected) return; // closed or re-rendered meanwhile
      economyCharts = drawEconomy(echarts, app, state.economy, targets);
      element.dataset.charts = 'ready';
    } catch (e) {
      console.warn('charts:', e.message);
      state.chartsFailed = true;
      element.dataset.charts = 'failed';
      render();
    }
  }

  // ---------- the view ----------

  function render() {
    const t = app.t;
    const head = h('div', { class: 'dash-head' },
      h('h2', { id: titleId, class: 'dash-title' }, t('dash.title')),
      h('div', { class: 'dash-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', 'data-print': '', onclick: () => window.print() }, t('dash.print')),
        h('button', { type: 'button', class: 'btn', 'data-close': '', onclick: () => onClose() }, t('dash.close'))));
    if (state.error) {
      fill(element, head, h('p', { class: 'notice error', role: 'alert' }, t('dash.failed', { why: state.error })));
      return;
    }
    if (!state.indicators || !state.economy) {
      fill(element, head, h('p', { class: 'notice' }, t('dash.loading')));
      return;
    }
    const fields = state.indicators.fields;
    const byField = (id) => state.indicators.indicators.filter((i) => i.field === id);
    fill(element, head,
      h('p', { class: 'dash-intro' }, t('dash.intro')),
      h('nav', { class: 'dash-nav', 'aria-label': t('dash.fields') },
        fields.map((f) => h('a', { class: 'chip', href: `#dash-field-${f.id}`, onclick: (e) => {
          e.preventDefault(); // the hash is the map's permalink: scroll without touching it
          element.querySelector(`#dash-field-${f.id}`)?.scrollIntoView({ block: 'start' });
        } }, name(f)))),
      h('div', { class: 'dash-fields' }, fields.map((f) => fieldSection(f, byField(f.id)))),
      economySection(),
      h('p', { class: 'note dash-source' }, t('dash.source')));
    element.dataset.ready = 'true';
    drawCharts();
  }

  async function reload() {
    state.indicators = await app.api.indicators();
    render();
  }

  async function load() {
    render();
    try {
      [state.indicators, state.economy] = await Promise.all([app.api.indicators(), app.api.economy()]);
      state.error = null;
    } catch (e) {
      state.error = e.description || e.message;
    }
    render();
  }

  scope.on('lang', render);
  scope.on('session', render);
  scope.listen(element, 'keydown', (e) => {
    if (e.key === 'Escape' && !e.target.closest('form')) onClose();
  });
  load();

  return {
    element,
    focus: () => element.focus(),
    reload,
    destroy() {
      scope.dispose();
      economyCharts?.dispose();
    },
  };
}
