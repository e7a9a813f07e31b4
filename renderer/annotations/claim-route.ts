/**
 * Claims in the URL: `#doc=<documentId>&claim=<claimId>` opens a document at a claim. The reader
 * owns `doc=` (renderer/ui/location.ts); this adds `claim=` beside it, so a followed link is a
 * history entry (Back returns) and a reload lands on the same claim.
 */

/** The claim a hash points at, with its document, or null. */
export function claimFromHash(hash: string): { documentId: string; claimId: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const claimId = params.get('claim');
  const documentId = params.get('doc');
  return claimId && documentId ? { documentId, claimId } : null;
}

/** The hash that opens `documentId` at `claimId`. */
export function hashForClaim(documentId: string, claimId: string): string {
  return `#${new URLSearchParams({ doc: documentId, claim: claimId }).toString()}`;
}
