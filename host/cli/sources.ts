/**
 * `marginalia sources [--json]`, `sources set ID FIELD VALUE`, `sources revert ID FIELD`: the
 * source metadata of each document (sources.json with the user's edits on top) and editing it
 * from scripts. Edits go through `updateSource` and are recorded in the history as the command
 * line's: a window's Ctrl+Z steps that window's own actions, so `sources revert` is their undo.
 */
import { ApiError, type CslItem, type DocumentSummary, type SourceField, type SourcePatch } from '../../core/api.ts';
import {
  SOURCE_FIELDS, checkSourcePatch, formatDateText, formatNamesText, parseDateText, parseNamesText,
} from '../../core/cite/source-patch.ts';
import type { Library } from '../library.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, cell, withLibrary, type Verb } from './verb.ts';

const FIELD_NAMES = SOURCE_FIELDS.map((d) => d.field);

/** What `sources --json` prints for one document. */
export interface SourceRow {
  id: string;
  path: string;
  /** What the library shows; when `untitled`, the importer's fallback (file name or first line). */
  title: string;
  untitled: boolean;
  /** The effective CSL item (sources.json + edits; its `note` is the user's own), or null. */
  csl: CslItem | null;
  /** sources.json's own note (provenance), read-only. */
  sourcesNote: string | null;
  /** Fields the user set or cleared over sources.json. */
  edited: SourceField[];
  /** Values that would be refused if typed now (e.g. a malformed DOI in sources.json), and what a citation lacks. */
  problems: string[];
}

/** Problems of an effective item: invalid values, then missing title, author or date. */
export function sourceProblems(csl: CslItem | null): string[] {
  if (!csl) return ['No source metadata: no title, author or date.'];
  const fields: Record<string, unknown> = {};
  for (const f of FIELD_NAMES) if (csl[f] !== undefined && f !== 'note') fields[f] = csl[f];
  const out = checkSourcePatch(fields).problems.map((p) => p.message);
  const missing = [!csl.title && 'title', !(Array.isArray(csl.author) && csl.author.length) && 'author', !csl.issued && 'date'].filter(Boolean);
  if (missing.length) out.push(`Missing: ${missing.join(', ')}.${missing.includes('date') ? ' Citations show "n.d." for the date.' : ''}`);
  return out;
}

function row(d: DocumentSummary): SourceRow {
  return {
    id: d.id, path: d.path, title: d.title, untitled: d.untitled ?? !d.csl?.title, csl: d.csl,
    sourcesNote: d.sourcesNote ?? null, edited: d.editedFields ?? [], problems: sourceProblems(d.csl),
  };
}

/**
 * One field's value as typed on the command line → the patch. Empty clears. Authors: names
 * separated by `;`, `Family, Given` for a person, anything without a comma (or in braces) an
 * organisation (core/cite/source-fields.ts `parseName`, the rule the References tab uses too). Dates: YYYY, YYYY-MM or YYYY-MM-DD. Throws ApiError('bad-input') naming the field.
 */
export function patchFromText(field: string, value: string): SourcePatch {
  if (!FIELD_NAMES.includes(field as SourceField)) {
    throw new ApiError('bad-input', `"${field}" is not a source field; use one of: ${FIELD_NAMES.join(', ')}.`);
  }
  const f = field as SourceField;
  const kind = SOURCE_FIELDS.find((d) => d.field === f)!.kind;
  if (value.trim() === '') return { [f]: null };
  if (kind === 'names') {
    try {
      return { author: parseNamesText(value) };
    } catch (e) {
      throw new ApiError('bad-input', `Author: ${(e as Error).message}`);
    }
  }
  if (kind === 'date') {
    const parsed = parseDateText(value, f);
    if (parsed && 'message' in parsed) throw new ApiError('bad-input', parsed.message);
    return { [f]: parsed };
  }
  return { [f]: value };
}

/** A document by id or by its path in the corpus. */
async function findDocument(library: Library, ref: string): Promise<DocumentSummary> {
  const docs = (await library.getLibrary()).documents;
  const hit = docs.find((d) => d.id === ref) ?? docs.find((d) => d.path === ref.replace(/\\/g, '/'));
  if (!hit) throw new ApiError('bad-input', `No document "${ref}" in the library: give an id or a path that \`sources\` lists.`);
  return hit;
}

