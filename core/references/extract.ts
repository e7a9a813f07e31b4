/**
 * Where a document's references are: its footnotes, and end-of-text reference lists.
 *
 * Rules (general, no per-file cases):
 * - Every footnote is a reference candidate, labelled with its note label. A note that is not a
 *   citation at all stays a reference with low confidence (the reader decides), never dropped.
 * - A section whose heading is a reference-list name (REFERENCE_HEADINGS: "References",
 *   "Bibliography", "Notes", "Works cited", "参考文献", …) holds a list: each paragraph or list
 *   item is one reference. Entries that carry nothing a reference has (no year, address, DOI,
 *   quoted or 《》 title; e.g. "Add your contribution" left by a scraped page) and prose
 *   paragraphs longer than MAX_ENTRY characters are skipped.
 * - Anywhere else, a run of two or more paragraphs or items that each open with a different
 *   `[12]`-style marker is a numbered reference list (its entries filtered as above).
 * - A list entry's label is its own marker (`[12]`, `12.`, `12)`), else its position in the list.
 * - "Ibid." (ibidem, id., 同上) is the work of the reference just before it, with its own pages.
 */
import type { Block, DocumentModel, HeadingBlock, Inline, ListItemBlock, ParagraphBlock } from '../api.ts';
import { parseReference } from './parse-reference.ts';
import type { ParsedReference } from './types.ts';

/** A reference's text and where it stands in its document. */
export interface FoundReference {
  /** A footnote, or an entry of a reference list. */
  origin: 'footnote' | 'list';
  /** The note's label ("3"), the list entry's own number ("12"), or its position in the list. */
  label: string;
  /** 1-based order among the document's references (footnotes first, then lists). */
  position: number;
  /** The id of the footnote or paragraph/item block it was read from. */
  blockId: string;
  /** The text as found (markers removed, whitespace collapsed). */
  raw: string;
}

/** A found reference, parsed. */
export type ExtractedReference = FoundReference & ParsedReference;

/** Headings that open a reference list (compared case-insensitively, without trailing colon or number). */
export const REFERENCE_HEADINGS = [
  'references', 'reference list', 'bibliography', 'select bibliography', 'notes', 'endnotes', 'footnotes',
  'works cited', 'literature cited', 'literature', 'sources', 'citations', 'notes and references',
  '参考文献', '注释', '参考资料', '引用文献', 'литература', 'список литературы', 'bibliographie', 'literaturverzeichnis',
];

const text = (content: Inline[]): string => content.map((i) => (i.t === 'text' ? i.text : '')).join('').replace(/\s+/gu, ' ').trim();

/** True when a heading names a reference list. */
export function isReferenceHeading(h: HeadingBlock): boolean {
  const t = text(h.content).toLowerCase().replace(/^[\d.\s]+/u, '').replace(/[:：.\s]+$/u, '');
  return REFERENCE_HEADINGS.includes(t);
}

/** Longer than this, an entry is prose (a scraped page's text after its "References" heading), not a reference. */
const MAX_ENTRY = 600;

