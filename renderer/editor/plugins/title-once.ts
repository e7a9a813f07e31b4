/**
 * The document's title shows once. Many texts open with their own title as the first heading;
 * the header above the text (doc-header.ts) already shows it, so that heading is hidden with a
 * node decoration when it reads the same (case, spacing and punctuation aside). The text itself
 * is untouched: the heading stays in the document, its plain text, its offsets and the contents
 * list, so claims and selectors do not move.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

const key = new PluginKey<string | null>('title-once');

/** Letters and digits only, lower case: "Turkmenistan: time to revise…?" ≈ "turkmenistan time to revise". */
export function comparableTitle(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The position of the document's first text block if it is a heading reading `title`, else null. */
export function duplicateTitleHeading(state: EditorState, title: string | null): number | null {
  if (!title) return null;
  let found: number | null = null;
  let done = false;
  state.doc.descendants((node, pos) => {
    if (done) return false;
    if (!node.isTextblock) return true;
    done = true;
    if (node.type.name === 'heading' && comparableTitle(node.textContent) === comparableTitle(title)) found = pos;
    return false;
  });
  return found;
}

/** The plugin: hides the first heading while it repeats the title set with `setShownTitle`. */
export function titleOnce(): Plugin<string | null> {
  return new Plugin<string | null>({
    key,
    state: {
      init: () => null,
      apply: (tr, prev) => (tr.getMeta(key) as string | null | undefined) ?? prev,
    },
    props: {
      decorations: (state) => {
        const pos = duplicateTitleHeading(state, key.getState(state) ?? null);
        if (pos === null) return null;
        const node = state.doc.nodeAt(pos)!;
        return DecorationSet.create(state.doc, [Decoration.node(pos, pos + node.nodeSize, { class: 'title-in-header', 'aria-hidden': 'true' })]);
      },
    },
  });
}

/** Tells the plugin the title the header shows for the open document (nothing to do when it knows). */
export function setShownTitle(view: EditorView, title: string | null): void {
  if (key.getState(view.state) === (title ?? '')) return;
  view.dispatch(view.state.tr.setMeta(key, title ?? ''));
}

/**
 * `state` told the title the header shows: for a document's first state, so the heading that
 * repeats the title is hidden in the first draw, not in a second view update after it.
 */
export function withShownTitle(state: EditorState, title: string | null): EditorState {
  return key.getState(state) === (title ?? '') ? state : state.apply(state.tr.setMeta(key, title ?? ''));
}
