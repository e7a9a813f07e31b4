/**
 * Case- and diacritic-insensitive matching over the document's plain text, for find-in-document.
 *
 * The text is folded once per document (lower case, combining marks dropped, NFD) into a string
 * plus a table from each folded char back to its offset in the original, so a match in the folded
 * text becomes a range [start, end) in the plain text that the text map can place.
 */

/** A plain text folded for matching. */
export interface FoldedText {
  text: string;
  folded: string;
  /** origin[i]: offset in the original text of folded char i; origin[folded.length] = text.length. */
  origin: Uint32Array;
}

const MARKS = /\p{M}/gu;
/** Invisible characters inside words (soft hyphen, zero-width space/joiners, word joiner, BOM): folded away. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;

/**
 * The folded form of a string: what find compares. Compatibility forms become the letters they
 * stand for (NFKD: "ﬁ" is "fi", "¹" is "1"), invisible characters go, so "of\uFB01ce" and
 * "mainte\u00ADnance" are found by "office" and "maintenance" (the same rules as search's terms).
 */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').replace(INVISIBLE, '').toLowerCase();
}

/** Folds `text` once, remembering where each folded char came from. */
export function foldText(text: string): FoldedText {
  // ASCII letters and spaces are by far the common case: handle them without normalising.
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const f = code < 0x80 ? ch.toLowerCase() : fold(ch);
    out += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { text, folded: out, origin: Uint32Array.from(origin) };
}

/** A match as a plain-text range [start, end). */
export interface TextRange { start: number; end: number }

/**
 * Every non-overlapping match of `query` in the folded text, in order, at most `limit`. White
 * space in the query matches one or more white-space characters.
 */
export function findMatches(text: FoldedText, query: string, limit = 10_000): TextRange[] {
  const q = fold(query).trim();
  if (!q) return [];
  const pattern = new RegExp(q.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  const out: TextRange[] = [];
  for (const m of text.folded.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const start = text.origin[m.index]!;
    const last = text.origin[m.index + m[0].length - 1]!;
    out.push({ start, end: last + charLength(text.text, last) });
    if (out.length >= limit) break;
  }
  return out;
}

/** UTF-16 length of the code point at `i` (2 for a surrogate pair). */
function charLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
