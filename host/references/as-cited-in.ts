/**
 * "As cited in" citations (issue 9, item 3): a claim whose paragraph cites a work (its footnote
 * marker) can be cited through the source the claim is in, e.g. APA "(Yapici, 2018, as cited in
 * Turkmenistan: Time to…, 2016, para. 3)". The export (host/export) calls this with the claim's
 * own cite (its source item and paragraph locator) and one of `referencesForClaim`'s references.
 */
import { ApiError, type ClaimCitation, type CslItem } from '../../core/api.ts';
import { exportableItem } from '../../core/cite/csl-export.ts';
import { paragraphLocator } from '../../core/cite/locator.ts';
import { claimLink } from '../../core/links.ts';
import { asCitedInPrefix } from '../../core/references/as-cited-in.ts';
import type { CiteFormatter } from '../cite/formatter.ts';
import { exportContextOf } from '../export/export-context.ts';
import { claimParagraphs } from '../export/select-claims.ts';
import type { LibraryContext } from '../library/context.ts';
import { getClaims } from '../store/claims-repo.ts';
import { referencesForClaim } from './library-references.ts';

/** The secondary source's cite as the export makes it (`{ id, locator: '3', label: 'paragraph' }`). */
export interface SecondaryCite { id: string; locator?: string; label?: string }

/**
 * One in-text citation of `original` as cited in `secondary`, in `style` and `format`. Two calls
 * to the formatter: the original's own in-text citation (for its author and year), then the
 * secondary's citation with the style's "as cited in" prefix (core/references/as-cited-in.ts).
 */
export async function formatAsCitedIn(
  formatter: Pick<CiteFormatter, 'formatCitations'>, original: CslItem, secondary: CslItem, cite: SecondaryCite, style: string, format: 'text' | 'html',
): Promise<string> {
  const own = await formatter.formatCitations([original], [[{ id: original.id }]], style, format);
  const prefix = asCitedInPrefix(style, own.citations[0] ?? '');
  const through = await formatter.formatCitations([secondary], [[{ ...cite, id: secondary.id, prefix }]], style, format);
  return through.citations[0] ?? '';
}

/**
 * A claim as quote + citation of one of the works its paragraph cites, "as cited in" the claim's
 * source with the claim's paragraph locator (ReaderApi.citeClaimAsCitedIn). `referenceId` must be
 * one of the claim's references (`referencesForClaim`); rejects with 'not-found' or 'bad-input'
 * otherwise, with a message a person can read.
 */
export async function citeClaimAsCitedIn(
  ctx: LibraryContext, formatter: Pick<CiteFormatter, 'formatCitations'>, claimId: string, referenceId: string, style = 'apa',
): Promise<ClaimCitation> {
  const db = ctx.store.db;
  const claim = db && typeof claimId === 'string' ? getClaims(db, [claimId])[0] : undefined;
  if (!claim) throw new ApiError('not-found', 'That claim is no longer in the library.');
  const summary = ctx.documents.summary(claim.documentId);
  if (!summary) throw new ApiError('not-found', 'The source of that claim is no longer in the library.');
  const ref = referencesForClaim(ctx, claimId).find((r) => r.id === referenceId);
  if (!ref) throw new ApiError('bad-input', 'The claim\'s paragraph does not cite that reference (no marker of it stands there).');
  const secondary = exportableItem(summary.csl ?? { id: summary.id, type: 'document' }, exportContextOf(ctx, summary)).item;
  const source: CslItem = { ...secondary, id: 'secondary-source' };
  const original: CslItem = { ...ref.csl, id: 'cited-work' };
  delete original.note;
  const [first, last] = claimParagraphs(ctx, claim);
  const loc = paragraphLocator(first, last);
  const cite: SecondaryCite = loc ? { id: source.id, locator: loc.locator, label: loc.label } : { id: source.id };
  const [citation, html] = await Promise.all([
    formatAsCitedIn(formatter, original, source, cite, style, 'text'),
    formatAsCitedIn(formatter, original, source, cite, style, 'html'),
  ]);
  const link = claimLink(claim.id);
  const quote = claim.quote.exact;
  return {
    citation, link,
    text: `“${quote}” ${citation}`,
    html: `<blockquote>${escapeHtml(quote)}</blockquote><p>${html} <a href="${escapeHtml(link)}">Open in Marginalia</a></p>`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
