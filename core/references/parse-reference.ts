/**
 * One reference string → a CSL item with a confidence per field (see types.ts for the scale).
 *
 * No maintained reference-string parser could be had for this stack (README, "Works cited":
 * AnyStyle is a Ruby gem and not in Debian; Debian's Biblio::Citation::Parser is Perl and
 * English-only; GROBID and refextract are Java/Python services), so these are general rules:
 *
 * 1. Explicit parts first, wherever they stand: URLs, DOIs, access dates ("accessed …",
 *    "访问时间…", "上网时间…"), GB/T 7714 type markers (`[J]`, `[M]`, `[EB/OL]`).
 * 2. Chinese references (a title in 《》): authors before the colon, the first 《》 the title,
 *    a second 《》 the journal or book series, else the words after the title the site or
 *    publisher; `2001年第2期` is year and issue; `年月日` dates; 出版社 makes a book.
 * 3. Other references: full-width punctuation is read as its ASCII twin. The authors are the
 *    longest prefix, ended by a full stop or colon, that reads as a name list (names.ts). Then an
 *    optional `(2018)` date, then the title: a quoted span, else the text up to the next full
 *    stop that does not end an initial or an abbreviation (vol., pp.). Without such a full stop
 *    the title ends at the last comma before a Title-Case phrase (the journal or publisher).
 *    What follows is the container: a publisher when it has a publisher's word ("Press",
 *    "Institute", …), a journal otherwise. Volume, issue, pages and the date are read by label
 *    (parts.ts).
 * 4. The type follows from what was found: volume/issue/pages → article-journal, publisher →
 *    book (report for institutes), URL alone → webpage, else document.
 * 5. Nothing throws: a string none of this fits keeps its raw text, with every field it could
 *    fill at low confidence.
 */
import { displayName, readNameList } from './names.ts';
import {
  YEAR, dateFromUrl, dropDoiText, findDoi, findFullDate, findNumbers, parseDate, takeAccessed, takeTypeMarker, takeUrls, type CslDate,
} from './parts.ts';
import type { CslName, FieldConfidence, ParsedReference, ReferenceItem } from './types.ts';

