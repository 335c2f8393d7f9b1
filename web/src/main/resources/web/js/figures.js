// Labels for the numbers a plan states about a project. Keys are snake_case with a unit suffix
// (gis-data/README.md): "storage_capacity_yi_m3" -> 储存能力（亿立方米） / Storage capacity (100 M m³).

const UNIT_SUFFIXES = ['10k_t_per_day', '10k_m3_per_day', '10k_pieces', 'yi_yuan', 'yi_m3', 'km2', 'm2', 'mu', 'km', 'mw', 'persons', 'count'];

export function splitFigureKey(key) {
  const unit = UNIT_SUFFIXES.find((u) => key.endsWith(`_${u}`));
  return unit ? { base: key.slice(0, -(unit.length + 1)), unit } : { base: key, unit: null };
}

const humanize = (base) => {
  const words = base.replace(/phase(\d)/g, 'phase $1').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function figureLabel(app, key) {
  const { base, unit } = splitFigureKey(key);
  const zh = app.i18n.lang === 'zh';
  const name = app.i18n.has(`fig.${base}`) ? app.t(`fig.${base}`)
    : humanize(unit === 'count' && !zh ? `${base}_count` : base);
  const unitText = unit ? app.t(`figunit.${unit}`) : '';
  if (!unitText) return name;
  return zh ? `${name}（${unitText}）` : `${name} (${unitText})`;
}

export function figureValue(app, value) {
  if (typeof value === 'number') return app.i18n.num(value, 2);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