/** A field's value for the plain-text listing. */
function shown(csl: CslItem | null, f: SourceField): string {
  const v = csl?.[f];
  if (v === undefined || v === null) return '';
  if (f === 'author') return formatNamesText(v as never);
  if (f === 'issued' || f === 'accessed') return formatDateText(v);
  return String(v);
}

/** The `sources` verb: list the effective source metadata, or set / revert one field of one source. */
export const sourcesVerb: Verb = {
  name: 'sources',
  summary: 'list or edit source metadata (sources.json + your edits)',
  usage: `sources [--json] [--corpus DIR] [--data DIR]
       sources set ID FIELD VALUE [--corpus DIR] [--data DIR]
       sources revert ID FIELD [--corpus DIR] [--data DIR]

  --json         print JSON: [{ id, path, title, untitled, csl, sourcesNote, edited, problems }]
                 (csl: the effective CSL item; its note is yours, sourcesNote is sources.json's)
  set            change one field of one source; ID is a document id or its path in the corpus.
                 FIELD: ${FIELD_NAMES.join(', ')}
                 VALUE "" clears the field (even when sources.json has it).
                 author: names separated by ";", a person as "Family, Given", an organisation
                   as its name, in braces when it holds a comma:
                   sources set ID author "Yapıcı, Utku; International Crisis Group"
                 issued, accessed: YYYY, YYYY-MM or YYYY-MM-DD
                 DOI: with or without https://doi.org/; URL: whole, with https://
                 A bad value exits 1 with a message and changes nothing. The edit is the
                 command line's: Ctrl+Z in an app window undoes that window's own actions,
                 so use 'sources revert' to go back.
  revert         drop your edit of one field: sources.json's value (or none) shows again
${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' } },
  positionals: true,
  run: (values, positionals, io) => {
    const [sub, ...rest] = positionals;
    if (sub !== undefined && sub !== 'set' && sub !== 'revert') throw new UsageError(`Unknown sources command "${sub}" (use set or revert).`);
    if (sub === 'revert') {
      if (rest.length !== 2) throw new UsageError('sources revert takes ID FIELD.');
      const [ref, field] = rest as [string, string];
      if (!FIELD_NAMES.includes(field as SourceField)) throw new ApiError('bad-input', `"${field}" is not a source field; use one of: ${FIELD_NAMES.join(', ')}.`);
      return withLibrary(values, async (library) => {
        const doc = await findDocument(library, ref);
        const after = await library.updateSource(doc.id, { revert: [field as SourceField] });
        if (values.json) io.out(JSON.stringify(row(after), null, 2));
        else io.out(`${after.path}: ${field} from sources.json${shown(after.csl, field as SourceField) ? ` = ${shown(after.csl, field as SourceField)}` : ' (none)'}`);
        return 0;
      });
    }
    if (sub === 'set') {
      if (rest.length !== 3) throw new UsageError('sources set takes ID FIELD VALUE (quote a value with spaces; "" clears).');
      const [ref, field, value] = rest as [string, string, string];
      const patch = patchFromText(field, value); // bad input before the store is opened
      return withLibrary(values, async (library) => {
        const doc = await findDocument(library, ref);
        const after = await library.updateSource(doc.id, patch);
        if (values.json) io.out(JSON.stringify(row(after), null, 2));
        else io.out(`${after.path}: ${field} ${shown(after.csl, field as SourceField) ? `= ${shown(after.csl, field as SourceField)}` : 'cleared'}`);
        return 0;
      });
    }
    return withLibrary(values, async (library) => {
      const rows = (await library.getLibrary()).documents.map(row);
      if (values.json) { io.out(JSON.stringify(rows, null, 2)); return 0; }
      io.out(`${rows.length} source(s)`);
      if (rows.length) io.out(`${cell('TITLE', 50)}  ${cell('AUTHORS', 30)}  ${cell('DATE', 10)}  PATH`);
      for (const r of rows) {
        const title = r.untitled ? `(untitled: ${r.title})` : r.title;
        io.out(`${cell(title, 50)}  ${cell(shown(r.csl, 'author'), 30)}  ${cell(shown(r.csl, 'issued'), 10)}  ${r.path}`);
        for (const p of r.problems) io.out(`  ${p}`);
      }
      return 0;
    });
  },
};
