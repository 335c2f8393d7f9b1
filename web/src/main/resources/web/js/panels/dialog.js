// Modal dialogs on the native <dialog> element: focus stays inside, Esc closes, focus returns to the opener.
import { h } from '../dom.js';

/** Opens a modal with the given content; returns {el, close}. onClose runs once, however it closes. */
export function openDialog({ title, className = '', content, onClose }) {
  const opener = document.activeElement;
  const heading = h('h2', { class: 'dialog-title', id: `dlg-${Date.now()}` }, title);
  const el = h('dialog', { class: `dialog ${className}`, 'aria-labelledby': heading.id }, heading, content);
  document.body.append(el);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (el.open) el.close();
    el.remove();
    onClose?.();
    if (opener && document.contains(opener)) opener.focus();
  };
  el.addEventListener('close', close);
  el.showModal();
  return { el, close };
}

/** Asks a yes/no question; resolves to true when confirmed. */
export function confirmDialog(app, { title, question, confirmLabel, danger = false }) {
  return new Promise((resolve) => {
    let answer = false;
    const yes = h('button', { type: 'button', class: `btn ${danger ? 'btn-danger' : ''}`, 'data-confirm': '' }, confirmLabel);
    const no = h('button', { type: 'button', class: 'btn btn-secondary', 'data-cancel': '' }, app.t('edit.cancel'));
    const dialog = openDialog({
      title,
      className: 'confirm-dialog',
      content: [h('p', {}, question), h('p', { class: 'dialog-actions' }, no, yes)],
      onClose: () => resolve(answer),
    });
    yes.addEventListener('click', () => { answer = true; dialog.close(); });
    no.addEventListener('click', () => dialog.close());
    no.focus();
  });
}
