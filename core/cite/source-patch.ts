/**
 * Editing a source's metadata (issue 6, item 1): which CSL fields a person edits, what a valid
 * value is (with a message naming the field), and how the user's edits sit on top of the
 * corpus's `sources.json` item to make the effective CSL item. Pure: the host (host/library/
 * sources.ts), the item pane (renderer/sources/) and the `sources` CLI verb share it.
 *
 * The rule for `note`: sources.json's note is provenance written by the corpus's maintainers
 * (how each field was established). It is never part of the effective item; it is carried
 * beside it (`sourcesNote`) and shown read-only. The effective item's `note` is the user's own.
 */
import type { CslDate, CslItem, CslName, SourceField, SourcePatch } from '../api.ts';

/** How a field is edited. */
export type SourceFieldKind = 'type' | 'text' | 'long-text' | 'names' | 'date';

/** One editable field: its CSL name, the label people see, and how it is edited. */
export interface SourceFieldDef { field: SourceField; label: string; kind: SourceFieldKind }

/** The editable fields, in the item pane's order (Zotero's item pane is the model). */
export const SOURCE_FIELDS: readonly SourceFieldDef[] = [
  { field: 'type', label: 'Item type', kind: 'type' },
  { field: 'title', label: 'Title', kind: 'text' },
  { field: 'title-short', label: 'Short title', kind: 'text' },
  { field: 'author', label: 'Authors', kind: 'names' },
  { field: 'issued', label: 'Date', kind: 'date' },
  { field: 'container-title', label: 'Container', kind: 'text' },
  { field: 'publisher', label: 'Publisher', kind: 'text' },
  { field: 'publisher-place', label: 'Place', kind: 'text' },
  { field: 'volume', label: 'Volume', kind: 'text' },
  { field: 'issue', label: 'Issue', kind: 'text' },
  { field: 'page', label: 'Pages', kind: 'text' },
  { field: 'URL', label: 'URL', kind: 'text' },
  { field: 'accessed', label: 'Accessed', kind: 'date' },
  { field: 'DOI', label: 'DOI', kind: 'text' },
  { field: 'language', label: 'Language', kind: 'text' },
  { field: 'note', label: 'Note', kind: 'long-text' },
];

const FIELD_DEFS = new Map(SOURCE_FIELDS.map((d) => [d.field, d]));

/** The label of a field ("container-title" → "Container"). */
export function fieldLabel(field: SourceField): string {
  return FIELD_DEFS.get(field)?.label ?? field;
}

/**
 * The CSL 1.0.2 item types with the labels the type select shows; the first ones are those a
 * reader of reports and papers needs most. Source: the CSL 1.0.2 specification, "Item Types".
 */
export const CSL_TYPES: ReadonlyArray<{ type: string; label: string }> = [
  { type: 'article-journal', label: 'Journal article' },
  { type: 'report', label: 'Report' },
  { type: 'webpage', label: 'Web page' },
  { type: 'book', label: 'Book' },
  { type: 'chapter', label: 'Book chapter' },
  { type: 'entry-encyclopedia', label: 'Encyclopedia entry' },
  { type: 'article-newspaper', label: 'Newspaper article' },
  { type: 'article-magazine', label: 'Magazine article' },
  { type: 'paper-conference', label: 'Conference paper' },
  { type: 'thesis', label: 'Thesis' },
  { type: 'manuscript', label: 'Manuscript' },
  { type: 'post', label: 'Forum post' },
  { type: 'post-weblog', label: 'Blog post' },
  { type: 'interview', label: 'Interview' },
  { type: 'speech', label: 'Speech' },
  { type: 'legislation', label: 'Legislation' },
  { type: 'legal_case', label: 'Legal case' },
  { type: 'treaty', label: 'Treaty' },
  { type: 'dataset', label: 'Dataset' },
  { type: 'entry-dictionary', label: 'Dictionary entry' },
  { type: 'entry', label: 'Entry' },
  { type: 'article', label: 'Article (preprint)' },
  { type: 'broadcast', label: 'Broadcast' },
  { type: 'map', label: 'Map' },
  { type: 'motion_picture', label: 'Film' },
  { type: 'pamphlet', label: 'Pamphlet' },
  { type: 'patent', label: 'Patent' },
  { type: 'personal_communication', label: 'Letter / personal communication' },
  { type: 'review', label: 'Review' },
  { type: 'review-book', label: 'Book review' },
  { type: 'song', label: 'Song' },
  { type: 'graphic', label: 'Image' },
  { type: 'bill', label: 'Bill' },
  { type: 'figure', label: 'Figure' },
  { type: 'musical_score', label: 'Musical score' },
  { type: 'standard', label: 'Standard' },
  { type: 'software', label: 'Software' },
  { type: 'event', label: 'Event' },
  { type: 'classic', label: 'Classic' },
  { type: 'collection', label: 'Collection' },
  { type: 'hearing', label: 'Hearing' },
  { type: 'performance', label: 'Performance' },
  { type: 'periodical', label: 'Periodical' },
  { type: 'regulation', label: 'Regulation' },
  { type: 'document', label: 'Document' },
];
const TYPE_SET = new Set(CSL_TYPES.map((t) => t.type));

