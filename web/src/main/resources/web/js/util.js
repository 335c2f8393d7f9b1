const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use inside HTML built with template strings. */
export const esc = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Replaces the content of `container` and puts keyboard focus back on the element with the same id. */
export function rerender(container, html) {
  const active = document.activeElement;
  const focusId = active && container.contains(active) ? active.id : null;
  container.innerHTML = html;
  if (focusId) document.getElementById(focusId)?.focus();
}

/** A <button> that selects a feature when clicked (handled by one delegated listener in main.js). */
export const selectButton = (type, id, inner, extraClass = '') =>
  `<button type="button" class="link-button ${extraClass}" data-select="${esc(type)}:${esc(id)}">${inner}</button>`;

export const isPhone = () => window.matchMedia('(max-width: 720px)').matches;

/** Below this width the side panel is a drawer (keep in step with css/atlas.css). */
export const isDrawerLayout = () => window.matchMedia('(max-width: 1100px)').matches;
