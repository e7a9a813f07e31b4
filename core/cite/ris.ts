/**
 * RIS writer (the tagged format EndNote, Zotero, Mendeley and bibutils read). Our own, since
 * citation-js's writer wraps lines at 70 characters (URLs break on re-import), cuts `ID` to 20
 * characters, drops the particle of "De Leonardis" and a web page's site (issue 6), and
 * biblatex-csl-converter only reads RIS.
 *
 * What we write, after the RIS specification (RIS Format Specifications, Thomson Reuters 2011)
 * and what Zotero's importer expects: `TAG  - value` lines, never wrapped, CRLF line ends, a
 * record from `TY` to `ER`, UTF-8 without BOM; persons as "Family, Given" with particles kept in
 * the family ("De Leonardis, Fabio", "van der Berg, Jan"); organisations as their name alone
 * (RIS has no flag for them: Zotero reads a name without a comma as one field; bibutils needs
 * its --corporation-file); `PY` the year and `DA` "YYYY/MM/DD/"; pages as `SP` and `EP`.
 */
import type { CslItem } from '../api.ts';
import { dateOf, names, pageRange, text, type CslName, type DateParts } from './csl.ts';

/** CSL type → RIS reference type. Others: GEN. */
const RIS_TYPES: Readonly<Record<string, string>> = {
  'article-journal': 'JOUR', 'article-magazine': 'MGZN', 'article-newspaper': 'NEWS', article: 'JOUR',
  book: 'BOOK', chapter: 'CHAP', 'entry-encyclopedia': 'ENCYC', 'entry-dictionary': 'DICT', 'paper-conference': 'CPAPER',
  report: 'RPRT', thesis: 'THES', webpage: 'ELEC', 'post-weblog': 'BLOG', post: 'ELEC', manuscript: 'MANSCPT',
  dataset: 'DATA', software: 'COMP', map: 'MAP', legislation: 'STAT', legal_case: 'CASE', broadcast: 'MPCT',
  motion_picture: 'MPCT', personal_communication: 'PCOMM', interview: 'PCOMM', speech: 'SOUND', standard: 'STAND',
};

/** The RIS reference type of a CSL type. */
export function risType(cslType: string): string {
  return RIS_TYPES[cslType] ?? 'GEN';
}

/** One line's value: line breaks and other control characters become spaces; nothing is cut. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A name as RIS writes it: "Family, Given[, Suffix]" with particles in the family; an organisation as is. */
export function risName(n: CslName): string {
  if (n.literal !== undefined) return n.literal;
  const family = [n['non-dropping-particle'], n.family].filter(Boolean).join(' ');
  const given = [n.given, n['dropping-particle']].filter(Boolean).join(' ');
  if (!family) return given;
  if (!given) return family;
  return n.suffix ? `${family}, ${given}, ${n.suffix}` : `${family}, ${given}`;
}

/** "2016/07/24/", "2016/07//", "2016///": the RIS DA form (year/month/day/other part). */
function risDate(d: DateParts): string {
  const pad = (n: number | undefined): string => (n === undefined ? '' : String(n).padStart(2, '0'));
  return `${String(d.year).padStart(4, '0')}/${pad(d.month)}/${pad(d.day)}/`;
}

/** The lines of one record (tag, value), TY first and ER last. */
function recordLines(item: CslItem, key: string): Array<[string, string]> {
  const lines: Array<[string, string]> = [['TY', risType(item.type)]];
  const add = (tag: string, v: string | undefined): void => {
    if (v !== undefined && clean(v) !== '') lines.push([tag, clean(v)]);
  };
  const t = (f: string): string | undefined => text(item, f);
  add('ID', key);
  for (const n of names(item, 'author')) add('AU', risName(n));
  for (const n of names(item, 'editor')) add('A2', risName(n));
  for (const n of names(item, 'translator')) add('A4', risName(n));
  add('TI', t('title'));
  add('ST', t('title-short'));
  add('T2', t('container-title'));
  add('T3', t('collection-title'));
  const issued = dateOf(item);
  if (issued) {
    add('PY', String(issued.year));
    add('DA', risDate(issued));
  }
  const accessed = dateOf(item, 'accessed');
  if (accessed) add('Y2', risDate(accessed));
  add('VL', t('volume'));
  add('IS', t('issue') ?? t('number'));
  add('ET', t('edition'));
  const page = t('page');
  if (page) {
    const r = pageRange(page);
    add('SP', r.first);
    add('EP', r.last);
  }
  add('PB', t('publisher'));
  add('CY', t('publisher-place'));
  add('M3', t('genre'));
  add('SN', t('ISBN') ?? t('ISSN'));
  add('DO', t('DOI'));
  add('UR', t('URL'));
  add('LA', t('language'));
  add('N1', t('note'));
  lines.push(['ER', '']);
  return lines;
}

/**
 * An RIS file of `items` (from exportableItem), each record's `ID` its citekey from `keys`
 * (the item's id when it has none), in full. Records in the order of `items`, separated by a
 * blank line.
 */
export function toRis(items: readonly CslItem[], keys: ReadonlyMap<string, string>): string {
  return items.map((item) => recordLines(item, keys.get(item.id) ?? item.id)
    .map(([tag, v]) => `${tag}  - ${v}`.trimEnd() + (tag === 'ER' ? ' ' : '') + '\r\n').join('')).join('\r\n');
}
