/**
 * "Merged … — Undo": the toast after an entity or bulk action. Every such action is one step in
 * the host's history, so the button is simply `reader.undo()`; Ctrl/Cmd+Z does the same through
 * the history keys. One toast at a time: a new action replaces the old message.
 */
import type { ReaderBridge } from '../../../core/api.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';
import { confirmHistoryStep } from '../history-conflict-dialog.ts';
import { stepHistory } from '../history-step.ts';

/** How long the toast stays, in ms: long enough to read a line and reach for the button. */
const SHOW_MS = 10_000;
/** How long the "Undid …" confirmation stays, in ms. */
const CONFIRM_MS = 3_000;

export interface UndoToast {
  /** Shows `message` with an Undo button. */
  show(message: string): void;
  hide(): void;
  destroy(): void;
}

/** Creates the toast in `parent` (the body). */
export function createUndoToast(reader: Pick<ReaderBridge, 'undo'>, parent: HTMLElement = document.body): UndoToast {
  const text = h('span', { class: 'entities-toast-text' });
  const undo = h('button', { type: 'button', class: 'entities-toast-undo', title: 'Undo (Ctrl+Z)' }, 'Undo');
  const close = h('button', { type: 'button', class: 'entities-toast-close', 'aria-label': 'Dismiss' }, '×');
  const el = h('div', { class: 'entities-toast', role: 'status', 'aria-live': 'polite' }, text, undo, close);
  el.hidden = true;
  parent.append(el);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hovered = false;

  const later = (ms: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!hovered && !el.contains(document.activeElement)) hide(); else later(ms); }, ms);
  };
  const hide = (): void => { clearTimeout(timer); el.hidden = true; };
  const show = (message: string): void => {
    text.textContent = message;
    undo.hidden = false;
    undo.disabled = false;
    el.hidden = false;
    later(SHOW_MS);
  };

  undo.addEventListener('click', async () => {
    undo.disabled = true;
    try {
      // this window's last action; asks first when another window changed the same thing since
      text.textContent = (await stepHistory({ reader, confirm: confirmHistoryStep }, 'undo')).message;
    } catch (err) {
      text.textContent = `Could not undo: ${errorMessage(err)}`;
    }
    undo.hidden = true;
    later(CONFIRM_MS);
  });
  close.addEventListener('click', hide);
  el.addEventListener('mouseenter', () => { hovered = true; });
  el.addEventListener('mouseleave', () => { hovered = false; });

  return { show, hide, destroy: () => { clearTimeout(timer); el.remove(); } };
}
