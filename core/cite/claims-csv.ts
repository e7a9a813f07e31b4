/**
 * The listed claims as CSV (issue 6, item 5): one row per claim, RFC 4180 (fields quoted where
 * needed, quotes doubled, CRLF line ends), UTF-8 with a byte order mark so spreadsheet programs
 * (Excel above all) read the non-Latin text right. Quoting is csv-stringify's, not ours.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ClaimFacts } from './claim-facts.ts';

/** One claim as a CSV row; every field is plain text. */
export interface CsvClaimRow extends ClaimFacts {
  /** The source's title. */
  source: string;
  citekey: string;
  /** "3" or "3–4"; empty for an orphan. */
  paragraphs: string;
}

/** The header row, in column order. */
export const CSV_COLUMNS = ['source', 'citekey', 'paragraphs', 'quote', 'restatement', 'note', 'kind', 'entities', 'tags', 'citation', 'link'] as const;

/** UTF-8 byte order mark, as the first character of the file. */
export const BOM = '\uFEFF';

/**
 * A cell that a spreadsheet would run as a formula (starts with `=`, `+`, `-`, `@`, tab or CR)
 * gets a leading apostrophe, as OWASP's CSV-injection guidance advises; the text is otherwise kept.
 */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The whole CSV file: BOM, header, one row per claim, CRLF line ends. Multi-valued cells join with "; ". */
export function claimsCsv(rows: readonly CsvClaimRow[]): string {
  const records = rows.map((r) => [
    r.source, r.citekey, r.paragraphs, r.quote, r.restatement, r.note, r.kind,
    r.entities.join('; '), r.tags.join('; '), r.citation, r.link,
  ].map(safeCell));
  return BOM + stringify([[...CSV_COLUMNS], ...records], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