/** The type of a source that has neither a sources.json item nor an edited type. */
export const DEFAULT_TYPE = 'document';

/**
 * The user's edits of one source as stored: a field set to a value, or to null (cleared over
 * sources.json). Fields absent are not edited. `note` is the user's own note.
 */
export type SourceEdits = { [F in SourceField]?: NonNullable<SourcePatch[F]> | null };

/** A field's value is unacceptable: `message` names the field and says what to write. */
export interface FieldProblem { field: SourceField; message: string }

/** The longest single-line value kept (a title longer than this is a paste gone wrong). */
const MAX_LINE = 2_000;
/** The longest note kept (about 20 pages of text). */
const MAX_NOTE = 100_000;
/** Most names in one author list (large consortia papers stay below this). */
const MAX_NAMES = 1_000;

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
/** The DOI Handbook's syntax: "10." + registrant code of digits (4–9 in practice) + "/" + suffix. */
const DOI = /^10\.\d{4,9}(?:\.\d+)*\/\S+$/;
const URL_SHAPE = /^(?:https?|ftp):\/\/[^\s/?#]+\.[^\s/?#]+(?::\d+)?(?:[/?#]\S*)?$|^(?:https?):\/\/(?:localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:[/?#]\S*)?$/i;
/** BCP 47 as people write it: a 2–3 letter language, then subtags (zh-Hans, pt-BR, sr-Latn-RS). */
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

function problem(field: SourceField, what: string): FieldProblem {
  return { field, message: `${fieldLabel(field)}: ${what}` };
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks `[year, month?, day?]`; returns what is wrong, or null. */
function dateProblem(parts: readonly unknown[]): string | null {
  if (parts.length < 1 || parts.length > 3) return 'give a year, a month and a day as far as known.';
  if (!parts.every((p) => typeof p === 'number' && Number.isInteger(p))) return 'year, month and day are whole numbers.';
  const [y, m, d] = parts as number[];
  if (y! < -9999 || y! > 9999 || y === 0) return `${y} is not a year.`;
  if (m !== undefined && (m < 1 || m > 12)) return `${m} is not a month (1–12).`;
  if (d !== undefined && (d < 1 || d > daysIn(y!, m!))) return `${y}-${String(m).padStart(2, '0')} has no day ${d}.`;
  return null;
}

/**
 * Reads a date as people type it: `2016`, `2016-07`, `2016-07-14` (also with `/` or `.`), or
 * empty (no date). Returns the CSL date, null for empty, or a problem naming `field`.
 */
export function parseDateText(text: string, field: SourceField = 'issued'): CslDate | null | FieldProblem {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(-?\d{1,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t);
  if (!m) return problem(field, `"${t}" is not a date: write the year, year-month or year-month-day, e.g. 2016, 2016-07 or 2016-07-14.`);
  const parts = [m[1], m[2], m[3]].filter((p) => p !== undefined).map(Number);
  const wrong = dateProblem(parts);
  return wrong ? problem(field, wrong) : { 'date-parts': [parts] };
}

/** A CSL date as `parseDateText` reads it back (`2016-07`); empty when there is none. */
export function formatDateText(date: unknown): string {
  const parts = (date as CslDate | undefined)?.['date-parts']?.[0];
  if (!Array.isArray(parts) || typeof parts[0] !== 'number') return '';
  return parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-');
}

/**
 * Reads an author list as one line: names separated by `;`. `Family, Given` is a person; a name
 * without a comma is an organisation (one literal name); braces keep an organisation whose name
 * holds a comma or semicolon whole: `{Teachers, Parents and Friends Association}`.
 * Example: `Yapıcı, Utku; International Crisis Group`.
 */
export function parseNamesText(text: string): CslName[] {
  const out: CslName[] = [];
  let i = 0;
  const s = text;
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s[i]!)) i++;
    if (i >= s.length) break;
    if (s[i] === '{') {
      const close = s.indexOf('}', i + 1);
      const end = close < 0 ? s.length : close;
      const name = oneLine(s.slice(i + 1, end));
      if (name) out.push({ literal: name });
      i = end + 1;
      continue;
    }
    const semi = s.indexOf(';', i);
    const end = semi < 0 ? s.length : semi;
    const part = s.slice(i, end);
    const comma = part.indexOf(',');
    if (comma < 0) out.push({ literal: oneLine(part) });
    else {
      const family = oneLine(part.slice(0, comma));
      const given = oneLine(part.slice(comma + 1));
      out.push(given ? { family, given } : { family });
    }
    i = end + 1;
  }
  return out;
}

