/**
 * A document ready for anchoring: its model, plain text (core/corpus/plain-text.ts), block spans
 * and the paragraph number of each block, so a text offset maps to a citation locator.
 */
import { createHash } from 'node:crypto';
import type { Block, DocumentModel, DocumentSummary, TextSpan } from '../../core/api.ts';
import { plainTextWithSpans } from '../../core/corpus/plain-text.ts';

/** A document in memory with everything anchoring and mentions need. */
export interface LoadedDocument {
  summary: DocumentSummary;
  model: DocumentModel;
  text: string;
  spans: TextSpan[];
  /** Paragraph number by block id (paragraphs and list items; headings and footnotes absent). */
  numbers: Map<string, number>;
  /** sha256 of the plain text. */
  textHash: string;
}

function collectNumbers(blocks: Block[], into: Map<string, number>): void {
  for (const b of blocks) {
    if (b.kind === 'paragraph') into.set(b.id, b.n);
    else if (b.kind === 'list') for (const item of b.items) into.set(item.id, item.n);
    else collectNumbers(b.children, into);
  }
}

/** Build the in-memory form of a document. */
export function loadDocument(summary: DocumentSummary, model: DocumentModel): LoadedDocument {
  const { text, spans } = plainTextWithSpans(model);
  const numbers = new Map<string, number>();
  collectNumbers(model.blocks, numbers);
  return { summary, model, text, spans, numbers, textHash: createHash('sha256').update(text).digest('hex') };
}

/**
 * Index of the block whose span holds `pos`; an offset in the separator between two blocks
 * belongs to the block after it. -1 when the document has no blocks.
 */
export function blockIndexAt(spans: TextSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found === -1) return spans.length ? 0 : -1;
  if (pos >= spans[found]!.end && found + 1 < spans.length) return found + 1;
  return found;
}

/**
 * The first and last paragraph numbers (citation locators) of the range [start, end): a claim
 * inside ¶ 3 gives 3–3, one over the end of ¶ 3 and the start of ¶ 4 gives 3–4. A range that
 * starts in a heading has no first paragraph (null, as `paragraphAt`); one that ends in a
 * heading ends at the paragraph where it started.
 */
export function paragraphSpan(doc: LoadedDocument, start: number, end: number): { paragraph: number | null; paragraphEnd: number | null } {
  const paragraph = paragraphAt(doc, start);
  const last = end > start ? paragraphAt(doc, end - 1) : paragraph;
  return { paragraph, paragraphEnd: last !== null && (paragraph === null || last >= paragraph) ? last : paragraph };
}

/** The paragraph number (citation locator) of the block where `pos` falls; null in headings and footnotes. */
export function paragraphAt(doc: LoadedDocument, pos: number): number | null {
  const i = blockIndexAt(doc.spans, pos);
  if (i < 0) return null;
  return doc.numbers.get(doc.spans[i]!.id) ?? null;
}
