/**
 * Editing a source's metadata (issue 6, item 1): validating a `SourcePatch` (structured values
 * from the item pane and the API; the text readers of core/cite/source-fields.ts do the field
 * rules, this adds the field's label to each message and checks the structured shapes), and
 * laying the user's edits over the corpus's `sources.json` item to make the effective CSL item.
 * Pure: the host (host/library/sources.ts), the item pane (renderer/sources/) and the `sources`
 * CLI verb share it.
 *
 * The rule for `note`: sources.json's note is provenance written by the corpus's maintainers
 * (how each field was established). It is never part of the effective item; it is carried
 * beside it (`sourcesNote`) and shown read-only. The effective item's `note` is the user's own,
 * and `editedFields` lists 'note' exactly when there is one (csl-export.ts exports it then).
 */
import type { CslDate, CslItem, CslName, SourceField, SourcePatch } from '../api.ts';
import { CSL_TYPES, SOURCE_FIELDS, formatName, parseDate, parseNames, readField } from './source-fields.ts';

export { CSL_TYPES, SOURCE_FIELDS };

const FIELD_DEFS = new Map(SOURCE_FIELDS.map((d) => [d.field as SourceField, d]));

/** The label of a field ("container-title" → "Published in"). */
export function fieldLabel(field: SourceField): string {
  return FIELD_DEFS.get(field)?.label ?? field;
}

/** The type of a source that has neither a sources.json item nor an edited type. */
export const DEFAULT_TYPE = 'document';

/**
 * The user's edits of one source as stored: a field set to a value, or to null (cleared over
 * sources.json). Fields absent are not edited. `note` is the user's own note.
 */
export type SourceEdits = { [F in SourceField]?: NonNullable<SourcePatch[F]> | null };

/** A checked patch: the fields to set or clear, and those to return to sources.json. */
export interface CheckedPatch { patch: SourceEdits; revert: SourceField[]; problems: FieldProblem[] }

/** A field's value is unacceptable: `message` names the field and says what to write. */
export interface FieldProblem { field: SourceField; message: string }

/** The longest single-line value kept (a title longer than this is a paste gone wrong). */
const MAX_LINE = 2_000;
/** The longest note kept (about 20 pages of text). */
const MAX_NOTE = 100_000;
/** Most names in one author list (large consortia papers stay below this). */
const MAX_NAMES = 1_000;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function problem(field: SourceField, what: string): FieldProblem {
  return { field, message: `${fieldLabel(field)}: ${what}` };
}

/**
 * Reads a date as people type it (source-fields.ts `parseDate`: 2016, 2016-07, 2016-07-14,
 * July 2016, 14 July 2016; empty or "n.d." for none). Returns the CSL date, null for none, or a
 * problem naming `field`.
 */
export function parseDateText(text: string, field: SourceField = 'issued'): CslDate | null | FieldProblem {
  const r = parseDate(text);
  if (!r.ok) return problem(field, r.message);
  return r.date?.['date-parts'] ? { 'date-parts': r.date['date-parts'] } : null;
}

