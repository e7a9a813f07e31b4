/**
 * Anchoring: finding where a stored claim belongs in a (possibly edited) text.
 *
 * The strategy is the Hypothesis client's (DESIGN.md, convention 5): trust the stored position
 * when the quote is still there, else look for the quote verbatim, else fuzzy-match it with
 * approx-string-match and score candidates on quote, context and position. Unlike Hypothesis,
 * which takes the best candidate whatever its score, this layer would rather leave a claim
 * orphaned (shown, never deleted) than attach it to the wrong passage: a candidate must clear
 * ACCEPT_SCORE and, for quotes too short to speak for themselves, its context must agree; a
 * match whose words differ from the quote's must differ as an edit of that passage would
 * (edit-check.ts: never a different number, name or negation), and a short quote placed by its
 * context must not sit in a context that differs so (a parallel sentence).
 *
 * Matching compares folded text (fold.ts): soft hyphens, zero-width characters, ligatures and
 * glued superscript digits do not stop a quote from anchoring. Offsets in and out are offsets of
 * the original text; the text shown keeps those characters.
 */
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../api.ts';
import { MAX_WORD_CHANGES, meaningChange, wordRulesApply } from './edit-check.ts';
import { fold, type Folded } from './fold.ts';
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
  /** The text claims are anchored in, as given (offsets in and out are offsets of it). */
  readonly text: string;
  /** The text folded for matching, and the way back to offsets of `text`. */
  private readonly f: Folded;
  private readonly index: TextIndex;
  private readonly occurrenceCache = new Map<string, number[]>();
  private readonly wordCache = new Map<string, boolean>();

  constructor(text: string) {
    this.text = text;
    this.f = fold(text);
    this.index = new TextIndex(this.f.folded);
  }

  /**
   * Anchors one target. `delta` is how far claims just before this one moved (anchorAll passes
   * it): after an insertion or deletion every later claim moves by the same amount, so checking
   * `position + delta` first turns most searches into one comparison.
   */
  anchor(target: AnchorTarget, delta = 0): AnchorResult {
    const raw = target.quote;
    if (typeof raw?.exact !== 'string' || raw.exact.length === 0) return { status: 'orphan', score: 0 };
    const oldOriginal = validPosition(target.position);
    // (a0) The stored position holds the quote verbatim: exact, however short and with or
    // without stored context, unless that context says otherwise: it disagrees (the words moved
    // away and others took their place), or the rest of the quote's sentence now differs in a
    // number, name or negation (a deleted sentence's twin slid into its place).
    if (oldOriginal !== null && this.text.startsWith(raw.exact, oldOriginal)) {
      const end = oldOriginal + raw.exact.length;
      const c = this.score({ start: oldOriginal, end, errors: 0 }, raw, null, this.text);
      // The usual case first: the stored context is still there, character for character.
      const same = (!raw.prefix || c.prefix === 1) && (!raw.suffix || c.suffix === 1);
      if (same || (this.agreesInPlace(c, raw) && this.trusted(c, raw, this.text))) return { status: 'exact', start: oldOriginal, end, score: 1 };
    }
    const q = foldQuote(raw);
    const text = this.f.folded;
    const exact = q.exact;
    const m = exact.length;
    if (m === 0 || m > text.length) return { status: 'orphan', score: 0 };
    const old = oldOriginal === null ? null : this.f.toFolded(oldOriginal);

    // (a) The stored position still holds the (folded) quote. Re-wrapped lines (the same
    // characters, some spaces now line breaks) are checked here too: cheap, and common.
    if (old !== null) {
      const c = this.at(old, exact, q, old);
      if (c && this.agreesInPlace(c, q) && this.trusted(c, q)) return this.result(c, oldOriginal, raw, q);
    }
    const expected = oldOriginal === null ? null : this.f.toFolded(clamp(oldOriginal + delta, 0, this.text.length));
    // (b1) Where the neighbours moved to.
    if (expected !== null && expected !== old) {
      const c = this.at(expected, exact, q, expected);
      if (c && this.agrees(c, m) && c.score >= ACCEPT_SCORE && this.trusted(c, q)) return this.result(c, oldOriginal, raw, q);
    }
    // (b2) Anywhere verbatim: best context agreement, then nearest. Taken at once only when the
    // context agrees on both sides; otherwise an edited copy near the expected place may be the
    // real one (parallel sentences share words and half their context), so it competes below.
    const verbatim = this.exactCandidates(exact, expected).map((c) => this.score(c, q, expected));
    let best = pick(verbatim);
    if (best && this.agrees(best, m) && best.score >= EARLY_ACCEPT && this.trusted(best, q)) return this.result(best, oldOriginal, raw, q);
    // A long quote found verbatim once is its own evidence, even if both neighbourhoods changed.
    if (best && verbatim.length === 1 && m >= LONG_QUOTE && this.trusted(best, q)) return this.result(best, oldOriginal, raw, q);

    // (c) Fuzzy: first where the claim is expected, then the whole text.
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(m * MAX_ERROR_RATE));
    if (maxErrors === 0) {
      best = this.pickAccepted(verbatim, q);
      return best ? this.result(best, oldOriginal, raw, q) : orphan(pick(verbatim));
    }
    const scored: Scored[] = [...verbatim];
    const add = (from: number, to: number): void => {
      for (const c of fuzzyIn(text, from, to, exact, maxErrors)) scored.push(this.score(c, q, expected));
    };
    if (expected !== null) {
      // Edited in place (the common case): only the quote's own span needs searching.
      const reach = NEAR_REACH + maxErrors;
      add(Math.max(0, expected - reach), Math.min(text.length, expected + m + reach));
      best = this.pickAccepted(scored, q);
      if (best) return this.result(best, oldOriginal, raw, q);
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
    best = this.pickAccepted(scored, q);
    return best ? this.result(best, oldOriginal, raw, q) : orphan(pick(scored));
  }

  /**
   * The best candidate that clears ACCEPT_SCORE, has enough context for its length and is
   * trusted (below); null when none is.
   */
  private pickAccepted(cands: Scored[], q: TextQuoteSelector): Scored | null {
    const m = q.exact.length;
    const sorted = cands.filter((c) => c.score >= ACCEPT_SCORE && this.agrees(c, m)).sort((a, b) => b.score - a.score);
    for (const c of sorted) {
      const r = this.refine(c, q.exact, q);
      if (this.trusted(r, q)) return r;
    }
    return null;
  }

  /**
   * Whether a candidate may be taken: its text differs from the quote only as an edit of the
   * passage would (edit-check.ts), and the rest of its sentence (within the stored prefix and
   * suffix) does not differ in a number, name or negation: the same words in a parallel
   * sentence state another fact. Asked of every candidate, even the quote verbatim at its
   * stored position: a deleted sentence's twin that differs only in its year slides into
   * exactly that place. `text`: the text `c` indexes (the folded text unless said otherwise).
   */
  private trusted(c: Scored, q: TextQuoteSelector, text = this.f.folded): boolean {
    const found = text.slice(c.start, c.end);
    const prefix = q.prefix ?? '', suffix = q.suffix ?? '';
    // The usual case, answered at once: the quote and its stored context verbatim.
    if (found === q.exact && (!prefix || c.prefix === 1) && (!suffix || c.suffix === 1)) return true;
    const edit = {
      oldStartsSentence: opensSentence(prefix, prefix === ''),
      newStartsSentence: opensSentence(text.slice(Math.max(0, c.start - 8), c.start), c.start === 0),
      contextsAgree: c.prefix >= STRONG_SIDE && c.suffix >= STRONG_SIDE,
      occursInNewText: (w: string) => this.hasWord(w),
      wordRules: wordRulesApply(q.exact, `${prefix} ${suffix}`),
    };
    if (found !== q.exact && meaningChange(q.exact, found, edit) !== null) return false;
    // Only the quote's own sentence speaks for it: context across a sentence end or a
    // paragraph break is a neighbour, which edits replace freely. Its words are compared
    // whether or not that side scored as agreeing: a short quote relies on its sentence.
    // Words only one side has at the far end are where the two windows were cut, not edits.
    // A quote too short to speak for itself is only as good as its sentence: one other word
    // there may differ; a longer quote's sentence may differ as an edit would (MAX_WORD_CHANGES).
    const contextWordChanges = q.exact.length < LONG_QUOTE ? 1 : MAX_WORD_CHANGES;
    const side = { ...edit, contextWordChanges, oldStartsSentence: false, newStartsSentence: false };
    if (prefix && c.prefix < 1) {
      const window = text.slice(Math.max(0, c.start - prefix.length), c.start);
      const was = sentenceTail(prefix), now = sentenceTail(window);
      if (meaningChange(dropFirstWord(was, was === prefix), dropFirstWord(now, now === window), { ...side, farEnd: 'start' }) !== null) return false;
    }
    if (suffix && c.suffix < 1) {
      const window = text.slice(c.end, c.end + suffix.length);
      const was = sentenceHead(suffix), now = sentenceHead(window);
      if (meaningChange(dropLastWord(was, was === suffix), dropLastWord(now, now === window), { ...side, farEnd: 'end' }) !== null) return false;
    }
    return true;
  }

  /** Whether `word` occurs in the (folded) text as a whole word. */
  private hasWord(word: string): boolean {
    let hit = this.wordCache.get(word);
    if (hit === undefined) {
      const text = this.f.folded;
      hit = false;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) { hit = true; break; }
      }
      this.wordCache.set(word, hit);
    }
    return hit;
  }

  /**
   * Context test for a quote found at its stored position: a side with no stored context cannot
   * disagree (Recogito exports quotes without prefix or suffix); otherwise as `agrees`.
   */
  private agreesInPlace(c: Scored, q: TextQuoteSelector): boolean {
    const hasPrefix = typeof q.prefix === 'string' && q.prefix !== '';
    const hasSuffix = typeof q.suffix === 'string' && q.suffix !== '';
    if (!hasPrefix && !hasSuffix) return true;
    const prefix = hasPrefix ? c.prefix : 1, suffix = hasSuffix ? c.suffix : 1, m = q.exact.length;
    // As `agrees`, with the missing side counted as agreeing.
    return m >= LONG_QUOTE || Math.max(prefix, suffix) >= STRONG_SIDE || (m >= SHORT_QUOTE && (prefix + suffix) / 2 >= CONTEXT_AGREES);
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
    const text = this.f.folded;
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

  /**
   * The answer for a chosen candidate (folded offsets) in offsets of the original text. `old`:
   * the stored start (original offsets); `raw`: the stored quote as it was (not folded).
   */
  private result(c0: Scored, old: number | null, raw: TextQuoteSelector, q: TextQuoteSelector): AnchorResult {
    const c = this.refine(c0, q.exact, q);
    const start = this.f.start(c.start), end = this.f.end(c.end);
    // Verbatim in the original text: exact or moved. Otherwise the text differs from the
    // quote (edited, re-wrapped, or only in folded characters): fuzzy.
    // Without a stored position, finding the quote verbatim is as exact as it gets.
    const verbatim = c.errors === 0 && !c.loose && this.text.slice(start, end) === raw.exact;
    const status = !verbatim ? 'fuzzy' : old === null || start === old ? 'exact' : 'moved';
    return { status, start, end, score: round(c.score) };
  }

  /** The quote at `at`, verbatim or differing only in the kind of whitespace, scored; else null. */
  private at(at: number, exact: string, q: TextQuoteSelector, expected: number): Scored | null {
    const text = this.f.folded;
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

  private score(c: Candidate, q: TextQuoteSelector, expected: number | null, text = this.f.folded): Scored {
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

/** The quote with quote, prefix and suffix folded together (a superscript glued to the quote's last word folds in the suffix too). */
function foldQuote(q: TextQuoteSelector): TextQuoteSelector {
  const prefix = typeof q.prefix === 'string' ? q.prefix : '';
  const suffix = typeof q.suffix === 'string' ? q.suffix : '';
  const all = prefix + q.exact + suffix;
  const f = fold(all);
  if (!f.changed) return q;
  const a = f.toFolded(prefix.length), b = f.toFolded(prefix.length + q.exact.length);
  return { ...q, prefix: f.folded.slice(0, a), exact: f.folded.slice(a, b), suffix: f.folded.slice(b) };
}

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Whether text ending with `before` is at the start of a sentence (or of a paragraph). */
function opensSentence(before: string, atStart: boolean): boolean {
  if (atStart) return true;
  return /(?:[.!?…:]["'”’»)\]]*\s+|\n\s*)["'“‘«(\[]*$/u.test(before);
}

/** Context windows are cut at a fixed length: when `cut`, their outermost word may be a fragment. */
function dropFirstWord(s: string, cut: boolean): string {
  return cut ? s.replace(/^[\p{L}\p{N}]+(?=[^\p{L}\p{N}])/u, '') : s;
}
function dropLastWord(s: string, cut: boolean): string {
  return cut ? s.replace(/(?<=[^\p{L}\p{N}])[\p{L}\p{N}]+$/u, '') : s;
}

/** The end of `prefix` that belongs to the quote's sentence: after its last sentence end or paragraph break. */
function sentenceTail(prefix: string): string {
  const m = /(?:[.!?…]["'”’»)\]]*\s|\n\s*\n)(?![^]*(?:[.!?…]["'”’»)\]]*\s|\n\s*\n))/u.exec(prefix);
  return m ? prefix.slice(m.index + m[0].length) : prefix;
}

/** The start of `suffix` that belongs to the quote's sentence: up to its first sentence end or paragraph break. */
function sentenceHead(suffix: string): string {
  const m = /[.!?…]["'”’»)\]]*(?:\s|$)|\n\s*\n/u.exec(suffix);
  return m ? suffix.slice(0, m.index) : suffix;
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
