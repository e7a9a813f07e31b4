/**
 * Undo and redo over the store's history. After the row images are put back, the claims they
 * touched are re-anchored against the current text: an image taken before the corpus changed
 * must not put a claim back on a passage that has since moved.
 */
import type { ActionResult, Claim } from '../../core/api.ts';
import { getClaims } from '../store/claims-repo.ts';
import { redoNext, undoLast, type SteppedAction } from '../store/history.ts';
import { inTransaction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import { reanchorClaims } from './reanchor.ts';

function reanchorTouched(ctx: LibraryContext, step: SteppedAction): void {
  const db = ctx.store.db!;
  const ids = [...new Set(step.changes.filter((c) => c.table === 'claims').map((c) => String(c.key.id)))];
  const byDoc = new Map<string, Claim[]>();
  for (const c of getClaims(db, ids)) {
    const list = byDoc.get(c.documentId);
    if (list) list.push(c); else byDoc.set(c.documentId, [c]);
  }
  for (const [docId, claims] of byDoc) reanchorClaims(db, ctx.documents.get(docId), claims);
}

function step(ctx: LibraryContext, move: typeof undoLast): ActionResult | null {
  const db = writableDb(ctx);
  const done = inTransaction(db, () => {
    const s = move(db);
    if (s) reanchorTouched(ctx, s);
    return s;
  });
  return done ? { action: done.label, undoable: true } : null;
}

/** Revert the last action; null when there is nothing to undo. */
export function undo(ctx: LibraryContext): ActionResult | null {
  return step(ctx, undoLast);
}

/** Re-apply the last undone action; null when there is nothing to redo. */
export function redo(ctx: LibraryContext): ActionResult | null {
  return step(ctx, redoNext);
}
