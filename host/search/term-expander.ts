/**
 * Terms one edit away from a query term, found with Lunr's own term automaton (lunr.TokenSet,
 * the structure a Lunr index keeps for fuzzy and wildcard queries), with two changes to how Lunr
 * uses it: the expansion of a term is cached (a library's vocabulary changes slowly; the same
 * words are typed again and again), and it is bounded (the `FUZZY_MAX_TERMS` most frequent).
 *
 * The automaton covers the vocabulary as of the last build or compaction; terms that arrived
 * since (a handful) are compared by edit distance directly.
 */
import lunr from 'lunr';

/** lunr.TokenSet's static builders (present in Lunr 2.3, missing from @types/lunr). */
const TokenSet = lunr.TokenSet as unknown as {
  new (): lunr.TokenSet;
  fromArray(sorted: string[]): lunr.TokenSet;
  fromFuzzyString(term: string, editDistance: number): lunr.TokenSet;
};

/** Most terms a fuzzy word expands to, by document frequency: more only adds noise and time. */
export const FUZZY_MAX_TERMS = 24;
/** Cached expansions kept (terms; each a short list). */
const CACHE_MAX = 4_096;

/** See the module comment. */
export class TermExpander {
  #set: lunr.TokenSet | null = null;
  #base: string[] = [];
  #baseSet = new Set<string>();
  readonly #recent = new Set<string>();
  readonly #cache = new Map<string, string[]>();

  /** Takes a new base vocabulary (the automaton is built on first use). */
  reset(terms: Iterable<string>): void {
    this.#base = [...terms].sort();
    this.#baseSet = new Set(this.#base);
    this.#set = null;
    this.#recent.clear();
    this.#cache.clear();
  }

  /** A term that arrived after the base. */
  addRecent(term: string): void {
    if (!this.#baseSet.has(term)) this.#recent.add(term);
  }

  /** Builds the automaton now (a worker does this right after a load, off the query path). */
  warm(): void {
    if (!this.#set) this.#set = this.#base.length ? TokenSet.fromArray(this.#base) : new TokenSet();
  }

  /** Terms one edit from `term` (not `term` itself), most frequent first, at most FUZZY_MAX_TERMS. */
  fuzzy(term: string, df: (t: string) => number): string[] {
    let base = this.#cache.get(term);
    if (!base) {
      this.warm();
      const found: string[] = TokenSet.fromFuzzyString(term, 1).intersect(this.#set!).toArray().filter((t: string) => t !== term);
      base = found;
      if (this.#cache.size >= CACHE_MAX) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(term, base);
    }
    const all = [...base];
    for (const t of this.#recent) if (t !== term && withinOneEdit(t, term)) all.push(t);
    if (all.length <= FUZZY_MAX_TERMS) return all;
    return all.map((t) => [t, df(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, FUZZY_MAX_TERMS).map(([t]) => t);
  }
}

/** Whether two strings are at most one insertion, deletion or substitution apart (as Lunr counts; Lunr also allows a transposition). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return Math.abs(a.length - b.length) <= 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