/** Something only a reference has: a year, a web address, a DOI, a quoted or 《》 title, "Ibid."; and short. */
function looksLikeReference(s: string): boolean {
  return s.length <= MAX_ENTRY && (IBID.test(s) || /(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)|https?:\/\/|www\.|\b10\.\d{4,9}\/|《|[“"‘«]/u.test(s));
}

/** The entry's own number: a leading `[12]` marker, or `[12]`, `12.`, `12)` written as text. */
function entryLabel(block: ParagraphBlock | ListItemBlock): { label: string | null; raw: string } {
  const first = block.content[0];
  if (first && first.t === 'refmark' && /^\d{1,4}$/u.test(first.label)) return { label: first.label, raw: text(block.content.slice(1)) };
  const raw = text(block.content);
  const m = /^(?:\[(\d{1,4})\]|(\d{1,4})[.)])\s+/u.exec(raw) ?? /^\^\s*(?:[a-z]\s+)*/u.exec(raw);
  if (m) return { label: m[1] ?? m[2] ?? null, raw: raw.slice(m[0].length) };
  return { label: null, raw };
}

/** Paragraphs and items of a block list, in reading order, without descending into sections. */
function readingBlocks(blocks: Block[]): Array<ParagraphBlock | ListItemBlock> {
  return blocks.flatMap((b): Array<ParagraphBlock | ListItemBlock> => (b.kind === 'paragraph' ? [b] : b.kind === 'list' ? b.items : []));
}

/** Opens with a numeric `[12]` marker. */
function numbered(b: ParagraphBlock | ListItemBlock): boolean {
  const first = b.content[0];
  return !!first && first.t === 'refmark' && /^\d{1,4}$/u.test(first.label);
}

/** The document's reference texts, in order: footnotes, then reference lists. */
export function findReferenceTexts(doc: Pick<DocumentModel, 'blocks' | 'footnotes'>): FoundReference[] {
  const out: FoundReference[] = [];
  for (const f of doc.footnotes) {
    out.push({ origin: 'footnote', label: f.label, position: out.length + 1, blockId: f.id, raw: text(f.content) });
  }
  const takeList = (entries: Array<ParagraphBlock | ListItemBlock>, filter: boolean): void => {
    let n = 0;
    for (const b of entries) {
      const { label, raw } = entryLabel(b);
      if (raw.length < 3 || (filter && !looksLikeReference(raw))) continue;
      n++;
      out.push({ origin: 'list', label: label ?? String(n), position: out.length + 1, blockId: b.id, raw });
    }
  };
  const walk = (blocks: Block[]): void => {
    let run: Array<ParagraphBlock | ListItemBlock> = [];
    // A run counts when its numbers differ ("[4][5] Text" twice is prose that cites, not a list).
    const flush = (): void => {
      const labels = new Set(run.map((r) => (r.content[0] as { label: string }).label));
      if (run.length >= 2 && labels.size === run.length) takeList(run, true);
      run = [];
    };
    for (const b of blocks) {
      if (b.kind === 'section') {
        flush();
        if (isReferenceHeading(b.heading)) {
          takeList(readingBlocks(b.children), true);
          walk(b.children.filter((c) => c.kind === 'section'));
        } else walk(b.children);
        continue;
      }
      for (const r of readingBlocks([b])) { if (numbered(r)) run.push(r); else flush(); }
    }
    flush();
  };
  walk(doc.blocks);
  return out;
}

/** "Ibid." and its kin: the same work as the note before. */
const IBID = /^(?:ibid(?:em)?\.?|id\.|同上|同前)(?=$|[\s,，.。:：;])/iu;
/** How much of the previous note's confidence an "Ibid." keeps (it names that work only by position). */
const IBID_CONFIDENCE = 0.8;

/**
 * Finds and parses a document's references; never throws, never drops a found text. A note
 * that says "Ibid." (同上) takes the work of the reference before it, with its own pages.
 */
export function extractReferences(doc: Pick<DocumentModel, 'blocks' | 'footnotes'>): ExtractedReference[] {
  const out: ExtractedReference[] = [];
  for (const f of findReferenceTexts(doc)) {
    const parsed = parseReference(f.raw);
    const prev = out[out.length - 1];
    if (prev && prev.origin === f.origin && IBID.test(f.raw.trim())) {
      const item = { ...prev.item };
      const confidence = Object.fromEntries(Object.entries(prev.confidence).map(([k, v]) => [k, v! * IBID_CONFIDENCE]));
      delete item.page;
      delete confidence.page;
      if (parsed.item.page) { item.page = parsed.item.page; confidence.page = parsed.confidence.page ?? 0.5; }
      out.push({ ...f, raw: f.raw, item, confidence });
      continue;
    }
    out.push({ ...f, ...parsed });
  }
  return out;
}
