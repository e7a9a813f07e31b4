/**
 * What the index makes of a claim or a paragraph: its terms per field (segment.ts), with the same
 * word rules as every other search surface (core/search/terms.ts: folding, stop words, Lunr's
 * Porter stemmer, spelling keys of names).
 *
 * A claim's entities, kind and source are indexed by id only (`SIDE` terms), not by their names:
 * the names live in small tables the engine consults at query time (side-tables.ts), so renaming
 * an entity, a kind or a source touches no posting and shows in the very next query. Each tag is
 * also a side term of its own (`tagTerm`), so `tag:` matches whole tags.
 */
import type { Claim } from '../../core/api.ts';
import { foldWord, isNameLike, spellingKey, termOf, words } from '../../core/search/terms.ts';
import { F, NF, type IndexDoc } from './segment.ts';
import { SEPARATOR, wordHash } from './word-sequence.ts';

/** Prefix of side terms (never produced by `termOf`: it has no control characters). */
export const SIDE = '\u0001';
export const entityTerm = (id: string): string => `${SIDE}e${id}`;
export const kindTerm = (id: string): string => `${SIDE}k${id}`;
export const documentTerm = (id: string): string => `${SIDE}d${id}`;
/**
 * A whole tag, as `tag:` matches it: the tag itself, not its words ("oil field" is not "oil"),
 * in lower case with runs of spaces as one (as the tag suggestions merge tags).
 */
export const tagKey = (tag: string): string => tag.replace(/\s+/g, ' ').trim().toLowerCase();
export const tagTerm = (tag: string): string => `${SIDE}t${tagKey(tag)}`;
/**
 * A stop word (folded), which has no term of its own: never scored, only the candidates of a
 * phrase made of stop words ("the other": the documents with "other", not every document).
 */
export const stopTerm = (folded: string): string => `${SIDE}s${folded}`;

/** Document ids numbered, so a segment stores a small number per claim. */
export class DocumentTable {
  readonly ids: string[] = [];
  readonly #index = new Map<string, number>();
  constructor(ids: readonly string[] = []) { for (const id of ids) this.ref(id); }
  /** The number of a document id (given one on first sight). */
  ref(id: string): number {
    let n = this.#index.get(id);
    if (n === undefined) { n = this.ids.length; this.ids.push(id); this.#index.set(id, n); }
    return n;
  }
}

/**
 * Folded words seen in the index and the term each stands for. Prefixes are matched against these
 * surface words, not against stems: "generaliz" is not a prefix of the stem "gener" but is one of
 * the word "generalization", so as-you-type prefixes longer than the stem still find the word.
 * A sorted base (from the persisted index or the last compaction) plus recent words (scanned).
 */
export class SurfaceWords {
  #sorted: string[] = [];
  readonly #term = new Map<string, string>();
  readonly #recent: string[] = [];

