/**
 * The reader: one ProseMirror EditorView, reused for every document. Opening a document builds a
 * new EditorState over an already-built editor doc and swaps it in (no new view, no new DOM root),
 * which keeps opening fast. The view is editable for caret and keyboard selection only; the
 * read-only plugin rejects every change to the text.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { centerSettled } from './center.ts';
import { createFootnotePopover } from './footnote-popover.ts';
import { fnrefView } from './fnref-view.ts';
import { headingsOf, type HeadingEntry } from './headings.ts';
import { find } from './plugins/find.ts';
import { readOnly } from './plugins/read-only.ts';
import { titleOnce } from './plugins/title-once.ts';
import { blockDomId, schema } from './schema.ts';
import { blockAtPos, buildTextMap, type TextMap } from './text-map.ts';

/** An editor document ready to show, with what is derived from it once. */
export interface PreparedDoc {
  id: string;
  doc: PMNode;
  textMap: TextMap;
  headings: HeadingEntry[];
}

/** Derives the text map and headings of an editor doc. */
export function prepareDoc(id: string, doc: PMNode): PreparedDoc {
  return { id, doc, textMap: buildTextMap(doc), headings: headingsOf(doc) };
}

/** The reader as the rest of the UI uses it. */
export interface ReaderView {
  readonly view: EditorView;
  /** The open document, or null before the first. */
  readonly current: PreparedDoc | null;
  /** Shows a document; the caret goes to its start, the scroll position to where it was last time. */
  /**
   * Shows a document. `step`, if given, turns the fresh state into the one shown (e.g. with the
   * document's claims already in it), so the text and its decorations are drawn in one pass.
   */
  show(doc: PreparedDoc, step?: (state: EditorState) => EditorState): void;
  /** Scrolls so `pos` sits at the top (block 'start') or in the middle of the reader. */
  scrollToPos(pos: number, block: 'start' | 'center'): void;
  /** Caret at `pos`, scrolled into view at the top, focus in the reader. */
  moveCaretTo(pos: number, block?: 'start' | 'center'): void;
  focus(): void;
  /**
   * Where the caret is now. Reads the DOM selection when the reader has focus, because the
   * browser moves the caret (clicks, Ctrl+Home) before ProseMirror hears of it on the next
   * `selectionchange`, and a shortcut pressed in between must not act on the old caret.
   */
  caretHead(): number;
}

export interface ReaderViewOptions {
  /** Where the editor goes. */
  mount: HTMLElement;
  /** The element that scrolls the reader. */
  scroller: HTMLElement;
  /** Plugins that come before the built-in ones (they see keys first): annotations, panels' own. */
  plugins?: Plugin[];
  /** Accessible name of the reader. */
  label?: string;
}

/** Space kept above a heading scrolled to the top, in px (room for the find bar). */
const TOP_MARGIN_PX = 24;

/** Creates the reader view (empty until `show`). */
export function createReaderView(opts: ReaderViewOptions): ReaderView {
  const popover = createFootnotePopover(opts.mount.ownerDocument.body);
  const plugins = [...(opts.plugins ?? []), find(), titleOnce(), readOnly()];
  const scrollMemory = new Map<string, number>();
  let current: PreparedDoc | null = null;

  const view = new EditorView(opts.mount, {
    state: EditorState.create({ schema, plugins }),
    nodeViews: {
      fnref: fnrefView({ popover, jumpToNote: (id, from) => jumpToNote(id, from) }),
    },
    attributes: { 'aria-label': opts.label ?? 'Document text', class: 'reader-text' },
  });

  const scrollToPos = (pos: number, block: 'start' | 'center'): void => {
    const box = opts.scroller.getBoundingClientRect();
    let top: number;
    try { top = view.coordsAtPos(Math.min(pos, view.state.doc.content.size)).top; } catch { return; }
    const offset = block === 'start' ? TOP_MARGIN_PX : box.height / 2 - 20;
    opts.scroller.scrollTop += top - box.top - offset;
  };

  const moveCaretTo = (pos: number, block: 'start' | 'center' = 'start'): void => {
    const sel = TextSelection.near(view.state.doc.resolve(Math.max(0, Math.min(pos, view.state.doc.content.size))));
    view.dispatch(view.state.tr.setSelection(sel));
    view.focus();
    scrollToPos(sel.head, block);
  };

  /**
   * A footnote marker's jump: caret to the start of the note, the note scrolled into view (by its
   * element: blocks far down may not be laid out, so positions alone can miss), and the marker
   * remembered so Enter or Alt+← in that note returns to it.
   */
  let backTo: { marker: HTMLElement; noteId: string } | null = null;
  const center = (el: HTMLElement): void => centerSettled(el, opts.scroller);
  const jumpToNote = (noteId: string, from?: HTMLElement): void => {
    const b = current?.textMap.blocks.find((x) => x.id === noteId);
    if (!b) return;
    moveCaretTo(b.from, 'center');
    // Blocks off screen skip layout (content-visibility), so the first scroll lands on estimated
    // heights; scrolling again once they are laid out puts the note where it is.
    const note = view.dom.querySelector<HTMLElement>(`#${CSS.escape(blockDomId(noteId))}`);
    if (note) center(note);
    backTo = from ? { marker: from, noteId } : null;
  };
  view.dom.addEventListener('keydown', (e) => {
    if (!backTo || !current) return;
    const here = blockAtPos(current.textMap, view.state.selection.head);
    if (here?.id !== backTo.noteId) { backTo = null; return; }
    if (!(e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) && !(e.key === 'ArrowLeft' && e.altKey)) return;
    e.preventDefault();
    e.stopImmediatePropagation(); // the editor's own key handler is on this same element
    const { marker } = backTo;
    backTo = null;
    if (!marker.isConnected) return;
    marker.focus({ preventScroll: true });
    center(marker);
  }, true);

  return {
    view,
    get current() { return current; },
    show(doc, step) {
      if (current) scrollMemory.set(current.id, opts.scroller.scrollTop);
      popover.hide();
      const fresh = EditorState.create({ doc: doc.doc, plugins });
      view.updateState(step ? step(fresh) : fresh);
      current = doc;
      opts.scroller.scrollTop = scrollMemory.get(doc.id) ?? 0;
    },
    scrollToPos,
    moveCaretTo,
    focus: () => view.focus(),
    caretHead() {
      const sel = view.dom.ownerDocument.getSelection();
      if (view.hasFocus() && sel?.focusNode && view.dom.contains(sel.focusNode)) {
        try { return view.posAtDOM(sel.focusNode, sel.focusOffset); } catch { /* fall back to the state */ }
      }
      return view.state.selection.head;
    },
  };
}
