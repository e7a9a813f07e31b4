/**
 * Anchoring: finding where a stored claim belongs in a (possibly edited) text.
 *
 * The strategy is the Hypothesis client's (DESIGN.md, convention 5): trust the stored position
 * when the quote is still there, else look for the quote verbatim, else fuzzy-match it with
 * approx-string-match and score candidates on quote, context and position. Unlike Hypothesis,
 * which takes the best candidate whatever its score, this layer would rather leave a claim
 * orphaned (shown, never deleted) than attach it to the wrong passage: a candidate must clear
 * ACCEPT_SCORE and, for quotes too short to speak for themselves, its context must agree.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../api.ts';
import { contextSimilarity, isSpace } from './similarity.ts';
import { GRAM, TextIndex } from './text-index.ts';

/** What anchoring needs of a claim: its quote and, when known, where it was. */
export interface AnchorTarget { quote: TextQuoteSelector; position?: TextPositionSelector }

/**
 * Where a claim landed. `exact`: the quote is at its stored position (or, with no stored
 * position, found verbatim); `moved`: found verbatim elsewhere; `fuzzy`: the text there differs
 * from the quote (edited, or only re-wrapped); `orphan`: not placed. `score` in [0, 1]: 1 for
 * an exact hit; for an orphan, the best rejected candidate's (0 when there was none).
 */
