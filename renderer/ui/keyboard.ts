/**
 * The global key handler: turns key presses anywhere in the window into commands through the
 * SHORTCUTS table, so the overlay and the behaviour share one source.
 */
import { shortcutFor, type CommandId } from './shortcuts.ts';

/** True for elements where typed characters are text (so `?` types a question mark there). */
export function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(el.type);
  return false;
}

/** Listens on `doc` and runs `commands[id]` for each global shortcut pressed. */
export function installKeyboard(doc: Document, commands: Partial<Record<CommandId, () => void>>): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.isComposing) return;
    const id = shortcutFor(e, { inTextField: isTextField(e.target) });
    const run = id ? commands[id] : undefined;
    if (!run) return;
    e.preventDefault();
    e.stopPropagation();
    run();
  };
  // capture: a shortcut wins over what the focused element would do with the key (the editor
  // would otherwise move the caret on Alt+↑ before the heading jump reads it)
  doc.addEventListener('keydown', onKey, true);
  return () => doc.removeEventListener('keydown', onKey, true);
}

/** A region of the window that F6 cycles through. */
export interface Pane { element: HTMLElement; focus(): void }

/** Moves focus to the next (1) or previous (-1) visible pane after the one holding focus. */
export function cyclePanes(panes: readonly Pane[], dir: 1 | -1): void {
  const visible = panes.filter((p) => !p.element.hidden && p.element.getClientRects().length > 0);
  if (!visible.length) return;
  const at = visible.findIndex((p) => p.element.contains(document.activeElement));
  const next = visible[(at + dir + visible.length) % visible.length] ?? visible[0]!;
  next.focus();
}
