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
/** Far-away fuzzy candidate regions kept per pattern, most-voted first. */
export const MAX_REGIONS = 32;
/** Candidate regions closer than this are merged into one search. */
export const MERGE_GAP = 512;

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
   * there are grams keeps at least one of them intact (pigeonhole), so each region surrounds an
   * intact gram. Fuzzy budgets are larger than that, so this is a filter, not a guarantee: it
   * finds matches that kept some of the pattern verbatim. Grams more common than MAX_GRAM_HITS
   * are used only inside `near`; beyond `near` a region needs two intact grams (of patterns
   * with two or more), and only the MAX_REGIONS best are kept.
   */
  candidateRegions(pattern: string, maxErrors: number, near?: [number, number]): Array<[number, number]> {
    const m = pattern.length;
    if (m < GRAM) return near ? [near] : [[0, this.text.length]];
    this.ensureIndex();
    const pieces = Math.floor(m / GRAM);
    const take = Math.min(pieces, 64);
    const estimates: number[] = [];
    const pos = this.positions!, starts = this.starts!;
    for (let t = 0; t < take; t++) {
      const off = Math.floor((t * pieces) / take) * GRAM;
      const b = this.bucketOf(gramHash(pattern, off));
      let lo = starts[b], hi = starts[b + 1];
      if (hi - lo > MAX_GRAM_HITS) {
        if (!near) continue;
        // Positions in a bucket ascend: keep only the hits that fall inside `near`.
        lo = lowerBound(pos, lo, hi, near[0] + off - maxErrors);
        hi = lowerBound(pos, lo, hi, near[1] + off + maxErrors);
      }
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
    const isNear = (r: { s: number; e: number }): boolean => !!near && r.e > near[0] && r.s < near[1];
    // Far from where the claim is expected, one intact piece among several is a coincidence
    // (a common phrase), not a lead: ask for two.
    const minVotes = Math.min(2, take);
    const kept = regions.filter((r) => isNear(r) || r.votes >= minVotes);
    const far = kept.filter((r) => !isNear(r)).sort((a, b) => b.votes - a.votes).slice(0, MAX_REGIONS);
    const chosen = [...kept.filter(isNear), ...far].sort((a, b) => a.s - b.s);
    // Neighbouring regions are searched as one slice: a search call costs as much to set up
    // as scanning a few hundred characters.
    const out: Array<[number, number]> = [];
    for (const r of chosen) {
      const lastR = out[out.length - 1];
      if (lastR && r.s - lastR[1] < MERGE_GAP) lastR[1] = Math.max(lastR[1], r.e);
      else out.push([r.s, r.e]);
    }
    return out;
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
    // About four positions per bucket: a table that stays in cache builds several times faster
    // than one bucket per position, and look-ups verify candidates anyway.
    let bits = 10;
    while (bits < 20 && 1 << (bits + 2) < count) bits++;
    this.shift = 32 - bits;
    const nb = 1 << bits;
    const bucket = new Int32Array(count);
    const starts = new Int32Array(nb + 1);
    const shift = this.shift;
    let h = count > 0 ? gramHash(text, 0) : 0;
    for (let i = 0; i < count; i++) {
      if (i > 0) h = (Math.imul((h - Math.imul(text.charCodeAt(i - 1), B_TOP)) | 0, B) + text.charCodeAt(i + GRAM - 1)) | 0;
      const b = Math.imul(h, 0x9e3779b1) >>> shift; // = bucketOf(h), inlined: this loop runs once per character
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

/** First index in `a[lo, hi)` whose value is ≥ `x`. */
function lowerBound(a: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
