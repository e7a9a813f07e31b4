/**
 * BibTeX and BibLaTeX writers. Our own, not biblatex-csl-converter's exporter (installed, and
 * the best maintained CSL→BibLaTeX converter in npm): on our sources it joins page ranges into
 * one number ("12-34" → "1234"), drops a web page's site name and a report's publisher, prints
 * "\{ braces\}" with stray spaces, and writes no classic BibTeX. citation-js's BibTeX output
 * escapes nothing or deletes CJK characters (issue 6). The converter's parser is still used by
 * the tests, as an independent reader of what we write.
 *
 * What we write: Unicode kept as is (BibLaTeX+biber, Pandoc and BibTeX with UTF-8 inputenc all
 * read it); TeX's special characters escaped; capitals protected by braces so a style's case
 * change cannot turn "Central Asian Union" into "Central asian union"; organisations braced
 * whole; dates as BibLaTeX `date = {2017-05-24}` or BibTeX `year`/`month = may`/`day`.
 */
import type { CslItem } from '../api.ts';
import { dateOf, isoDate, names, pageRange, text, type CslName, type DateParts } from './csl.ts';

/** Which flavour to write: BibLaTeX (biber) or classic BibTeX (bibtex, natbib styles). */
export type BibDialect = 'bibtex' | 'biblatex';

/** Format version written in the file's first line, raised when the mapping changes. */
export const BIB_FORMAT_VERSION = 1;

/** CSL type → [BibLaTeX type, BibTeX type]. Others: @misc. */
const ENTRY_TYPES: Readonly<Record<string, readonly [string, string]>> = {
  'article-journal': ['article', 'article'], 'article-magazine': ['article', 'article'], 'article-newspaper': ['article', 'article'],
  'review': ['article', 'article'], 'review-book': ['article', 'article'],
  book: ['book', 'book'], chapter: ['incollection', 'incollection'],
  'entry-encyclopedia': ['inreference', 'misc'], 'entry-dictionary': ['inreference', 'misc'],
  'paper-conference': ['inproceedings', 'inproceedings'], report: ['report', 'techreport'],
  thesis: ['thesis', 'phdthesis'], manuscript: ['unpublished', 'unpublished'],
  webpage: ['online', 'misc'], 'post-weblog': ['online', 'misc'], post: ['online', 'misc'],
  dataset: ['dataset', 'misc'], software: ['software', 'misc'],
};

