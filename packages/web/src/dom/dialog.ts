/**
 * A modal confirmation built on <dialog> (focus trapping, Escape and the backdrop come from the
 * browser; window.confirm would look like a browser warning, not part of the app). The action
 * runs inside the dialog, so a failure is shown where the reader asked for it.
 */
import { clear, h, type Child } from './h.ts';

/** What the dialog asks and does. */
export interface ConfirmOptions {
  title: string;
  body: Array<Child | Child[]>;
  confirmLabel: string;
  /** Label while the action runs ("Deleting…"). */
  busyLabel: string;
  /** A destructive action: red button, and Cancel has the focus first. */
  danger?: boolean;
  /** Runs on confirm; a thrown Error's message is shown in the dialog, which stays open. */
  action: () => Promise<void>;
}

/** Show the dialog; resolves true once the action succeeded, false when cancelled. */
export function confirmDialog(options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let busy = false;
    const status = h('div', { class: 'dialog-status', role: 'status', 'aria-live': 'polite' });
    const confirm = h('button', { type: 'button', class: options.danger ? 'button danger' : 'button' }, options.confirmLabel);
    const cancel = h('button', { type: 'button', class: 'button secondary' }, 'Cancel');
    const titleId = `dialog-title-${Math.random().toString(36).slice(2)}`;
    const dialog = h(
      'dialog',
      { class: 'confirm-dialog', 'aria-labelledby': titleId },
      h('h2', { id: titleId }, options.title),
      h('div', { class: 'dialog-body' }, ...options.body),
      status,
      h('div', { class: 'actions dialog-actions' }, cancel, confirm),
    );

    const finish = (ok: boolean): void => {
      window.removeEventListener('popstate', onLeave);
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    // Back/forward changes the screen underneath; a question about the old screen must not linger.
    const onLeave = (): void => {
      if (!busy) finish(false);
    };
    window.addEventListener('popstate', onLeave);
    cancel.addEventListener('click', () => {
      if (!busy) finish(false);
    });
    // Escape: refuse while the action runs (it cannot be called back), otherwise a cancel.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (!busy) finish(false);
    });
    confirm.addEventListener('click', () => {
      if (busy) return;
      busy = true;
      confirm.disabled = true;
      cancel.disabled = true;
      confirm.textContent = options.busyLabel;
      clear(status);
      options
        .action()
        .then(() => finish(true))
        .catch((error: unknown) => {
          busy = false;
          confirm.disabled = false;
          cancel.disabled = false;
          confirm.textContent = options.confirmLabel;
          status.append(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
        });
    });

    document.body.append(dialog);
    dialog.showModal();
    (options.danger ? cancel : confirm).focus();
  });
}
