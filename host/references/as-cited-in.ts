/**
 * "As cited in" citations (issue 9, item 3): a claim whose paragraph cites a work (its footnote
 * marker) can be cited through the source the claim is in, e.g. APA "(Yapici, 2018, as cited in
 * Turkmenistan: Time to…, 2016, para. 3)". The export (host/export) calls this with the claim's
 * own cite (its source item and paragraph locator) and one of `referencesForClaim`'s references.
 */
import type { CslItem } from '../../core/api.ts';
import { asCitedInPrefix } from '../../core/references/as-cited-in.ts';
import type { CiteFormatter } from '../cite/formatter.ts';

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
