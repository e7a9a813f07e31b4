/**
 * How text becomes search terms, on both sides of the index: the same functions turn a claim's
 * fields into index terms and a person's query into query terms, so the two always agree.
 *
 * A word is a run of letters, digits and combining marks, possibly joined by an inner apostrophe
 * or full stop ("Berdimuhamedow’s", "U.S", "1.5") or by invisible characters (a soft hyphen, a
 * zero-width space: "mainte\u00ADnance" is one word). Everything else separates words: spaces,
 * hyphens and dashes, slashes, the full-width colon of the journal article ("Turkmenistan：The"),
 * superscript note digits ("ahead¹"). Short words may end in `++` or `#` (C++, C#).
 *
 * A word's term: folded (core/annotations/names.ts `foldName`: lower case, diacritics off, so
 * "Türkmenistan" and "turkmenistan" are one term), possessive "'s" dropped, English stop words
 * dropped, then Lunr's Porter stemmer ("neutrality" and "neutral" are one term).
 *
 * A word's spelling key (`spellingKey`) is a looser form for names that reach English through
 * several transliterations: "Berdymukhamedov", "Berdimuhamedow" and "Berdimuhamedov" share the
 * key "berdimuhamedov". Lunr's edit distance cannot bridge that (three edits apart), and a fuzzy
 * distance of three would match almost anything, so the index keeps these keys in a field of
 * their own, for name-like words only.
 */
import lunr from 'lunr';
import { foldName } from '../annotations/names.ts';

/** A word of a text and where it sits: `text.slice(start, end) === word`. */
export interface WordSpan { word: string; start: number; end: number }

/**
 * A word character: a letter, digit or combining mark, but not a superscript or subscript digit
 * (U+00B2, U+00B3, U+00B9, U+2070–U+209F): a note number glued to a word ("ahead¹", "2016.²")
 * is not part of it.
 */
const W = '[[\\p{L}\\p{N}\\p{M}]--[\\u00B2\\u00B3\\u00B9\\u2070-\\u209F]]';
/**
 * Invisible characters that sit inside words without separating them: soft hyphen (a line-break
 * hint), zero-width space / non-joiner / joiner, word joiner, BOM. `foldWord` drops them.
 */
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const INVISIBLE_RE = new RegExp(`[${INVISIBLE}]`, 'gu');
/**
 * A word: word characters, joined by invisibles or by one inner apostrophe or full stop, with an
 * optional `++` or `#` suffix (C++, C#, F#: the names of languages, which are words of their own).
 */
const WORD_RE = new RegExp(`${W}+(?:(?:[${INVISIBLE}]+|['’ʼ.])${W}+)*(?:(?:\\+\\+|#)(?![\\p{L}\\p{N}]))?`, 'gv');
/** Longest word that keeps a `++`/`#` suffix: language names are short; "issue#" is not one. */
const SYMBOL_WORD_MAX = 3;

/** The words of a text with their offsets in it. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    let word = m[0];
    const suffix = word.endsWith('++') ? 2 : word.endsWith('#') ? 1 : 0;
    if (suffix && word.length - suffix > SYMBOL_WORD_MAX) word = word.slice(0, -suffix);
    out.push({ word, start: m.index, end: m.index + word.length });
  }
  return out;
}

/** Memo of word → term: a library repeats a small vocabulary many times over. */
const TERM_CACHE = new Map<string, string>();
/** Bound on the memo, so a long session of odd queries cannot grow it without end. */
const TERM_CACHE_MAX = 200_000;

/** Memo of word → folded word (phrase checks and highlighting fold every word of every hit). */
const FOLD_CACHE = new Map<string, string>();

/** The folded form of one word: what phrases compare and prefixes extend. */
export function foldWord(word: string): string {
  const hit = FOLD_CACHE.get(word);
  if (hit !== undefined) return hit;
  // NFKC first: a ligature ("ﬁ") or a full-width letter becomes the letters it stands for.
  const folded = foldName(word.replace(INVISIBLE_RE, '').normalize('NFKC')).replace(/'s$/, '').replace(/'/g, '');
  if (FOLD_CACHE.size >= TERM_CACHE_MAX) FOLD_CACHE.clear();
  FOLD_CACHE.set(word, folded);
  return folded;
}

/** The index term of one word, or '' for a stop word (nothing to search for). */
export function termOf(word: string): string {
  const hit = TERM_CACHE.get(word);
  if (hit !== undefined) return hit;
  const folded = foldWord(word);
  let term = '';
  if (folded) {
    const token = new lunr.Token(folded, {});
    if (lunr.stopWordFilter(token)) term = lunr.stemmer(token).toString();
  }
  if (TERM_CACHE.size >= TERM_CACHE_MAX) TERM_CACHE.clear();
  TERM_CACHE.set(word, term);
  return term;
}

/**
 * Transliteration rules, applied in order to a folded word. Each merges spellings that the
 * corpus (and English writing on Central Asia generally) uses for one name: Russian-style
 * "kh"/"-ov" against Turkmen-style "h"/"-ow", "y" against "i" (Berdymukhamedov, Berdimuhamedow,
 * Niyazov / Nyýazow), "dzh"/"j", "ph"/"f", and doubled letters.
 */
const SPELLING_RULES: ReadonlyArray<[RegExp, string]> = [
  [/dzh/g, 'j'], [/kh/g, 'h'], [/ph/g, 'f'], [/w/g, 'v'], [/y/g, 'i'], [/(\p{L})\1+/gu, '$1'],
];

/** Shortest folded word that gets a spelling key: shorter words are rarely names worth it. */
export const SPELLING_MIN_LENGTH = 5;

const KEY_CACHE = new Map<string, string>();

/** The spelling key of a word, or '' when it is too short to have one. */
export function spellingKey(word: string): string {
  const hit = KEY_CACHE.get(word);
  if (hit !== undefined) return hit;
  let s = foldWord(word);
  if (s.length < SPELLING_MIN_LENGTH || /^\p{N}+$/u.test(s)) s = '';
  else for (const [re, to] of SPELLING_RULES) s = s.replace(re, to);
  if (KEY_CACHE.size >= TERM_CACHE_MAX) KEY_CACHE.clear();
  KEY_CACHE.set(word, s);
  return s;
}

/** Whether a word of running text looks like a name (capitalised), so it gets a spelling key. */
export function isNameLike(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
