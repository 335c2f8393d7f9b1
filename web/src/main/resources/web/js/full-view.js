// A view that covers the map (the indicators dashboard, the cooperation circles), opened from a header button.
// Its module and style sheet are fetched on first opening, so the map's first view pays nothing for it; one such
// view is open at a time, and choosing a search result or opening the panels brings the map back.

/** A style sheet, once; resolves also when it fails (unstyled beats nothing). */
export function loadStyle(href) {
  return new Promise((resolve) => {
    if (document.querySelector(`link[href="${href}"]`)) {
      resolve();
      return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
}

const entries = new Set();

/**
 * @param options.buttonId  the header button that opens and closes it
 * @param options.bodyClass set on <body> while it is open
 * @param options.load      () => Promise of its module (a dynamic import)
 * @param options.style     its style sheet
 * @param options.create(module, close) -> view {element, focus(), destroy(), mounted?()}
 * @param options.failedKey the i18n key of "could not open: {why}"
 */
export function createFullViewEntry(app, { buttonId, bodyClass, load, style, create, failedKey, notify }) {
  const button = document.getElementById(buttonId);
  const main = document.querySelector('.app-main');
  if (!button || !main) return null;
  let loading = null;
  let view = null;

  async function open() {
    if (view) {
      view.focus();
      return view;
    }
    if (!app.mayLeave()) return null; // an edit in progress asks first
    for (const other of entries) if (other !== entry) other.close(false);
    button.disabled = true;
    try {
      loading ??= Promise.all([load(), loadStyle(style)]).catch((e) => {
        loading = null;
        throw e;
      });
      const [module] = await loading;
      view = create(module, close);
      main.append(view.element);
      document.body.classList.add(bodyClass);
      button.setAttribute('aria-expanded', 'true');
      view.mounted?.();
      view.focus();
      return view;
    } catch (e) {
      notify(app.t(failedKey, { why: e.message }));
      console.error(e);
      return null;
    } finally {
      button.disabled = false;
    }
  }

  function close(focus = true) {
    if (!view) return;
    view.destroy();
    view.element.remove();
    view = null;
    document.body.classList.remove(bodyClass);
    button.setAttribute('aria-expanded', 'false');
    app.map?.invalidateSize({ animate: false });
    if (focus) button.focus();
  }

  button.addEventListener('click', () => (view ? close() : open()));
  app.on('search-chosen', () => close(false));
  document.getElementById('drawer-toggle')?.addEventListener('click', () => close(false));
  const entry = { open, close, isOpen: () => !!view };
  entries.add(entry);
  return entry;
}
