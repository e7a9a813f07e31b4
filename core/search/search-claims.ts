/**
 * Answers a query (query-syntax.ts) from an annotation index: which claims, in what order, and
 * where the matched words sit in each claim's quote, restatement and note.
 *
 * Words are alternatives, not all required (Lunr's OR), but ranked the way a careful user expects
 * of a search box: claims that have MORE of the words come first (all of them, then all but one,
 * …), and within the same count, Lunr's BM25 score (field boosts: annotation-index.ts) decides.
 * Nothing that matches is hidden. Phrases, field filters and `-exclusions` are strict.
 *
 * Each word is searched as
 *   - its term (folded, stemmed: "Neutrality" finds "neutral", "turkmenistan" finds "Türkmenistan");
 *   - its spelling key in the names' spelling field (Berdymukhamedov finds Berdimuhamedow);
 *   - one edit away (Lunr `~1`) when the term has 6 or more letters, at a quarter of the weight: a
 *     typo in a long word is forgiven ("neutraility"); in short words one edit reaches too many
 *     other words ("state" → "stat", "slate", "estate"), so they are matched as typed;
 *   - as a prefix, if it is the word still being typed (`ParsedQuery.typing`).
 */
import lunr from 'lunr';
import type { AnnotationIndex } from './built-index.ts';
import { TEXT_FIELDS, fieldTexts, type IndexField, type IndexedClaim } from './fields.ts';
import { parseQuery, type ParsedQuery, type QueryField, type QueryPart } from './query-syntax.ts';
import { foldWord, isNameLike, spellingKey, termOf, words } from './terms.ts';

/** A range [start, end) of a claim's text to emphasise. */
export type MatchRange = [number, number];

/** One claim that matched. */
export interface SearchHit {
  claimId: string;
  /** Lunr's score summed over the query's words and filters (higher is better). */
  score: number;
  /**
   * How many of the query's words and phrases the claim has (see SearchResult.wanted); a word
   * found only in the source's title does not count (it ranks the claim, below the others).
   */
  matched: number;
  /**
   * Where matched words sit in the claim's texts, sorted, not overlapping; and which of its tags
   * and entities (indices into IndexedClaim.tags / .entities) matched, an entity also by an alias.
   */
  positions: { quote: MatchRange[]; restatement: MatchRange[]; note: MatchRange[]; tags: number[]; entities: number[] };
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many words and phrases the query asks for: a hit with `matched < wanted` has only some. */
  wanted: number;
  query: ParsedQuery;
}

/** Shortest term that is also matched one edit away (see the module comment). */
export const FUZZY_MIN_LENGTH = 6;
/**
 * Longest term matched one edit away or as a prefix. Lunr builds an automaton per fuzzy term
 * whose cost grows with its length (a 200-letter term takes ~30 ms, 5,000 letters many seconds);
 * real words are shorter than this, pasted junk is not.
 */
const LOOSE_MAX_LENGTH = 32;
/** Weights of the looser matches, relative to the term as typed (1). */
const FUZZY_BOOST = 0.25;
const PREFIX_BOOST = 0.5;

/** Which index fields a query field filters on. */
const FILTER_FIELDS: Readonly<Record<QueryField, readonly IndexField[]>> = {
  tag: ['tags'], entity: ['entities'], kind: ['kind'], source: ['title'], note: ['note'], quote: ['quote'], restatement: ['restatement'],
};
/** Filters whose words also match as prefixes: labels people abbreviate (`entity:serd`, `tag:neutral`). */
const PREFIX_FILTERS: ReadonlySet<QueryField> = new Set(['tag', 'entity', 'kind', 'source']);

const SHOWN_FIELDS = ['quote', 'restatement', 'note'] as const;
type ShownField = (typeof SHOWN_FIELDS)[number];

/** Per claim: its score so far, words matched, and the index terms matched per field. */
interface Tally { score: number; matched: number; terms: Map<string, Set<string>> }
type Matches = Map<string, Tally>;