export type AnchorResult =
  | { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphan'; score: number };

/** Scoring weights, Hypothesis's match-quote: quote 50, prefix 20, suffix 20, position 2 (a tie-breaker). */
export const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_SUM = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/**
 * Share of a quote that may differ in a fuzzy match. Hypothesis allows half (`quote.length / 2`,
 * capped at 256); a quarter keeps fuzzy matches recognisably the same sentence (a fixed typo, a
 * re-wrapped line, a changed word or two) while a deleted passage cannot match its neighbours.
 */
export const MAX_ERROR_RATE = 0.25;
/** Cap on fuzzy errors, as Hypothesis: the search costs O(errors / 32 × text length). */
export const MAX_ERRORS = 256;
/**
 * Minimum combined score (weights above, normalised to 1) for a fuzzy or relocated match. With
 * intact context a quote may differ by the full error budget (score ≈ 0.86); with context that
 * no longer agrees, even a verbatim quote scores ≈ 0.72 and a lightly edited one falls below:
 * an edited quote in a changed neighbourhood is too uncertain, so it becomes an orphan.
 */
export const ACCEPT_SCORE = 0.7;
/**
 * A verbatim hit elsewhere is taken without looking further only at this score: context
 * agreeing on both sides (one side whole, the other at least ~60%).
 */
export const EARLY_ACCEPT = 0.9;
/** Quotes shorter than this (a word or two) occur everywhere: they need one side of context to agree. */
export const SHORT_QUOTE = 10;
/** Quotes at least this long (CONTEXT_CHARS) are evidence enough when found verbatim (once, or with context). */
export const LONG_QUOTE = 32;
/** One side of context agreeing this well (≈ 26 of 32 characters) is strong evidence. */
export const STRONG_SIDE = 0.8;
/** Mean context agreement that counts as "the neighbourhood still matches" for medium quotes. */
export const CONTEXT_AGREES = 0.5;
/** In long texts, fuzzy candidates this many characters either side of the expected position are always examined. */
export const FUZZY_WINDOW = 2000;
/** First, cheapest fuzzy look: the expected span plus this many characters (and the error budget) each side. */
export const NEAR_REACH = 64;
/** Texts up to this length are fuzzy-scanned whole (≈ 1 ms); longer ones through the q-gram index. */
export const DIRECT_SCAN_LIMIT = 64 * 1024;
/** Length of the pieces a long fuzzy search is cut into (see fuzzyIn). */
export const FUZZY_CHUNK = 4096;
/** Verbatim occurrences weighed per claim, nearest to the expected position first. */
export const MAX_EXACT_CANDIDATES = 200;

/** A possible place; `loose`: the same characters except that whitespace differs in kind. */
interface Candidate { start: number; end: number; errors: number; loose?: boolean }
interface Scored extends Candidate { score: number; prefix: number; suffix: number }

/**
 * Re-anchors claims against one text, sharing the work between them: one index of the text,
 * one cache of verbatim occurrences per distinct quote. Create one per text version.
 */
export class Anchorer {
  readonly text: string;
  private readonly index: TextIndex;
  private readonly occurrenceCache = new Map<string, number[]>();

  constructor(text: string) {
    this.text = text;
    this.index = new TextIndex(text);
  }

  /**
   * Anchors one target. `delta` is how far claims just before this one moved (anchorAll passes
   * it): after an insertion or deletion every later claim moves by the same amount, so checking
   * `position + delta` first turns most searches into one comparison.
   */
  anchor(target: AnchorTarget, delta = 0): AnchorResult {
    const text = this.text;
    const q = target.quote;
    const exact = typeof q?.exact === 'string' ? q.exact : '';
    const m = exact.length;
    if (m === 0 || m > text.length) return { status: 'orphan', score: 0 };
    const old = validPosition(target.position);

    // (a) The stored position still holds the quote. Re-wrapped lines (the same characters,
    // some spaces now line breaks) are checked here too: cheap, and common.
    if (old !== null) {
      const c = this.at(old, exact, q, old);
      if (c && this.agrees(c, m)) return c.loose ? this.result(c, old, q) : { status: 'exact', start: old, end: old + m, score: 1 };
    }
    const expected = old === null ? null : clamp(old + delta, 0, text.length);
    // (b1) Where the neighbours moved to.
    if (expected !== null && expected !== old) {
      const c = this.at(expected, exact, q, expected);
      if (c && this.agrees(c, m) && c.score >= ACCEPT_SCORE) return this.result(c, old, q);
    }
    // (b2) Anywhere verbatim: best context agreement, then nearest. Taken at once only when the
    // context agrees on both sides; otherwise an edited copy near the expected place may be the
    // real one (parallel sentences share words and half their context), so it competes below.
    const verbatim = this.exactCandidates(exact, expected).map((c) => this.score(c, q, expected));
    let best = pick(verbatim);
    if (best && this.agrees(best, m) && best.score >= EARLY_ACCEPT) return this.result(best, old, q);
    // A long quote found verbatim once is its own evidence, even if both neighbourhoods changed.
    if (best && verbatim.length === 1 && m >= LONG_QUOTE) return this.result(best, old, q);

    // (c) Fuzzy: first where the claim is expected, then the whole text.
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(m * MAX_ERROR_RATE));
    if (maxErrors === 0) {
      best = pickAccepted(verbatim, m, this);
      return best ? this.result(best, old, q) : orphan(pick(verbatim));
    }
    const scored: Scored[] = [...verbatim];
    const add = (from: number, to: number): void => {
      for (const c of fuzzyIn(text, from, to, exact, maxErrors)) scored.push(this.score(c, q, expected));
    };
    if (expected !== null) {
      // Edited in place (the common case): only the quote's own span needs searching.
      const reach = NEAR_REACH + maxErrors;
      add(Math.max(0, expected - reach), Math.min(text.length, expected + m + reach));
      best = pickAccepted(scored, m, this);
      if (best) return this.result(best, old, q);
    }
    if (text.length <= DIRECT_SCAN_LIMIT) {
      add(0, text.length); // a short text is scanned whole: about a millisecond
    } else {
      // A long text: only regions around intact pieces of the quote, always including those
      // within FUZZY_WINDOW of the expected position.
      const near: [number, number] | undefined = expected === null ? undefined
        : [Math.max(0, expected - FUZZY_WINDOW), Math.min(text.length, expected + m + FUZZY_WINDOW)];
      const regions = m >= GRAM ? this.index.candidateRegions(exact, maxErrors, near) : [];
      // A quote of a few words has few pieces to find it by; its context, which has to agree
      // for such a quote anyway, has more.
      const withContext = (q.prefix ?? '') + exact + (q.suffix ?? '');
      if (m < LONG_QUOTE && withContext.length >= m + GRAM) {
        regions.push(...this.index.candidateRegions(withContext, Math.floor(withContext.length * MAX_ERROR_RATE), near));
      }
      for (const [from, to] of regions) add(from, to);
    }
    best = pickAccepted(scored, m, this);
    return best ? this.result(best, old, q) : orphan(pick(scored));
  }

  /**
   * Moves the ends of a fuzzy match to where the quote's first and last words are, when that
   * fits the stored context better. The edit-distance search prefers substituting a few
   * characters to skipping many, so a paragraph inserted inside a quote would otherwise leave
   * the match ending in the inserted text instead of after it.
   */
  private refine(c: Scored, exact: string, q: TextQuoteSelector): Scored {
    const m = exact.length;
    const h = Math.min(16, m >> 2);
    if (c.errors === 0 || h < GRAM) return c;
    const text = this.text;
    let { start, end } = c;
    const head = exact.slice(0, h), tail = exact.slice(m - h);
    if (!text.startsWith(head, start) && q.prefix) {
      const p = nearestOccurrence(text, head, start, Math.max(0, start - m), Math.min(end - h, start + m));
      if (p >= 0 && contextSimilarity(q.prefix, text, p, 'before') > c.prefix) start = p;
    }
    if (!text.startsWith(tail, end - h) && q.suffix) {
      const p = nearestOccurrence(text, tail, end - h, Math.max(start, end - h - m), Math.min(text.length - h, end + m));
      if (p >= 0 && contextSimilarity(q.suffix, text, p + h, 'after') > c.suffix) end = p + h;
    }
    return start === c.start && end === c.end ? c : { ...c, start, end };
  }

  /** Whether a candidate's context is enough evidence for a quote of length `m`. */
  agrees(c: Scored, m: number): boolean {
    if (m >= LONG_QUOTE) return true;
    if (Math.max(c.prefix, c.suffix) >= STRONG_SIDE) return true;
    return m >= SHORT_QUOTE && (c.prefix + c.suffix) / 2 >= CONTEXT_AGREES;
  }

  private result(c0: Scored, old: number | null, q: TextQuoteSelector): AnchorResult {
    const c = this.refine(c0, q.exact, q);
    // Without a stored position, finding the quote verbatim is as exact as it gets.
    const status = c.errors > 0 || c.loose ? 'fuzzy' : old === null || c.start === old ? 'exact' : 'moved';
    return { status, start: c.start, end: c.end, score: round(c.score) };
  }

  /** The quote at `at`, verbatim or differing only in the kind of whitespace, scored; else null. */
  private at(at: number, exact: string, q: TextQuoteSelector, expected: number): Scored | null {
    const text = this.text;
    if (text.startsWith(exact, at)) return this.score({ start: at, end: at + exact.length, errors: 0 }, q, expected);
    if (at + exact.length > text.length) return null;
    for (let i = 0; i < exact.length; i++) {
      const a = exact.charCodeAt(i), b = text.charCodeAt(at + i);
      if (a !== b && !(isSpace(a) && isSpace(b))) return null;
    }
    return this.score({ start: at, end: at + exact.length, errors: 0, loose: true }, q, expected);
  }

  private exactCandidates(exact: string, expected: number | null): Candidate[] {
    let occ = this.occurrenceCache.get(exact);
    if (!occ) { occ = this.index.occurrences(exact); this.occurrenceCache.set(exact, occ); }
    let starts = occ;
    if (occ.length > MAX_EXACT_CANDIDATES) {
      const e = expected ?? 0;
      starts = [...occ].sort((a, b) => Math.abs(a - e) - Math.abs(b - e)).slice(0, MAX_EXACT_CANDIDATES);
    }
    return starts.map((s) => ({ start: s, end: s + exact.length, errors: 0 }));
  }

  private score(c: Candidate, q: TextQuoteSelector, expected: number | null): Scored {
    const text = this.text;
    const prefix = typeof q.prefix === 'string' && q.prefix
      ? contextSimilarity(q.prefix, text, c.start, 'before')
      : (c.start === 0 ? 1 : 0.5); // no stored prefix: only a quote at the very start is known to fit
    const suffix = typeof q.suffix === 'string' && q.suffix
      ? contextSimilarity(q.suffix, text, c.end, 'after')
      : (c.end === text.length ? 1 : 0.5);
    const quote = 1 - c.errors / q.exact.length;
    const position = expected === null ? 1 : 1 - Math.abs(c.start - expected) / Math.max(1, text.length);
    const score = (WEIGHTS.quote * quote + WEIGHTS.prefix * prefix + WEIGHTS.suffix * suffix + WEIGHTS.position * position) / WEIGHT_SUM;
    return { ...c, score, prefix, suffix };
  }
}

