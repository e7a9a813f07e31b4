/**
 * "Open in reader" for a passage that is not a claim (a mention): opens its document if needed,
 * then selects the passage and scrolls it into view, so the person can read around it and make
 * a claim of a wider selection. Plain-text offsets map to editor positions through the text map.
 */
import { centerSettled } from '../../editor/center.ts';
import { TextSelection } from 'prosemirror-state';
import type { OpenDocument } from '../context.ts';
import { posAtPlainOffset } from '../../editor/text-map.ts';

/** How long a document may take to open before the passage request is dropped, in ms. */
const OPEN_TIMEOUT_MS = 15_000;

/** Makes the `showPassage` function of an EntitiesContext from the reader's document session. */
export function passageRevealer(reader: {
  current(): OpenDocument | null;
  onDidOpenDocument(listener: (doc: OpenDocument) => void): () => void;
  openDocument(id: string): void;
}): (documentId: string, start: number, end: number) => void {
  let pending: (() => void) | null = null;
  const select = (doc: OpenDocument, start: number, end: number): void => {
    const from = posAtPlainOffset(doc.textMap, start, 1);
    const to = posAtPlainOffset(doc.textMap, end, -1);
    if (from === null || to === null) return;
    const { view } = doc;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, Math.max(from, to))).scrollIntoView());
    view.focus();
    // the block holding the passage's start (the parent of a position at a block's start is the
    // whole document, which scrolled the reader to its top)
    const $from = view.state.doc.resolve(from);
    const block = $from.depth > 0 ? view.nodeDOM($from.before($from.depth)) : null;
    if (block instanceof HTMLElement) centerSettled(block);
  };
  return (documentId, start, end) => {
    pending?.();
    const cur = reader.current();
    if (cur?.model.id === documentId) { select(cur, start, end); return; }
    const timer = setTimeout(() => off(), OPEN_TIMEOUT_MS);
    const off = reader.onDidOpenDocument((doc) => {
      if (doc.model.id !== documentId) return;
      off(); clearTimeout(timer); pending = null;
      select(doc, start, end);
    });
    pending = () => { off(); clearTimeout(timer); pending = null; };
    reader.openDocument(documentId);
  };
}