/** Searches the index. Never throws; an empty query finds nothing. */
export function searchClaims(index: AnnotationIndex, input: string): SearchResult {
  const query = parseQuery(input);
  const plain = query.parts.filter((p) => !p.negated && !p.field && !p.phrase);
  const phrases = query.parts.filter((p) => !p.negated && p.phrase);
  const filters = query.parts.filter((p) => !p.negated && p.field && !p.phrase);
  const negated = query.parts.filter((p) => p.negated);
  const wanted = plain.reduce((n, p) => n + p.words.length, 0) + phrases.length;

  // Words: each one a Lunr query of its own, so we know how many words each claim has.
  const tallies: Matches = new Map();
  const plainWords = plain.flatMap((p) => p.words);
  plainWords.forEach((word, i) => {
    const prefix = query.typing && i === plainWords.length - 1 && plain[plain.length - 1] === query.parts[query.parts.length - 1];
    tally(tallies, run(index, (q) => wordClauses(q, word, prefix)), true);
  });

  // Candidates: claims with any word; else, with only phrases or filters asked, every claim.
  let candidates: Set<string> | null = plainWords.length ? new Set(tallies.keys()) : null;
  const narrow = (ids: Set<string>): void => {
    candidates = candidates ? new Set([...candidates].filter((id) => ids.has(id))) : ids;
  };
  for (const p of filters) narrow(filterMatches(index, p, tallies));
  for (const p of phrases) {
    const fields = p.field ? FILTER_FIELDS[p.field] : TEXT_FIELDS;
    const ids = phraseMatches(index, p, fields, candidates);
    narrow(ids);
    for (const id of ids) bump(tallies, id);
  }
  if (!candidates) candidates = negated.length ? new Set(index.claims.keys()) : new Set();
  for (const p of negated) for (const id of exclusionMatches(index, p, candidates)) candidates.delete(id);

  // Phrases light up where they were looked for: anywhere, or in the one shown field named.
  const phraseWords = phrases.filter((p) => !p.field || p.field === 'quote' || p.field === 'note' || p.field === 'restatement')
    .map((p) => p.words.map(foldWord));
  const hits: SearchHit[] = [];
  for (const id of candidates) {
    const claim = index.claims.get(id);
    if (!claim) continue;
    const t = tallies.get(id);
    hits.push({ claimId: id, score: t?.score ?? 0, matched: t?.matched ?? 0, positions: positionsOf(claim, t?.terms ?? new Map(), phraseWords) });
  }
  const order = (id: string): IndexedClaim => index.claims.get(id)!;
  hits.sort((a, b) => b.matched - a.matched || b.score - a.score ||
    order(a.claimId).title.localeCompare(order(b.claimId).title) || order(a.claimId).start - order(b.claimId).start);
  return { hits, wanted, query };
}

/**
 * Runs a Lunr query built by `build`. A query without clauses finds nothing (Lunr would return
 * every document), and one Lunr cannot run finds nothing rather than throwing.
 */
function run(index: AnnotationIndex, build: (q: lunr.Query) => void): lunr.Index.Result[] {
  let empty = true;
  try {
    const results = index.lunr.query((q) => { build(q); empty = q.clauses.length === 0; });
    return empty ? [] : results;
  } catch {
    return [];
  }
}

/** Adds a word's clauses: term, spelling key, one edit away, prefix. */
function wordClauses(q: lunr.Query, word: string, prefix: boolean): void {
  const term = termOf(word);
  const fields = [...TEXT_FIELDS];
  if (term) {
    q.term(term, { fields, usePipeline: false });
    if (term.length >= FUZZY_MIN_LENGTH && term.length <= LOOSE_MAX_LENGTH) q.term(term, { fields, usePipeline: false, editDistance: 1, boost: FUZZY_BOOST });
  }
  const key = spellingKey(word);
  if (key) q.term(key, { fields: ['spelling'], usePipeline: false });
  const folded = foldWord(word);
  if (prefix && folded.length >= 2 && folded.length <= LOOSE_MAX_LENGTH) q.term(folded, { fields, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: PREFIX_BOOST });
}

/**
 * Adds Lunr results to the tallies; with `counts`, each is one more word matched, unless the
 * word was found only in the source title: the title is the same for every claim of a source,
 * so it ranks a claim (by score) without counting as the claim having the word.
 */
