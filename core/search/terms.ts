/**
 * How text becomes search terms, on both sides of the index: the same functions turn a claim's
 * fields into index terms and a person's query into query terms, so the two always agree.
 *
 * A word is a run of letters, digits and combining marks, possibly joined by an inner apostrophe
 * or full stop ("Berdimuhamedow’s", "U.S", "1.5"). Everything else separates words: spaces,
 * hyphens and dashes, slashes, the full-width colon of the journal article ("Turkmenistan：The").
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

const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['’ʼ.][\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a text with their offsets in it. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD_RE)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Memo of word → term: a library repeats a small vocabulary many times over. */
const TERM_CACHE = new Map<string, string>();
/** Bound on the memo, so a long session of odd queries cannot grow it without end. */
const TERM_CACHE_MAX = 200_000;

/** The folded form of one word: what phrases compare and prefixes extend. */
export function foldWord(word: string): string {
  return foldName(word).replace(/'s$/, '').replace(/'/g, '');
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