/** Anchors one claim in `text`. For many claims use `anchorAll`, which shares the work. */
export function anchor(text: string, target: AnchorTarget): AnchorResult {
  return new Anchorer(text).anchor(target);
}

/**
 * Anchors many claims in one text (results in the order of `targets`). Claims are visited in
 * document order so each can try the offset its predecessor moved by before searching.
 */
export function anchorAll(text: string, targets: AnchorTarget[]): AnchorResult[] {
  const anchorer = new Anchorer(text);
  const order = targets.map((_, i) => i);
  const startOf = (i: number): number => validPosition(targets[i].position) ?? Infinity;
  order.sort((a, b) => startOf(a) - startOf(b) || a - b);
  const out: AnchorResult[] = new Array(targets.length);
  let delta = 0;
  for (const i of order) {
    const r = anchorer.anchor(targets[i], delta);
    out[i] = r;
    const old = validPosition(targets[i].position);
    if (r.status !== 'orphan' && old !== null) delta = r.start - old;
  }
  return out;
}

function validPosition(p: TextPositionSelector | undefined): number | null {
  if (!p || !Number.isInteger(p.start) || p.start < 0) return null;
  return p.start;
}

/**
 * Fuzzy matches of `pattern` in `text[from, to)`. approx-string-match returns only the matches
 * with the fewest errors, so a long range is searched in overlapping chunks: a right passage
 * with two errors is not hidden by a look-alike with one elsewhere (context decides between them).
 * A match cut short by the edge of a searched slice is dropped: it would pass a truncated quote
 * off as a match; the overlap makes sure the whole match is seen in the neighbouring chunk.
 */