/** Words of a publisher (rather than a journal) in a container. */
const PUBLISHER_WORDS = /\b(?:Press|Publish(?:ing|ers?)|Verlag|Books|Routledge|Springer|Palgrave|Elsevier|Wiley|Sage|Brill|Macmillan|Penguin|Norton|Blackwell|Ashgate|Lexington|Rowman|Harvard|Yale|Princeton|Institute|Foundation|Centre|Center|Council|Ministry|Office|Agency|Bank)\b/u;
/** A publisher of books (not an organisation that publishes reports or pages). */
const PRESS = /\b(?:Press|Publish(?:ing|ers?)|Verlag|Books)\b/u;
/** Words of a newspaper or news site (an article there without volume or issue is news). */
const NEWS_WORDS = /\b(?:News|Times|Post|Gazette|Herald|Daily|Tribune|Guardian|Telegraph|Journal Online)\b/u;
/** Words of a periodical. */
const JOURNAL_WORDS = /\b(?:Journal|Review|Quarterly|Studies|Survey|Affairs|Bulletin|Magazine|Monitor|Times|Post|News|Gazette|Proceedings|Annals|Letters|Report|Handbook|Politics|Policy|Perspectives)\b/u;
/** Abbreviations whose full stop does not end a part of the reference. */
const ABBREVIATIONS = /(?:^|[\s(])(?:vol|vols|no|nos|pp|p|ed|eds|trans|tr|rev|Jr|Sr|St|Dr|Mr|Mrs|Ms|Prof|etal|al|cf|ch|chap|n\.d|U\.S|U\.K|Inc|Ltd|Co|e\.g|i\.e)$/iu;
/** "et al." may end an author list. */
const ET_AL = /(?:^|[\s,])(?:et\s?al|etal)$/iu;

/** A nationality mark before a Chinese author's name: "[美]", "（俄）", "〔英〕". */
const NATIONALITY = /[\[［〔(（]\s*\p{Script=Han}{1,2}\s*[\]］〕)）]\s*/gu;
/** A contributor after a Chinese title: names, optional 等, then 译 (translated) or (主)编 (edited). */
const CONTRIBUTOR = /^([^，,。《》\d]{1,30}?)(等)?(译|主编|编)(?=$|[\s，,。])/u;
/** A year in a Chinese reference, with its 年 if written. */
const ZH_YEAR = new RegExp(`(?<!\\d)(${YEAR})(?!\\d)\\s*(年)?`, 'u');
/** APA: the authors end where the bracketed year starts. */
const APA_AUTHORS = new RegExp(`^(.{2,200}?)\\s*\\((?:${YEAR}[a-z]?|n\\.d\\.)[^)]{0,20}\\)`, 'u');
/** Where the numbers part of a segment begins. */
const TAIL_START = new RegExp(`(?:^|[,;]\\s*|\\s)(?=(?:vol(?:ume)?\\b|vol\\.|no\\.|issue|iss\\.|pp?\\.|\\(?${YEAR}\\b|\\d+\\s*\\(\\d))`, 'i');
/** Chicago notes: publication facts in brackets that end with a year, "(Oxford: Routledge, 2012)". */
const NOTE_FACTS = new RegExp(`\\s\\(([^()]{0,160}\\b${YEAR})\\)`, 'u');
/** A date right after the authors. */
const EARLY_DATE = new RegExp(`^\\(?((?:${YEAR})[a-z]?(?:,\\s*[^)]{1,20})?|n\\.d\\.)\\)?[.,]\\s*`, 'u');
/** Bare years, not part of a longer number or a dotted date. */
const BARE_YEARS = new RegExp(`(?<![\\d.])(${YEAR})(?![\\d])`, 'g');

/**
 * Characters of a note that are parsed. The longest of the corpus's 28 notes has 300; a note
 * past this is commentary that may open with a reference, and the rest is not read (the raw text
 * is kept whole). It also bounds the time one note can take.
 */
const MAX_PARSED = 1000;
/** Words a note puts before the work it cites ("See", "See also", "Cf.", "参见", "转引自"). */
const LEAD_WORDS = /^(?:see(?:\s+also)?|cf\.?|compare|quoted\s+in|cited\s+in|参见|参阅|详见|转引自|引自|见)[\s:：,，]*/iu;
/** Commas tried, from the end, when a title ends at a comma before its container. */
const MAX_SPLIT_COMMAS = 12;

/** Parses one reference string; never throws (see rule 5). */
export function parseReference(raw: string): ParsedReference {
  try {
    return parse(raw);
  } catch {
    return { raw, item: { type: 'document' }, confidence: { type: 0.1 } };
  }
}

function parse(raw: string): ParsedReference {
  const item: ReferenceItem = { type: 'document' };
  const conf: FieldConfidence = {};
  let text = raw.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, MAX_PARSED).replace(LEAD_WORDS, '');
  const marker = takeTypeMarker(text);
  text = marker.rest;
  const accessed = takeAccessed(text);
  text = accessed.rest;
  const urls = takeUrls(text);
  text = urls.rest;
  const doi = findDoi(text, urls.urls);
  text = dropDoiText(text).replace(/\s+/gu, ' ').trim();
  if (urls.urls.length) { item.URL = urls.urls[0]; conf.URL = 0.95; }
  if (doi) { item.DOI = doi; conf.DOI = 0.95; }
  if (accessed.accessed) { item.accessed = accessed.accessed; conf.accessed = 0.9; }
  const language = languageOf(text);
  if (language) { item.language = language.code; conf.language = language.confidence; }

  const open = text.indexOf('《');
  const found = open >= 0 && text.indexOf('》', open) > open + 1 ? parseChinese(text) : parseWestern(text);
  Object.assign(item, found.item);
  Object.assign(conf, found.conf);

  if (!item.issued && item.URL) {
    const fromUrl = dateFromUrl(String(item.URL));
    if (fromUrl) { item.issued = fromUrl; conf.issued = 0.5; }
  }
  if (marker.type) { item.type = marker.type; conf.type = 0.95; }
  else if (!conf.type) {
    const t = inferType(item);
    item.type = t.type;
    conf.type = t.confidence;
  }
  // Nothing recognisable: keep what little there is, at low confidence (rule 5).
  if (!item.author && (conf.title ?? 0) < 0.5 && !item.issued) {
    for (const k of Object.keys(conf) as Array<keyof FieldConfidence>) if (k !== 'URL' && k !== 'DOI' && k !== 'accessed') conf[k] = Math.min(conf[k]!, 0.3);
  }
  return { raw, item, confidence: conf };
}