/** A CSL date as `parseDateText` reads it back (`2016-07`); empty when there is none. */
export function formatDateText(date: unknown): string {
  const parts = (date as CslDate | undefined)?.['date-parts']?.[0];
  if (!Array.isArray(parts) || typeof parts[0] !== 'number') return '';
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

/**
 * Reads an author list typed on one line (the `sources set` verb, the References tab): names
 * separated by ";", each read by source-fields' `parseName` (`Family, Given` is a person; a name
 * without a comma, or in braces, is kept whole as one organisation name). Example:
 * `Yapıcı, Utku; International Crisis Group`. Throws an Error whose message says which name
 * could not be read (e.g. one with three commas).
 */
export function parseNamesText(text: string): CslName[] {
  const r = parseNames(text);
  if (!r.ok) throw new Error(r.message);
  return r.names;
}

/** An author list as `parseNamesText` reads it back. */
export function formatNamesText(names: readonly CslName[]): string {
  return names.map(formatName).join('; ');
}

function checkNames(value: unknown): CslName[] | FieldProblem {
  if (!Array.isArray(value)) return problem('author', 'expected a list of names.');
  if (value.length > MAX_NAMES) return problem('author', `at most ${MAX_NAMES} names.`);
  const out: CslName[] = [];
  for (const [i, n] of value.entries()) {
    const which = value.length > 1 ? `name ${i + 1}` : 'the name';
    if (!n || typeof n !== 'object' || Array.isArray(n)) return problem('author', `${which} is not a name.`);
    const raw = n as Record<string, unknown>;
    for (const k of Object.keys(raw)) {
      if (!['family', 'given', 'literal'].includes(k)) return problem('author', `${which} has "${k}": a name has family and given (a person) or literal (an organisation).`);
      if (raw[k] !== undefined && raw[k] !== null && typeof raw[k] !== 'string') return problem('author', `${which}'s ${k} must be text.`);
    }
    const get = (k: string): string | undefined => (typeof raw[k] === 'string' && oneLine(raw[k]) !== '' ? oneLine(raw[k]) : undefined);
    const family = get('family');
    const given = get('given');
    const literal = get('literal');
    if (literal !== undefined && (family !== undefined || given !== undefined)) {
      return problem('author', `${which} is both a person and an organisation: give family and given names, or one organisation name.`);
    }
    if ([family, given, literal].some((v) => (v?.length ?? 0) > MAX_LINE)) return problem('author', `${which} is too long.`);
    if (literal !== undefined) { out.push({ literal }); continue; }
    if (family === undefined && given === undefined) continue; // an empty row: dropped
    if (family === undefined) return problem('author', `${which} ("${given}") has no family name; an organisation is one name (switch it to organisation).`);
    out.push(given === undefined ? { family } : { family, given });
  }
  return out;
}

function checkDate(field: SourceField, value: unknown): CslDate | null | FieldProblem {
  if (typeof value === 'string') return parseDateText(value, field);
  const parts = (value as CslDate | null)?.['date-parts'];
  if (!value || typeof value !== 'object' || !Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0])
    || parts[0].length < 1 || parts[0].length > 3 || !parts[0].every((p) => typeof p === 'number' && Number.isInteger(p))) {
    return problem(field, 'expected a date as { "date-parts": [[year, month, day]] } with as many parts as are known.');
  }
  // the same rules as typed dates (month 1–12, a day the month has, a plausible year)
  return parseDateText(formatDateText(value), field);
}

function checkText(field: SourceField, value: unknown): string | null | FieldProblem {
  if (typeof value === 'number' && Number.isFinite(value) && (field === 'volume' || field === 'issue' || field === 'page')) value = String(value);
  if (typeof value !== 'string') return problem(field, 'expected text.');
  if (field === 'note') {
    const t = value.replace(/\r\n?/g, '\n').trim();
    if (t.length > MAX_NOTE) return problem(field, `at most ${MAX_NOTE.toLocaleString('en')} characters.`);
    return t === '' ? null : t;
  }
  const t = oneLine(value);
  if (t === '') return null;
  if (t.length > MAX_LINE) return problem(field, `at most ${MAX_LINE.toLocaleString('en')} characters.`);
  const r = readField(field, t);
  if (!r.ok) return problem(field, r.message);
  return typeof r.value === 'string' ? r.value : null;
}

/**
 * Validates and normalises a patch: one-line fields collapse their white space, the DOI loses
 * its `https://doi.org/` prefix, a language name becomes its code, empty values become null
 * (source-fields.ts has the rules). Returns every field's problem, in SOURCE_FIELDS order, each
 * message starting with the field's label; an unknown field is a problem too.
 */
export function checkSourcePatch(patch: unknown): CheckedPatch {
  const problems: FieldProblem[] = [];
  const out: SourceEdits = {};
  const revert: SourceField[] = [];
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    return { patch: out, revert, problems: [{ field: 'title', message: 'The edit must be an object of CSL fields.' }] };
  }
  const raw = patch as Record<string, unknown>;
  if (raw.revert !== undefined) {
    const list = raw.revert;
    if (!Array.isArray(list) || !list.every((f) => typeof f === 'string' && FIELD_DEFS.has(f as SourceField))) {
      problems.push({ field: 'title', message: `"revert" lists fields to return to sources.json: ${SOURCE_FIELDS.map((d) => d.field).join(', ')}.` });
    } else {
      for (const f of list as SourceField[]) {
        if (Object.hasOwn(raw, f)) problems.push(problem(f, 'is both set and reverted in one edit.'));
        else if (!revert.includes(f)) revert.push(f);
      }
    }
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'revert' && !FIELD_DEFS.has(key as SourceField) && raw[key] !== undefined) {
      problems.push({ field: key as SourceField, message: `"${key}" is not a source field that can be edited (${SOURCE_FIELDS.map((d) => d.field).join(', ')}).` });
    }
  }
  const set = out as Record<string, unknown>;
  for (const { field: name, kind } of SOURCE_FIELDS) {
    const field = name as SourceField;
    if (!Object.hasOwn(raw, field) || raw[field] === undefined) continue;
    const value = raw[field];
    if (value === null) { set[field] = null; continue; }
    let checked: unknown;
    if (kind === 'names') {
      const names = checkNames(value);
      checked = Array.isArray(names) && names.length === 0 ? null : names;
    } else if (kind === 'date') {
      checked = checkDate(field, value);
    } else if (kind === 'type' && typeof value === 'string' && value.trim() === '') {
      checked = null; // back to sources.json's type
    } else {
      checked = checkText(field, value);
    }
    if (checked && typeof checked === 'object' && 'message' in checked) problems.push(checked as FieldProblem);
    else set[field] = checked;
  }
  return { patch: out, revert, problems };
}

