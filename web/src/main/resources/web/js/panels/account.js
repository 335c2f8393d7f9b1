// The header's account area: "Sign in" (a small dialog) or who is signed in, their role and counties, and "Sign out".
import { ApiError } from '../api.js';
import { fill, h, uid } from '../dom.js';
import { setUser } from '../session.js';
import { openDialog } from './dialog.js';

export function createAccount(app, el, notify) {
  function render() {
    const t = app.t;
    const user = app.user;
    if (!user) {
      fill(el, h('button', { type: 'button', class: 'btn btn-header', 'data-sign-in': '', onclick: () => signIn() }, t('account.signIn')));
      return;
    }
    const counties = user.role === 'admin' ? t('account.allCounties')
      : user.counties.map((n) => app.i18n.name(app.index.countiesByName.get(n)?.properties) || n).join('、');
    fill(el,
      h('span', { class: 'account-who', 'data-account': '' },
        h('span', { class: 'account-name' }, t('account.who', { name: user.name, role: t(`role.${user.role}`) })),
        h('span', { class: 'account-counties' }, counties)),
      h('button', { type: 'button', class: 'btn btn-header', 'data-sign-out': '', onclick: signOut }, t('account.signOut')));
  }

  async function signOut() {
    if (!app.mayLeave()) return;
    try {
      await app.api.logout();
    } catch (e) {
      console.warn('logout:', e.message);
    }
    app.leaveGuard = null;
    setUser(app, null);
    notify(app.t('account.signedOut'));
  }

  /** The sign-in dialog; resolves to true once signed in (the editor uses it when a session expired). */
  function signIn() {
    return new Promise((resolve) => {
      const t = app.t;
      const nameId = uid('user');
      const passId = uid('pass');
      const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
      const name = h('input', { id: nameId, name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
      const pass = h('input', { id: passId, name: 'password', type: 'password', autocomplete: 'current-password', required: true });
      const submit = h('button', { type: 'submit', class: 'btn' }, t('account.submit'));
      const cancel = h('button', { type: 'button', class: 'btn btn-secondary' }, t('account.cancel'));
      const form = h('form', { class: 'sign-in-form', novalidate: true },
        h('p', { class: 'note' }, t('account.note')),
        h('label', { for: nameId }, t('account.username')), name,
        h('label', { for: passId }, t('account.password')), pass,
        error,
        h('p', { class: 'dialog-actions' }, cancel, submit));
      let ok = false;
      const dialog = openDialog({ title: t('account.title'), className: 'sign-in-dialog', content: form, onClose: () => resolve(ok) });
      cancel.addEventListener('click', () => dialog.close());
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        if (!name.value.trim() || !pass.value) {
          error.textContent = t('account.failed', { why: t('account.wrong') });
          error.hidden = false;
          (name.value.trim() ? pass : name).focus();
          return;
        }
        submit.disabled = true;
        try {
          const answer = await app.api.login(name.value.trim(), pass.value);
          ok = true;
          setUser(app, answer.user);
          dialog.close();
          notify(t('account.signedIn', { name: answer.user.name }));
        } catch (err) {
          const why = err instanceof ApiError && err.status === 401 ? t('account.wrong')
            : err instanceof ApiError && err.status === 429 ? t('account.throttled')
              : err.description || err.message;
          error.textContent = t('account.failed', { why });
          error.hidden = false;
          pass.value = '';
          pass.focus();
        } finally {
          submit.disabled = false;
        }
      });
      name.focus();
    });
  }

  app.on('session', render);
  app.on('lang', render);
  app.on('data', () => { if (app.user) render(); });
  render();
  return { signIn, render };
}
