/**
 * The CSL item that leaves the app. Every writer (BibTeX, BibLaTeX, RIS, CSL-JSON, and the CSL
 * processor for APA/Chicago/MLA) starts from `exportableItem`, so they all drop the same
 * private data, describe an untitled source the same way and warn about the same gaps.
 *
 * The note rule: `note` in corpus/sources.json records how the metadata was established
 * (provenance for us, not part of the reference), so a `note` is exported only when the
 * person wrote it: when `ExportContext.userFields` (the fields the person edited, from the
 * store) lists 'note'. Without that list no note leaves the app.
 */
import type { CslItem } from '../api.ts';
import { dateOf, names, NAME_FIELDS, text } from './csl.ts';

/** What an export knows about the document behind a source, besides its CSL item. */
export interface ExportContext {
  /** The document's path in the corpus; its file name describes an untitled source. */
  path?: string;
  /** The document's headings in reading order; the first, unless generic, describes an untitled source. */
  headings?: readonly string[];
  /** CSL variables the person set (the store's edits). `note` is exported only when listed. */
  userFields?: readonly string[];
}

/** A field whose absence the user is told about. */
export type MissingField = 'title' | 'author' | 'date';

/** An item ready for a writer, with what a person should know about it. */
export interface ExportableItem {
  item: CslItem;
  /** One readable line per source with gaps, e.g. `"[Untitled report on …]": no title (…), no author, no date (…)`. */
  warnings: string[];
  /** The gaps, for a UI that marks them. */
  missing: MissingField[];
}

/** CSL 1.0.2 string and number variables a reference may carry (others never leave the app). */
const TEXT_FIELDS = [
  'title', 'title-short', 'container-title', 'container-title-short', 'collection-title', 'collection-number',
  'publisher', 'publisher-place', 'volume', 'issue', 'page', 'number-of-pages', 'number', 'edition', 'genre', 'medium',
  'URL', 'DOI', 'ISBN', 'ISSN', 'PMID', 'PMCID', 'language', 'abstract', 'event-title', 'event-place', 'section',
  'source', 'archive', 'archive_location', 'version', 'status', 'chapter-number', 'number-of-volumes', 'authority',
  'jurisdiction', 'citation-key', 'note',
] as const;
const DATE_FIELDS = ['issued', 'accessed', 'original-date', 'event-date'] as const;

/** Headings that name a part of any text and so say nothing about this one. */
const GENERIC_HEADINGS = /^(?:abstract|introduction|contents|table of contents|summary|executive summary|preface|foreword|overview|background|conclusions?|acknowledge?ments|references|notes|bibliography|appendix)$/i;

/** What the bracketed description calls a source of each type. */
const TYPE_NOUNS: Readonly<Record<string, string>> = {
  'article-journal': 'paper', article: 'paper', 'paper-conference': 'paper', 'article-magazine': 'article',
  'article-newspaper': 'article', report: 'report', webpage: 'web page', 'post-weblog': 'blog post', book: 'book',
  chapter: 'chapter', 'entry-encyclopedia': 'encyclopedia entry', 'entry-dictionary': 'dictionary entry',
  thesis: 'thesis', manuscript: 'manuscript', speech: 'speech', interview: 'interview', dataset: 'dataset',
};
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function titleCaseWords(words: string[]): string {
  return words.map((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1))).join(' ');
}

/**
 * APA's bracketed description for a source without a title (APA 7, 9.29): "[Untitled report on
 * Turkmenistan Russia Relations]". The subject is the document's first heading unless it is a
 * generic one ("Introduction", "Abstract") or longer than 12 words, else the file name read as words without the type's own noun
 * ("report") and its extension; without either, "[Untitled report]".
 */
export function untitledDescription(item: CslItem, ctx: ExportContext = {}): string {
  const noun = TYPE_NOUNS[item.type] ?? 'document';
  // Only the first heading can name the whole text; later ones name its sections.
  const first = ctx.headings?.[0]?.trim().replace(/\s+/g, ' ') ?? '';
  let subject = first && !GENERIC_HEADINGS.test(first) && first.split(' ').length <= 12 ? first : '';
  if (!subject) {
    const file = (ctx.path ?? item.id).split('/').pop() ?? '';
    const nounWords = new Set(noun.split(' ').concat(['untitled', 'excerpts', 'text', 'draft', 'final', 'copy']));
    const words = file.replace(/\.[A-Za-z0-9]{1,5}$/, '').split(/[\s_.-]+/).filter((w) => w && !nounWords.has(w.toLowerCase()));
    subject = titleCaseWords(words);
  }
  return subject ? `[Untitled ${noun} on ${subject}]` : `[Untitled ${noun}]`;
}

function cleanDate(v: unknown): { 'date-parts': number[][] } | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const parts = (v as { 'date-parts'?: unknown })['date-parts'];
  if (!Array.isArray(parts)) return undefined;
  const clean: number[][] = [];
  for (const p of parts.slice(0, 2)) {
    const d = dateOf({ id: '', type: '', issued: { 'date-parts': [p] } });
    if (!d) break;
    clean.push([d.year, ...(d.month ? [d.month] : []), ...(d.day ? [d.day] : [])]);
  }
  return clean.length ? { 'date-parts': clean } : undefined;
}

/**
 * The exportable form of `item`: only CSL variables, trimmed strings, well-formed names and
 * dates; the provenance note dropped (see the note rule above); an untitled source titled
 * with untitledDescription; and a warning per source listing what is missing (title, author,
 * date), so the person can fill it in. The input is not changed.
 */
export function exportableItem(item: CslItem, ctx: ExportContext = {}): ExportableItem {
  const out: CslItem = { id: item.id, type: text(item, 'type') ?? 'document' };
  for (const f of TEXT_FIELDS) {
    const v = text(item, f);
    if (v !== undefined) out[f] = f === 'title' || f === 'container-title' ? v.replace(/\s+/g, ' ') : v;
  }
  if (!ctx.userFields?.includes('note')) delete out.note;
  for (const f of NAME_FIELDS) {
    const list = names(item, f);
    if (list.length) out[f] = list;
  }
  for (const f of DATE_FIELDS) {
    const d = cleanDate(item[f]);
    if (d) out[f] = d;
  }
  const missing: MissingField[] = [];
  const gaps: string[] = [];
  if (!out.title) {
    missing.push('title');
    out.title = untitledDescription(out, ctx);
    gaps.push(`no title (exported as “${out.title}”)`);
  }
  if (!out.author?.length && !names(out, 'editor').length) {
    missing.push('author');
    gaps.push('no author');
  }
  if (!out.issued) {
    missing.push('date');
    gaps.push('no date (styles print “n.d.”)');
  }
  const label = ctx.path ?? item.id;
  const warnings = gaps.length ? [`${label}: ${gaps.join(', ')}.`] : [];
  return { item: out, warnings, missing };
}

/** exportableItem for many sources; warnings in the order of `items`. */
export function exportableItems(items: readonly CslItem[], ctx: (item: CslItem) => ExportContext = () => ({})): { items: CslItem[]; warnings: string[] } {
  const results = items.map((i) => exportableItem(i, ctx(i)));
  return { items: results.map((r) => r.item), warnings: results.flatMap((r) => r.warnings) };
}
