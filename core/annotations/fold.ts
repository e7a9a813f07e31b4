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
 * U+FB00–U+FB17 ("ﬁ" → "fi", "ﬃ" → "ffi"). Folded to a plain space: no-break and other fixed-width
 * spaces (U+00A0, U+2000–U+200A, U+202F, U+205F, U+3000).
 */

const REMOVE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const SUPERSCRIPT_DIGIT = /[\u00B9\u00B2\u00B3\u2070\u2074-\u2079]/;
const LIGATURE = /[\uFB00-\uFB17]/;
const SPACE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
/** Any character folding may change: a text without one is its own folding (no copy, no map). */
const FOLDABLE = /[\u00A0\u00AD\u00B2\u00B3\u00B9\u180E\u2000-\u200F\u202A-\u202F\u205F-\u2064\u2066-\u2070\u2074-\u2079\u3000\uFB00-\uFB17\uFEFF]/;

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

/** Folds `s` for matching (see the file comment). Linear in the length; a copy only when needed. */
export function fold(s: string): Folded {
  if (!FOLDABLE.test(s)) return identity(s);
  const out: string[] = [];
  const from: number[] = []; // original offset of each folded character
  const to: number[] = []; // original offset just after its source character
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (REMOVE.test(c) || (SUPERSCRIPT_DIGIT.test(c) && gluedSuperscript(s, i))) continue;
    const rep = LIGATURE.test(c) ? c.normalize('NFKC') : SPACE.test(c) ? ' ' : c;
    for (let k = 0; k < rep.length; k++) { out.push(rep[k]!); from.push(i); to.push(i + 1); }
  }
  const folded = out.join('');
  if (folded === s) return identity(s);
  const n = s.length;
  return {
    original: s,
    folded,
    changed: true,
    start: (k) => (k >= from.length ? n : from[k]!),
    end: (k) => (k <= 0 ? 0 : to[Math.min(k, to.length) - 1]!),
    toFolded: (i) => {
      let lo = 0, hi = from.length;
      while (lo < hi) { const mid = (lo + hi) >>> 1; if (from[mid]! < i) lo = mid + 1; else hi = mid; }
      return lo;
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
