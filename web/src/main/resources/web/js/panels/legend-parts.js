// Small pieces of markup shared by the legend, filters, cards and statistics.
import { belt, category } from '../model.js';

export const categoryBadge = (id, approx = false) =>
  `<span class="pm-badge pm-inline${approx ? ' is-approx' : ''}" style="--c:${category(id).color}">${category(id).icon}</span>`;

export const beltSwatch = (id) =>
  `<span class="belt-swatch" style="--fill:${belt(id).fill};--stroke:${belt(id).stroke}" aria-hidden="true"></span>`;

export const lineSwatch = (color, dashed = false, width = 4) =>
  `<svg class="line-swatch" viewBox="0 0 28 12" width="28" height="12" aria-hidden="true"><path d="M2 8 C9 2, 17 12, 26 4" fill="none" stroke="${color}" stroke-width="${width}" stroke-linecap="round"${dashed ? ' stroke-dasharray="5 4"' : ''}/></svg>`;

/** Horizontal bar: value relative to max, coloured. */
export const bar = (value, max, color) =>
  `<span class="bar" aria-hidden="true"><span class="bar-fill" style="width:${max ? Math.max(2, (100 * value) / max).toFixed(1) : 0}%;background:${color}"></span></span>`;
