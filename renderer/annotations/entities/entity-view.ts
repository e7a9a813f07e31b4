/**
 * Small pieces every entities view draws the same way: the type badge, a claim as a line that
 * opens it in the reader, and document titles. Kept together so the registry, the entity page
 * and the library-wide view speak alike.
 */
import type { Claim, ClaimKindDef, ClaimSearchHit, DocumentSummary, EntityType } from '../../../core/api.ts';
import { h } from '../dom.ts';
import { kindDef, locator, snippet, statusBadge } from '../format.ts';
import { hashForClaim } from '../claim-route.ts';
import { typeLabel } from './entity-types.ts';

/** "Person", "State"… as a small coloured label (the colour is per type in entities.css). */
export function typeBadge(type: EntityType): HTMLElement {
  return h('span', { class: 'entity-type-badge', 'data-type': type }, typeLabel(type));
}

/** The title a person knows a document by, or a stand-in when it left the library. */
export function documentTitle(documents: readonly DocumentSummary[], id: string): string {
  return documents.find((d) => d.id === id)?.title || 'A document no longer in the library';
}

/** The kind of a claim as a coloured dot and its label. */
export function kindLabel(kinds: readonly ClaimKindDef[], kind: string): HTMLElement {
  const def = kindDef(kinds, kind);
  const dot = h('span', { class: 'kind-dot', 'aria-hidden': 'true' });
  dot.style.setProperty('--claim-color', def.color);
  return h('span', { class: 'claim-kind-label' }, dot, def.label);
}

/** A status badge ("moved", "orphan") for a claim that is not exactly where it was made. */
export function statusLabel(claim: Pick<Claim, 'status'>): HTMLElement | null {
  const b = statusBadge(claim.status);
  return b ? h('span', { class: `status-badge status-${claim.status}`, title: b.title }, b.text) : null;
}

/**
 * A claim (a row of the host's search answer) as a link into the reader (`#doc=…&claim=…`, which
 * the claims layer follows): kind, locator, status, restatement and the start of its quote. A
 * link, so it can also be copied or opened with the keyboard.
 */
export function claimLink(claim: ClaimSearchHit, kinds: readonly ClaimKindDef[]): HTMLElement {
  const where = locator(claim);
  return h('a', { class: 'entity-claim', href: hashForClaim(claim.documentId, claim.claimId), 'data-claim-id': claim.claimId },
    h('span', { class: 'entity-claim-meta' }, kindLabel(kinds, claim.kind), where ? h('span', { class: 'locator' }, where) : null, statusLabel(claim)),
    claim.restatement ? h('span', { class: 'entity-claim-restatement' }, claim.restatement) : null,
    h('span', { class: 'entity-claim-quote' }, snippet(claim.snippet.text)));
}