/** An author list as `parseNamesText` reads it back. */
export function formatNamesText(names: readonly CslName[]): string {
  return names.map((n) => {
    if (n.literal !== undefined) return /[,;{}]/.test(n.literal) ? `{${n.literal}}` : n.literal;
    return n.given ? `${n.family ?? ''}, ${n.given}` : `${n.family ?? ''},`;
  }).join('; ');
}

/** Strips `https://doi.org/` or `doi:` from a DOI as pasted. */
export function bareDoi(text: string): string {
  return text.trim().replace(DOI_PREFIX, '').trim();
}

function checkNames(value: unknown): CslName[] | FieldProblem {
  if (!Array.isArray(value)) return problem('author', 'expected a list of names.');
  if (value.length > MAX_NAMES) return problem('author', `at most ${MAX_NAMES} names.`);
  const out: CslName[] = [];
  for (const [i, n] of value.entries()) {
    const which = value.length > 1 ? `name ${i + 1}` : 'the name';
    if (!n || typeof n !== 'object' || Array.isArray(n)) return problem('author', `${which} is not a name.`);
    const raw = n as Record<string, unknown>;
    const get = (k: string): string | undefined => {
      const v = raw[k];
      return typeof v === 'string' && oneLine(v) !== '' ? oneLine(v) : undefined;
    };
    for (const k of Object.keys(raw)) {
      if (!['family', 'given', 'literal'].includes(k)) return problem('author', `${which} has "${k}": a name has family and given (a person) or literal (an organisation).`);
      if (raw[k] !== undefined && raw[k] !== null && typeof raw[k] !== 'string') return problem('author', `${which}'s ${k} must be text.`);
    }
    const family = get('family');
    const given = get('given');
    const literal = get('literal');
    if (literal !== undefined && (family !== undefined || given !== undefined)) {
      return problem('author', `${which} is both a person and an organisation: give family and given names, or one organisation name.`);
    }
    if (literal !== undefined) { out.push({ literal }); continue; }
    if (family === undefined && given === undefined) continue; // an empty row: dropped
    if (family === undefined) return problem('author', `${which} ("${given}") has no family name; an organisation is one name (switch it to organisation).`);
    if (family.length > MAX_LINE || (given?.length ?? 0) > MAX_LINE) return problem('author', `${which} is too long.`);
    out.push(given === undefined ? { family } : { family, given });
  }
  return out;
}