/** zh for Han text, ru for Cyrillic, en for Latin text with English function words. */
function languageOf(text: string): { code: string; confidence: number } | null {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const cyr = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  if (han > 0 && han * 3 >= latin) return { code: 'zh', confidence: 0.9 };
  if (cyr > latin) return { code: 'ru', confidence: 0.85 };
  if (latin > 0 && /\b(?:the|of|and|in|to|on|for|with)\b/iu.test(text)) return { code: 'en', confidence: 0.8 };
  return null;
}

interface Found { item: ReferenceItem; conf: FieldConfidence }

function setAuthors(found: Found, names: CslName[], confidence: number): void {
  if (names.length === 0) return;
  found.item.author = names;
  found.conf.author = confidence;
}

function setDate(found: Found, date: CslDate | null, confidence: number): void {
  if (!date) return;
  found.item.issued = date;
  found.conf.issued = confidence;
}

function setNumbers(found: Found, text: string): void {
  const n = findNumbers(text);
  if (found.item.volume && !n.strong.has('volume')) delete n.volume; // the container's bare number stays
  if (n.volume) { found.item.volume = n.volume; found.conf.volume = n.strong.has('volume') ? 0.9 : 0.7; }
  if (n.issue) { found.item.issue = n.issue; found.conf.issue = n.strong.has('issue') ? 0.9 : 0.7; }
  if (n.page) { found.item.page = n.page; found.conf.page = n.strong.has('page') ? 0.9 : 0.7; }
}

// ---------------------------------------------------------------------------------------------
// Chinese references (rule 2)
// ---------------------------------------------------------------------------------------------

