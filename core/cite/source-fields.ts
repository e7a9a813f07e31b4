/**
 * The fields of a source a person may edit (the item pane, `sources set ID FIELD VALUE`), and
 * the reading of what they type into a CSL-JSON value, with a message a person can act on when
 * it cannot be read. Nothing here guesses: an ambiguous date or a malformed DOI is refused with
 * the form that would be accepted.
 *
 * Dates are read by our own strict reader rather than @citation-js/date (installed with
 * @citation-js/core): that library accepts "2016-13" and "2016-02-30", reads "2016-2017" as
 * month 20 and "03/04/2016" as 4 March, which a validator must refuse instead.
 */
import { cslDate, type CslDate, type CslName, type DateParts } from './csl.ts';

/** How a field's text is read. */
export type SourceFieldKind = 'type' | 'text' | 'names' | 'date' | 'page' | 'url' | 'doi' | 'language';

/** One editable field: its CSL variable, a label for the item pane, and how its text is read. */
export interface SourceFieldDef { field: SourceFieldName; label: string; kind: SourceFieldKind; hint: string }

/** The CSL variables a person may edit, in the item pane's order. */
export type SourceFieldName =
  | 'type' | 'title' | 'title-short' | 'author' | 'issued' | 'container-title' | 'publisher'
  | 'publisher-place' | 'volume' | 'issue' | 'page' | 'URL' | 'accessed' | 'DOI' | 'language' | 'note';

/** The editable fields, in the item pane's order (Zotero's order, trimmed to what CSL styles print). */
export const SOURCE_FIELDS: readonly SourceFieldDef[] = [
  { field: 'type', label: 'Item type', kind: 'type', hint: 'article-journal, report, webpage, book, …' },
  { field: 'title', label: 'Title', kind: 'text', hint: 'as printed, in sentence case' },
  { field: 'title-short', label: 'Short title', kind: 'text', hint: 'for short citations' },
  { field: 'author', label: 'Authors', kind: 'names', hint: 'one per line: Family, Given — or {Organisation}' },
  { field: 'issued', label: 'Date', kind: 'date', hint: '2016, 2016-07, 2016-07-24 or July 2016; empty for n.d.' },
  { field: 'container-title', label: 'Published in', kind: 'text', hint: 'journal, website or book title' },
  { field: 'publisher', label: 'Publisher', kind: 'text', hint: 'publisher or institution' },
  { field: 'publisher-place', label: 'Place', kind: 'text', hint: 'city of publication' },
  { field: 'volume', label: 'Volume', kind: 'text', hint: '' },
  { field: 'issue', label: 'Issue', kind: 'text', hint: '' },
  { field: 'page', label: 'Pages', kind: 'page', hint: '12–34' },
  { field: 'URL', label: 'URL', kind: 'url', hint: 'https://…' },
  { field: 'accessed', label: 'Accessed', kind: 'date', hint: 'the day you read the web page' },
  { field: 'DOI', label: 'DOI', kind: 'doi', hint: '10.1234/abc (without https://doi.org/)' },
  { field: 'language', label: 'Language', kind: 'language', hint: 'en, ru, tr, zh-CN' },
  { field: 'note', label: 'Note', kind: 'text', hint: 'your note; it is exported with the reference' },
];

/** CSL 1.0.2 item types with the names the item pane shows. */
export const CSL_TYPES: Readonly<Record<string, string>> = {
  'article-journal': 'Journal article', 'article-magazine': 'Magazine article', 'article-newspaper': 'Newspaper article',
  article: 'Article (preprint, working paper)', book: 'Book', chapter: 'Book chapter', 'entry-encyclopedia': 'Encyclopedia entry',
  'entry-dictionary': 'Dictionary entry', 'paper-conference': 'Conference paper', report: 'Report', thesis: 'Thesis',
  webpage: 'Web page', 'post-weblog': 'Blog post', post: 'Forum post', manuscript: 'Manuscript', document: 'Document',
  dataset: 'Dataset', interview: 'Interview', speech: 'Speech', legislation: 'Law', legal_case: 'Court case',
  map: 'Map', broadcast: 'Broadcast', motion_picture: 'Film', personal_communication: 'Letter or e-mail',
  'review-book': 'Book review', review: 'Review', standard: 'Standard', treaty: 'Treaty', software: 'Software',
};