  /** Remembers a word and its term. */
  add(surface: string, term: string): void {
    if (this.#term.has(surface)) return;
    this.#term.set(surface, term);
    this.#recent.push(surface);
  }

  /** Sorts everything into the base (after a build or a load; a load adds them sorted already). */
  settle(): void {
    const all = [...this.#term.keys()];
    let sorted = true;
    for (let i = 1; i < all.length && sorted; i++) if (all[i - 1]! > all[i]!) sorted = false;
    this.#sorted = sorted ? all : all.sort();
    this.#recent.length = 0;
  }

  /** The term a folded written word stands for, or undefined when no document has the word. */
  termOf(surface: string): string | undefined { return this.#term.get(surface); }

  /** Terms of the words starting with `prefix`. */
  termsWithPrefix(prefix: string, into: Set<string>): void {
    const s = this.#sorted;
    let lo = 0, hi = s.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (s[mid]! < prefix) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < s.length && s[i]!.startsWith(prefix); i++) into.add(this.#term.get(s[i]!)!);
    for (const w of this.#recent) if (w.startsWith(prefix)) into.add(this.#term.get(w)!);
  }

  /** [surface, term] pairs in surface order, for persisting. */
  entries(): Array<[string, string]> { return [...this.#term.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)); }
  get size(): number { return this.#term.size; }
}

/** Memo of word → hash of its folded form (word-sequence.ts): a library repeats a small vocabulary. */
const HASHES = new Map<string, number>();
const HASHES_MAX = 200_000;

/** The sequence hash of a word as written (folded first, as phrases compare words). */
export function hashOf(word: string): number {
  let h = HASHES.get(word);
  if (h === undefined) {
    h = wordHash(foldWord(word));
    if (HASHES.size >= HASHES_MAX) HASHES.clear();
    HASHES.set(word, h);
  }
  return h;
}

function addText(text: string, field: number, terms: Map<string, number[]>, lengths: number[], surfaces: SurfaceWords, keys: boolean, seq: number[]): void {
  for (const { word } of words(text)) {
    const term = termOf(word);
    seq.push(hashOf(word));
    if (term) {
      bump(terms, term, field);
      lengths[field]!++;
      surfaces.add(foldWord(word), term);
    } else {
      const folded = foldWord(word);
      if (folded) bump(terms, stopTerm(folded), F.side);
    }
    if (keys && isNameLike(word)) {
      const key = spellingKey(word);
      if (key) { bump(terms, key, F.spelling); lengths[F.spelling]!++; }
    }
  }
}

function bump(terms: Map<string, number[]>, term: string, field: number): void {
  let tf = terms.get(term);
  if (!tf) { tf = new Array<number>(NF).fill(0); terms.set(term, tf); }
  tf[field]!++;
}

/** The stamp of a claim: a persisted index entry is current when its stamp equals the store's. */
export function claimStamp(modified: string, start: number): string {
  return `${modified}|${start}`;
}

/** A claim as the index keeps it. */
export function claimDoc(c: Claim, documents: DocumentTable, surfaces: SurfaceWords): IndexDoc {
  const terms = new Map<string, number[]>();
  const lengths = new Array<number>(NF).fill(0);
  const sequence: number[][] = [[], [], [], []];
  addText(c.restatement, F.restatement, terms, lengths, surfaces, true, sequence[F.restatement]!);
  c.tags.forEach((tag, i) => {
    if (i > 0) sequence[F.tags]!.push(SEPARATOR);
    addText(tag, F.tags, terms, lengths, surfaces, false, sequence[F.tags]!);
    bump(terms, tagTerm(tag), F.side);
  });
  addText(c.note, F.note, terms, lengths, surfaces, true, sequence[F.note]!);
  addText(c.quote.exact, F.quote, terms, lengths, surfaces, true, sequence[F.quote]!);
  for (const id of c.entityIds) bump(terms, entityTerm(id), F.side);
  bump(terms, kindTerm(c.kind), F.side);
  bump(terms, documentTerm(c.documentId), F.side);
  return { id: c.id, stamp: claimStamp(c.modified, c.position.start), docRef: documents.ref(c.documentId), start: c.position.start, terms, lengths, sequence };
}

/** One paragraph (or list item, or heading) of a document, for passage search. */
export interface PassageInput { key: string; documentId: string; text: string; start: number }

/** A passage as the index keeps it: its words in the quote field. */
export function passageDoc(p: PassageInput, documents: DocumentTable, surfaces: SurfaceWords): IndexDoc {
  const terms = new Map<string, number[]>();
  const lengths = new Array<number>(NF).fill(0);
  const sequence: number[][] = [[], [], [], []];
  addText(p.text, F.quote, terms, lengths, surfaces, true, sequence[F.quote]!);
  bump(terms, documentTerm(p.documentId), F.side);
  return { id: p.key, stamp: '', docRef: documents.ref(p.documentId), start: p.start, terms, lengths, sequence };
}
