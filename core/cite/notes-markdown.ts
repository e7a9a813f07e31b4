/**
 * Annotated notes as Markdown (issue 6, item 4): the claims a view lists, grouped by source or by
 * entity, each as a blockquote of its quote, then its restatement, note, kind, entities and tags,
 * then its citation with the paragraph locator and a link that opens the claim in the app; the
 * bibliography at the end.
 *
 * Two citation modes, decided by the caller (host/export): `formatted` citations are finished
 * strings from citeproc-js; `pandoc` citations are `[@key, para. 3]`, resolved later by
 * `pandoc --citeproc` against the .bib written beside the notes (pandoc reads "para."/"paras." as
 * the CSL `paragraph` locator label, as it reads "p." for pages).
 *
 * Everything a user typed is escaped, so a note that contains `*`, `[`, `@` or starts with `#`
 * prints as typed and never turns into markup or a citation.
 */
import type { ClaimFacts } from './claim-facts.ts';

/** One claim as the notes print it; every string is plain text (escaped here). */
export interface NoteEntry extends ClaimFacts {
  /** "¶ 3" or "¶ 3–4"; empty for an orphan. In formatted notes the citation is escaped here; a Pandoc citation is written as is. */
  place: string;
}

/** A section of the notes: a source's title (with its citekey) or an entity's name. */
export interface NoteGroup { heading: string; entries: NoteEntry[] }

/** What `notesMarkdown` writes. */
export interface NotesInput {
  title: string;
  groups: NoteGroup[];
  citations: 'formatted' | 'pandoc';
  /** Formatted mode: the bibliography's entries as plain text, in the style's order. */
  bibliography?: string[];
  /** Pandoc mode: the .bib file's name, put in the YAML header (`bibliography:`). */
  bibFile?: string;
  /** Pandoc mode: the CSL style for `pandoc --citeproc` (a .csl file name), if any. */
  cslFile?: string;
  /** ISO 8601 time of the export (core code does not read the clock). */
  generated: string;
}

/** Characters that Markdown (CommonMark + Pandoc's citations) could read as markup inside a line. */
const INLINE_SPECIAL = /[\\`*_{}[\]<>#|~@$^]/g;

/**
 * Escapes plain text for a Markdown paragraph or blockquote line: inline markup characters get a
 * backslash, and a line that would start a list, heading or quote is escaped at its start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .split('\n')
    .map((line) => line.replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3').replace(/^(\s*)([-+=>])/, '$1\\$2'))
    .join('\n');
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yamlString(s: string): string {
  return JSON.stringify(s);
}

function entryLines(e: NoteEntry, pandoc: boolean): string[] {
  const quote = e.quote.trim() === '' ? '(no quote)' : e.quote;
  const out = escapeMarkdown(quote).split('\n').map((l) => `> ${l}`.trimEnd());
  out.push('');
  if (e.restatement.trim()) out.push(`**${escapeMarkdown(e.restatement.trim())}**`, '');
  if (e.note.trim()) out.push(...escapeMarkdown(e.note.trim()).split('\n'), '');
  const facts: string[] = [];
  if (e.kind) facts.push(`Kind: ${escapeMarkdown(e.kind)}`);
  if (e.entities.length) facts.push(`Entities: ${e.entities.map(escapeMarkdown).join(', ')}`);
  if (e.tags.length) facts.push(`Tags: ${e.tags.map((t) => `#${escapeMarkdown(t)}`).join(' ')}`);
  if (facts.length) out.push(facts.join(' · '), '');
  const cite = pandoc ? e.citation : escapeMarkdown(e.citation);
  const place = e.place ? ` ${escapeMarkdown(e.place)}` : '';
  out.push(`${cite}${place ? ' —' + place : ''} · [Open in Marginalia](<${e.link}>)`, '');
  return out;
}

/** The notes as one Markdown document (UTF-8, LF line ends, ending in one newline). */
export function notesMarkdown(input: NotesInput): string {
  const pandoc = input.citations === 'pandoc';
  const lines: string[] = [];
  if (pandoc) {
    lines.push('---', `title: ${yamlString(input.title)}`, `date: ${yamlString(input.generated.slice(0, 10))}`);
    if (input.bibFile) lines.push(`bibliography: ${yamlString(input.bibFile)}`);
    if (input.cslFile) lines.push(`csl: ${yamlString(input.cslFile)}`);
    lines.push('link-citations: true', '---', '');
  } else {
    lines.push(`# ${escapeMarkdown(input.title)}`, '', `Exported ${input.generated.slice(0, 10)}.`, '');
  }
  for (const g of input.groups) {
    lines.push(`## ${escapeMarkdown(g.heading)}`, '');
    for (const e of g.entries) lines.push(...entryLines(e, pandoc));
  }
  if (pandoc) {
    lines.push('## References', '', '::: {#refs}', ':::', '');
  } else if (input.bibliography && input.bibliography.length) {
    lines.push('## References', '');
    for (const b of input.bibliography) lines.push(escapeMarkdown(b.trim()), '');
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
