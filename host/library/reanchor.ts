/**
 * Putting stored claims back on their passages after a document's text changed (DESIGN.md,
 * convention 5): position first, then quote + context, else orphan. The original quote is kept;
 * an orphan keeps its last position, so it can still be shown and re-attached. Never deletes.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Claim, ReanchorChange, ReanchorSummary } from '../../core/api.ts';
import { anchorAll, type AnchorTarget } from '../../core/annotations/anchor.ts';
import { writeAnchor } from '../store/claims-repo.ts';
import { paragraphSpan, type LoadedDocument } from './loaded-document.ts';

/** Where a claim landed, in the claim's own fields. */
export type Placement = Pick<Claim, 'status' | 'position' | 'paragraph' | 'paragraphEnd'>;

/** An empty tally. */
export function emptySummary(): ReanchorSummary {
  return { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
}

/** Add `b` into `a`. */
export function addSummary(a: ReanchorSummary, b: ReanchorSummary): ReanchorSummary {
  a.exact += b.exact; a.moved += b.moved; a.fuzzy += b.fuzzy; a.orphan += b.orphan;
  return a;
}

/**
 * Where each target lands in `doc` (null: the document is gone, so all are orphans), in the
 * order given. One anchoring pass shares its index between all targets of the document.
 */
export function placeClaims(doc: LoadedDocument | null, targets: AnchorTarget[]): Placement[] {
  const results = doc && targets.length ? anchorAll(doc.text, targets.map((t) => (t.position ? t : { quote: t.quote }))) : [];
  return targets.map((t, i): Placement => {
    const hit = results[i];
    if (doc && hit && hit.status !== 'orphan') {
      return { status: hit.status, position: { type: 'TextPositionSelector', start: hit.start, end: hit.end }, ...paragraphSpan(doc, hit.start, hit.end) };
    }
    return { status: 'orphan', position: t.position ?? { type: 'TextPositionSelector', start: 0, end: 0 }, paragraph: null, paragraphEnd: null };
  });
}

/**
 * Re-anchor `claims` (all of one document) against `doc` and store where they landed, inside
 * the caller's transaction. Returns how many landed how; `changed` counts rows that moved and
 * `changes` says from where to where.
 */
export function reanchorClaims(db: DatabaseSync, doc: LoadedDocument | null, claims: Claim[]): { summary: ReanchorSummary; changed: number; changes: ReanchorChange[] } {
  const summary = emptySummary();
  let changed = 0;
  const changes: ReanchorChange[] = [];
  const placed = placeClaims(doc, claims);
  claims.forEach((c, i) => {
    const p = placed[i]!;
    summary[p.status] += 1;
    if (p.status !== c.status || p.position.start !== c.position.start || p.position.end !== c.position.end || p.paragraph !== c.paragraph || p.paragraphEnd !== c.paragraphEnd) {
      writeAnchor(db, c.id, p.status, p.position.start, p.position.end, p.paragraph, p.paragraphEnd);
      changed += 1;
      changes.push({
        claimId: c.id, documentId: c.documentId, quote: c.quote.exact,
        before: { status: c.status, start: c.position.start, end: c.position.end, paragraph: c.paragraph },
        after: { status: p.status, start: p.position.start, end: p.position.end, paragraph: p.paragraph },
      });
    }
  });
  return { summary, changed, changes };
}