/** BCP 47 primary language → babel/polyglossia name for `langid` (not printed; steers hyphenation and case). */
const LANGIDS: Readonly<Record<string, string>> = {
  en: 'english', ru: 'russian', tr: 'turkish', de: 'german', fr: 'french', es: 'spanish', it: 'italian',
  pt: 'portuguese', pl: 'polish', uk: 'ukrainian', kk: 'kazakh', fa: 'farsi', ar: 'arabic', nl: 'dutch',
};
const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Escapes text for a BibTeX/BibLaTeX field: & % $ # _ get a backslash, \ ~ ^ become
 * \textbackslash{} etc.; braces that pair up become \{ \}, unpaired ones \textbraceleft{} /
 * \textbraceright{} (BibTeX and biber count braces even after a backslash, so a lone \{ would
 * swallow the rest of the file). Line breaks become spaces.
 */
export function escapeTex(s: string): string {
  const chars = [...s.replace(/\s*\n\s*/g, ' ')];
  const paired = new Set<number>();
  const open: number[] = [];
  chars.forEach((c, i) => {
    if (c === '{') open.push(i);
    else if (c === '}' && open.length) {
      paired.add(open.pop()!);
      paired.add(i);
    }
  });
  return chars.map((c, i) => {
    switch (c) {
      case '\\': return '\\textbackslash{}';
      case '{': return paired.has(i) ? '\\{' : '\\textbraceleft{}';
      case '}': return paired.has(i) ? '\\}' : '\\textbraceright{}';
      case '&': case '%': case '$': case '#': case '_': return `\\${c}`;
      case '~': return '\\textasciitilde{}';
      case '^': return '\\textasciicircum{}';
      default: return c;
    }
  }).join('');
}

/**
 * A title for a field: escaped, and every word with a capital letter past the title's first
 * letter wrapped in braces, so styles that change case (and Pandoc, which makes BibTeX titles
 * sentence case) keep "Turkmenistan", "UN" and "Central Asian Union" as written.
 */
export function protectTitle(s: string): string {
  return s.trim().split(/(\s+)/).map((w, i) => {
    if (/^\s+$/.test(w) || w === '') return w;
    // The title's first letter may stay a capital unprotected; every other capital is protected.
    const capitalInside = /\p{Lu}/u.test(i === 0 ? w.replace(/^[^\p{L}]*\p{L}/u, '') : w);
    return capitalInside ? `{${escapeTex(w)}}` : escapeTex(w);
  }).join('');
}

/** A name part: escaped, braced when it holds a comma or the word "and" (which would split the list). */
function namePart(s: string): string {
  const e = escapeTex(s);
  return /,|\band\b/i.test(s) ? `{${e}}` : e;
}

/**
 * One name for a name list: "De Leonardis, Fabio", "van der Berg, Jan", "Smith, Jr., John";
 * an organisation braced whole ("{Smith, Jones \& Partners}") so it is never split into
 * family and given names.
 */
export function bibName(n: CslName): string {
  if (n.literal !== undefined) return `{${escapeTex(n.literal)}}`;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).map((p) => namePart(p!)).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).map((p) => namePart(p!)).join(' ');
  if (!family) return `{${given}}`;
  if (!given) return n.family && /\s/.test(n.family) && !n['non-dropping-particle'] ? `{${family}}` : family;
  return n.suffix ? `${family}, ${namePart(n.suffix)}, ${given}` : `${family}, ${given}`;
}

