/**
 * The document's plain text: the one string every selector (TextQuote/TextPosition) is measured
 * against, in the host (anchoring, CLI) and in the renderer (mapping editor positions).
 *
 * Definition: the text blocks in reading order (section heading, then its children; list items
 * in order; footnotes last), each block's text being its `text` inlines only (markers add
 * nothing), joined by BLOCK_SEPARATOR. Changing this definition moves every stored position, so
 * it is versioned with the store.
 */
import type { Block, DocumentModel, FootnoteBlock, HeadingBlock, Inline, ListItemBlock, ParagraphBlock, TextSpan } from '../api.ts';

/** Two newlines: a quote never silently joins the end of one paragraph to the next. */
export const BLOCK_SEPARATOR = '\n\n';

export type TextBlock = HeadingBlock | ParagraphBlock | ListItemBlock | FootnoteBlock;

/** The text blocks of a document in reading order. */
export function textBlocks(doc: Pick<DocumentModel, 'blocks' | 'footnotes'>): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (b.kind === 'section') { out.push(b.heading); walk(b.children); }
      else if (b.kind === 'list') out.push(...b.items);
      else out.push(b);
    }
  };
  walk(doc.blocks);
  out.push(...doc.footnotes);
  return out;
}

/** The text an inline run contributes to the plain text. */
export function inlineText(content: Inline[]): string {
  let s = '';
  for (const i of content) if (i.t === 'text') s += i.text;
  return s;
}

/** The plain text and each text block's span in it. */
export function plainTextWithSpans(doc: Pick<DocumentModel, 'blocks' | 'footnotes'>): { text: string; spans: TextSpan[] } {
  const parts: string[] = [];
  const spans: TextSpan[] = [];
  let offset = 0;
  for (const b of textBlocks(doc)) {
    if (parts.length) { parts.push(BLOCK_SEPARATOR); offset += BLOCK_SEPARATOR.length; }
    const t = inlineText(b.content);
    parts.push(t);
    spans.push({ id: b.id, start: offset, end: offset + t.length });
    offset += t.length;
  }
  return { text: parts.join(''), spans };
}

/** The plain text alone. */
export function plainText(doc: Pick<DocumentModel, 'blocks' | 'footnotes'>): string {
  return plainTextWithSpans(doc).text;
}
