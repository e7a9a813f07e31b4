/**
 * Folding for matching: the same words written with different invisible or compatibility
 * characters compare equal, while the text shown to the reader keeps them.
 *
 * Re-extracting a PDF or re-saving a page changes such characters without changing a word:
 * "Office" becomes "Oﬃce" (a ligature), a soft hyphen or a zero-width space appears inside a
 * word, a footnote number is glued to a word as a superscript ("treaty¹"). Anchoring compares
 * folded strings and maps what it finds back to offsets of the original text.
 *
 * Folded away (removed): soft hyphen U+00AD, zero-width space/non-joiner/joiner U+200B–U+200D,
 * left-to-right/right-to-left marks U+200E–U+200F, bidi embeddings U+202A–U+202E and isolates
 * U+2066–U+2069, word joiner U+2060, invisible operators U+2061–U+2064, the byte-order mark
 * U+FEFF used as a zero-width no-break space, Mongolian vowel separator U+180E; and superscript
 * digits (¹ ² ³ ⁰–⁹) glued to the end of a word or closing punctuation (a footnote call).
 * Folded to their compatibility decomposition (NFKC): the Latin and Armenian ligatures
 * U+FB00–U+FB17 ("ﬁ" → "fi", "ﬃ" → "ffi").
 * Not folded: no-break and other fixed-width spaces. Anchoring already counts any white space
 * as any other where it compares in place and in context (similarity.ts), and folding them
 * would copy every scraped text (most have a few no-break spaces) on every re-anchoring.
 */

const REMOVE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const SUPERSCRIPT_DIGIT = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]/;
const LIGATURE = /[\uFB00-\uFB17]/;
/** Any character folding may change: a text without one is its own folding (no copy, no map). */
const FOLDABLE_CLASS = /[\u00AD\u00B2\u00B3\u00B9\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2070\u2074-\u2079\uFB00-\uFB17\uFEFF]/.source;
const FOLDABLE = new RegExp(FOLDABLE_CLASS);
const FOLDABLE_ALL = new RegExp(FOLDABLE_CLASS, 'g');

/**
 * A folded string and where each of its characters came from. `start(k)` is the original
 * offset of folded character k (k = folded.length gives the original length); `end(k)` the
 * original offset just after the character folded character k came from. Identity when the
 * original had nothing to fold.
 */
export interface Folded {
  readonly original: string;
  readonly folded: string;
  /** Whether folding changed anything. */
  readonly changed: boolean;
  /** Original offset of folded offset `k` (0 ≤ k ≤ folded.length). */
  start(k: number): number;
  /** Original offset just after folded character `k - 1`: the original end of a folded range ending at k. */
  end(k: number): number;
  /** The folded offset of original offset `i` (the first folded character at or after it). */
  toFolded(i: number): number;
}

/** Whether a superscript digit at `i` is glued to what precedes it (a letter or closing punctuation). */
function gluedSuperscript(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && SUPERSCRIPT_DIGIT.test(s[j]!)) j--; // "¹²" glued as a whole
  return j >= 0 && /[\p{L}\p{M}.,;:!?)\]"'”’»]/u.test(s[j]!);
}

/**
 * Folds `s` for matching (see the file comment). Linear in the length, and cheap when little
 * changes: the text is copied in runs between foldable characters, and the way back to original
 * offsets is kept as one entry per run (a 1.2 MB text with a no-break space in every line
 * folds in a few milliseconds), not one per character.
 */
export function fold(s: string): Folded {
  if (!FOLDABLE.test(s)) return identity(s);
  // Runs of the folded text: folded start F, original start O, folded length L, and whether the
  // run is one original character expanded (a ligature: every folded character maps to it).
  const F: number[] = [], O: number[] = [], L: number[] = [], E: boolean[] = [];
  const parts: string[] = [];
  let copied = 0; // original offset up to which s has been handled
  let flen = 0;
  const run = (o: number, text: string, expanded: boolean): void => {
    if (!text) return;
    F.push(flen); O.push(o); L.push(text.length); E.push(expanded);
    parts.push(text);
    flen += text.length;
  };
  for (const m of s.matchAll(FOLDABLE_ALL)) {
    const i = m.index, c = m[0];
    let rep: string;
    if (REMOVE.test(c) || (SUPERSCRIPT_DIGIT.test(c) && gluedSuperscript(s, i))) rep = '';
    else if (LIGATURE.test(c)) rep = c.normalize('NFKC');
    else continue; // a superscript digit standing alone, U+2070 after a digit: kept as they are
    run(copied, s.slice(copied, i), false);
    run(i, rep, rep.length > 1);
    copied = i + 1;
  }
  run(copied, s.slice(copied), false);
  // (join, not replace: V8's replace result made later startsWith calls on it ~30× slower.)
  const folded = parts.join('');
  if (folded === s) return identity(s);
  const n = s.length;
  /** Index of the last run whose start (in `starts`) is ≤ x, or -1. */
  const runAt = (starts: number[], x: number): number => {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (starts[mid]! <= x) lo = mid + 1; else hi = mid; }
    return lo - 1;
  };
  const startOf = (k: number): number => {
    if (k >= flen) return n;
    const j = runAt(F, k);
    return E[j]! ? O[j]! : O[j]! + (k - F[j]!);
  };
  return {
    original: s,
    folded,
    changed: true,
    start: startOf,
    end: (k) => {
      if (k <= 0) return 0;
      const j = runAt(F, Math.min(k, flen) - 1);
      return E[j]! ? O[j]! + 1 : O[j]! + (Math.min(k, flen) - 1 - F[j]!) + 1;
    },
    toFolded: (i) => {
      const j = runAt(O, i);
      if (j < 0) return 0;
      if (E[j]!) return i === O[j]! ? F[j]! : F[j]! + L[j]!;
      return F[j]! + Math.min(i - O[j]!, L[j]!);
    },
  };
}

function identity(s: string): Folded {
  return { original: s, folded: s, changed: false, start: (k) => k, end: (k) => k, toFolded: (i) => Math.min(i, s.length) };
}

/** The folded form of a short string (a quote, a prefix, a suffix). */
export function foldString(s: string): string {
  return FOLDABLE.test(s) ? fold(s).folded : s;
}
