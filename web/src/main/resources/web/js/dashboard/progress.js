// Where an indicator stands: its latest recorded value against the 2020 baseline and the 2025 target, as the
// plan states them. Nothing is invented: a baseline the table leaves blank stays unknown, and a target written
// as an inequality (">300") is reached only past its value.

/** The recorded value of the latest year, or null. */
export function latestActual(indicator) {
  const actuals = indicator.actuals || [];
  return actuals.reduce((best, a) => (!best || a.year > best.year ? a : best), null);
}

/** Has the value reached the target, read with its comparator and the indicator's direction? */
export function reached(indicator, value) {
  const { value: goal, comparator } = indicator.target;
  if (value == null || goal == null) return false;
  switch (comparator) {
    case '>': return value > goal;
    case '>=': return value >= goal;
    case '<': return value < goal;
    case '<=': return value <= goal;
    case 'range': return value >= goal && value <= indicator.target.max;
    default: return indicator.better === 'lower' ? value <= goal : value >= goal;
  }
}

/**
 * {latest, state: 'none' | 'partial' | 'reached', share (0…1, of the way from the baseline, or of the target
 * when the baseline is unknown; null for none or lower-is-better), scale (the bar's full length), positions of
 * the baseline, the target and the latest value on it (0…100 %)}.
 */
export function standing(indicator) {
  const latest = latestActual(indicator);
  const base = indicator.baseline?.value ?? null;
  const goal = indicator.target.value;
  const values = [goal, base, ...(indicator.actuals || []).map((a) => a.value)].filter((v) => v != null && Number.isFinite(v));
  const scale = Math.max(...values, 0) * 1.08 || 1;
  const at = (v) => (v == null ? null : Math.max(0, Math.min(100, (v / scale) * 100)));
  let share = null;
  if (latest && indicator.better !== 'lower') {
    share = base != null && goal !== base ? (latest.value - base) / (goal - base) : goal > 0 ? latest.value / goal : null;
    if (share != null) share = Math.max(0, share);
  }
  return {
    latest,
    state: !latest ? 'none' : reached(indicator, latest.value) ? 'reached' : 'partial',
    share,
    scale,
    basePos: at(base),
    goalPos: at(goal),
    latestPos: latest ? at(latest.value) : null,
  };
}

/** A number with the unit, as people write it: 5个, 150亿元/年, 3%; in English 5, 150 × 100 million yuan a year, 3%. */
export function withUnit(app, indicator, text) {
  const unit = indicator.unit;
  if (unit === '%') return String(text).endsWith('%') ? String(text) : `${text}%`;
  if (app.i18n.lang === 'zh') return `${text}${unit}`;
  const en = indicator.unit_en;
  if (!en || en === 'count') return String(text);
  return /^\d/.test(en) ? `${text} × ${en}` : `${text} ${en}`; // 150 × 100 million yuan a year
}

/** A recorded value formatted in the page's language: up to two decimals, no grouping (as the plan's tables write numbers). */
export function formatNumber(app, value) {
  return Number(value).toLocaleString(app.i18n.locale(), { maximumFractionDigits: 2, useGrouping: false });
}

/** The target as the table writes it (">300", "3%") with its unit, and in words what the comparator means. */
export function targetLabel(app, indicator) {
  const t = indicator.target;
  const number = formatNumber(app, t.value);
  const shown = withUnit(app, indicator, t.text);
  const words = { '>': 'dash.more', '>=': 'dash.atLeast', '<': 'dash.less', '<=': 'dash.atMost' }[t.comparator];
  return { shown, words: words ? app.t(words, { v: withUnit(app, indicator, number) }) : null };
}
