// Fixed vocabularies of the atlas: categories, belts, statuses, precisions, with their map styling.

const svg = (body) =>
  `<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${body}</svg>`;

export const CATEGORIES = [
  { id: 'energy', color: '#c98a04', icon: svg('<path fill="currentColor" d="M9.5 1 3 9.2h4.2L6.3 15 13 6.6H8.7z"/>') },
  { id: 'manufacturing', color: '#56657a', icon: svg('<path fill="currentColor" d="M1 14.5V7.2l4 2.3V7.2l4 2.3V3h2.2V1h2.3v2H14v11.5z"/>') },
  { id: 'logistics', color: '#9a5b2a', icon: svg('<path fill="currentColor" d="M1 3.5h9v7.5H1zM10.8 6h2.6L15 8.3V11h-4.2z"/><circle fill="currentColor" cx="4" cy="12.6" r="1.7"/><circle fill="currentColor" cx="12.2" cy="12.6" r="1.7"/>') },
  { id: 'agriculture', color: '#7f9a12', icon: svg('<path fill="currentColor" d="M2.5 13.5C2.5 6.8 7 2.5 14 2.5c0 6.6-4.4 10.8-10.4 10.8l-.9.2z"/><path stroke="#fff" stroke-width="1.1" fill="none" d="M3.2 13 10.5 5.7"/>') },
  { id: 'culture_tourism', color: '#c0392b', icon: svg('<path fill="currentColor" d="M8 1.5 1 5.5h14zM2.5 6.5h11v1.3h-11zM3.3 8.6h1.8v4.6H3.3zM7.1 8.6h1.8v4.6H7.1zM10.9 8.6h1.8v4.6h-1.8zM1.5 13.6h13v1.4h-13z"/>') },
  { id: 'innovation', color: '#7b3fa0', icon: svg('<path fill="currentColor" d="M8 1a5 5 0 0 0-3 9v2.2h6V10a5 5 0 0 0-3-9zM5.6 13.2h4.8V15H5.6z"/>') },
  { id: 'ecology', color: '#12875f', icon: svg('<path fill="currentColor" d="M8 1 3.2 7.4h2.7L2.5 12h11L10.1 7.4h2.7zM7 12h2v3.2H7z"/>') },
  { id: 'education_health', color: '#cf4a86', icon: svg('<path fill="currentColor" d="M6 1.8h4v4.2h4.2v4H10v4.2H6V10H1.8V6H6z"/>') },
  { id: 'transport', color: '#2f6db5', icon: svg('<path fill="currentColor" fill-rule="evenodd" d="M4.2 1.5h7.6c1.2 0 2.2 1 2.2 2.2v6.6c0 1.2-1 2.2-2.2 2.2H4.2c-1.2 0-2.2-1-2.2-2.2V3.7c0-1.2 1-2.2 2.2-2.2zM4 3.6v3.6h8V3.6zM4.6 9a1 1 0 1 0 0 2 1 1 0 0 0 0-2zm6.8 0a1 1 0 1 0 0 2 1 1 0 0 0 0-2z"/><path fill="currentColor" d="M4.3 12.5h1.8L5 15H3.2zM9.9 12.5h1.8l1.1 2.5H11z"/>') },
  { id: 'new_infrastructure', color: '#0e8fa3', icon: svg('<path fill="currentColor" d="M7 6.5h2l2.6 8.5H9.8L8 9.3 6.2 15H4.4z"/><circle fill="currentColor" cx="8" cy="4.6" r="1.5"/><path stroke="currentColor" stroke-width="1.4" fill="none" stroke-linecap="round" d="M4.6 7.6a4.4 4.4 0 0 1 0-6M11.4 1.6a4.4 4.4 0 0 1 0 6"/>') },
  { id: 'urban', color: '#dd6b20', icon: svg('<path fill="currentColor" fill-rule="evenodd" d="M1.5 15V6.5h4.2V15zM6.8 15V1.5h5.2V15zm1.5-11.6v1.6H10V3.4zm0 3.2v1.6H10V6.6zm0 3.2v1.6H10V9.8zM13 15V8h1.8v7z"/>') },
];

export const BELTS = [
  { id: 'fen', fill: '#cfe5cc', stroke: '#4f8a4a' },
  { id: 'yellow', fill: '#f3dfb2', stroke: '#b5852a' },
  { id: 'taiyue', fill: '#dcd5ee', stroke: '#7560a6' },
];

export const STATUSES = ['build', 'upgrade', 'plan', 'existing'];
// town: at a town's point (places layer); none: no position, the feature's geometry is null
export const PRECISIONS = ['site', 'landmark', 'town', 'county', 'city', 'none'];

const categoryById = new Map(CATEGORIES.map((c) => [c.id, c]));
const beltById = new Map(BELTS.map((b) => [b.id, b]));

export const category = (id) =>
  categoryById.get(id) || { id, color: '#666', icon: svg('<circle fill="currentColor" cx="8" cy="8" r="4"/>') };
export const belt = (id) => beltById.get(id) || { id, fill: '#e5e5e5', stroke: '#888' };

/** Positions known only to the county or city are drawn hollow and dashed. */
export const isApproximate = (precision) => precision === 'county' || precision === 'city';

/** A safe token for CSS class names built from data values. */
export const token = (value) => String(value ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
