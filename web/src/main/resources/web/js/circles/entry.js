// The header's "Circles" button. The national-scale view of the plan's five cooperation circles (its module and
// style sheet) is fetched only when it is first opened, like the indicators dashboard (dashboard/entry.js).

let loading = null;

function loadStyle(href) {
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

export function createCirclesEntry(app, { notify }) {
  const button = document.getElementById('circles-open');
  const main = document.querySelector('.app-main');
  if (!button || !main) return null;
  let view = null;

  async function open() {
    if (view) {
      view.focus();
      return view;
    }
    if (!app.mayLeave()) return null;
    if (document.body.classList.contains('dashboard-open')) document.getElementById('dashboard-open')?.click(); // one full view at a time
    button.disabled = true;
    try {
      loading ??= Promise.all([import('./circles.js'), loadStyle('css/circles.css')]).catch((e) => {
        loading = null;
        throw e;
      });
      const [{ createCircles }] = await loading;
      view = createCircles(app, { onClose: () => close(), onProject: (id) => { close(false); app.select({ type: 'project', id }, { zoom: true, focus: true }); } });
      main.append(view.element);
      document.body.classList.add('circles-open');
      button.setAttribute('aria-expanded', 'true');
      view.mounted();
      view.focus();
      return view;
    } catch (e) {
      notify(app.t('circ.failed', { why: e.message }));
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
    document.body.classList.remove('circles-open');
    button.setAttribute('aria-expanded', 'false');
    app.map?.invalidateSize({ animate: false });
    if (focus) button.focus();
  }

  button.addEventListener('click', () => (view ? close() : open()));
  app.on('search-chosen', () => close(false));
  document.getElementById('drawer-toggle')?.addEventListener('click', () => close(false));
  document.getElementById('dashboard-open')?.addEventListener('click', () => close(false));
  return { open, close, isOpen: () => !!view };
}
