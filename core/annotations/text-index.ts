/**
 * Exact and candidate look-ups in one long text, shared by every claim re-anchored against it.
 *
 * Re-anchoring thousands of claims means thousands of searches in the same string. A single
 * `indexOf` over a 1.2 MB text costs ~0.2 ms, a fuzzy scan ~35 ms; so after a few scans this
 * builds a q-gram index (every 8-character window hashed into buckets of positions) and answers
 * from the shortest bucket instead. Built lazily: re-anchoring an unchanged text never pays for it.
 */

/**
 * Gram length. 8 characters are rare enough in prose that most buckets hold a handful of
 * positions, and short enough that a quote of 16+ characters has two disjoint grams.
 */
export const GRAM = 8;
/** Plain scans allowed before the index is built (a build costs about as much as ~100 scans). */
export const SCANS_BEFORE_INDEX = 8;
/** A gram seen more often than this is too common to point at candidates (e.g. " of the "). */
export const MAX_GRAM_HITS = 256;
/** Fuzzy candidate regions kept per pattern, most-voted first. */
export const MAX_REGIONS = 64;

const B = 0x01000193; // FNV prime: a multiplier with good bit mixing under Math.imul

function powB(k: number): number {
  let p = 1;
  for (let i = 0; i < k; i++) p = Math.imul(p, B);
  return p;
}
const B_TOP = powB(GRAM - 1);

function gramHash(s: string, at: number): number {
  let h = 0;
  for (let j = 0; j < GRAM; j++) h = (Math.imul(h, B) + s.charCodeAt(at + j)) | 0;
  return h;
}

/** Searches over one text; create one per text and reuse it for every claim. */
export class TextIndex {
  readonly text: string;
  private scans = 0;
  private shift = 0;
  private starts: Int32Array | null = null; // bucket b holds positions[starts[b] .. starts[b+1])
  private positions: Int32Array | null = null;

  constructor(text: string) {
    this.text = text;
  }

  /** Every start of `needle` in the text, ascending. */
  occurrences(needle: string): number[] {
    const out: number[] = [];
    if (!needle) return out;
    if (needle.length < GRAM || !this.indexed()) {
      for (let i = this.text.indexOf(needle); i >= 0; i = this.text.indexOf(needle, i + 1)) out.push(i);
      return out;
    }
    // Use the sampled gram of the needle with the fewest positions, then verify each.
    const last = needle.length - GRAM;
    const samples = Math.min(8, last + 1);
    let bestOff = 0, bestB = -1, bestSize = Infinity;
    for (let s = 0; s < samples; s++) {
      const off = samples === 1 ? 0 : Math.round((s * last) / (samples - 1));
      const b = this.bucketOf(gramHash(needle, off));
      const size = this.starts![b + 1] - this.starts![b];
      if (size < bestSize) { bestSize = size; bestB = b; bestOff = off; }
      if (size === 0) return out;
    }
    const pos = this.positions!;
    for (let i = this.starts![bestB], e = this.starts![bestB + 1]; i < e; i++) {
      const s = pos[i] - bestOff;
      if (s >= 0 && this.text.startsWith(needle, s)) out.push(s);
    }
    return out;
  }

  /**
   * Regions `[start, end)` of the text that may hold a match of `pattern` with at most
   * `maxErrors` edits. The pattern is cut into disjoint grams; a match with fewer errors than
   * there are grams keeps at least one of them intact (pigeonhole), so each region is around an
   * intact gram. Grams more common than MAX_GRAM_HITS are not used, and only the MAX_REGIONS
   * regions with most intact grams are returned: a heuristic for the whole-text stage only.
   */
  candidateRegions(pattern: string, maxErrors: number): Array<[number, number]> {
    const m = pattern.length;
    if (m < GRAM) return [[0, this.text.length]];
    this.ensureIndex();
    const pieces = Math.floor(m / GRAM);
    const take = Math.min(pieces, 64);
    const estimates: number[] = [];
    const pos = this.positions!, starts = this.starts!;
    for (let t = 0; t < take; t++) {
      const off = Math.floor((t * pieces) / take) * GRAM;
      const b = this.bucketOf(gramHash(pattern, off));
      const lo = starts[b], hi = starts[b + 1];
      if (hi - lo > MAX_GRAM_HITS) continue;
      const piece = pattern.slice(off, off + GRAM);
      for (let i = lo; i < hi; i++) if (this.text.startsWith(piece, pos[i])) estimates.push(pos[i] - off);
    }
    if (!estimates.length) return [];
    estimates.sort((a, b) => a - b);
    const regions: Array<{ s: number; e: number; votes: number }> = [];
    for (const est of estimates) {
      const s = Math.max(0, est - maxErrors), e = Math.min(this.text.length, est + m + maxErrors);
      const lastR = regions[regions.length - 1];
      if (lastR && s <= lastR.e) { lastR.e = Math.max(lastR.e, e); lastR.votes++; }
      else regions.push({ s, e, votes: 1 });
    }
    regions.sort((a, b) => b.votes - a.votes || a.s - b.s);
    return regions.slice(0, MAX_REGIONS).map((r) => [r.s, r.e] as [number, number]);
  }

  private indexed(): boolean {
    if (this.positions) return true;
    if (++this.scans <= SCANS_BEFORE_INDEX) return false;
    this.ensureIndex();
    return true;
  }

  private bucketOf(h: number): number {
    return Math.imul(h, 0x9e3779b1) >>> this.shift;
  }

  private ensureIndex(): void {
    if (this.positions) return;
    const text = this.text;
    const count = Math.max(0, text.length - GRAM + 1);
    let bits = 10;
    while (bits < 22 && 1 << bits < count) bits++;
    this.shift = 32 - bits;
    const nb = 1 << bits;
    const bucket = new Int32Array(count);
    const starts = new Int32Array(nb + 1);
    let h = count > 0 ? gramHash(text, 0) : 0;
    for (let i = 0; i < count; i++) {
      if (i > 0) h = (Math.imul((h - Math.imul(text.charCodeAt(i - 1), B_TOP)) | 0, B) + text.charCodeAt(i + GRAM - 1)) | 0;
      const b = this.bucketOf(h);
      bucket[i] = b;
      starts[b + 1]++;
    }
    for (let b = 0; b < nb; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, nb);
    const positions = new Int32Array(count);
    for (let i = 0; i < count; i++) positions[fill[bucket[i]]++] = i;
    this.starts = starts;
    this.positions = positions;
  }
}