/**
 * The result of reading a field's text: the CSL value to store (`undefined`: remove the field,
 * as for an empty box), or a message saying what is wrong and what would be accepted.
 */
export type FieldResult = { ok: true; value: unknown; note?: string } | { ok: false; message: string };

/** Reads what a person typed into `field` (see SOURCE_FIELDS for the forms each accepts). */
export function readField(field: string, input: string): FieldResult {
  const def = SOURCE_FIELDS.find((f) => f.field === field);
  if (!def) return { ok: false, message: `“${field}” is not an editable field; use one of ${SOURCE_FIELDS.map((f) => f.field).join(', ')}.` };
  const t = input.trim();
  if (t === '') return def.field === 'type' ? { ok: false, message: 'Every source needs an item type, e.g. report or webpage.' } : { ok: true, value: undefined };
  switch (def.kind) {
    case 'type': return CSL_TYPES[t] ? { ok: true, value: t } : { ok: false, message: `“${t}” is not a CSL item type; use one of ${Object.keys(CSL_TYPES).join(', ')}.` };
    // A note keeps its paragraphs; every other text field is one line.
    case 'text': return { ok: true, value: def.field === 'note' ? t.replace(/\r\n?/g, '\n') : t.replace(/\s+/g, ' ') };
    case 'names': {
      const r = parseNames(t);
      return r.ok ? { ok: true, value: r.names } : r;
    }
    case 'date': {
      const r = parseDate(t);
      return r.ok ? { ok: true, value: r.date } : r;
    }
    case 'page': return readPage(t);
    case 'url': return readUrl(t);
    case 'doi': return readDoi(t);
    case 'language': return readLanguage(t);
  }
}

// ------------------------------------------------------------------------------------------
// Dates
// ------------------------------------------------------------------------------------------

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = MONTHS.findIndex((m) => m === w || (m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i >= 0 ? i + 1 : undefined;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE_FORMS = 'Write 2016, 2016-07, 2016-07-24, July 2016 or 24 July 2016.';

/**
 * Reads a date a person typed: "2016", "2016-07", "2016-07-24" (also with / or .), "July 2016",
 * "Jul 2016", "24 July 2016", "July 24, 2016". "n.d." gives no date. Refused with a message:
 * month or day out of range ("2016-02-30"), a year before 1000 or after 2999, day-first or
 * month-first numeric dates ("03/04/2016", read differently in different countries), ranges
 * and anything else.
 */
export function parseDate(input: string): { ok: true; date: CslDate | undefined } | { ok: false; message: string } {
  const t = input.trim().replace(/\s+/g, ' ');
  if (t === '' || /^n\.?\s?d\.?$/i.test(t)) return { ok: true, date: undefined };
  let parts: DateParts | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(t))) {
    parts = { year: +m[1]! };
    if (m[2]) parts.month = +m[2];
    if (m[3]) parts.day = +m[3];
  } else if ((m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t))) {
    return { ok: false, message: `“${t}” can be read as day/month or month/day. ${DATE_FORMS}` };
  } else if ((m = /^(?:(\d{1,2})\.? )?([\p{L}.]+),? (\d{4})$/u.exec(t))) {
    const month = monthNumber(m[2]!);
    if (!month) return { ok: false, message: `“${m[2]}” is not an English month name. ${DATE_FORMS}` };
    parts = { year: +m[3]!, month, ...(m[1] ? { day: +m[1] } : {}) };
  } else if ((m = /^([\p{L}.]+) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/u.exec(t))) {
    const month = monthNumber(m[1]!);
    if (!month) return { ok: false, message: `“${m[1]}” is not an English month name. ${DATE_FORMS}` };
    parts = { year: +m[3]!, month, day: +m[2]! };
  } else if (/^\d{4}\s*[-–—/]\s*\d{4}$/.test(t)) {
    return { ok: false, message: `“${t}” is a range of years; give the date the source was published. ${DATE_FORMS}` };
  } else {
    return { ok: false, message: `“${t}” is not a date this field reads. ${DATE_FORMS}` };
  }
  if (parts.year < 1000 || parts.year > 2999) return { ok: false, message: `${parts.year} is not a plausible year of publication (1000–2999).` };
  if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) return { ok: false, message: `Month ${parts.month} does not exist (1–12). ${DATE_FORMS}` };
  if (parts.day !== undefined && (parts.day < 1 || parts.day > daysIn(parts.year, parts.month!))) {
    return { ok: false, message: `${MONTHS[parts.month! - 1]!.replace(/^./, (c) => c.toUpperCase())} ${parts.year} has no day ${parts.day}.` };
  }
  return { ok: true, date: cslDate(parts) };
}

