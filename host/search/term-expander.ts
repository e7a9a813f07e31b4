/**
 * Terms one edit away from a query term (Lunr's `term~1`: one insertion, deletion, substitution
 * or transposition), found by generating every one-edit variant of the term over the alphabet of
 * the index's vocabulary and looking each up in the term table, bounded to the `FUZZY_MAX_TERMS`
 * most frequent and cached.
 *
 * Why not Lunr's own automaton (lunr.TokenSet, which a Lunr index intersects with the fuzzy
 * term's automaton): measured on the Brown claims of the bench, building it over 23,000 terms
 * took 0.8 s (it is not persisted, so every start pays it, twice as much at 100,000 claims) and
 * each new fuzzy term ~0.9 ms; the variants of an 8-letter term over a 40-letter alphabet are
 * ~700 hash lookups, ~0.1 ms, with nothing to build. The results are the same set of terms.
 * The same variants of the word as typed are also looked up among the written words of the
 * claims (`fuzzyWord`), since a typo is one edit from a word and often several from its stem.
 */

/** Most terms a fuzzy word expands to, by document frequency: more only adds noise and time. */
export const FUZZY_MAX_TERMS = 24;
/** Cached expansions kept (terms; each a short list). */
const CACHE_MAX = 4_096;

/** See the module comment. */
export class TermExpander {
  #alphabet: string[] = [];
  readonly #letters = new Set<string>();
  readonly #cache = new Map<string, string[]>();

  /** Takes a new vocabulary (after a build, a load or a compaction): its letters make the alphabet. */
  reset(terms: Iterable<string>): void {
    this.#letters.clear();
    for (const t of terms) for (const ch of t) this.#letters.add(ch);
    this.#alphabet = [...this.#letters];
    this.#cache.clear();
  }

  /** A term that arrived after the last reset: its letters join the alphabet; cached expansions may miss it, so they go. */
  addRecent(term: string): void {
    let grew = false;
    for (const ch of term) if (!this.#letters.has(ch)) { this.#letters.add(ch); grew = true; }
    if (grew) this.#alphabet = [...this.#letters];
    this.#cache.clear();
  }

  /** Nothing to build ahead of time (kept for callers that warm the expander after a load). */
  warm(): void { /* the variants need no automaton */ }

  /**
   * Terms one edit from `term` (not `term` itself) that the index has (`df(t) > 0`), most frequent
   * first, at most FUZZY_MAX_TERMS.
   */
  fuzzy(term: string, df: (t: string) => number): string[] {
    return this.#expand(term, term, (v) => { const n = df(v); return n > 0 ? [v, n] : null; });
  }

  /**
   * The terms of the written words one edit from a folded word: "isolaton" is one letter from the
   * word "isolation" (term "isol") but four from the stem, and "organisations" one from
   * "organizations". A typo is made in a word, not in its stem, so matching stems alone missed
   * dropped letters in every word the stemmer shortens. `termOf`: the term a folded written word
   * stands for (SurfaceWords), undefined when no claim has the word.
   */
  fuzzyWord(folded: string, termOf: (surface: string) => string | undefined, df: (t: string) => number): string[] {
    return this.#expand(`\u0000${folded}`, folded, (v) => {
      const t = termOf(v);
      if (!t) return null;
      const n = df(t);
      return n > 0 ? [t, n] : null;
    });
  }

  /** Every one-edit variant of `word`, resolved to [term, df] (null: not in the index); cached under `key`. */
  #expand(key: string, word: string, resolve: (variant: string) => [string, number] | null): string[] {
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const found = new Map<string, number>();
    const consider = (v: string): void => {
      if (v === word) return;
      const r = resolve(v);
      if (r && !found.has(r[0])) found.set(r[0], r[1]);
    };
    const chars = [...word];
    const L = chars.length;
    for (let i = 0; i < L; i++) {
      const head = chars.slice(0, i).join(''), tail = chars.slice(i + 1).join('');
      consider(head + tail); // deletion
      if (i + 1 < L) consider(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join('')); // transposition
      for (const a of this.#alphabet) if (a !== chars[i]) consider(head + a + tail); // substitution
    }
    for (let i = 0; i <= L; i++) {
      const head = chars.slice(0, i).join(''), tail = chars.slice(i).join('');
      for (const a of this.#alphabet) consider(head + a + tail); // insertion
    }
    const out = [...found].sort((a, b) => b[1] - a[1]).slice(0, FUZZY_MAX_TERMS).map(([t]) => t);
    if (this.#cache.size >= CACHE_MAX) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(key, out);
    return out;
  }
}
