/**
 * Find in document: a small bar over the reader. Typing highlights every match (case- and
 * diacritic-insensitive), "3 of 17" says where you are, Enter/Shift+Enter (or F3/Shift+F3) go to
 * the next/previous match and scroll it into the middle, Escape closes the bar and puts the caret
 * on the current match, so the selection can be extended from the keyboard.
 */
import { TextSelection } from 'prosemirror-state';
import { findMatches, foldText, type FoldedText } from '../editor/find-matches.ts';
import { findResults, matchIndexFrom, setFindCurrent, setFindMatches, type EditorRange } from '../editor/plugins/find.ts';
import type { ReaderView } from '../editor/reader-view.ts';
import { posAtPlainOffset } from '../editor/text-map.ts';
import { h } from './dom.ts';

export interface FindBar {
  /** Shows the bar and focuses its field (selecting what is typed there already). */
  open(): void;
  close(): void;
  readonly isOpen: boolean;
  /** Next (1) or previous (-1) match; opens the bar when it is closed. */
  step(dir: 1 | -1): void;
  /** The open document changed: redo the search there. */
  refresh(): void;
}

/** Typing waits this long before searching a long document (ms); short ones search at once. */
const DEBOUNCE_MS = 120;
const LONG_TEXT = 200_000;

/** Builds the bar inside `host` (the reader column). */
export function createFindBar(host: HTMLElement, reader: ReaderView): FindBar {
  const input = h('input', {
    type: 'text', className: 'text-field find-input', 'aria-label': 'Find in document', placeholder: 'Find in document',
    spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'find-count',
  });
  const count = h('span', { id: 'find-count', className: 'find-count', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', className: 'icon-button', title: 'Previous match (Shift+Enter)', 'aria-label': 'Previous match' }, '↑');
  const next = h('button', { type: 'button', className: 'icon-button', title: 'Next match (Enter)', 'aria-label': 'Next match' }, '↓');
  const close = h('button', { type: 'button', className: 'icon-button', title: 'Close (Escape)', 'aria-label': 'Close find' }, '×');
  const bar = h('div', { className: 'find-bar', role: 'search', 'aria-label': 'Find in document' }, input, count, prev, next, close);
  bar.hidden = true;
  host.prepend(bar);

  let folded: { id: string; text: FoldedText } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = reader.view;

  const foldedText = (): FoldedText | null => {
    const doc = reader.current;
    if (!doc) return null;
    if (folded?.id !== doc.id) folded = { id: doc.id, text: foldText(doc.textMap.text) };
    return folded.text;
  };

  const showCount = (): void => {
    const { matches, current } = findResults(view.state);
    if (!input.value.trim()) count.textContent = '';
    else count.textContent = matches.length ? `${current + 1} of ${matches.length}` : 'No matches';
    bar.dataset.state = input.value.trim() && !matches.length ? 'none' : '';
  };

  const reveal = (): void => {
    const { matches, current } = findResults(view.state);
    const m = matches[current];
    if (m) {
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, m.from, m.to)));
      reader.scrollToPos(m.from, 'center');
    }
    showCount();
  };

  const search = (): void => {
    const text = foldedText();
    const doc = reader.current;
    if (!text || !doc) return;
    const ranges: EditorRange[] = [];
    for (const r of findMatches(text, input.value)) {
      const from = posAtPlainOffset(doc.textMap, r.start, 1);
      const to = posAtPlainOffset(doc.textMap, r.end, -1);
      if (from !== null && to !== null && to > from) ranges.push({ from, to });
    }
    setFindMatches(ranges, 0)(view.state, view.dispatch);
    // start at the first match after the caret, as browsers do
    const from = matchIndexFrom(view.state, view.state.selection.from);
    if (from > 0) setFindCurrent(from)(view.state, view.dispatch);
    reveal();
  };

  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    const long = (reader.current?.textMap.text.length ?? 0) > LONG_TEXT;
    if (long) timer = setTimeout(search, DEBOUNCE_MS); else search();
  };

  const step = (dir: 1 | -1): void => {
    if (bar.hidden) { api.open(); return; }
    const { matches, current } = findResults(view.state);
    if (!matches.length) return;
    setFindCurrent(current + dir)(view.state, view.dispatch);
    reveal();
  };

  input.addEventListener('input', schedule);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); step(e.shiftKey ? -1 : 1); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); api.close(); }
  });
  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  close.addEventListener('click', () => api.close());

  const api: FindBar = {
    get isOpen() { return !bar.hidden; },
    open() {
      const wasOpen = !bar.hidden;
      bar.hidden = false;
      input.focus();
      input.select();
      if (!wasOpen && input.value.trim()) search();
    },
    close() {
      if (bar.hidden) return;
      bar.hidden = true;
      if (timer !== undefined) clearTimeout(timer);
      const { matches, current } = findResults(view.state);
      const m = matches[current];
      setFindMatches([])(view.state, view.dispatch);
      view.focus();
      if (m) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, m.from, m.to)));
      count.textContent = '';
    },
    step,
    refresh() {
      if (!bar.hidden && input.value.trim()) search(); else showCount();
    },
  };
  return api;
}
