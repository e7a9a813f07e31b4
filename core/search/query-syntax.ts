/**
 * What a person types into the search box, read into parts. The syntax is small and forgiving,
 * and nothing in it is an error: Lunr's own query language (`+`, `~1`, `^2`, `field:`) throws on
 * input such as `tag:` or `"unclosed`, so we never hand it the raw string; we read it here and
 * build Lunr queries from the parts (search-claims.ts).
 *
 *   neutrality russia        words; claims with more of them rank first, claims with some show too
 *   "permanent neutrality"   a phrase: the words in this order (punctuation and case aside)
 *   tag:neutrality           a field filter: only claims tagged so (the whole tag: tag:"oil field")
 *   entity:"serdar berdimuhamedow", kind:evidence, source:foreign, note:…, quote:…, restatement:…
 *   -russia, -tag:draft      leave out claims that have it (`--verbose` is the word "--verbose")
 *   russia OR china          either word; a claim with one of them counts as having the pair
 *
 * Curly quotes count as quotes; an unclosed quote runs to the end; an unknown `word:` is read as
 * words; a field with nothing after it (`tag:` while typing) is left out.
 */
import { words } from './terms.ts';

/** Fields a query can name, each searching one or more index fields. */
export type QueryField = 'tag' | 'entity' | 'kind' | 'source' | 'note' | 'quote' | 'restatement';

/** The names people type for each field (singular, plural, a synonym). */
const FIELD_NAMES: Readonly<Record<string, QueryField>> = {
  tag: 'tag', tags: 'tag', entity: 'entity', entities: 'entity', kind: 'kind', type: 'kind',
  source: 'source', title: 'source', doc: 'source', note: 'note', notes: 'note', quote: 'quote', restatement: 'restatement',
};

/** One part of a query. */
export interface QueryPart {
  /** The part's text as typed, without field name, minus sign or quotes. */
  text: string;
  /** Its words (terms.ts `words`), in order. */
  words: string[];
  /** Quoted: the words must stand together, in order. */
  phrase: boolean;
  /** A field filter, or null for the words of any field. */
  field: QueryField | null;
  /** Leading minus: leave out claims that match it. */
  negated: boolean;
  /** Joined to the part before it by `OR`: either of them will do (they count as one). */
  orWithPrevious?: boolean;
}

export interface ParsedQuery {
  parts: QueryPart[];
  /**
   * The input ends inside a word (no space after it yet): its last plain word is still being
   * typed, so it is searched as a prefix too ("turkmeni" finds Turkmenistan as you type).
   */
  typing: boolean;
  /** Fields named with nothing after them (`tag:`): a UI lists what the field can hold. */
  emptyFields: QueryField[];
}

const OPEN_QUOTES = new Set(['"', '“', '„', '”']);
const CLOSE_QUOTES = new Set(['"', '”', '“']);

/** Reads a query. Never throws; an empty or blank query has no parts. */
export function parseQuery(input: string): ParsedQuery {
  const parts: QueryPart[] = [];
  const emptyFields: QueryField[] = [];
  let pendingOr = false;
  let i = 0;
  const n = input.length;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);
  while (i < n) {
    while (i < n && isSpace(input[i])) i++;
    if (i >= n) break;
    // `OR` between two parts: either will do. Only in capitals, as people write it in search boxes.
    if (input.startsWith('OR', i) && (i + 2 >= n || isSpace(input[i + 2])) && parts.length > 0) { pendingOr = true; i += 2; continue; }
    let negated = false;
    // One minus is an exclusion; two (`--verbose`) are the word as written on a command line.
    if (input[i] === '-' && i + 1 < n && !isSpace(input[i + 1]) && input[i + 1] !== '-') { negated = true; i++; }
    let field: QueryField | null = null;
    const named = /^([A-Za-z]+):/.exec(input.slice(i, i + 16));
    if (named && FIELD_NAMES[named[1]!.toLowerCase()]) { field = FIELD_NAMES[named[1]!.toLowerCase()]!; i += named[0].length; }
    let text: string;
    let phrase = false;
    if (i < n && OPEN_QUOTES.has(input[i]!)) {
      phrase = true;
      let j = i + 1;
      while (j < n && !CLOSE_QUOTES.has(input[j]!)) j++;
      text = input.slice(i + 1, j);
      i = Math.min(n, j + 1);
    } else {
      let j = i;
      while (j < n && !isSpace(input[j])) j++;
      text = input.slice(i, j);
      i = j;
    }
    const ws = words(text).map((w) => w.word);
    if (!ws.length) { // `tag:` still being typed, or only punctuation
      if (field && text === '' && !emptyFields.includes(field)) emptyFields.push(field);
      continue;
    }
    // A single quoted word is a word that must be there, spelled so: still a phrase (of one).
    const part: QueryPart = { text, words: ws, phrase, field, negated };
    if (pendingOr && !negated) part.orWithPrevious = true;
    pendingOr = false;
    parts.push(part);
  }
  const last = parts[parts.length - 1];
  const typing = !!last && !last.phrase && !last.negated && input.length > 0 && !isSpace(input[input.length - 1]);
  return { parts, typing, emptyFields };
}
