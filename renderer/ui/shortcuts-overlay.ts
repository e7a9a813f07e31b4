/**
 * The shortcuts overlay (`?` / F1): a modal dialog listing SHORTCUTS by group. Escape or the
 * close button shuts it and focus returns where it was (native `<dialog>` behaviour).
 */
import { h } from './dom.ts';
import { SHORTCUTS, type Shortcut } from './shortcuts.ts';

export interface ShortcutsOverlay {
  toggle(): void;
  readonly isOpen: boolean;
}

/** A row another part of the UI adds (its keys work only where that part handles them). */
export type ExtraShortcut = Pick<Shortcut, 'keys' | 'description'> & { group: string };

/** Builds the dialog (hidden) in `host`; `extra` rows (e.g. the claims' keys) follow the reader's. */
export function createShortcutsOverlay(host: HTMLElement, extra: readonly ExtraShortcut[] = []): ShortcutsOverlay {
  const groups = new Map<string, Array<Pick<Shortcut, 'keys' | 'description'>>>();
  for (const s of [...SHORTCUTS, ...extra]) {
    if (!s.keys.length) continue;
    groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  }
  const close = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Close', title: 'Close (Escape)', autofocus: true }, '×');
  const dialog = h('dialog', { className: 'shortcuts', 'aria-labelledby': 'shortcuts-title' },
    h('div', { className: 'dialog-head' }, h('h2', { id: 'shortcuts-title' }, 'Keyboard shortcuts'), close),
    h('div', { className: 'shortcut-groups' }, ...[...groups].map(([group, list]) => h('section', {},
      h('h3', {}, group),
      h('dl', {}, ...list.flatMap((s) => [
        h('dt', {}, ...s.keys.flatMap((k, i) => [i ? ' or ' : null, h('kbd', {}, k)])),
        h('dd', {}, s.description),
      ]))))));
  host.append(dialog);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
  return {
    get isOpen() { return dialog.open; },
    toggle() { if (dialog.open) dialog.close(); else dialog.showModal(); },
  };
}
