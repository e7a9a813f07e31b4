/**
 * Undo/redo kept in the store: one history row per user action, holding the before and after
 * image of every row the action touched (claims, claim_entities, claim_links, entities,
 * source_edits, reference_corrections, metadata_sources).
 *
 * Every user edit writes through a `RowRecorder`, so undo is "put the before images back" and
 * redo "put the after images back", whatever the action was. A new action clears the redo stack.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';

/** The tables whose rows user actions change, with their key columns. */
export const TRACKED_TABLES = {
  claims: ['id'],
  claim_entities: ['claim_id', 'entity_id'],
  claim_links: ['id'],
  entities: ['id'],
  source_edits: ['document_id'],
  reference_corrections: ['id'],
  metadata_sources: ['id'],
} as const;
export type TrackedTable = keyof typeof TRACKED_TABLES;

/** A stored row as plain JSON. */
export type Row = Record<string, SQLInputValue>;

/** One row's images around an action: null before = inserted, null after = deleted. */
export interface RowChange { table: TrackedTable; key: Row; before: Row | null; after: Row | null }

/** How many actions the store keeps (older ones drop off the bottom of the undo stack). */
export const HISTORY_LIMIT = 500;

function keyOf(table: TrackedTable, row: Row): Row {
  const key: Row = {};
  for (const c of TRACKED_TABLES[table]) key[c] = row[c] ?? null;
  return key;
}

function where(table: TrackedTable): string {
  return TRACKED_TABLES[table].map((c) => `${c} = ?`).join(' AND ');
}

function keyValues(table: TrackedTable, key: Row): SQLInputValue[] {
  return TRACKED_TABLES[table].map((c) => key[c] ?? null);
}

function readRow(db: DatabaseSync, table: TrackedTable, key: Row): Row | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE ${where(table)}`).get(...keyValues(table, key));
  return row ? { ...(row as Row) } : null;
}

/** Write one image: the row as given, or its absence. */
function writeImage(db: DatabaseSync, table: TrackedTable, key: Row, image: Row | null): void {
  if (image === null) {
    db.prepare(`DELETE FROM ${table} WHERE ${where(table)}`).run(...keyValues(table, key));
    return;
  }
  const cols = Object.keys(image);
  db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
    .run(...cols.map((c) => image[c] ?? null));
}

/** Writes rows and remembers their images; repeated writes to one row keep the first before. */
export class RowRecorder {
  readonly #db: DatabaseSync;
  readonly #changes = new Map<string, RowChange>();
  constructor(db: DatabaseSync) { this.#db = db; }

  /** Insert or replace a whole row. */
  put(table: TrackedTable, row: Row): void {
    const key = keyOf(table, row);
    this.#record(table, key, { ...row });
  }

  /** Delete a row if it exists. */
  remove(table: TrackedTable, key: Row): void {
    this.#record(table, keyOf(table, key), null);
  }

  #record(table: TrackedTable, key: Row, after: Row | null): void {
    const id = `${table}\u0000${JSON.stringify(keyValues(table, key))}`;
    const seen = this.#changes.get(id);
    const before = seen ? seen.before : readRow(this.#db, table, key);
    if (!seen && before === null && after === null) return; // deleting nothing
    writeImage(this.#db, table, key, after);
    this.#changes.set(id, { table, key, before, after });
  }

  /** The net changes (rows written back to their original image drop out). */
  changes(): RowChange[] {
    return [...this.#changes.values()].filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  }
}

/** Record a finished action (inside its transaction): the redo stack goes, the action goes on top. */
export function pushAction(db: DatabaseSync, label: string, changes: RowChange[]): void {
  db.prepare('DELETE FROM history WHERE undone = 1').run();
  db.prepare('INSERT INTO history (label, changes, at) VALUES (?, ?, ?)').run(label, JSON.stringify(changes), new Date().toISOString());
  db.prepare('DELETE FROM history WHERE seq <= (SELECT MAX(seq) FROM history) - ?').run(HISTORY_LIMIT);
}

/** An action taken off (undo) or put back on (redo) the stack, with the rows it touched. */
export interface SteppedAction { label: string; changes: RowChange[] }

/** Revert the newest action not yet undone (inside a transaction); null when there is none. */
export function undoLast(db: DatabaseSync): SteppedAction | null {
  const row = db.prepare('SELECT seq, label, changes FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; label: string; changes: string } | undefined;
  if (!row) return null;
  const changes = JSON.parse(row.changes) as RowChange[];
  for (const c of [...changes].reverse()) writeImage(db, c.table, c.key, c.before);
  db.prepare('UPDATE history SET undone = 1 WHERE seq = ?').run(row.seq);
  return { label: row.label, changes };
}

/** Re-apply the oldest undone action (inside a transaction); null when there is none. */
export function redoNext(db: DatabaseSync): SteppedAction | null {
  const row = db.prepare('SELECT seq, label, changes FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1').get() as
    { seq: number; label: string; changes: string } | undefined;
  if (!row) return null;
  const changes = JSON.parse(row.changes) as RowChange[];
  for (const c of changes) writeImage(db, c.table, c.key, c.after);
  db.prepare('UPDATE history SET undone = 0 WHERE seq = ?').run(row.seq);
  return { label: row.label, changes };
}
