/**
 * Claims link to the references of their passage: a claim whose paragraph carries footnote
 * marker N cites the work of note N; a `[12]`-style marker cites entry 12 of the document's
 * reference list. Exports use this to cite a claim "as cited in" its source.
 */
import type { Inline } from '../api.ts';

/** What a reference needs for this: where it came from and its label or block. */
export interface CitableReference { origin: 'footnote' | 'list'; label: string; blockId: string }

/**
 * The references the given blocks' markers point to, in marker order, each once. `blocks` are
 * the text blocks a claim touches (its paragraphs); footnote markers match by the note's block
 * id, wiki markers by the list entry's label.
 */
export function referencesCitedIn<R extends CitableReference>(blocks: ReadonlyArray<{ content: Inline[] }>, refs: readonly R[]): R[] {
  const byNote = new Map(refs.filter((r) => r.origin === 'footnote').map((r) => [r.blockId, r]));
  const byLabel = new Map(refs.filter((r) => r.origin === 'list').map((r) => [r.label, r]));
  const out: R[] = [];
  const seen = new Set<R>();
  for (const b of blocks) {
    for (const i of b.content) {
      const hit = i.t === 'fnref' ? byNote.get(i.note) : i.t === 'refmark' ? byLabel.get(i.label) : undefined;
      if (hit && !seen.has(hit)) { seen.add(hit); out.push(hit); }
    }
  }
  return out;
}