/** A URL or DOI (verbatim fields): nothing escaped, but braces and backslashes percent-encoded so the entry parses. */
function verbatim(s: string): string {
  return s.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The fields of one entry, in writing order; values already in BibTeX syntax (braced or a macro). */
function entryFields(item: CslItem, dialect: BibDialect): Array<[string, string]> {
  const latex = dialect === 'biblatex';
  const type = item.type;
  const f: Array<[string, string]> = [];
  const put = (name: string, value: string | undefined, raw = false): void => {
    if (value !== undefined && value !== '') f.push([name, raw ? value : `{${value}}`]);
  };
  const nameList = (field: 'author' | 'editor' | 'translator'): string | undefined => {
    const list = names(item, field);
    return list.length ? list.map(bibName).join(' and ') : undefined;
  };
  const t = (field: string): string | undefined => text(item, field);
  const title = (field: string): string | undefined => (t(field) ? protectTitle(t(field)!) : undefined);

  put('author', nameList('author'));
  put('editor', nameList('editor'));
  put('translator', nameList('translator'));
  // exportableItem's "[Untitled report on …]" is our wording, printed as is: protected whole.
  const ownTitle = t('title');
  put('title', ownTitle && /^\[.*\]$/.test(ownTitle) ? `{${escapeTex(ownTitle)}}` : title('title'));
  put('shorttitle', title('title-short'));

  const container = title('container-title');
  if (/^(?:article|review)/.test(type)) put(latex ? 'journaltitle' : 'journal', container);
  else if (['chapter', 'paper-conference', 'entry-encyclopedia', 'entry-dictionary'].includes(type)) put('booktitle', container);
  else if (['webpage', 'post-weblog', 'post'].includes(type)) put(latex ? 'organization' : 'howpublished', container);
  else if (type === 'book' || type === 'report') put('series', container);
  else put('howpublished', container);

  const publisher = t('publisher') ? escapeTex(t('publisher')!) : undefined;
  if (type === 'report') put('institution', publisher);
  else if (type === 'thesis') put(latex ? 'institution' : 'school', publisher);
  else if (!['webpage', 'post-weblog', 'post'].includes(type)) put('publisher', publisher);
  else if (!container) put(latex ? 'organization' : 'howpublished', publisher);
  put(latex ? 'location' : 'address', t('publisher-place') ? escapeTex(t('publisher-place')!) : undefined);
  if (type === 'report' || type === 'thesis') put('type', t('genre') ? escapeTex(t('genre')!) : latex && type === 'report' ? 'Report' : undefined);

  put('edition', t('edition') ? escapeTex(t('edition')!) : undefined);
  put('volume', t('volume') ? escapeTex(t('volume')!) : undefined);
  put('number', t('issue') ? escapeTex(t('issue')!) : t('number') ? escapeTex(t('number')!) : undefined);
  const page = t('page');
  if (page) {
    const r = pageRange(page);
    put('pages', escapeTex(r.last ? `${r.first}--${r.last}` : r.first));
  }

  const issued = dateOf(item);
  if (issued) dateFields(issued, item, dialect).forEach(([k, v]) => f.push([k, v]));
  const accessed = dateOf(item, 'accessed');
  if (accessed) put('urldate', isoDate(accessed));

  put('url', t('URL') ? verbatim(t('URL')!) : undefined);
  put('doi', t('DOI') ? verbatim(t('DOI')!) : undefined);
  put('isbn', t('ISBN') ? escapeTex(t('ISBN')!) : undefined);
  put('issn', t('ISSN') ? escapeTex(t('ISSN')!) : undefined);
  const lang = t('language')?.toLowerCase().split('-')[0];
  put('langid', lang ? LANGIDS[lang] : undefined);
  // A person's own note is an annotation on the reference, not text to print in the entry.
  put(latex ? 'annotation' : 'annote', t('note') ? escapeTex(t('note')!) : undefined);
  return f;
}

/** BibLaTeX: one ISO `date` (a range as "2016/2017"). BibTeX: `year`, `month` as a macro, `day`. */
function dateFields(d: DateParts, item: CslItem, dialect: BibDialect): Array<[string, string]> {
  if (dialect === 'biblatex') {
    const parts = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts'];
    const end = parts?.[1] ? dateOf({ id: '', type: '', issued: { 'date-parts': [parts[1]] } }) : null;
    return [['date', `{${isoDate(d)}${end ? `/${isoDate(end)}` : ''}}`]];
  }
  const out: Array<[string, string]> = [['year', `{${d.year}}`]];
  if (d.month) out.push(['month', MONTH_MACROS[d.month - 1]!]);
  if (d.day) out.push(['day', `{${d.day}}`]);
  return out;
}

/**
 * The entry type for a CSL type in a dialect (@misc for types the dialect lacks). A BibTeX
 * thesis is @phdthesis unless its `genre` says master's ("MA thesis", "Master's thesis", "MSc").
 */
export function entryType(cslType: string, dialect: BibDialect, genre?: string): string {
  if (cslType === 'thesis' && dialect === 'bibtex' && genre && /master|\bM\.?(?:A|Sc|Phil)\b/i.test(genre)) return 'mastersthesis';
  const pair = ENTRY_TYPES[cslType];

  return pair ? pair[dialect === 'biblatex' ? 0 : 1] : 'misc';
}

/**
 * A .bib file of `items` (from exportableItem) in `dialect`, keyed by `keys` (assignCitekeys;
 * an item without a key is keyed by its id made safe). Entries in the order of `items`, fields
 * in a fixed order, two-space indent, LF line ends, a comment line with the format version.
 */
export function toBibtex(items: readonly CslItem[], keys: ReadonlyMap<string, string>, opts: { dialect: BibDialect }): string {
  const head = `% ${opts.dialect === 'biblatex' ? 'BibLaTeX' : 'BibTeX'} export from Marginalia (format ${BIB_FORMAT_VERSION}), UTF-8\n`;
  const entries = items.map((item) => {
    const key = keys.get(item.id) ?? item.id.replace(/[^A-Za-z0-9:._-]+/g, '');
    const fields = entryFields(item, opts.dialect).map(([k, v]) => `  ${k} = ${v}`);
    return `@${entryType(item.type, opts.dialect, text(item, 'genre'))}{${key},\n${fields.join(',\n')}\n}\n`;
  });
  return [head, ...entries].join('\n');
}
