/**
 * The words of each document's own fields in order, each as a 32-bit hash of its folded form
 * (terms.ts `foldWord`): what a phrase is checked against without reading the claim's texts
 * back from the store.
 *
 * Why not word positions in the postings (Lucene's way): a phrase here means the folded words in
 * a row, stop words included ("the state", "of the people") and not stemmed ("permanent
 * neutrality" is not "permanently neutral"), while the postings hold stems and leave stop words
 * out. Positions of stems would still need every candidate's text read back to check the stop
 * words and the exact word forms; at 100,000 claims a phrase of common words has thousands of
 * candidates and reading them from SQLite took 10–100 ms. The hashes answer the same question
 * in memory: the postings narrow the candidates to the documents with every stem of the phrase,
 * then each candidate's field is scanned for the phrase's hashes in a row (~50 words a claim).
 *
 * Cost: 4 bytes a word (~50 words a Brown claim with its note and restatement: ~20 MB at
 * 100,000 claims, in memory and on disk). Trade-off: two different folded words can share a
 * hash (one chance in 2^32 per word compared), so a phrase might in theory match a document it
 * is not in; the hit's highlighting is computed from its real text, so such a hit would show no
 * phrase. Tags are one field: a separator (hash 0) stands between two tags, so a phrase never
 * spans them.
 */

/** Fields that keep their word sequence: the claim's own texts (field numbers of segment.ts, 0…3). */
export const SEQUENCE_FIELDS = 4;
/** Stands between two tags (no word hashes to 0: see `wordHash`). */
export const SEPARATOR = 0;

/**
 * FNV-1a over the UTF-16 code units of a folded word, as a signed 32-bit number (an Int32Array
 * element: small integers to V8, where unsigned values above 2^31 would be boxed in unoptimised
 * code); never 0 (the separator).
 */
export function wordHash(folded: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < folded.length; i++) { h ^= folded.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h || 1;
}

/** The sequences of a segment's documents: one growing array of hashes, and where each document's fields start in it. */
export class WordSequences {
  /** Hashes, every document's fields one after another. */
  words: Int32Array;
  length = 0;
  /** Start of each document's field k in `words`, at doc * SEQUENCE_FIELDS + k. */
  starts: Int32Array;
  count = 0;
  /** Set when read from disk: appending is then refused (a frozen segment). */
  #frozen = false;

  constructor(words: Int32Array = new Int32Array(256), starts: Int32Array = new Int32Array(64 * SEQUENCE_FIELDS), length = 0, count = 0, frozen = false) {
    this.words = words; this.starts = starts; this.length = length; this.count = count; this.#frozen = frozen;
  }

  /** Appends the next document's fields (`fields[k]`: hashes of field k, in order). Returns its number. */
  add(fields: ReadonlyArray<ArrayLike<number>>): number {
    if (this.#frozen) throw new Error('A segment read from disk is not appended to.');
    const doc = this.count;
    let total = 0;
    for (let k = 0; k < SEQUENCE_FIELDS; k++) total += fields[k]?.length ?? 0;
    if ((doc + 1) * SEQUENCE_FIELDS > this.starts.length) this.starts = grow(this.starts, (doc + 1) * SEQUENCE_FIELDS);
    if (this.length + total > this.words.length) this.words = grow(this.words, this.length + total);
    for (let k = 0; k < SEQUENCE_FIELDS; k++) {
      this.starts[doc * SEQUENCE_FIELDS + k] = this.length;
      const f = fields[k];
      if (!f) continue;
      for (let i = 0; i < f.length; i++) this.words[this.length++] = f[i]!;
    }
    this.count++;
    return doc;
  }

  /** Where a document's field k lies in `words`: [from, to). */
  range(doc: number, k: number): [number, number] {
    const at = doc * SEQUENCE_FIELDS + k;
    const from = this.starts[at]!;
    const to = at + 1 < this.count * SEQUENCE_FIELDS ? this.starts[at + 1]! : this.length;
    return [from, to];
  }

  /** The hashes of a document's field k (a copy; compaction uses it). */
  field(doc: number, k: number): Int32Array {
    const [from, to] = this.range(doc, k);
    return this.words.slice(from, to);
  }

  /** Whether the document's field k has the hashes `phrase` in a row. */
  has(doc: number, k: number, phrase: ArrayLike<number>): boolean {
    const at = doc * SEQUENCE_FIELDS + k;
    const from = this.starts[at]!;
    const to = at + 1 < this.count * SEQUENCE_FIELDS ? this.starts[at + 1]! : this.length;
    const n = phrase.length;
    if (!n) return false;
    const w = this.words, first = phrase[0]!;
    for (let i = from; i + n <= to; i++) {
      if (w[i] !== first) continue;
      let j = 1;
      while (j < n && w[i + j] === phrase[j]) j++;
      if (j === n) return true;
    }
    return false;
  }

  /**
   * Every document whose field (one of `fields`) has the hashes `phrase` in a row, found by one
   * pass over all the words (for a phrase with no stem to narrow by: stop words only). A document
   * may be visited more than once.
   */
  find(phrase: ArrayLike<number>, fields: readonly number[], visit: (doc: number) => void): void {
    const n = phrase.length;
    if (!n) return;
    const w = this.words, first = phrase[0]!, end = this.length, starts = this.starts, slots = this.count * SEQUENCE_FIELDS;
    for (let i = 0; i + n <= end; i++) {
      if (w[i] !== first) continue;
      let j = 1;
      while (j < n && w[i + j] === phrase[j]) j++;
      if (j < n) continue;
      // the field holding position i: the last slot starting at or before it
      let lo = 0, hi = slots - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid]! <= i) lo = mid; else hi = mid - 1; }
      const doc = Math.floor(lo / SEQUENCE_FIELDS), k = lo % SEQUENCE_FIELDS;
      if (fields.includes(k) && i + n <= this.range(doc, k)[1]) visit(doc);
    }
  }

  /** Typed arrays trimmed to what is used (for persisting). */
  parts(): { words: Int32Array; starts: Int32Array } {
    return { words: this.words.subarray(0, this.length), starts: this.starts.subarray(0, this.count * SEQUENCE_FIELDS) };
  }

  /** Sequences over persisted arrays (not copied, never appended to). */
  static frozen(words: Int32Array, starts: Int32Array): WordSequences {
    return new WordSequences(words, starts, words.length, starts.length / SEQUENCE_FIELDS, true);
  }
}

function grow(a: Int32Array, need: number): Int32Array {
  const out: Int32Array = new Int32Array(Math.max(need, a.length * 2));
  out.set(a);
  return out;
}