function parseChinese(text: string): Found {
  const found: Found = { item: {}, conf: {} };
  const open = text.indexOf('《');
  const close = text.indexOf('》', open);
  // Nationality marks before a name ("[美]亨廷顿", "（俄）") are not part of it.
  const authorPart = text.slice(0, open).replace(NATIONALITY, '').replace(/[\s:：,，.。]+$/u, '').trim();
  if (authorPart) {
    const list = readNameList(authorPart);
    // After a nationality mark the names are transliterated foreign names: no family/given split.
    const foreign = NATIONALITY.test(text.slice(0, open));
    NATIONALITY.lastIndex = 0;
    if (list && foreign) list.names = list.names.map((n) => (n.family && /\p{Script=Han}/u.test(n.family) ? { family: n.family + (n.given ?? '') } : n));
    if (list) setAuthors(found, list.names, list.clean ? 0.9 : 0.7);
    else setAuthors(found, [{ literal: authorPart }], 0.5);
  }
  found.item.title = text.slice(open + 1, close).trim();
  found.conf.title = 0.95;
  let after = text.slice(close + 1).replace(/^[\s,，、.:：]+/u, '');
  // Translators and editors named after the title ("周琪等译", "王某主编"): contributors, not the container.
  for (let m = CONTRIBUTOR.exec(after); m; m = CONTRIBUTOR.exec(after)) {
    const names = readNameList(m[1]!.replace(NATIONALITY, ''));
    const role = m[3] === '译' ? 'translator' : 'editor';
    if (names) { found.item[role] = names.names; found.conf[role] = 0.8; }
    after = after.slice(m[0].length).replace(/^[\s,，、.:：]+/u, '');
  }
  const second = /^《([^》]+)》/u.exec(after);
  if (second) {
    found.item['container-title'] = second[1]!.trim();
    found.conf['container-title'] = 0.9;
    after = after.slice(second[0].length);
  } else {
    // The site or publisher: words up to a date, a year, a comma or the end.
    const words = /^([^\d,，。;；]+?)(?=\s*(?:\d|[,，。;；]|$))/u.exec(after);
    if (words && /\p{Script=Han}|\p{L}{3}/u.test(words[1]!)) {
      const w = words[1]!.trim();
      const pub = /^(?:(.+?)[:：])?(.*出版.*)$/u.exec(w);
      if (pub) {
        if (pub[1]) { found.item['publisher-place'] = pub[1].trim(); found.conf['publisher-place'] = 0.8; }
        found.item.publisher = pub[2]!.replace(/(?:年)?版$/u, '').trim();
        found.conf.publisher = 0.85;
      } else {
        found.item['container-title'] = w;
        found.conf['container-title'] = 0.75;
      }
    }
  }
  const full = findFullDate(after);
  if (full) setDate(found, full.date, 0.9);
  else {
    const y = ZH_YEAR.exec(after);
    if (y) setDate(found, { 'date-parts': [[+y[1]!]] }, y[2] || /^\s*第/u.test(after.slice(y.index + y[0].length)) ? 0.9 : 0.75);
  }
  setNumbers(found, after);
  if (/第\s*\d+\s*期/u.test(after)) { found.item.type = 'article-journal'; found.conf.type = 0.9; }
  else if (found.item.publisher) { found.item.type = 'book'; found.conf.type = 0.85; }
  else if (/报$/u.test(String(found.item['container-title'] ?? '')) && full?.date['date-parts'][0]!.length === 3) { found.item.type = 'article-newspaper'; found.conf.type = 0.8; }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Other references (rule 3)
// ---------------------------------------------------------------------------------------------

/** Full-width punctuation as its ASCII twin, spaces before punctuation removed. */
function westernise(text: string): string {
  return text
    .replace(/，/gu, ', ').replace(/：/gu, ': ').replace(/；/gu, '; ').replace(/。/gu, '. ')
    .replace(/（/gu, ' (').replace(/）/gu, ') ')
    .replace(/\s+([,.;:])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Indexes where a part of the reference may end: a full stop or colon followed by a space, an
 * uppercase letter or a quote, and not closing an initial or an abbreviation (for `.`).
 */
function partEnds(text: string, { initials }: { initials: boolean }): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '.' && c !== ':') continue;
    const next = text.slice(i + 1, i + 3);
    if (!(next === '' || /^\s/u.test(next) || /^[\p{Lu}“"‘'«]/u.test(next))) continue;
    if (c === '.') {
      const before = text.slice(Math.max(0, i - 12), i);
      if (ABBREVIATIONS.test(before) && !(initials && ET_AL.test(before))) continue;
      if (!initials && /(?:^|[\s.])\p{Lu}$/u.test(before)) continue;
    }
    out.push(i);
  }
  return out;
}

/** The authors: the longest prefix, ended by a part end, that reads as a name list. */
function takeAuthors(text: string): { names: CslName[]; clean: boolean; rest: string } | null {
  let best: { names: CslName[]; clean: boolean; end: number } | null = null;
  for (const i of partEnds(text, { initials: true })) {
    if (i > 200) break;
    const prefix = text.slice(0, i).trim();
    const list = readNameList(prefix);
    if (list) best = { names: list.names, clean: list.clean, end: i + 1 };
  }
  // Chicago notes: "Martha Brill Olcott, Central Asia's Second Chance (…)" — names in natural
  // order end at a comma before the title. Only a clean list counts (every person with a given
  // name, or an organisation), so "Turkmenistan, the neutral state" is no author.
  if (!best) {
    const comma = /^([^,]{2,120}?(?:\s+(?:and|&)\s+[^,]{2,60})?),\s*(?=[“"‘'«\p{Lu}])/u.exec(text);
    const list = comma ? readNameList(comma[1]!) : null;
    if (comma && list && list.clean && list.names.every((n) => n.literal || n.given)) best = { names: list.names, clean: true, end: comma[0].length };
  }
  // APA: "Yapici, U. (2018). Title" — the authors end where the bracketed year starts.
  const apa = APA_AUTHORS.exec(text);
  if (apa) {
    const list = readNameList(apa[1]!.replace(/[.,]$/u, ''));
    if (list && (!best || apa[1]!.length >= best.end - 1)) best = { names: list.names, clean: list.clean, end: apa[1]!.length };
  }
  if (!best) return null;
  return { names: best.names, clean: best.clean, rest: text.slice(best.end).replace(/^[\s.:,]+/u, '') };
}

const QUOTES: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»', '„': '“' };

/** A title written in quotes at the start of `text`, when the quote holds the whole title. */
function quotedTitle(text: string): { title: string; rest: string } | null {
  const close = QUOTES[text[0] ?? ''];
  if (!close) return null;
  const end = text.indexOf(close, 1);
  if (end < 2) return null;
  const after = text.slice(end + 1);
  if (/^\s*\p{Ll}/u.test(after)) return null; // "‘Second meeting’ of leaders…": the quote is only part of it
  return { title: text.slice(1, end).replace(/[\s.,:;]+$/u, ''), rest: after.replace(/^[\s.,:;]+/u, '') };
}

/** Where the numbers part ("vol.", "Issue3", "pp.", ", 2018") of a segment begins; -1 when none. */
function tailStart(segment: string): number {
  const m = TAIL_START.exec(segment);
  return m ? m.index : -1;
}

/** True for a Title-Case phrase (a journal's or publisher's name): most content words capitalised. */
function titleCase(phrase: string): boolean {
  const words = phrase.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 14) return false;
  const content = words.filter((w) => !/^(?:of|and|the|for|in|on|at|to|&|de|des|du|la|le|für|und)$/iu.test(w));
  const capital = content.filter((w) => /^[\p{Lu}\d]/u.test(w));
  return content.length > 0 && capital.length / content.length >= 0.75 && /^[\p{Lu}\d]/u.test(words[0]!);
}

/** Splits "Title, Container" at the last comma whose right side is a Title-Case phrase. */
function splitTitleContainer(segment: string): { title: string; container: string | null } {
  // The container is near the end: the last MAX_SPLIT_COMMAS commas are enough (and keep this linear).
  const commas = [...segment.matchAll(/,\s*/gu)].map((m) => m.index!).reverse().slice(0, MAX_SPLIT_COMMAS);
  for (const at of commas) {
    const left = segment.slice(0, at).trim();
    const right = segment.slice(at + 1).trim();
    if (left.split(/\s+/u).length >= 3 && titleCase(right)) return { title: left, container: right };
  }
  return { title: segment.trim(), container: null };
}

function parseWestern(input: string): Found {
  const found: Found = { item: {}, conf: {} };
  const text = westernise(input).replace(/[\s.,;:]+$/u, '');
  const authors = takeAuthors(text);
  let rest = text;
  if (authors) {
    setAuthors(found, authors.names, authors.clean ? 0.9 : 0.65);
    rest = authors.rest;
  }
  // A date right after the authors (APA "(2018).", Chicago author-date "2018.").
  const early = EARLY_DATE.exec(rest);
  if (early) {
    setDate(found, parseDate(early[1]!), 0.9);
    rest = rest.slice(early[0].length);
  }

  let title: string | null = null;
  let titleConf = 0;
  let after = '';
  const quoted = quotedTitle(rest);
  if (quoted) {
    title = quoted.title; titleConf = 0.95; after = quoted.rest;
  } else if (NOTE_FACTS.test(rest) && !/\.\s/u.test(rest.slice(0, NOTE_FACTS.exec(rest)!.index))) {
    // Chicago notes: "Title (Place: Publisher, Year), 23." — the title ends at the bracketed facts.
    const m = NOTE_FACTS.exec(rest)!;
    title = rest.slice(0, m.index); titleConf = authors ? 0.85 : 0.6;
    after = m[1]!;
  } else {
    const ends = partEnds(rest, { initials: false });
    const firstEnd = ends.find((i) => rest[i] === '.') ?? -1;
    let first = firstEnd >= 0 ? rest.slice(0, firstEnd) : rest;
    after = firstEnd >= 0 ? rest.slice(firstEnd + 1) : '';
    const tail = tailStart(first);
    if (tail > 0) { after = first.slice(tail) + (after ? '. ' + after : ''); first = first.slice(0, tail); }
    if (firstEnd >= 0 && tail < 0) {
      title = first; titleConf = authors ? 0.8 : 0.6;
    } else {
      const split = splitTitleContainer(first.replace(/[\s,;]+$/u, ''));
      title = split.title;
      titleConf = split.container ? 0.65 : authors ? 0.6 : 0.3;
      if (split.container) after = split.container + (after ? ', ' + after : '');
    }
  }
  title = title?.replace(/^[\s.,:;]+|[\s,;]+$/gu, '').replace(/\.$/u, '') ?? null;
  if (title) { found.item.title = title; found.conf.title = titleConf; }

  after = after.replace(/^[\s.,:;]+/u, '');
  readContainer(found, after);
  if (!found.item.issued) {
    const full = findFullDate(after);
    if (full) setDate(found, full.date, 0.9);
    else {
      const years = [...after.matchAll(BARE_YEARS)];
      if (years.length) setDate(found, { 'date-parts': [[+years[0]![1]!]] }, 0.85);
    }
  }
  setNumbers(found, after);
  return found;
}

/** The container (journal, site) or publisher and place: the first words after the title. */
function readContainer(found: Found, after: string): void {
  const tail = tailStart(after);
  let head = (tail >= 0 ? after.slice(0, tail) : after).replace(/[\s,.;:]+$/u, '');
  // Chicago: "Problems of Post-Communism 49, no. 6" — a bare number after the journal is its volume.
  const vol = /^(\p{Lu}.*\p{L})\s+(\d{1,4})$/u.exec(head);
  if (vol) { head = vol[1]!; found.item.volume = vol[2]!; found.conf.volume = 0.75; }
  const pieces = head.split(/(?<!(?:^|[\s.])\p{Lu})\.\s+|,\s*/u).map((p) => p.trim()).filter((p) => /\p{L}{2}/u.test(p));
  if (pieces.length === 0) return;
  const first = pieces[0]!;
  // "Place: Publisher", the place possibly with its state or country ("Washington, DC: World Bank").
  const placePublisher = /^(\p{Lu}[\p{L} .'-]{1,40}):\s*(.+)$/u.exec(first) ?? /^(\p{Lu}[\p{L} .'-]{1,40},\s*\p{Lu}[\p{L}.]{1,15}):\s*([^,]+)/u.exec(head);
  if (placePublisher) {
    found.item['publisher-place'] = placePublisher[1]!.trim(); found.conf['publisher-place'] = 0.75;
    found.item.publisher = placePublisher[2]!.trim(); found.conf.publisher = 0.75;
    return;
  }
  if (PUBLISHER_WORDS.test(first) && !JOURNAL_WORDS.test(first.replace(/\b(?:Studies|Policy)\b/u, ''))) {
    found.item.publisher = first; found.conf.publisher = 0.75;
    const place = pieces[1];
    if (place && /^\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+){0,2}$/u.test(place)) { found.item['publisher-place'] = place; found.conf['publisher-place'] = 0.6; }
    return;
  }
  // Several pieces that are all names of a periodical ("Journal of International Affairs, Pakistan
  // Journal of …") stay together; otherwise the first piece is the container.
  const container = pieces.length > 1 && pieces.every((p) => titleCase(p)) && pieces.slice(1).every((p) => JOURNAL_WORDS.test(p))
    ? pieces.join(', ') : first;
  found.item['container-title'] = container;
  found.conf['container-title'] = titleCase(container) ? 0.75 : 0.55;
}

/** Rule 4: the CSL type from the fields found. */
function inferType(item: ReferenceItem): { type: string; confidence: number } {
  if (item.volume || item.issue || (item.page && item['container-title'])) return { type: 'article-journal', confidence: 0.8 };
  // A web address with a site or organisation but no edition, volume or publication year of its own.
  if (item.URL && !PRESS.test(String(item.publisher ?? '')) && (item['container-title'] || item.publisher || item.accessed)) return { type: 'webpage', confidence: 0.7 };
  if (item.publisher) return /Institute|Foundation|Centre|Center|Council|Ministry|Office|Agency|Bank/u.test(String(item.publisher)) ? { type: 'report', confidence: 0.6 } : { type: 'book', confidence: 0.75 };
  if (item.URL) return { type: 'webpage', confidence: 0.7 };
  if (item['container-title'] && NEWS_WORDS.test(String(item['container-title']))) return { type: 'article-newspaper', confidence: 0.6 };
  if (item['container-title'] && JOURNAL_WORDS.test(String(item['container-title']))) return { type: 'article-journal', confidence: 0.6 };
  return { type: 'document', confidence: 0.4 };
}

/** The first author as one display string, or '' (for lists and tests). */
export function firstAuthorName(item: ReferenceItem): string {
  const a = (item.author as CslName[] | undefined)?.[0];
  return a ? displayName(a) : '';
}