function fuzzyIn(text: string, from: number, to: number, pattern: string, maxErrors: number): Candidate[] {
  const out: Candidate[] = [];
  const overlap = pattern.length + 3 * maxErrors;
  for (let a = from; a < to; a += FUZZY_CHUNK) {
    const b = Math.min(to, a + FUZZY_CHUNK + overlap);
    if (b - a < pattern.length - maxErrors) break;
    for (const r of search(text.slice(a, b), pattern, maxErrors)) {
      const start = r.start + a, end = r.end + a;
      if ((a > 0 && start - a < maxErrors) || (b < text.length && b - end < maxErrors)) continue;
      out.push({ start, end, errors: r.errors });
    }
    if (b === to) break;
  }
  return out;
}

/** The occurrence of `needle` starting in `[from, to]` closest to `around`, or -1. */
function nearestOccurrence(text: string, needle: string, around: number, from: number, to: number): number {
  let best = -1;
  for (let i = text.indexOf(needle, from); i >= 0 && i <= to; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - around) < Math.abs(best - around)) best = i;
  }
  return best;
}

/** Highest score; among equal context agreement the nearer one (the score's position term). */
function pick(cands: Scored[]): Scored | null {
  let best: Scored | null = null;
  for (const c of cands) if (!best || c.score > best.score) best = c;
  return best;
}

function pickAccepted(cands: Scored[], m: number, a: Anchorer): Scored | null {
  let best: Scored | null = null;
  for (const c of cands) {
    if (c.score < ACCEPT_SCORE || !a.agrees(c, m)) continue;
    if (!best || c.score > best.score) best = c;
  }
  return best;
}

function orphan(best: Scored | null): AnchorResult {
  return { status: 'orphan', score: best ? round(best.score) : 0 };
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
