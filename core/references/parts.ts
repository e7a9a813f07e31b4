/**
 * The explicit parts of a reference string that a pattern finds wherever they stand: URLs, DOIs,
 * access dates ("accessed 3 May 2020", "访问时间2022年3月19日"), GB/T 7714 type markers (`[J]`),
 * dates, volume/issue/pages. Each finder returns what it found and the text without it, so the
 * rest of the parser works on what remains.
 */

/** A CSL date. */
export interface CslDate { 'date-parts': number[][] }

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** Years a reference can have: 1500–2099 (older dates in titles are rarely publication years). */
export const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';

/** Date patterns, most specific first; each maps its match to [y, m?, d?]. */
const DATE_PATTERNS: Array<{ re: RegExp; parts: (m: RegExpExecArray) => number[] }> = [
  { re: new RegExp(`(${YEAR})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'u'), parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: new RegExp(`(${YEAR})\\s*年\\s*(\\d{1,2})\\s*月`, 'u'), parts: (m) => [+m[1]!, +m[2]!] },
  { re: new RegExp(`\\b(${YEAR})[-./](\\d{1,2})[-./](\\d{1,2})\\b`), parts: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\s*,?\\s*(${YEAR})\\b`, 'i'), parts: (m) => [+m[3]!, MONTHS[m[2]!.slice(0, 3).toLowerCase()]!, +m[1]!] },
  { re: new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,\\s*(${YEAR})\\b`, 'i'), parts: (m) => [+m[3]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!, +m[2]!] },
  { re: new RegExp(`\\b(${MONTH})\\s+(${YEAR})\\b`, 'i'), parts: (m) => [+m[2]!, MONTHS[m[1]!.slice(0, 3).toLowerCase()]!] },
];

/** A year not part of a longer number. */
const BARE_YEAR = new RegExp(`(?<!\\d)(${YEAR})(?!\\d)`);
/** A year/month/day path in a web address. */
const URL_DATE = new RegExp(`/(${YEAR})/(\\d{1,2}|${MONTH})/(\\d{1,2})(?:/|$)`, 'i');
const RANGE = '(\\d+(?:\\s*[-–—~]\\s*\\d+)?)';
const PAGES = new RegExp(`\\bpp?\\s*\\.?\\s*${RANGE}`, 'i');
const ZH_PAGES = new RegExp(`第\\s*${RANGE}\\s*页`, 'u');
/** APA / Chicago shapes: "20(3), 4–6" or "20 (3): 4–6". */
const VOLUME_ISSUE = new RegExp(`(?<![\\d.])(\\d{1,4})\\s*\\((\\d{1,4}(?:[-–/]\\d{1,4})?)\\)\\s*(?:[:,]\\s*${RANGE})?`, 'u');
/** A string that is a year and nothing else. */
const ONLY_YEAR = new RegExp(`^${YEAR}$`, 'u');
const COLON_PAGES = /:\s*(\d+\s*[-–—]\s*\d+)/u;
/** APA: ", 84, 1–12" after the journal: volume, then a page range. */
const BARE_VOLUME_PAGES = /(?:^|,)\s*(\d{1,4})\s*,\s*(\d+\s*[-–—]\s*\d+)/u;

/** A date found in `text`, with where it stands; null when there is none (a bare year is not a "date"). */
export function findFullDate(text: string): { date: CslDate; index: number; length: number } | null {
  let best: { date: CslDate; index: number; length: number } | null = null;
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(text);
    if (!m) continue;
    const parts = p.parts(m);
    if (parts[1] !== undefined && (parts[1] < 1 || parts[1] > 12)) continue;
    if (parts[2] !== undefined && (parts[2] < 1 || parts[2] > 31)) continue;
    if (!best || m.index < best.index) best = { date: { 'date-parts': [parts] }, index: m.index, length: m[0].length };
  }
  return best;
}

/** Reads a date or a bare year ("2017.5.24", "24 May 2017", "2021年8月19日", "2018"); null otherwise. */
export function parseDate(text: string): CslDate | null {
  const full = findFullDate(text);
  if (full) return full.date;
  const y = BARE_YEAR.exec(text);
  return y ? { 'date-parts': [[+y[1]!]] } : null;
}

/** URLs: http(s) or www., ending before whitespace, CJK punctuation, or trailing `.,;)`. */
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"“”，。；、）]+/giu;

/** Takes the URLs out of `text`. */
export function takeUrls(text: string): { urls: string[]; rest: string } {
  const urls: string[] = [];
  const rest = text.replace(URL_RE, (u) => {
    const trimmed = u.replace(/[.,;:)\]]+$/, '');
    urls.push(trimmed.startsWith('www.') ? `https://${trimmed}` : trimmed);
    return ' ' + u.slice(trimmed.length);
  });
  return { urls, rest };
}

/**
 * The publication date a web address carries (`/2019/december/09/`, `/2019/12/09/`): news and
 * blog sites put it there. Only a full year/month/day path counts (a bare `/2020/05/` is often
 * an upload folder). Null when there is none.
 */
export function dateFromUrl(url: string): CslDate | null {
  const m = URL_DATE.exec(url);
  if (!m) return null;
  const month = /^\d/u.test(m[2]!) ? +m[2]! : MONTHS[m[2]!.slice(0, 3).toLowerCase()];
  const day = +m[3]!;
  if (!month || month > 12 || day < 1 || day > 31) return null;
  return { 'date-parts': [[+m[1]!, month, day]] };
}

