/**
 * The footnote marker: a superscript, focusable (tabindex 0) marker that shows its note's text in
 * the shared popover on hover and on keyboard focus, is described by the note itself
 * (`aria-describedby` → the note in the Notes list), and jumps to the note on click/Enter (the
 * reader then takes Enter or Alt+← in the note back to this marker).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorView, NodeView, NodeViewConstructor } from 'prosemirror-view';
import type { FootnotePopover } from './footnote-popover.ts';
import { blockDomId } from './schema.ts';

/** What a marker needs from the reader. */
export interface FnrefOptions {
  popover: FootnotePopover;
  /** Moves the reader to the note with this id (and focuses it); `from` is the marker to come back to. */
  jumpToNote(noteId: string, from?: HTMLElement): void;
}

const notesCache = new WeakMap<PMNode, Map<string, string>>();

/** Note id → note text for a document (computed once per document). */
export function noteTexts(doc: PMNode): Map<string, string> {
  let m = notesCache.get(doc);
  if (m) return m;
  m = new Map();
  const last = doc.lastChild;
  if (last?.type.name === 'footnotes') last.forEach((f) => m!.set(f.attrs.id as string, f.textContent));
  notesCache.set(doc, m);
  return m;
}

/** The node view constructor for `fnref`. */
export function fnrefView(opts: FnrefOptions): NodeViewConstructor {
  return (node: PMNode, view: EditorView, getPos: () => number | undefined): NodeView => {
    const dom = document.createElement('sup');
    dom.className = 'fnref';
    const marker = document.createElement('span');
    marker.className = 'fnref-marker';
    marker.tabIndex = 0;
    marker.textContent = node.attrs.label as string;
    const noteId = node.attrs.note as string;
    marker.setAttribute('aria-label', `Note ${node.attrs.label as string}`);
    marker.setAttribute('aria-describedby', blockDomId(noteId));
    marker.dataset.note = noteId;
    dom.append(marker);

    const show = (): void => opts.popover.show(marker, node.attrs.label as string, noteTexts(view.state.doc).get(noteId) ?? '');
    const caretBeside = (after: boolean): void => {
      const pos = getPos();
      if (pos === undefined) return;
      opts.popover.hide();
      view.focus();
      view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(after ? pos + 1 : pos))));
    };
    marker.addEventListener('mouseenter', show);
    marker.addEventListener('mouseleave', () => opts.popover.hideSoon());
    marker.addEventListener('focus', show);
    marker.addEventListener('blur', () => opts.popover.hide());
    marker.addEventListener('click', (e) => { e.preventDefault(); opts.popover.hide(); opts.jumpToNote(noteId, marker); });
    marker.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); opts.popover.hide(); opts.jumpToNote(noteId, marker); }
      else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); caretBeside(true); }
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') { e.preventDefault(); caretBeside(e.key === 'ArrowRight'); }
    });

    return {
      dom,
      // the marker handles its own pointer and key events; the editor must not move the caret
      stopEvent: (e) => e.target === marker && (e.type.startsWith('mouse') || e.type === 'click' || e.type === 'keydown'),
      ignoreMutation: () => true,
      destroy: () => opts.popover.hide(),
    };
  };
}
