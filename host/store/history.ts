/**
 * Undo/redo kept in the store: one history row per user action, holding the before and after
 * image of every row the action touched (claims, claim_entities, claim_links, entities,
 * source_edits, reference_corrections, metadata_sources), and the client (window, tab, command
 * line) that made it: each client undoes and redoes its own actions (issue 8, item 17).
 *
 * Every user edit writes through a `RowRecorder`, so undo is "put the before images back" and
 * redo "put the after images back", whatever the action was. A new action clears its client's redo stack.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { actingClient } from './acting-client.ts';

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

/** One string per row of a table: table and key values. */
function rowId(table: TrackedTable, key: Row): string {
  return `${table}\u0000${JSON.stringify(keyValues(table, key))}`;
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
    const id = rowId(table, key);
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

/**
 * Record a finished action (inside its transaction) as `client`'s: that client's redo stack goes
 * (other windows keep theirs), the action goes on top. Rows from before clients were recorded
 * (client NULL) count as every client's.
 */
export function pushAction(db: DatabaseSync, label: string, changes: RowChange[], client: string = actingClient()): void {
  db.prepare('DELETE FROM history WHERE undone = 1 AND (client = ? OR client IS NULL)').run(client);
  db.prepare('INSERT INTO history (label, changes, at, client) VALUES (?, ?, ?, ?)').run(label, JSON.stringify(changes), new Date().toISOString(), client);
  db.prepare('DELETE FROM history WHERE seq <= (SELECT MAX(seq) FROM history) - ?').run(HISTORY_LIMIT);
}

/**
 * Columns that are not the user's own say, so a difference there is no conflict: `modified`
 * (every edit sets it) and where the anchoring layer last placed a claim (written without
 * history by `writeAnchor`; undo and redo re-anchor the claims they touch anyway).
 */
const NOT_CONFLICTING: Record<string, ReadonlySet<string>> = {
  '*': new Set(['modified']),
  claims: new Set(['status', 'pos_start', 'pos_end', 'paragraph', 'paragraph_end']),
};

function conflicting(table: TrackedTable, column: string): boolean {
  return !NOT_CONFLICTING['*']!.has(column) && !NOT_CONFLICTING[table]?.has(column) && !TRACKED_TABLES[table].includes(column as never);
}

function same(a: SQLInputValue | undefined, b: SQLInputValue | undefined): boolean {
  return (a ?? null) === (b ?? null) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The columns an update changed (every column, bookkeeping included). */
function changedColumns(before: Row, after: Row): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((c) => !same(before[c], after[c]));
}

/**
 * One row that a later change (from another client, or anything else that wrote it since) left
 * different from what the step expects: `changed` names the user's columns that differ,
 * `deleted` says the row is gone. `by` and `byLabel`: the newest later action in the history
 * that touched the row, when there is one (null: the history does not say, e.g. it was forced).
 */
export interface RowConflict {
  table: TrackedTable;
  key: Row;
  /** The row as the action left it (or found it, for a delete): to name it in a message. */
  image: Row;
  kind: 'changed' | 'deleted';
  /** The user's columns that differ; for rows that point at this one, their table ('claim_entities', 'claim_links'). */
  columns: string[];
  by: string | null;
  byLabel: string | null;
}

/**
 * Rows that point at another row by its id: a claim's entity tags and links, an entity's tags.
 * A step must not leave them pointing at nothing: deleting a claim that another window has since
 * tagged or linked, or putting back a tag of a claim another window has since deleted, is a
 * conflict; taken anyway, the pointing rows go with the claim, and a tag of a gone claim is not
 * put back.
 */
const REFERENCES: ReadonlyArray<{ table: TrackedTable; column: string; parent: TrackedTable }> = [
  { table: 'claim_entities', column: 'claim_id', parent: 'claims' },
  { table: 'claim_entities', column: 'entity_id', parent: 'entities' },
  { table: 'claim_links', column: 'from_id', parent: 'claims' },
  { table: 'claim_links', column: 'to_id', parent: 'claims' },
];

/** What a step will have written for each row it touches: row id → target image (null: deleted). */
type StepTargets = Map<string, Row | null>;

function targetsOf(changes: RowChange[], dir: Direction): StepTargets {
  return new Map(changes.map((c) => [rowId(c.table, c.key), dir === 'undo' ? c.before : c.after]));
}

/** Rows (of other tables) that will point at `c`'s row after the step deletes it. */
function strandedChildren(db: DatabaseSync, c: RowChange, targets: StepTargets): Array<{ table: TrackedTable; key: Row }> {
  const id = c.key.id;
  if (id === undefined) return [];
  return REFERENCES.filter((r) => r.parent === c.table).flatMap((r) =>
    (db.prepare(`SELECT * FROM ${r.table} WHERE ${r.column} = ?`).all(id) as Row[])
      .map((row) => ({ table: r.table, key: keyOf(r.table, row) }))
      .filter((child) => targets.get(rowId(child.table, child.key)) !== null));
}

/** The row `target` (of `c`'s table) points at that neither exists nor is put back by the step. */
function missingParent(db: DatabaseSync, c: RowChange, target: Row, targets: StepTargets): { table: TrackedTable; key: Row } | null {
  for (const r of REFERENCES.filter((x) => x.table === c.table)) {
    const key = { id: target[r.column] ?? null };
    const planned = targets.get(rowId(r.parent, key));
    if (planned === undefined ? readRow(db, r.parent, key) === null : planned === null) return { table: r.parent, key };
  }
  return null;
}

/** Which way a step goes: undo puts the before images back, redo the after images. */
type Direction = 'undo' | 'redo';

/** A conflict found, before the history is asked who caused it: `via`, the row whose later toucher to name. */
type FoundConflict = Omit<RowConflict, 'by' | 'byLabel'> & { via: { table: TrackedTable; key: Row } };

/** How `c` stands against the rows as they are now; null when the step can be taken cleanly. */
function rowConflict(db: DatabaseSync, c: RowChange, dir: Direction, targets: StepTargets): FoundConflict | null {
  const expected = dir === 'undo' ? c.after : c.before;
  const target = dir === 'undo' ? c.before : c.after;
  const image = (c.after ?? c.before)!;
  const self = { table: c.table, key: c.key };
  if (target !== null) {
    const parent = missingParent(db, c, target, targets);
    if (parent) return { ...parent, image: {}, kind: 'deleted', columns: [], via: parent };
  }
  if (expected === null) return null; // the step puts a row back: whatever is there, the row is wanted
  const now = readRow(db, c.table, c.key);
  if (now === null) return target === null ? null : { ...self, image, kind: 'deleted', columns: [], via: self };
  const watched = target === null ? Object.keys(expected) : changedColumns(c.before!, c.after!);
  const columns = watched.filter((col) => conflicting(c.table, col) && !same(now[col], expected[col]));
  if (columns.length) return { ...self, image, kind: 'changed', columns, via: self };
  if (target !== null) return null;
  const stranded = strandedChildren(db, c, targets);
  return stranded.length ? { ...self, image, kind: 'changed', columns: [...new Set(stranded.map((x) => x.table))], via: stranded[0]! } : null;
}

/**
 * Write one change's target image; an update only sets the columns the action changed. Taken
 * over a conflict: rows pointing at a deleted row go with it, and a row whose parent is gone is
 * not written (REFERENCES).
 */
function applyChange(db: DatabaseSync, c: RowChange, dir: Direction, targets: StepTargets): void {
  const target = dir === 'undo' ? c.before : c.after;
  if (target === null) {
    for (const child of strandedChildren(db, c, targets)) writeImage(db, child.table, child.key, null);
    writeImage(db, c.table, c.key, null);
    return;
  }
  if (missingParent(db, c, target, targets)) return;
  if (c.before === null || c.after === null) { writeImage(db, c.table, c.key, target); return; }
  const now = readRow(db, c.table, c.key);
  if (now === null) { writeImage(db, c.table, c.key, target); return; }
  const next: Row = { ...now };
  for (const col of changedColumns(c.before, c.after)) next[col] = target[col] ?? null;
  writeImage(db, c.table, c.key, next);
}

/**
 * Who last touched each row of `conflicts` after `seq`: the newest action not undone, from a
 * client other than `client`. One pass over the later history, however many rows conflict.
 */
function laterTouchers(db: DatabaseSync, seq: number, client: string, conflicts: Array<{ table: TrackedTable; key: Row }>): Map<string, { client: string | null; label: string; image: Row | null }> {
  const wanted = new Set(conflicts.map((c) => rowId(c.table, c.key)));
  const found = new Map<string, { client: string | null; label: string; image: Row | null }>();
  const rows = db.prepare('SELECT label, client, changes FROM history WHERE seq > ? AND undone = 0 AND (client IS NULL OR client <> ?) ORDER BY seq DESC').all(seq, client) as
    Array<{ label: string; client: string | null; changes: string }>;
  for (const r of rows) {
    for (const c of JSON.parse(r.changes) as RowChange[]) {
      const id = rowId(c.table, c.key);
      if (wanted.has(id) && !found.has(id)) found.set(id, { client: r.client, label: r.label, image: c.before ?? c.after });
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

/**
 * An action taken off (undo) or put back on (redo) a client's stack, with the rows it touched.
 * With `conflicts`, the step was NOT taken: rows it would write were changed since by someone
 * else (pass `anyway: seq` to take it all the same).
 */
export interface SteppedAction { seq: number; label: string; changes: RowChange[]; conflicts?: RowConflict[] }

/** Who steps, and whether to step over conflicts the caller was told of. */
export interface StepOptions {
  /** Whose stack: default the acting client (acting-client.ts). */
  client?: string;
  /** The seq of a step already reported in conflict that the user chose to take anyway. */
  anyway?: number;
}

function step(db: DatabaseSync, dir: Direction, opts: StepOptions): SteppedAction | null {
  const client = opts.client ?? actingClient();
  const sql = dir === 'undo'
    ? 'SELECT seq, label, changes FROM history WHERE undone = 0 AND (client = ? OR client IS NULL) ORDER BY seq DESC LIMIT 1'
    : 'SELECT seq, label, changes FROM history WHERE undone = 1 AND (client = ? OR client IS NULL) ORDER BY seq ASC LIMIT 1';
  const row = db.prepare(sql).get(client) as { seq: number; label: string; changes: string } | undefined;
  if (!row) return null;
  const changes = JSON.parse(row.changes) as RowChange[];
  const targets = targetsOf(changes, dir);
  if (opts.anyway !== row.seq) {
    // one conflict per row: several tags of one claim deleted elsewhere name that claim once
    const found = [...new Map(changes.flatMap((c) => rowConflict(db, c, dir, targets) ?? []).map((f) => [rowId(f.table, f.key), f])).values()];
    if (found.length) {
      const who = laterTouchers(db, row.seq, client, found.map((f) => f.via));
      const conflicts = found.map(({ via, ...f }): RowConflict => {
        const w = who.get(rowId(via.table, via.key));
        // a row gone since has no image here: the history's last image of it names it
        return { ...f, image: Object.keys(f.image).length || !w?.image ? f.image : w.image, by: w?.client ?? null, byLabel: w?.label ?? null };
      });
      return { seq: row.seq, label: row.label, changes: [], conflicts };
    }
  }
  for (const c of dir === 'undo' ? [...changes].reverse() : changes) applyChange(db, c, dir, targets);
  db.prepare('UPDATE history SET undone = ? WHERE seq = ?').run(dir === 'undo' ? 1 : 0, row.seq);
  return { seq: row.seq, label: row.label, changes };
}

/**
 * Revert the client's newest action not yet undone (inside a transaction); null when it has
 * none. An update puts back only the columns the action changed, so a later edit of another
 * field of the same row (from another window) stays. When a later change from elsewhere altered
 * what the action wrote, nothing is written and the result lists the `conflicts`.
 */
export function undoLast(db: DatabaseSync, opts: StepOptions = {}): SteppedAction | null {
  return step(db, 'undo', opts);
}

/** Re-apply the client's oldest undone action (inside a transaction); null when there is none. Conflicts as `undoLast`. */
export function redoNext(db: DatabaseSync, opts: StepOptions = {}): SteppedAction | null {
  return step(db, 'redo', opts);
}
