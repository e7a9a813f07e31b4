/**
 * Putting stored claims back on their passages after a document's text changed (DESIGN.md,
 * convention 5): position first, then quote + context, else orphan. The original quote is kept;
 * an orphan keeps its last position, so it can still be shown and re-attached. Never deletes.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Claim, ReanchorSummary } from '../../core/api.ts';
import { anchor } from '../../core/annotations/anchor.ts';
import { writeAnchor } from '../store/claims-repo.ts';
import { paragraphAt, type LoadedDocument } from './loaded-document.ts';

/** An empty tally. */
export function emptySummary(): ReanchorSummary {
  return { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
}

/** Add `b` into `a`. */
export function addSummary(a: ReanchorSummary, b: ReanchorSummary): ReanchorSummary {
  a.exact += b.exact; a.moved += b.moved; a.fuzzy += b.fuzzy; a.orphan += b.orphan;
  return a;
}

/** Where a claim lands in `doc` (null: the document is gone, so the claim is an orphan). */
export function placeClaim(doc: LoadedDocument | null, claim: { quote: Claim['quote']; position?: Claim['position'] | undefined }):
  Pick<Claim, 'status' | 'position' | 'paragraph'> {
  if (doc) {
    const hit = anchor(doc.text, claim.position ? { quote: claim.quote, position: claim.position } : { quote: claim.quote });
    if (hit.status !== 'orphan') {
      return { status: hit.status, position: { type: 'TextPositionSelector', start: hit.start, end: hit.end }, paragraph: paragraphAt(doc, hit.start) };
    }
  }
  return { status: 'orphan', position: claim.position ?? { type: 'TextPositionSelector', start: 0, end: 0 }, paragraph: null };
}

/**
 * Re-anchor `claims` (all of one document) against `doc` and store where they landed, inside
 * the caller's transaction. Returns how many landed how; `changed` counts rows that moved.
 */
export function reanchorClaims(db: DatabaseSync, doc: LoadedDocument | null, claims: Claim[]): { summary: ReanchorSummary; changed: number } {
  const summary = emptySummary();
  let changed = 0;
  for (const c of claims) {
    const placed = placeClaim(doc, c);
    summary[placed.status] += 1;
    if (placed.status !== c.status || placed.position.start !== c.position.start || placed.position.end !== c.position.end || placed.paragraph !== c.paragraph) {
      writeAnchor(db, c.id, placed.status, placed.position.start, placed.position.end, placed.paragraph);
      changed += 1;
    }
  }
  return { summary, changed };
}
