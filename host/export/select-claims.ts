/**
 * Which claims an export covers (ClaimSelection), and where each sits (its paragraphs), for the
 * citation locator.
 */
import { ApiError, type Claim, type ClaimSelection } from '../../core/api.ts';
import { listClaims } from '../store/claims-repo.ts';
import type { LibraryContext } from '../library/context.ts';
import { paragraphAt } from '../library/loaded-document.ts';
import { librarySummaries } from './export-context.ts';

/**
 * The selected claims, in the selection's order: the ids' order, the search's rank order
 * (`search`: the library's one index, so `--query` means what the Search tab means; `corpusId`
 * keeps one corpus's), or
 * (filter, nothing) library order: documents as the library lists them, then text order.
 * Ids that name no claim are reported, not fatal.
 */
export async function selectClaims(
  ctx: LibraryContext, selection: ClaimSelection | undefined, search: (query: string, corpusId?: string) => Promise<string[]>,
): Promise<{ claims: Claim[]; warnings: string[] }> {
  const db = ctx.store.db;
  if (!db) return { claims: [], warnings: [] };
  if (selection && 'claimIds' in selection) {
    if (!Array.isArray(selection.claimIds)) throw new ApiError('bad-input', 'claimIds must be a list of claim ids.');
    const all = new Map(listClaims(db, {}).map((c) => [c.id, c]));
    const claims = selection.claimIds.flatMap((id) => { const c = all.get(id); return c ? [c] : []; });
    const missing = selection.claimIds.length - claims.length;
    return { claims, warnings: missing ? [`${missing} of the listed claims are no longer in the library and were left out.`] : [] };
  }
  if (selection && 'query' in selection) {
    if (typeof selection.query !== 'string') throw new ApiError('bad-input', 'The query must be text.');
    if (selection.corpusId !== undefined && typeof selection.corpusId !== 'string') throw new ApiError('bad-input', 'The corpus must be named by its id.');
    const ids = await search(selection.query, selection.corpusId);
    const byId = new Map(listClaims(db, {}).map((c) => [c.id, c]));
    return { claims: ids.flatMap((id) => { const c = byId.get(id); return c ? [c] : []; }), warnings: [] };
  }
  const claims = listClaims(db, selection && 'filter' in selection ? selection.filter ?? {} : {});
  return { claims: inLibraryOrder(ctx, claims), warnings: [] };
}

/** Claims sorted by their document's place in the library, then by position in the text. */
function inLibraryOrder(ctx: LibraryContext, claims: Claim[]): Claim[] {
  const order = new Map(librarySummaries(ctx).map((d, i) => [d.id, i]));
  return [...claims].sort((a, b) => (order.get(a.documentId) ?? 1e9) - (order.get(b.documentId) ?? 1e9) || a.position.start - b.position.start);
}

/**
 * The first and last paragraph numbers a claim covers, [null, null] for an orphan or a claim in a
 * heading. The last is where the claim's last character (end − 1) falls.
 */
export function claimParagraphs(ctx: LibraryContext, claim: Claim): [number | null, number | null] {
  if (claim.status === 'orphan' || claim.paragraph === null) return [null, null];
  if (typeof claim.paragraphEnd === 'number' && claim.paragraphEnd >= claim.paragraph) return [claim.paragraph, claim.paragraphEnd];
  const doc = ctx.documents.get(claim.documentId);
  if (!doc) return [claim.paragraph, claim.paragraph];
  const last = paragraphAt(doc, Math.max(claim.position.start, claim.position.end - 1));
  return [claim.paragraph, last !== null && last >= claim.paragraph ? last : claim.paragraph];
}