/** Deep equality for JSON values (CSL fields). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A seeded field as the edit compares it (sources.json may hold a number for a volume). */
function seedValue(seed: CslItem | null, field: SourceField): unknown {
  if (!seed || field === 'note') return undefined;
  const v = seed[field];
  if (typeof v === 'number' && (field === 'volume' || field === 'issue' || field === 'page')) return String(v);
  return v === '' ? undefined : v;
}

/**
 * The stored edits after a (checked) patch: each patched field replaces the edit; a value equal
 * to the sources.json one, or a null where sources.json has nothing, drops the field's edit, so
 * a later change of sources.json shows through again. `type: null` always drops the edit, as
 * does naming a field in `revert`.
 */
export function mergeEdits(current: SourceEdits, patch: SourceEdits, seed: CslItem | null, revert: readonly SourceField[] = []): SourceEdits {
  const next: Record<string, unknown> = { ...current };
  for (const f of revert) delete next[f];
  for (const [field, value] of Object.entries(patch) as Array<[SourceField, unknown]>) {
    const seeded = seedValue(seed, field);
    if (field === 'type' && value === null) delete next[field];
    else if (value === null ? seeded === undefined : same(value, seeded)) delete next[field];
    else next[field] = value;
  }
  const ordered: Record<string, unknown> = {};
  for (const { field } of SOURCE_FIELDS) if (Object.hasOwn(next, field)) ordered[field] = next[field];
  return ordered as SourceEdits;
}

/** A source's effective metadata: the CSL item people cite, and what stays beside it. */
export interface EffectiveSource {
  /** sources.json's item with the edits on top, without sources.json's note; null if neither exists. */
  csl: CslItem | null;
  /** sources.json's note (provenance), null when it has none. */
  sourcesNote: string | null;
  /** Fields the user set or cleared, in SOURCE_FIELDS order. */
  editedFields: SourceField[];
}

/**
 * Puts the user's edits on top of the sources.json item of the file at `path` (its CSL id when
 * sources.json has none). A cleared field is absent from the result.
 */
export function effectiveSource(seed: CslItem | null, edits: SourceEdits, path: string): EffectiveSource {
  const sourcesNote = typeof seed?.note === 'string' && seed.note.trim() ? seed.note : null;
  const editedFields = SOURCE_FIELDS.map((d) => d.field as SourceField).filter((f) => Object.hasOwn(edits, f));
  if (!seed && editedFields.length === 0) return { csl: null, sourcesNote, editedFields };
  const item: CslItem = seed ? { ...seed } : { id: path, type: DEFAULT_TYPE };
  delete item.note;
  for (const f of editedFields) {
    const v = edits[f];
    if (v === null || v === undefined) { if (f !== 'type') delete item[f]; } else (item as Record<string, unknown>)[f] = structuredCloneJson(v);
  }
  if (typeof item.type !== 'string' || !item.type) item.type = DEFAULT_TYPE;
  return { csl: item, sourcesNote, editedFields };
}

function structuredCloneJson<T>(v: T): T {
  return typeof v === 'object' && v !== null ? JSON.parse(JSON.stringify(v)) as T : v;
}

/** The effective title of an item, or null when it has none. */
export function cslTitle(csl: CslItem | null): string | null {
  return typeof csl?.title === 'string' && csl.title.trim() ? csl.title.trim() : null;
}
