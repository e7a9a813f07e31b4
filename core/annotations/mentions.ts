/**
 * Finding passages that name an entity, including near spellings. The corpus spells one
 * family name Berdimuhamedow, Berdymukhamedov and Berdimuhamedov, and its first name Serdar
 * and Sherdar: a reader tagging entities should see all of them.
 */
import { foldName } from './names.ts';
import { editDistance } from './similarity.ts';

/**
 * One passage naming one of the names. `words` is how many words of the matched name it
 * covers and `nameWords` how many the name has: a surname alone is 1 of 2.
 */
export interface FoundMention { start: number; end: number; text: string; matched: string; distance: number; words: number; nameWords: number }

/**
 * Spelling differences forgiven per name word: one per 5 letters of the word (after folding
 * and transliteration skeleton), none for words under 5 letters. "serdar"/"sherdar" differ by
 * one in six; tighter budgets miss real variants, looser ones match different words ("Turkmen"
 * would meet "Turkmens", "integration" "interaction").
 */
export function defaultMaxDistance(wordLength: number): number {
  return Math.floor(wordLength / 5);
}

/**
 * A surname matches on its own when it has at least this many letters: "Berdimuhamedow" alone
 * names the family, a short last word ("Li", "Khan") alone names too many people.
 */
export const SURNAME_MIN = 6;

/**
 * Transliteration skeleton: common Russian/Turkmen/English romanisation alternations made equal
 * before counting differences (y/i: Berdy-/Berdi-, w/v: -dow/-dov, kh/h: -mukh-/-muh-).
 */
function skeleton(folded: string): string {
  return folded.replace(/kh/g, 'h').replace(/y/g, 'i').replace(/w/g, 'v');
}

interface Token { start: number; end: number; folded: string; skel: string }

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;
/** What may stand between the words of a multi-word name: spaces, hyphens, apostrophes. */
const JOINER_RE = /^[\s\p{Pd}'’ʼ]{1,3}$/u;

function tokenize(text: string, cache: Map<string, { folded: string; skel: string }>): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    let f = cache.get(m[0]);
    if (!f) {
      const folded = foldName(m[0]);
      f = { folded, skel: skeleton(folded) };
      cache.set(m[0], f);
    }
    if (f.folded) out.push({ start: m.index, end: m.index + m[0].length, folded: f.folded, skel: f.skel });
  }
  return out;
}

interface Pattern { name: string; nameWords: number; words: Array<{ folded: string; skel: string; budget: number }> }

/**
 * Every passage of `text` naming one of `names` or a near spelling: each name as its whole
 * sequence of words, and the last word alone when it has SURNAME_MIN letters or more.
 * Comparison is per word, after foldName and the transliteration skeleton; a word matches when
 * its first letter agrees and at most `maxDistance` (default: defaultMaxDistance) edits separate
 * it from the name's word. Results do not overlap (longer matches win) and come in text order;
 * `distance` counts the spelling differences a reader sees (folded, before the skeleton).
 */
export function findMentions(text: string, names: string[], opts: { maxDistance?: number } = {}): FoundMention[] {
  const patterns: Pattern[] = [];
  const wordOf = (w: string) => {
    const skel = skeleton(w);
    return { folded: w, skel, budget: opts.maxDistance ?? defaultMaxDistance(skel.length) };
  };
  for (const name of names) {
    const ws = (foldName(name).match(WORD_RE) ?? []).map(wordOf);
    if (!ws.length) continue;
    patterns.push({ name, nameWords: ws.length, words: ws });
    const last = ws[ws.length - 1];
    if (ws.length > 1 && last.folded.length >= SURNAME_MIN) patterns.push({ name, nameWords: ws.length, words: [last] });
  }
  if (!patterns.length) return [];
  const tokens = tokenize(text, new Map());
  const found: FoundMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const p of patterns) {
      if (i + p.words.length > tokens.length) continue;
      let distance = 0;
      let ok = true;
      for (let k = 0; k < p.words.length && ok; k++) {
        const t = tokens[i + k], w = p.words[k];
        // Cheap filters before any edit distance: first letter, then length.
        if (t.skel.charCodeAt(0) !== w.skel.charCodeAt(0) || Math.abs(t.skel.length - w.skel.length) > w.budget) { ok = false; break; }
        if (k > 0 && !JOINER_RE.test(text.slice(tokens[i + k - 1].end, t.start))) { ok = false; break; }
        if (t.skel !== w.skel && editDistance(t.skel, w.skel, w.budget) > w.budget) { ok = false; break; }
        distance += t.folded === w.folded ? 0 : editDistance(t.folded, w.folded);
      }
      if (!ok) continue;
      const start = tokens[i].start, end = tokens[i + p.words.length - 1].end;
      found.push({ start, end, text: text.slice(start, end), matched: p.name, distance, words: p.words.length, nameWords: p.nameWords });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.distance - b.distance
    || Number(b.words === b.nameWords) - Number(a.words === a.nameWords));
  const out: FoundMention[] = [];
  let reached = -1;
  for (const f of found) {
    if (f.start < reached) continue;
    out.push(f);
    reached = f.end;
  }
  return out;
}
