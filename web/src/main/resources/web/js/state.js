// The permalink: view, visible layers, filters, selection and language live in the URL hash, e.g.
// #map=9/36.1800/111.5200&layers=counties,belts,rivers,projects&category=energy&sel=project:p12&lang=en
// (approx=points: projects placed only by county drawn one by one instead of one badge per county)

export const FACETS = ['category', 'belt', 'county', 'status'];
const SELECTION_TYPES = ['project', 'county', 'belt', 'spot', 'unplaced'];

const enc = (s) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3A/gi, ':');

export function parseHash(hash) {
  const out = { view: null, layers: null, base: null, filters: {}, selected: null, lang: null, approxPoints: false };
  for (const part of hash.replace(/^#/, '').split('&')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const key = part.slice(0, i);
    let value;
    try { value = decodeURIComponent(part.slice(i + 1)); } catch { continue; }
    if (key === 'map') {
      const [zoom, lat, lng] = value.split('/').map(Number);
      if ([zoom, lat, lng].every(Number.isFinite)) out.view = { zoom, lat, lng };
    } else if (key === 'layers') {
      out.layers = value.split(',').filter(Boolean);
    } else if (key === 'base') {
      out.base = value;
    } else if (key === 'sel') {
      const j = value.indexOf(':');
      const type = value.slice(0, j);
      if (j > 0 && SELECTION_TYPES.includes(type)) out.selected = { type, id: value.slice(j + 1) };
    } else if (key === 'lang') {
      out.lang = value;
    } else if (key === 'approx') {
      out.approxPoints = value === 'points';
    } else if (FACETS.includes(key)) {
      out.filters[key] = value.split(',').filter(Boolean);
    }
  }
  return out;
}

export function formatHash({ view, layers, base, filters, selected, lang, approxPoints }) {
  const parts = [];
  if (view) parts.push(`map=${Math.round(view.zoom * 100) / 100}/${view.lat.toFixed(4)}/${view.lng.toFixed(4)}`);
  if (layers) parts.push(`layers=${enc([...layers].join(','))}`);
  if (base) parts.push(`base=${enc(base)}`);
  if (approxPoints) parts.push('approx=points');
  for (const facet of FACETS) {
    const values = filters?.[facet];
    if (values && values.size) parts.push(`${facet}=${enc([...values].join(','))}`);
  }
  if (selected) parts.push(`sel=${enc(`${selected.type}:${selected.id}`)}`);
  if (lang && lang !== 'zh') parts.push(`lang=${enc(lang)}`);
  return `#${parts.join('&')}`;
}
