// Header buttons: language switch and "copy link"; notify() shows a short message (as text) in the toast.

export function createHeader(app) {
  const lang = document.getElementById('lang-switch');
  const copy = document.getElementById('copy-link');
  const toast = document.getElementById('toast');
  let toastTimer;

  const notify = (text, ms = 2600) => {
    toast.textContent = text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, ms);
  };

  lang.addEventListener('click', () => app.setLang(app.i18n.lang === 'zh' ? 'en' : 'zh'));

  copy.addEventListener('click', async () => {
    app.syncHash();
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      notify(app.t('ui.copied'));
      toast.dataset.copied = url;
    } catch {
      // No clipboard (plain http on another host, or permission denied): show the link to copy by hand.
      notify('', 12000);
      const label = document.createElement('label');
      label.textContent = app.t('ui.copyManually');
      const field = document.createElement('input');
      field.type = 'text';
      field.readOnly = true;
      field.value = url;
      field.className = 'toast-link';
      label.append(field);
      toast.append(label);
      field.focus();
      field.select();
    }
  });
  return { notify };
}
