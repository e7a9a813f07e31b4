/**
 * Name folding and the entity picker's ranking. People type names the way they remember them:
 * without diacritics ("turkmen" for "Türkmen"), half-way ("berdym"), or in another
 * transliteration than the one stored. Folding makes those comparable; ranking orders the
 * picker so the most plausible entity is first.
 */
import { editDistance, prefixEditDistance } from './similarity.ts';

/** Letters that Unicode decomposition leaves whole, spelled the way an English keyboard would. */
const LETTER_FOLDS: Record<string, string> = {
  'ı': 'i', 'ß': 'ss', 'ø': 'o', 'æ': 'ae', 'œ': 'oe', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ħ': 'h',
};
const LETTER_FOLD_RE = /[ıßøæœłđðþħ]/g;
/** Apostrophe look-alikes: modifier letter apostrophe, curly quotes, backtick, acute, prime. */
const APOSTROPHES_RE = /[ʼ’‘`´ʹʻ′]/g;

/**
 * The comparable form of a name: lower case, diacritics removed (NFD, combining marks dropped),
 * dotless/dotted i folded to i, apostrophe variants made one ('), and runs of whitespace,
 * hyphens and dashes made one space. "Berdimuhamedow’s" → "berdimuhamedow's",
 * "Türkmenbaşy" → "turkmenbasy", "Bin-Laden" → "bin laden".
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(APOSTROPHES_RE, "'")
    .replace(/[\s\p{Pd}_]+/gu, ' ')
    .trim();
}

/** One row of the picker: the entity, which of its names matched, and how well (higher is better). */
export interface RankedEntity<E> { entity: E; matched: string; score: number }

/**
 * Score tiers, best first. A name that starts with what was typed beats one that has it
 * inside a word, which beats a near spelling, which beats letters merely in order.
 */
export const RANK = { equal: 100, startsWith: 90, wordPrefix: 80, allWordsPrefix: 70, substring: 60, nearSpelling: 50, subsequence: 30 } as const;

/**
 * Entities whose name or an alias matches `query`, best first (at most `limit`). Matching is
 * case-, diacritic- and hyphen-insensitive (foldName). Within a tier shorter names come first
 * (the closer fit); ties go by name. An empty query lists entities by name.
 */
export function rankEntities<E extends { id: string; name: string; aliases: string[] }>(
  query: string, entities: E[], limit = 20,
): Array<RankedEntity<E>> {
  const q = foldName(query);
  const byName = (a: RankedEntity<E>, b: RankedEntity<E>): number => a.entity.name.localeCompare(b.entity.name);
  if (!q) return entities.map((entity) => ({ entity, matched: entity.name, score: 0 })).sort(byName).slice(0, limit);
  const qWords = words(q);
  const out: Array<RankedEntity<E>> = [];
  for (const entity of entities) {
    let best: RankedEntity<E> | null = null;
    for (const name of [entity.name, ...entity.aliases]) {
      const score = scoreName(q, qWords, foldName(name));
      if (score > 0 && (!best || score > best.score)) best = { entity, matched: name, score };
    }
    if (best) out.push(best);
  }
  return out.sort((a, b) => b.score - a.score || byName(a, b)).slice(0, limit);
}

function words(folded: string): string[] {
  return folded.split(/[ ']+/).filter(Boolean);
}

/** Typing errors forgiven in a query word: none up to 3 letters, then one per 4 letters. */
function typoBudget(len: number): number {
  return len <= 3 ? 0 : Math.floor(len / 4);
}

function scoreName(q: string, qWords: string[], name: string): number {
  if (!name) return 0;
  const ws = words(name);
  // Shorter names rank first within a tier; the bonus stays below one tier step.
  const fit = 1 - Math.min(name.length, 99) / 100;
  if (name === q) return RANK.equal + fit;
  if (name.startsWith(q)) return RANK.startsWith + fit;
  if (ws.some((w) => w.startsWith(q)) || name.includes(' ' + q)) return RANK.wordPrefix + fit;
  if (qWords.length > 1 && qWords.every((qw) => ws.some((w) => w.startsWith(qw)))) return RANK.allWordsPrefix + fit;
  if (name.includes(q)) return RANK.substring + fit;
  // Near spellings: every query word is within its typo budget of the start of some word.
  let total = 0;
  for (const qw of qWords) {
    const budget = typoBudget(qw.length);
    let bestD = Infinity;
    for (const w of ws) bestD = Math.min(bestD, w.length >= qw.length ? prefixEditDistance(qw, w) : editDistance(qw, w, budget));
    if (bestD > budget) { total = -1; break; }
    total += bestD;
  }
  if (total >= 0) return RANK.nearSpelling - Math.min(9, total * 3) + fit;
  // Letters in order ("brdmh" → "berdimuhamedow"): the tighter the spread, the better.
  const compactQ = q.replace(/ /g, '');
  if (compactQ.length >= 3) {
    let i = 0, first = -1, last = -1;
    for (let j = 0; j < name.length && i < compactQ.length; j++) {
      if (name[j] === compactQ[i]) { if (first < 0) first = j; last = j; i++; }
    }
    if (i === compactQ.length) return RANK.subsequence + 9 * (compactQ.length / (last - first + 1)) + fit;
  }
  return 0;
}
