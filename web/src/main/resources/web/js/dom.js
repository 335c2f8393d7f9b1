// Builds DOM from data without parsing HTML: every string given as a child becomes a text node, so whatever a
// user typed is shown as text. Markup the page itself owns (the SVG icons of model.js) goes through markup().

/**
 * h('button', {class: 'btn', type: 'button', onclick: fn, dataset: {id}}, 'Save') → <button>.
 * Props: class, text, dataset, style (custom properties too), on<event> listeners, boolean attributes (true/false),
 * anything else as an attribute; null/undefined/false props and children are left out.
 */
export function h(tag, props, ...children) {
  const el = tag.includes(':') || tag === 'svg' ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') for (const [name, v] of Object.entries(value)) el.style.setProperty(name, v);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value' && 'value' in el && tag !== 'option') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const templates = new Map();
/** A fragment of the page's own constant markup (icons). Never pass data here. */
export function markup(html) {
  if (!templates.has(html)) {
    const template = document.createElement('template');
    template.innerHTML = html;
    templates.set(html, template);
  }
  return templates.get(html).content.cloneNode(true);
}

let counter = 0;
/** An element id unique in the page, so that a component can be mounted more than once. */
export const uid = (prefix) => `${prefix}-${++counter}`;

/**
 * What a mounted component listens to: app events and DOM listeners, removed together by dispose() when
 * the component unmounts.
 */
export function createScope(app) {
  const offs = [];
  return {
    on(event, fn) { offs.push(app.on(event, fn)); },
    listen(target, type, fn, options) {
      target.addEventListener(type, fn, options);
      offs.push(() => target.removeEventListener(type, fn, options));
    },
    add(off) { offs.push(off); },
    dispose() { while (offs.length) offs.pop()(); },
  };
}