// ------------------------------------------------------------------------------------------
// Names
// ------------------------------------------------------------------------------------------

/** Lower-case words that belong to a family name when they come before it ("van der Berg", "de Souza"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al', 'el']);

/** Splits "van der Berg" into particle "van der" and family "Berg"; a capitalised "De Leonardis" stays one family name. */
function splitParticle(family: string): CslName {
  const words = family.split(' ');
  let i = 0;
  while (i < words.length - 1 && PARTICLES.has(words[i]!)) i++;
  return i === 0 ? { family } : { 'non-dropping-particle': words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}

/**
 * Reads one name, by the one rule every typed name list follows (the References tab, the
 * `sources set … author` verb): "Family, Given" (and "Family, Jr., Given") is a person, with
 * lower-case particles leading the family name ("van der Berg, Jan"); a name without a comma is
 * one name kept whole (an organisation, "International Crisis Group", or a person known by one
 * name, "Plato"), as is anything in braces, commas included (`{Smith, Jones & Partners}`, as in
 * BibTeX). `kind` 'organisation' keeps the input whole whatever it holds. The item pane's own
 * creator rows have separate family/given fields and a person/organisation switch instead.
 */
export function parseName(input: string, kind?: 'person' | 'organisation'): { ok: true; name: CslName } | { ok: false; message: string } {
  let t = input.trim().replace(/\s+/g, ' ');
  if (t === '') return { ok: false, message: 'A name is empty.' };
  const braced = /^\{(.*)\}$/.exec(t);
  if (braced || kind === 'organisation') {
    t = (braced ? braced[1]! : t).trim();
    return t ? { ok: true, name: { literal: t } } : { ok: false, message: 'An organisation name is empty.' };
  }
  if (/[{}]/.test(t)) return { ok: false, message: `“${t}”: braces go around a whole organisation name, e.g. {International Crisis Group}.` };
  const parts = t.split(',').map((p) => p.trim());
  if (parts.length === 1) return { ok: true, name: { literal: t } };
  if (parts.length > 3) return { ok: false, message: `“${t}” has more than two commas; write Family, Given — or put an organisation in braces: {${t}}.` };
  const [family, a, b] = parts as [string, string, string | undefined];
  if (!family) return { ok: false, message: `“${t}” has no family name before the comma.` };
  const name: CslName = { ...splitParticle(family) };
  const given = b === undefined ? a : b;
  if (b !== undefined && a) name.suffix = a;
  if (given) name.given = given;
  return { ok: true, name };
}

/**
 * Splits a typed name list at ";" and line breaks, keeping a braced name whole even when it holds
 * ";" or ","; returns the pieces as typed (braces kept), empty pieces dropped.
 */
function splitNameList(input: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /[\s;]/.test(input[i]!)) i++;
    if (i >= input.length) break;
    // a braced name runs to its closing brace whatever it holds; the piece then runs to the next separator
    let from = i;
    if (input[i] === '{') {
      const close = input.indexOf('}', i + 1);
      if (close < 0) { out.push(`${input.slice(i).trim()}}`); break; }
      from = close + 1;
    }
    const m = /[;\n]/.exec(input.slice(from));
    const end = m ? from + m.index : input.length;
    const piece = input.slice(i, end).trim();
    if (piece) out.push(piece);
    i = end + 1;
  }
  return out;
}

/**
 * Reads several names separated by ";" or line breaks (parseName's rule for each); every problem
 * is reported, none dropped. Example: `Yapıcı, Utku; International Crisis Group`.
 */
export function parseNames(input: string): { ok: true; names: CslName[] } | { ok: false; message: string } {
  const names: CslName[] = [];
  const problems: string[] = [];
  for (const piece of splitNameList(input)) {
    const r = parseName(piece);
    if (r.ok) names.push(r.name);
    else problems.push(r.message);
  }
  return problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, names };
}

