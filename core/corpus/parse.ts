/**
 * Text → document model: the one entry point of the importer's core.
 *
 * Rules (the README quotes them; each is implemented in the file named):
 * 1. Text is NFC-normalised, CRLF/CR become LF, the BOM and control characters other than tab
 *    and newline are removed (clean-up.ts). Bytes → text (encodings) is the host's job.
 * 2. Footnotes (footnotes.ts): `[footnoteRef:N]` markers point to notes written `[N: text]`
 *    (Markdown: `[^x]` and `[^x]: text`). Notes leave the body and become the document's
 *    footnotes; when numbering starts at 0 the labels shown are N+1. A marker without a note
 *    stays as a plain marker, a note without a marker stays as a note; both are reported.
 * 3. Wiki reference markers (`[12]`, `[a]`, `[citation needed]`) become superscript markers that
 *    add nothing to the plain text (inline.ts). `[edit]` links and WordPress-style shortcodes
 *    (`[vc_row]`, `[/vc_column]`, `[tag attr=…]`) are removed (clean-up.ts).
 * 4. Site chrome of scraped pages (logos, search boxes, counters, repeated header lines before
 *    the first prose line, glued link lists, "from Wikipedia") is removed (chrome.ts); an
 *    attribution line after prose ("from Grokipedia": a second article) becomes a part heading.
 * 5. Paragraphs, lists, tables and headings of plain text: plain-blocks.ts; heading shape and
 *    levels: headings.ts. Markdown: markdown.ts (markdown-it). HTML: html.ts (only text survives: scripts,
 *    styles, embedded objects, navigation, and every attribute are dropped; the HTML is never
 *    rendered).
 * 6. Sections: a heading owns everything until the next heading of the same or a higher level;
 *    paragraphs and list items are numbered from 1; headings and footnotes are not (sections.ts).
 * 7. Title: a plain text's first line when it is heading-like and not a generic section name
 *    ("Introduction"); Markdown: front matter `title:` or the first `#` heading; HTML: `<title>`
 *    or the first `<h1>`; otherwise the file name without its extension, dashes and
 *    underscores read as spaces, first letter capitalised. (The host replaces it
 *    with the title from sources.json when there is one.)
 * 8. Ids: document id and IRI from the path; block ids from content (ids.ts).
 * 9. Very long documents without headings are not split into artificial sections: the model
 *    keeps only structure the text has; the renderer chunks long runs of blocks for speed.
 */
import type { DocumentModel } from '../api.ts';
import { editMarkedLines, normalizeText, removeEditLinks, removeShortcodes } from './clean-up.ts';
import { dropChromeLines, partBreaks } from './chrome.ts';
import { buildFootnotes, extractBracketNotes } from './footnotes.ts';
import type { FormatReading } from './format-reading.ts';
import { readHtml } from './html.ts';
import { blockIds, documentId, documentIri, normalizeCorpusPath } from './ids.ts';
import { readMarkdown } from './markdown.ts';
import { plainText } from './plain-text.ts';
import { readPlainLines } from './plain-blocks.ts';
import { nestBlocks } from './sections.ts';

/** What parsing one file gives: the model, its word count, and problems a person should see. */
export interface ParsedDocument { doc: DocumentModel; wordCount: number; problems: string[] }

export type { FormatReading } from './format-reading.ts';

/** Reads a plain text file (after normalisation). */
export function readPlainText(text: string): FormatReading {
  const { body, notes } = extractBracketNotes(text);
  const raw = removeShortcodes(body).split('\n');
  const lines = dropChromeLines(raw.map(removeEditLinks));
  const marks = { editMarked: editMarkedLines(raw), parts: partBreaks(raw, lines) };
  for (const [i, t] of marks.parts) lines[i] = t; // chrome as a line, structure as a part heading
  const { blocks, title } = readPlainLines(lines, marks);
  return { blocks, notes, title };
}

/** Parses one file's text into the document model. Never throws on odd input: problems are listed. */
export function parseDocument(input: { text: string; format: 'txt' | 'md' | 'html'; path: string }): ParsedDocument {
  const problems: string[] = [];
  const text = normalizeText(input.text);
  const reading = input.format === 'html' ? readHtml(text) : input.format === 'md' ? readMarkdown(text) : readPlainText(text);
  const path = normalizeCorpusPath(input.path);
  const id = documentId(path);
  const idFor = blockIds(id);
  const markerKeys = [...text.matchAll(/\[footnoteRef:(\d+)\]|\[\^([^\]\s]+)\](?!:)/g)].map((m) => m[1] ?? m[2]!);
  const footnotes = buildFootnotes(reading.notes, markerKeys, idFor, problems);
  const blocks = nestBlocks(reading.blocks, idFor, footnotes.lookup);
  problems.push(...footnotes.unreferenced());
  const doc: DocumentModel = {
    id,
    iri: documentIri(path),
    title: reading.title?.trim() || fileTitle(path),
    blocks,
    footnotes: footnotes.blocks,
  };
  const wordCount = countWords(plainText(doc));
  if (wordCount === 0) problems.push('No readable text was found in this file.');
  return { doc, wordCount, problems };
}

/**
 * `notes/turkmenistan-russia_report.txt` → `Turkmenistan russia report`: the file name read as
 * words (as Zotero shows an attachment without metadata), since nothing in the text names it.
 */
export function fileTitle(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const words = (dot > 0 ? name.slice(0, dot) : name).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled';
}

/** Words of a plain text: runs of non-space characters. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 12;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
