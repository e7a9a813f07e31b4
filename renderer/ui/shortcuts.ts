/**
 * Every keyboard shortcut, once. The global key handler runs the ones with a `match`; the
 * shortcuts overlay (`?` / F1) lists all of them, including keys that work only inside one panel,
 * so the overlay can never disagree with what the keys do.
 */

/** What a global shortcut does (the wiring maps each to a function). */
export type CommandId =
  | 'find' | 'find-next' | 'find-previous'
  | 'next-document' | 'previous-document'
  | 'next-heading' | 'previous-heading'
  | 'next-pane' | 'previous-pane'
  | 'toggle-theme' | 'shortcuts' | 'search' | 'export';

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export interface Shortcut {
  /** The keys as shown to the user, e.g. ['Ctrl+F']. */
  keys: string[];
  description: string;
  group: 'Anywhere' | 'Find' | 'Reader' | 'Library and contents';
  /** Present for global shortcuts: which command, and whether an event is this shortcut. */
  command?: CommandId;
  match?: (e: KeyInfo, ctx: { inTextField: boolean }) => boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The "command" modifier of this platform. */
const mod = (e: KeyInfo): boolean => (isMac ? e.metaKey : e.ctrlKey);
const MOD = isMac ? '⌘' : 'Ctrl';
const plain = (e: KeyInfo): boolean => !e.ctrlKey && !e.metaKey && !e.altKey;
const altOnly = (e: KeyInfo): boolean => e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;

/** All shortcuts, in the order the overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?', 'F1'], description: 'Show this list of shortcuts', group: 'Anywhere', command: 'shortcuts',
    match: (e, c) => (e.key === 'F1' && plain(e)) || (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !c.inTextField) },
  { keys: [`${MOD}+F`], description: 'Find in document', group: 'Anywhere', command: 'find',
    match: (e) => mod(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f' },
  { keys: [`${MOD}+Shift+F`], description: 'Search everything you marked (Search tab)', group: 'Anywhere', command: 'search',
    match: (e) => mod(e) && !e.altKey && e.shiftKey && e.key.toLowerCase() === 'f' },
  { keys: [`${MOD}+Shift+E`], description: 'Export a bibliography, notes or annotations', group: 'Anywhere', command: 'export',
    match: (e) => mod(e) && !e.altKey && e.shiftKey && e.key.toLowerCase() === 'e' },
  { keys: ['Alt+PageDown'], description: 'Open the next document in the library', group: 'Anywhere', command: 'next-document',
    match: (e) => altOnly(e) && e.key === 'PageDown' },
  { keys: ['Alt+PageUp'], description: 'Open the previous document in the library', group: 'Anywhere', command: 'previous-document',
    match: (e) => altOnly(e) && e.key === 'PageUp' },
  { keys: ['Alt+↓'], description: 'Go to the next heading', group: 'Anywhere', command: 'next-heading',
    match: (e, c) => altOnly(e) && e.key === 'ArrowDown' && !c.inTextField },
  { keys: ['Alt+↑'], description: 'Go to the previous heading', group: 'Anywhere', command: 'previous-heading',
    match: (e, c) => altOnly(e) && e.key === 'ArrowUp' && !c.inTextField },
  { keys: ['F6', 'Shift+F6'], description: 'Move focus to the next / previous pane', group: 'Anywhere', command: 'next-pane',
    match: (e) => e.key === 'F6' && plain(e) && !e.shiftKey },
  { keys: [], description: '', group: 'Anywhere', command: 'previous-pane',
    match: (e) => e.key === 'F6' && plain(e) && e.shiftKey },
  { keys: ['Alt+Shift+T'], description: 'Switch theme (light, dark, system)', group: 'Anywhere', command: 'toggle-theme',
    match: (e) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 't' },
  { keys: ['Enter', 'F3'], description: 'Next match', group: 'Find', command: 'find-next',
    match: (e) => e.key === 'F3' && plain(e) && !e.shiftKey },
  { keys: ['Shift+Enter', 'Shift+F3'], description: 'Previous match', group: 'Find', command: 'find-previous',
    match: (e) => e.key === 'F3' && plain(e) && e.shiftKey },
  { keys: ['Escape'], description: 'Close find and return to the text', group: 'Find' },
  { keys: ['← → ↑ ↓', 'Home', 'End'], description: 'Move the caret', group: 'Reader' },
  { keys: ['Shift+arrows'], description: 'Select text', group: 'Reader' },
  { keys: ['Tab'], description: 'Go to the next footnote marker (its note shows)', group: 'Reader' },
  { keys: ['Enter'], description: 'On a footnote marker: go to the note', group: 'Reader' },
  { keys: ['Enter', 'Alt+←'], description: 'In the note you went to: back to its marker', group: 'Reader' },
  { keys: ['← →', 'Enter'], description: 'On the edge of the library or the panels (Tab to it): resize / hide; its strip button shows it again', group: 'Reader' },
  { keys: ['↑', '↓', 'Home', 'End'], description: 'Move through documents or contents', group: 'Library and contents' },
  { keys: ['Enter'], description: 'Open the document / go to the heading', group: 'Library and contents' },
  { keys: ['Alt+Enter'], description: 'On a document: edit its source metadata (Source tab)', group: 'Library and contents' },
];

/** The global shortcut an event is, if any. */
export function shortcutFor(e: KeyInfo, ctx: { inTextField: boolean }): CommandId | null {
  for (const s of SHORTCUTS) if (s.command && s.match?.(e, ctx)) return s.command;
  return null;
}
