// The header's "Indicators" button. The dashboard (its module, its style sheet and, once open, Apache ECharts)
// is fetched only when it is first opened, so the map's first view pays nothing for it.

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
    link.addEventListener('error', () => resolve()); // unstyled beats nothing
    document.head.append(link);
  });
}

export function createDashboardEntry(app, { notify, signIn }) {
  const button = document.getElementById('dashboard-open');
  const main = document.querySelector('.app-main');
  let view = null;

  async function open() {
    if (view) {
      view.focus();
      return view;
    }
    if (!app.mayLeave()) return null; // an edit in progress asks first
    button.disabled = true;
    try {
      loading ??= Promise.all([import('./dashboard.js'), loadStyle('css/dashboard.css')]).catch((e) => {
        loading = null;
        throw e;
      });
      const [{ createDashboard }] = await loading;
      view = createDashboard(app, { notify, signIn, onClose: () => close() });
      main.append(view.element);
      document.body.classList.add('dashboard-open');
      button.setAttribute('aria-expanded', 'true');
      view.focus();
      return view;
    } catch (e) {
      notify(app.t('dash.failed', { why: e.message }));
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
    document.body.classList.remove('dashboard-open');
    button.setAttribute('aria-expanded', 'false');
    app.map?.invalidateSize({ animate: false });
    if (focus) button.focus();
  }

  button.addEventListener('click', () => (view ? close() : open()));
  // Choosing a search result or opening the panels means the map: the dashboard steps aside.
  app.on('search-chosen', () => close(false));
  document.getElementById('drawer-toggle')?.addEventListener('click', () => close(false));
  return { open, close, isOpen: () => !!view };
}
