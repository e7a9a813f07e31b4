/**
 * Finding a claim to link to by what it says: every word typed must appear in the claim's quote,
 * restatement, note or tags (case- and accent-insensitive); claims that match in the restatement
 * or at a word start come first. Plain substring matching: a library holds thousands of claims,
 * not millions, and people type the words they remember.
 */
import type { Claim } from '../../core/api.ts';

/** Most results the link picker shows (more than fit in the panel without scrolling). */
export const MAX_RESULTS = 30;

/** Lower case, accents dropped, runs of white space made single. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
}

/** Claims matching `query`, best first; an empty query lists the most recently modified. */
export function searchClaims(claims: readonly Claim[], query: string, opts: { exclude?: string; limit?: number } = {}): Claim[] {
  const limit = opts.limit ?? MAX_RESULTS;
  const words = fold(query).split(' ').filter(Boolean);
  const pool = claims.filter((c) => c.id !== opts.exclude);
  if (!words.length) return [...pool].sort((a, b) => b.modified.localeCompare(a.modified)).slice(0, limit);
  const scored: Array<{ c: Claim; score: number }> = [];
  for (const c of pool) {
    const restatement = fold(c.restatement);
    const rest = fold(`${c.quote.exact} ${c.note} ${c.tags.join(' ')}`);
    let score = 0;
    let all = true;
    for (const w of words) {
      const inR = restatement.indexOf(w);
      const inQ = rest.indexOf(w);
      if (inR < 0 && inQ < 0) { all = false; break; }
      if (inR >= 0) score += 2;
      const at = inR >= 0 ? restatement : rest;
      const i = inR >= 0 ? inR : inQ;
      if (i === 0 || /[^\p{L}\p{N}]/u.test(at[i - 1]!)) score += 1;
    }
    if (all) scored.push({ c, score });
  }
  scored.sort((a, b) => b.score - a.score || b.c.modified.localeCompare(a.c.modified));
  return scored.slice(0, limit).map((s) => s.c);
}
