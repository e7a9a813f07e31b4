/**
 * Keeps the source text read-only in an editable view (DESIGN.md §3).
 *
 * The view stays contenteditable so it has a caret and keyboard selection (Shift+arrows), which
 * making claims from the keyboard needs. Every path that could change the document is closed:
 * transactions that change the doc are filtered out, and typing, deleting, pasting, dropping,
 * cutting and `beforeinput` edits are stopped before the browser touches the DOM.
 */
import { Plugin } from 'prosemirror-state';

/** Keys that only move the caret or selection, or leave the editor. */
const NAVIGATION_KEYS = new Set([
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown',
  'Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'ContextMenu',
]);

/** Modifier shortcuts that read but do not write (copy, select all). */
const READING_SHORTCUTS = new Set(['c', 'a', 'f', 'g', 'p']);

/** True when a key press would edit text in a contenteditable. */
export function isEditingKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (NAVIGATION_KEYS.has(e.key) || /^F\d{1,2}$/.test(e.key)) return false;
  if (e.ctrlKey || e.metaKey) return !READING_SHORTCUTS.has(e.key.toLowerCase());
  return true; // printable characters, Enter, Backspace, Delete, Insert, dead keys …
}

/** The read-only guard. Put keymaps that should see keys (shortcuts) before it. */
export function readOnly(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleKeyDown: (_view, e) => isEditingKey(e),
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      handleDOMEvents: {
        beforeinput: (_view, e) => { e.preventDefault(); return true; },
        cut: (_view, e) => { e.preventDefault(); return true; },
        dragstart: (_view, e) => { e.preventDefault(); return true; },
      },
      attributes: { spellcheck: 'false', 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true' },
    },
  });
}
