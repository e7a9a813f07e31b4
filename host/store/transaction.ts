/**
 * One transaction per user action: the work runs between BEGIN IMMEDIATE and COMMIT, so a
 * method that returns has its change on disk, and a method that throws has changed nothing.
 */
import type { DatabaseSync } from 'node:sqlite';
import { pushAction, RowRecorder, type RowChange } from './history.ts';

/** Run `work` in a write transaction; roll back if it throws. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const out = work();
    db.exec('COMMIT');
    return out;
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * Run a user action that undo can revert: `work` writes through the recorder; the rows it
 * touched go into the history under `label` in the same transaction.
 */
export function inAction<T>(db: DatabaseSync, label: string, work: (rec: RowRecorder) => T): { value: T; changes: RowChange[] } {
  return inTransaction(db, () => {
    const rec = new RowRecorder(db);
    const value = work(rec);
    const changes = rec.changes();
    if (changes.length > 0) pushAction(db, label, changes);
    return { value, changes };
  });
}