function tally(into: Matches, results: lunr.Index.Result[], counts: boolean): void {
  for (const r of results) {
    const t = into.get(r.ref) ?? { score: 0, matched: 0, terms: new Map<string, Set<string>>() };
    t.score += r.score;
    const meta = r.matchData.metadata as Record<string, Record<string, unknown>>;
    let ownField = false;
    for (const term of Object.keys(meta)) {
      for (const field of Object.keys(meta[term]!)) {
        if (field !== 'title') ownField = true;
        const set = t.terms.get(field) ?? new Set<string>();
        set.add(term);
        t.terms.set(field, set);
      }
    }
    if (counts && ownField) t.matched += 1;
    into.set(r.ref, t);
  }
}

function bump(into: Matches, id: string): void {
  const t = into.get(id) ?? { score: 0, matched: 0, terms: new Map<string, Set<string>>() };
  t.matched += 1;
  into.set(id, t);
}

/** Claims that pass a field filter: every word of it in that field (as a term, or a prefix). */
function filterMatches(index: AnnotationIndex, p: QueryPart, tallies: Matches): Set<string> {
  const fields = [...FILTER_FIELDS[p.field!]];
  let ids: Set<string> | null = null;
  for (const word of p.words) {
    const term = termOf(word);
    const folded = foldWord(word);
    const results = run(index, (q) => {
      if (term) q.term(term, { fields, usePipeline: false });
      if (PREFIX_FILTERS.has(p.field!) && folded && folded.length <= LOOSE_MAX_LENGTH) q.term(folded, { fields, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
    });
    tally(tallies, results, false);
    const found = new Set<string>(results.map((r) => r.ref));
    ids = ids === null ? found : new Set<string>([...ids].filter((id: string) => found.has(id)));
  }
  return ids ?? new Set();
}

/** Claims that have the phrase's words, in order, in one of `fields` (checked in the stored text). */
function phraseMatches(index: AnnotationIndex, p: QueryPart, fields: readonly IndexField[], within: Set<string> | null): Set<string> {
  // Lunr narrows the claims to those with every (non-stop) word; the text decides the order.
  let pool: Iterable<string> = within ?? index.claims.keys();
  for (const word of p.words) {
    const term = termOf(word);
    if (!term) continue;
    const found = new Set(run(index, (q) => q.term(term, { fields: [...fields], usePipeline: false, presence: lunr.Query.presence.REQUIRED })).map((r) => r.ref));
    pool = [...pool].filter((id) => found.has(id));
  }
  const phrase = p.words.map(foldWord);
  const out = new Set<string>();
  for (const id of pool) {
    const claim = index.claims.get(id);
    if (!claim) continue;
    const texts = fieldTexts(claim);
    if (fields.some((f) => phraseRanges(texts[f], phrase).length > 0)) out.add(id);
  }
  return out;
}

/** Claims among `within` that an exclusion (`-word`, `-tag:x`, `-"a phrase"`) removes. */
function exclusionMatches(index: AnnotationIndex, p: QueryPart, within: Set<string>): Set<string> {
  const fields = p.field ? FILTER_FIELDS[p.field] : TEXT_FIELDS;
  if (p.phrase) return phraseMatches(index, p, fields, within);
  const out = new Set<string>();
  for (const word of p.words) {
    const term = termOf(word);
    if (!term) continue;
    for (const r of run(index, (q) => q.term(term, { fields: [...fields], usePipeline: false }))) out.add(r.ref);
  }
  return out;
}

/**
 * Whether `word` can fold to `folded`, by its first letter alone: a word that starts with a plain
 * ASCII letter folds to a word starting with that letter in lower case (folding lower-cases,
 * drops invisibles and apostrophes inside, and changes only other characters). Lets phrase
 * highlighting skip folding almost every word of a hit.
 */
function mayFoldTo(word: string, folded: string): boolean {
  const c = word.charCodeAt(0);
  const ascii = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return !ascii || (c | 0x20) === folded.charCodeAt(0);
}

/** Ranges of `text` where the folded words `phrase` stand in a row. */
export function phraseRanges(text: string, phrase: readonly string[]): MatchRange[] {
  if (!phrase.length) return [];
  const ws = words(text);
  const folded: Array<string | undefined> = new Array(ws.length);
  const is = (i: number, target: string): boolean => mayFoldTo(ws[i]!.word, target) && (folded[i] ??= foldWord(ws[i]!.word)) === target;
  const out: MatchRange[] = [];
  for (let i = 0; i + phrase.length <= ws.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = is(i + j, phrase[j]!);
    if (ok) out.push([ws[i]!.start, ws[i + phrase.length - 1]!.end]);
  }
  return out;
}

/** Where the matched terms (and phrases) sit in the claim's shown texts; which tags and entities matched. */
export function positionsOf(claim: IndexedClaim, terms: Map<string, Set<string>>, phrases: string[][]): SearchHit['positions'] {
  const keys = terms.get('spelling');
  const out: SearchHit['positions'] = { quote: [], restatement: [], note: [], tags: [], entities: [] };
  for (const field of SHOWN_FIELDS) {
    const text = claim[field];
    if (!text) continue;
    const own = terms.get(field);
    const ranges: MatchRange[] = [];
    if (own || keys) {
      const heads = own ? headsOf(own) : null;
      const seenOwn = own ? memoOf(own) : null, seenKeys = keys ? memoOf(keys) : null;
      for (const w of words(text)) {
        if ((own && lit(seenOwn!, w.word, () => mayBe(heads!, w.word) && own.has(termOf(w.word))))
          || (keys && lit(seenKeys!, w.word, () => isNameLike(w.word) && keys.has(spellingKey(w.word))))) ranges.push([w.start, w.end]);
      }
    }
    for (const phrase of phrases) ranges.push(...phraseRanges(text, phrase));
    out[field as ShownField] = mergeRanges(ranges);
  }
  const has = (set: Set<string> | undefined, text: string): boolean => !!set && words(text).some((w) => set.has(termOf(w.word)));
  const tagTerms = terms.get('tags');
  claim.tags.forEach((t, i) => { if (has(tagTerms, t)) out.tags.push(i); });
  const entityTerms = terms.get('entities');
  const byKey = (name: string): boolean => !!keys && words(name).some((w) => keys.has(spellingKey(w.word)));
  claim.entities.forEach((name, i) => {
    const names = [name, ...(claim.aliases[i] ?? [])];
    if (names.some((n) => has(entityTerms, n) || byKey(n))) out.entities.push(i);
  });
  return out;
}

/**
 * Per set of matched terms (one query's), whether a word as written has one of them: a page of
 * hits repeats its words ("the", the query's own word), so each is decided once per query.
 */
const LIT = new WeakMap<Set<string>, Map<string, boolean>>();
function memoOf(terms: Set<string>): Map<string, boolean> {
  let m = LIT.get(terms);
  if (!m) { m = new Map(); LIT.set(terms, m); }
  return m;
}
function lit(memo: Map<string, boolean>, word: string, decide: () => boolean): boolean {
  let v = memo.get(word);
  if (v === undefined) { v = decide(); memo.set(word, v); }
  return v;
}

/** The first two letters of each term: a word of plain ASCII letters whose own first two differ cannot have any of these terms. */
const HEADS = new WeakMap<Set<string>, Set<string>>();
function headsOf(terms: Set<string>): Set<string> {
  let h = HEADS.get(terms);
  if (!h) { h = new Set([...terms].map((t) => t.slice(0, 2))); HEADS.set(terms, h); }
  return h;
}
/**
 * Whether a word may have one of the terms, decided without stemming it: stemming and folding keep
 * the first two letters of a plain ASCII word (lower-cased, apostrophes out); other words always may.
 * Highlighting a page of results calls termOf on every word of every hit, mostly for nothing.
 */
function mayBe(heads: Set<string>, word: string): boolean {
  if (!/^[A-Za-z']+$/.test(word)) return true;
  return heads.has(word.toLowerCase().replace(/'/g, '').slice(0, 2));
}

/** Sorted, with overlapping or touching ranges joined. */
export function mergeRanges(ranges: MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: MatchRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
