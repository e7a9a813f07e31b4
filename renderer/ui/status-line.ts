/**
 * The status line: a small toast at the bottom of the window. Every failed API call lands here
 * with its message (and in the console), so nothing fails silently.
 */
import { errorMessage, h } from './dom.ts';

/** Tell the user what happened. */
export interface StatusLine {
  /** A transient note (e.g. "Library refreshed"). */
  info(message: string): void;
  /** A failure: shown until dismissed or replaced, and logged with `console.error`. */
  error(context: string, err: unknown): void;
}

/** How long an info message stays, in ms. Errors stay longer: they must be read. */
const INFO_MS = 4000;
const ERROR_MS = 15000;

/** Creates the status line inside `host`. */
export function createStatusLine(host: HTMLElement): StatusLine {
  const text = h('span', { className: 'status-text' });
  const close = h('button', { type: 'button', className: 'status-close', 'aria-label': 'Dismiss message', title: 'Dismiss' }, '×');
  const box = h('div', { className: 'status-box' }, text, close);
  box.hidden = true;
  host.append(box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = (): void => { box.hidden = true; };
  close.addEventListener('click', hide);
  const show = (message: string, kind: 'info' | 'error'): void => {
    if (timer !== undefined) clearTimeout(timer);
    text.textContent = message;
    box.dataset.kind = kind;
    box.hidden = false;
    timer = setTimeout(hide, kind === 'error' ? ERROR_MS : INFO_MS);
  };
  return {
    info: (message) => show(message, 'info'),
    error(context, err) {
      console.error(`${context}:`, err);
      show(`${context}: ${errorMessage(err)}`, 'error');
    },
  };
}
