/**
 * Does a reference name a source the library already has? Rules, strongest first:
 * 1. the same DOI (case-insensitive, without a doi.org prefix);
 * 2. the same URL (scheme, `www.`, a trailing slash and the fragment ignored);
 * 3. a similar title (Dice coefficient of character bigrams ≥ TITLE_SIMILARITY after folding
 *    case, width and punctuation) and the same year; without a year on either side the title
 *    must be nearly identical (≥ TITLE_ONLY_SIMILARITY).
 */

/**
 * Bigram similarity from which two titles are the same work. 0.85 lets through a dropped
 * subtitle word or a typo ("Initative"), not two different titles on one subject (tested in
 * match.test.ts with pairs from the corpus's notes).
 */
export const TITLE_SIMILARITY = 0.85;
/** Without years to compare, titles must agree almost entirely. */
export const TITLE_ONLY_SIMILARITY = 0.95;

/** The fields matching reads from a CSL item. */
export interface Matchable { title?: unknown; issued?: unknown; URL?: unknown; DOI?: unknown }

/** A source a reference may name: a document or a metadata-only source. */
export interface MatchCandidate { id: string; csl: Matchable | null; title?: string; year?: number | null }

/** How a reference matched a candidate. */
export type MatchKind = 'doi' | 'url' | 'title';

/** Folds a title for comparison: NFKC, lowercase, letters and digits only. */
export function foldTitle(t: string): string {
  return t.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Dice coefficient of the character bigrams of two folded strings (0–1). */
export function titleSimilarity(a: string, b: string): number {
  const x = foldTitle(a);
  const y = foldTitle(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) { const g = s.slice(i, i + 2); m.set(g, (m.get(g) ?? 0) + 1); }
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  for (const [g, n] of gx) common += Math.min(n, gy.get(g) ?? 0);
  return (2 * common) / (x.length - 1 + y.length - 1);
}

function doiOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/iu, '').toLowerCase() : null;
}

/** A URL as compared: no scheme, no `www.`, no fragment, no trailing slash, lowercase host. */
export function foldUrl(v: unknown): string | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  const m = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/?#]+)([^#]*)/iu.exec(v.trim());
  if (!m) return null;
  return (m[1]!.toLowerCase() + m[2]!).replace(/\/+$/u, '');
}

function yearOf(item: Matchable | null): number | null {
  const y = (item?.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' ? y : null;
}

/** The candidate a reference names, and how; null when none does. */
export function matchReference(ref: Matchable, candidates: MatchCandidate[]): { id: string; kind: MatchKind } | null {
  const doi = doiOf(ref.DOI);
  if (doi) for (const c of candidates) if (doiOf(c.csl?.DOI) === doi) return { id: c.id, kind: 'doi' };
  const url = foldUrl(ref.URL);
  if (url) for (const c of candidates) if (foldUrl(c.csl?.URL) === url) return { id: c.id, kind: 'url' };
  const title = typeof ref.title === 'string' ? ref.title : '';
  if (!title) return null;
  const year = yearOf(ref);
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const other = typeof c.csl?.title === 'string' && c.csl.title ? c.csl.title : c.title ?? '';
    const otherYear = c.csl ? yearOf(c.csl) ?? c.year ?? null : c.year ?? null;
    const sim = titleSimilarity(title, other);
    const enough = year !== null && otherYear !== null ? (year === otherYear && sim >= TITLE_SIMILARITY) : sim >= TITLE_ONLY_SIMILARITY;
    if (enough && (!best || sim > best.score)) best = { id: c.id, score: sim };
  }
  return best ? { id: best.id, kind: 'title' } : null;
}

/** Candidates prepared once for many references: DOIs, URLs and folded titles indexed. */
export interface PreparedCandidates {
  /** Same answer as `matchReference(ref, candidates)`, without `exclude` (e.g. the citing document itself). */
  match(ref: Matchable, exclude?: string): { id: string; kind: MatchKind } | null;
}

/**
 * Indexes candidates by DOI, URL and year, so matching R references against C sources costs
 * about R × (sources of the same year) title comparisons instead of R × C.
 */
export function prepareCandidates(candidates: MatchCandidate[]): PreparedCandidates {
  const byDoi = new Map<string, string[]>();
  const byUrl = new Map<string, string[]>();
  const byYear = new Map<number, MatchCandidate[]>();
  const noYear: MatchCandidate[] = [];
  const push = <K>(m: Map<K, string[]>, k: K | null, id: string): void => { if (k !== null) { const l = m.get(k); if (l) l.push(id); else m.set(k, [id]); } };
  for (const c of candidates) {
    push(byDoi, doiOf(c.csl?.DOI), c.id);
    push(byUrl, foldUrl(c.csl?.URL), c.id);
    const y = c.csl ? yearOf(c.csl) ?? c.year ?? null : c.year ?? null;
    if (y === null) noYear.push(c); else { const l = byYear.get(y); if (l) l.push(c); else byYear.set(y, [c]); }
  }
  return {
    match(ref, exclude) {
      const first = (ids: string[] | undefined): string | undefined => ids?.find((id) => id !== exclude);
      const doi = first(byDoi.get(doiOf(ref.DOI) ?? ''));
      if (doi) return { id: doi, kind: 'doi' };
      const url = first(byUrl.get(foldUrl(ref.URL) ?? ''));
      if (url) return { id: url, kind: 'url' };
      if (typeof ref.title !== 'string' || !ref.title) return null;
      const y = yearOf(ref);
      const pool = y === null ? candidates : [...(byYear.get(y) ?? []), ...noYear];
      return matchReference({ title: ref.title, issued: ref.issued }, pool.filter((c) => c.id !== exclude));
    },
  };
}