function checkDate(field: SourceField, value: unknown): CslDate | FieldProblem {
  if (typeof value === 'string') {
    const parsed = parseDateText(value, field);
    return parsed ?? problem(field, 'empty date.');
  }
  const parts = (value as CslDate | null)?.['date-parts'];
  if (!value || typeof value !== 'object' || !Array.isArray(parts) || parts.length !== 1 || !Array.isArray(parts[0])) {
    return problem(field, 'expected a date as { "date-parts": [[year, month, day]] } with as many parts as are known.');
  }
  const wrong = dateProblem(parts[0]);
  return wrong ? problem(field, wrong) : { 'date-parts': [[...parts[0]]] };
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
  switch (field) {
    case 'DOI': {
      const doi = bareDoi(t);
      if (!DOI.test(doi)) return problem(field, `"${t}" is not a DOI: a DOI starts with "10.", then the registrant's digits, a slash and the item's suffix, e.g. 10.1080/02634937.2018.1454398.`);
      return doi;
    }
    case 'URL':
      if (!URL_SHAPE.test(t)) return problem(field, `"${t}" is not a web address: write it whole, starting with https:// or http://.`);
      return t;
    case 'language':
      if (!LANGUAGE.test(t)) return problem(field, `"${t}" is not a language code: write one such as en, tr, ru or zh-Hans.`);
      return t;
    case 'page':
      return t.replace(/(\d)\s*[-‐‑–—]+\s*(\d)/g, '$1–$2');
    default:
      return t;
  }
}

/**
 * Validates and normalises a patch (trims, one-line fields collapse their white space, DOI loses
 * its `https://doi.org/` prefix, page ranges get an en dash, empty values become null).
 * Returns every field's problem, in SOURCE_FIELDS order; an unknown field is a problem too.
 */
export function checkSourcePatch(patch: unknown): { patch: SourceEdits; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const out: SourceEdits = {};
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    return { patch: out, problems: [{ field: 'title', message: 'The edit must be an object of CSL fields.' }] };
  }
  const raw = patch as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!FIELD_DEFS.has(key as SourceField) && raw[key] !== undefined) {
      problems.push({ field: key as SourceField, message: `"${key}" is not a source field that can be edited (${SOURCE_FIELDS.map((d) => d.field).join(', ')}).` });
    }
  }
  const set = out as Record<string, unknown>;
  for (const { field, kind } of SOURCE_FIELDS) {
    if (!Object.hasOwn(raw, field) || raw[field] === undefined) continue;
    const value = raw[field];
    if (value === null) { set[field] = null; continue; }
    let checked: unknown;
    if (kind === 'type') {
      checked = typeof value === 'string' && TYPE_SET.has(value.trim())
        ? value.trim() : problem(field, `"${String(value)}" is not a CSL item type (e.g. article-journal, report, webpage, book, chapter).`);
    } else if (kind === 'names') {
      const names = checkNames(value);
      checked = Array.isArray(names) && names.length === 0 ? null : names;
    } else if (kind === 'date') {
      checked = typeof value === 'string' && value.trim() === '' ? null : checkDate(field, value);
    } else {
      checked = checkText(field, value);
    }
    if (checked && typeof checked === 'object' && 'message' in checked) problems.push(checked as FieldProblem);
    else set[field] = checked;
  }
  return { patch: out, problems };
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
 * a later change of sources.json shows through again. `type: null` always drops the edit.
 */
export function mergeEdits(current: SourceEdits, patch: SourceEdits, seed: CslItem | null): SourceEdits {
  const next: Record<string, unknown> = { ...current };
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
  const editedFields = SOURCE_FIELDS.map((d) => d.field).filter((f) => Object.hasOwn(edits, f));
  if (!seed && editedFields.length === 0) return { csl: null, sourcesNote, editedFields };
  const item: CslItem = seed ? { ...seed } : { id: path, type: DEFAULT_TYPE };
  delete item.note;
  for (const f of editedFields) {
    const v = edits[f];
    if (v === null || v === undefined) { if (f !== 'type') delete item[f]; } else item[f] = structuredCloneJson(v);
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