/** A DOI (`10.NNNN/…`) in a URL or written out ("doi:10.…", "DOI 10.…"). */
const DOI_RE = /\b(10\.\d{4,9}\/[^\s"<>，。；]+)/u;

/** The DOI named by `text` or by one of `urls`, without a trailing full stop; null when none. */
export function findDoi(text: string, urls: string[]): string | null {
  for (const u of urls) {
    const m = DOI_RE.exec(decodeSafe(u));
    if (m) return m[1]!.replace(/[.,;)]+$/, '');
  }
  const m = /\b(?:doi|DOI)\s*:?\s*(10\.\d{4,9}\/\S+)/u.exec(text);
  return m ? m[1]!.replace(/[.,;)]+$/, '') : null;
}

/** Takes a written-out DOI ("doi: 10.…") out of the text. */
export function dropDoiText(text: string): string {
  return text.replace(/\b(?:doi|DOI)\s*:?\s*10\.\d{4,9}\/\S+/u, ' ');
}

function decodeSafe(u: string): string {
  try { return decodeURIComponent(u); } catch { return u; }
}

/** "accessed 12 March 2020", "retrieved on …", "访问时间/上网时间/访问日期/检索日期/引用日期 …". */
const ACCESSED_RE = new RegExp(
  `[\\[(（]?\\s*(?:(?:last\\s+)?accessed|retrieved|viewed|consulted|访问时间|上网时间|访问日期|检索日期|引用日期|浏览日期)(?:\\s+on)?\\s*[:：]?\\s*` +
  `((?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s*,?\\s*${YEAR})|(?:${MONTH}\\s+\\d{1,2}\\s*,\\s*${YEAR})|(?:${YEAR}\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?)|(?:${YEAR}[-./]\\d{1,2}[-./]\\d{1,2}))\\s*[\\])）]?`,
  'iu');

/** Takes the access date out of the text. */
export function takeAccessed(text: string): { accessed: CslDate | null; rest: string } {
  const m = ACCESSED_RE.exec(text);
  if (!m) return { accessed: null, rest: text };
  return { accessed: parseDate(m[1]!), rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

/** GB/T 7714 document-type markers → CSL types. */
const TYPE_MARKERS: Record<string, string> = {
  J: 'article-journal', M: 'book', C: 'paper-conference', N: 'article-newspaper', D: 'thesis', R: 'report',
  S: 'standard', P: 'patent', G: 'book', Z: 'document', A: 'chapter', 'EB/OL': 'webpage', 'J/OL': 'article-journal',
  'M/OL': 'book', 'N/OL': 'article-newspaper', 'DB/OL': 'dataset',
};

/** Takes a `[J]`-style type marker out of the text; the CSL type it names, or null. */
export function takeTypeMarker(text: string): { type: string | null; rest: string } {
  const m = /\[\s*(J|M|C|N|D|R|S|P|G|Z|A|EB\/OL|J\/OL|M\/OL|N\/OL|DB\/OL)\s*\]/u.exec(text);
  if (!m) return { type: null, rest: text };
  return { type: TYPE_MARKERS[m[1]!] ?? null, rest: text.slice(0, m.index) + text.slice(m.index + m[0].length) };
}

/** Volume, issue and pages found in the part of a reference after its title. */
export interface Numbers { volume?: string; issue?: string; page?: string; strong: Set<'volume' | 'issue' | 'page'> }

/** Finds volume, issue and pages by their labels (vol., no., Issue, pp., 卷, 期, 页) or shapes (`20(3)`, `: 4–6`). */
export function findNumbers(text: string): Numbers {
  const out: Numbers = { strong: new Set() };
  const vol = /\b(?:vol(?:ume)?|bd|t)\s*\.?\s*(\d+)/i.exec(text) ?? /第\s*(\d+)\s*卷/u.exec(text);
  if (vol) { out.volume = vol[1]!; out.strong.add('volume'); }
  const iss = /\b(?:issue|iss|no|nr|number|num)\s*\.?\s*(\d+)/i.exec(text) ?? /第\s*(\d+)\s*期/u.exec(text);
  if (iss) { out.issue = iss[1]!; out.strong.add('issue'); }
  const pages = PAGES.exec(text) ?? ZH_PAGES.exec(text);
  if (pages) { out.page = dash(pages[1]!); out.strong.add('page'); }
  // APA / Chicago shapes: "20(3), 4–6" or "20 (3): 4–6".
  const shaped = VOLUME_ISSUE.exec(text);
  // "no. 2 (2010)" is an issue and a year (Chicago), not volume 2, issue 2010.
  if (shaped && !(out.volume && out.issue) && !ONLY_YEAR.test(shaped[2]!)) {
    out.volume ??= shaped[1]!;
    out.issue ??= shaped[2]!;
    if (shaped[3] && !out.page) out.page = dash(shaped[3]);
  }
  // APA without an issue: "Energy Policy, 84, 1–12".
  const bare = out.volume ? null : BARE_VOLUME_PAGES.exec(text);
  if (bare) { out.volume = bare[1]!; if (!out.page) out.page = dash(bare[2]!); }
  if (!out.page) {
    const colon = COLON_PAGES.exec(text);
    if (colon) out.page = dash(colon[1]!);
  }
  return out;
}

/** Page ranges use an en dash, as CSL processors print them. */
function dash(range: string): string {
  return range.replace(/\s*[-–—~]\s*/u, '–');
}
