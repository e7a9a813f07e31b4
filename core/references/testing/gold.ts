/**
 * Scoring parsed references against a hand-written gold file (first author, year, title), for the
 * accuracy test and the bench. A reference counts as right only when all three match.
 */
import type { CslName, ReferenceItem } from '../types.ts';

/** One gold entry: what a person reads off the note. */
export interface GoldReference { note: string; author: string; year: number | null; title: string }

/** Title as compared: Unicode-compatible forms (full-width ':' is ':'), quotes folded, case and spacing ignored. */
export function comparableTitle(t: string): string {
  return t.normalize('NFKC').replace(/[‘’‛`´]/gu, "'").replace(/[“”„]/gu, '"').replace(/\s+/gu, ' ')
    .replace(/\s*:\s*/gu, ': ').replace(/[\s.,;]+$/u, '').trim().toLowerCase();
}

/** The first author as a citation prints it: family name, a CJK name whole, or the organisation. */
export function citedAuthor(item: ReferenceItem): string {
  const a = (item.author as CslName[] | undefined)?.[0];
  if (!a) return '';
  if (a.literal) return a.literal;
  const fam = (a.family ?? '').replace(/\.$/u, '');
  return /\p{Script=Han}/u.test(fam) ? fam + (a.given ?? '') : fam;
}

/** Which of the three parts are right for one reference. */
export interface Score { note: string; author: boolean; year: boolean; title: boolean; right: boolean; got: { author: string; year: number | null; title: string } }

/** Scores one parsed item against its gold entry. */
export function score(gold: GoldReference, item: ReferenceItem): Score {
  const year = (item.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? null;
  const got = { author: citedAuthor(item), year, title: String(item.title ?? '') };
  const author = got.author.toLowerCase() === gold.author.toLowerCase();
  const y = year === gold.year;
  const title = comparableTitle(got.title) === comparableTitle(gold.title);
  return { note: gold.note, author, year: y, title, right: author && y && title, got };
}