/**
 * A name as parseName reads it back: "Family, Given", "Family, Jr., Given", "Family," (a family
 * name alone), an organisation as its name, in braces only when it holds "," or ";".
 */
export function formatName(n: CslName): string {
  if (n.literal !== undefined) return /[,;{}]/.test(n.literal) ? `{${n.literal}}` : n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  if (!given) return `${family},`;
  return n.suffix ? `${family}, ${n.suffix}, ${given}` : `${family}, ${given}`;
}

// ------------------------------------------------------------------------------------------
// Pages, URL, DOI, language
// ------------------------------------------------------------------------------------------

/** Pages: "12", "12-34", "12–34", "xii-xv, 7"; a leading "p." or "pp." is dropped (styles add their own). */
function readPage(input: string): FieldResult {
  const t = input.replace(/^pp?\.\s*/i, '');
  const range = /^[\p{L}\p{N}]+(?:\s*[-–—]+\s*[\p{L}\p{N}]+)?$/u;
  const pieces = t.split(',').map((p) => p.trim());
  if (pieces.every((p) => range.test(p))) return { ok: true, value: pieces.map((p) => p.replace(/\s*[-–—]+\s*/, '-')).join(', ') };
  return { ok: false, message: `“${t}” is not a page or page range; write 12, 12–34 or 12–14, 20.` };
}

/** Accepts http(s) URLs with a host; a bare "www.…" gets https:// (said in the note). */
function readUrl(t: string): FieldResult {
  let url = t;
  let note: string | undefined;
  if (/^www\./i.test(url)) {
    url = `https://${url}`;
    note = `Read as ${url}.`;
  }
  const m = /^(https?):\/\/([^\s/?#@]+@)?([^\s/?#:]+)(:\d{1,5})?([/?#]\S*)?$/i.exec(url);
  if (!m) {
    if (/\s/.test(url)) return { ok: false, message: 'A URL has no spaces; paste the address as the browser shows it.' };
    if (!/^https?:\/\//i.test(url)) return { ok: false, message: `“${t}” is not a web address: it should start with https:// or http://.` };
    return { ok: false, message: `“${t}” is not a complete web address (https://host/path).` };
  }
  const host = m[3]!;
  if (!host.includes('.') && host.toLowerCase() !== 'localhost') return { ok: false, message: `“${host}” is not a host name; a web address looks like https://example.org/page.` };
  return note ? { ok: true, value: url, note } : { ok: true, value: url };
}

/**
 * Accepts "10.1234/abc", "doi:10.1234/abc" and "https://doi.org/10.1234/abc", stored as
 * "10.1234/abc". A DOI is "10." + a registrant code of 4–9 digits (sub-codes after dots) + "/" +
 * a suffix (the Crossref pattern /^10.\d{4,9}\/[-._;()/:A-Z0-9]+$/i, widened to any visible
 * character, since older DOIs use <, > and #).
 */
function readDoi(t: string): FieldResult {
  const doi = t.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (/^10\.\d{4,9}(?:\.\d+)*\/\S+$/.test(doi)) return { ok: true, value: doi };
  return { ok: false, message: `“${t}” is not a DOI: a DOI looks like 10.1234/abc.123 (10., a number of 4–9 digits, a slash, then the item's own part).` };
}

/** English names people type, mapped to the language code CSL wants. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en', russian: 'ru', turkish: 'tr', turkmen: 'tk', chinese: 'zh', german: 'de', french: 'fr',
  spanish: 'es', italian: 'it', persian: 'fa', arabic: 'ar', kazakh: 'kk', uzbek: 'uz', kyrgyz: 'ky', tajik: 'tg',
  japanese: 'ja', korean: 'ko', portuguese: 'pt', polish: 'pl', ukrainian: 'uk',
};

function readLanguage(t: string): FieldResult {
  const named = LANGUAGE_NAMES[t.toLowerCase()];
  if (named) return { ok: true, value: named, note: `Stored as the language code “${named}”.` };
  if (/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/i.test(t)) {
    const [lang, ...rest] = t.split('-');
    return { ok: true, value: [lang!.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-') };
  }
  return { ok: false, message: `“${t}” is not a language code; write en, ru, tr or zh-CN (or the language's English name).` };
}
