/**
 * A modal "are you sure?" for merge, delete and bulk delete: a native <dialog> (focus trapped,
 * Escape cancels, the page behind inert), worded with what will happen and that Undo exists.
 */
import { h } from '../dom.ts';

/**
 * Asks; resolves true when the person confirms. `cancel`: the other button's words (default
 * Cancel); `keepFocus`: focus starts on it (and it is the primary button), for a question whose
 * safe answer is no.
 */
export function confirmAction(opts: { title: string; body: string; confirm: string; danger?: boolean; cancel?: string; keepFocus?: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', class: `entities-button${opts.danger ? ' danger' : opts.keepFocus ? '' : ' primary'}` }, opts.confirm);
    const cancel = h('button', { type: 'button', class: `entities-button${opts.keepFocus ? ' primary' : ''}` }, opts.cancel ?? 'Cancel');
    const dialog = h('dialog', { class: 'entities-confirm', 'aria-labelledby': 'entities-confirm-title', 'aria-describedby': 'entities-confirm-body' },
      h('h2', { id: 'entities-confirm-title' }, opts.title),
      h('p', { id: 'entities-confirm-body' }, opts.body),
      h('div', { class: 'entities-confirm-buttons' }, cancel, ok));
    const done = (answer: boolean): void => { dialog.close(); dialog.remove(); resolve(answer); };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); });
    document.body.append(dialog);
    dialog.showModal();
    (opts.keepFocus ? cancel : ok).focus();
  });
}
