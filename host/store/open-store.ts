/**
 * Opening the library store (`<dataDir>/marginalia.sqlite`) without ever harming it.
 *
 * A store we cannot read — not a SQLite file, corrupt, or written by a newer version of the app —
 * is left byte-for-byte as it is: we look at its header before SQLite touches it, check it
 * read-only, and only then switch on WAL and migrate. The caller gets a reason a person can read
 * and runs read-only (StoreState `{ ok: false }`).
 */
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StoreState } from '../../core/api.ts';
import { migrate, SCHEMA_VERSION, schemaVersionOf } from './migrations.ts';

/** The store's file name inside the data folder. */
export const STORE_FILE = 'marginalia.sqlite';

/** SQLite's file header magic (https://www.sqlite.org/fileformat.html, section 1.3). */
const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** Offset of the big-endian user_version in the header (same section). */
const USER_VERSION_OFFSET = 60;

/** An open store, or the reason there is none. */
export type OpenedStore =
  | { state: Extract<StoreState, { ok: true }>; db: DatabaseSync }
  | { state: Extract<StoreState, { ok: false }>; db: null };

/** Why an existing file cannot be used, judged from its first 100 bytes; null when it may be. */
function headerProblem(path: string): string | null {
  let size: number;
  try { size = statSync(path).size; } catch { return null; } // absent: a new store is made
  if (size === 0) return null; // SQLite treats an empty file as an empty database
  const header = Buffer.alloc(100);
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (err) { return `The library store cannot be read (${(err as Error).message}).`; }
  let n = 0;
  try { n = readSync(fd, header, 0, 100, 0); } finally { closeSync(fd); }
  if (n < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return 'The library store is not a SQLite database (it may be damaged); it was left untouched.';
  }
  const version = header.readUInt32BE(USER_VERSION_OFFSET);
  if (version > SCHEMA_VERSION) return newerReason(version);
  return null;
}

function newerReason(version: number): string {
  return `The library store was written by a newer version of Marginalia (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update the app; the store was left untouched.`;
}

/**
 * Open (creating if absent) and migrate the store in `dataDir`. Never throws: failures come back
 * as `{ ok: false, reason }` with the file unchanged.
 */
export function openStore(dataDir: string): OpenedStore {
  const path = join(dataDir, STORE_FILE);
  const refuse = (reason: string): OpenedStore => ({ state: { ok: false, path, reason }, db: null });
  try { mkdirSync(dataDir, { recursive: true }); } catch (err) {
    return refuse(`The data folder cannot be created (${(err as Error).message}).`);
  }
  const early = headerProblem(path);
  if (early) return refuse(early);

  // A read-only look first: nothing is written to a store we then refuse.
  let exists = false;
  try { exists = statSync(path).size > 0; } catch { exists = false; }
  if (exists) {
    let probe: DatabaseSync | null = null;
    try {
      probe = new DatabaseSync(path, { readOnly: true });
      const version = schemaVersionOf(probe);
      if (version > SCHEMA_VERSION) return refuse(newerReason(version));
      const check = probe.prepare('PRAGMA quick_check(1)').get() as { quick_check: string } | undefined;
      if (check?.quick_check !== 'ok') return refuse(`The library store is damaged (${check?.quick_check ?? 'no answer'}); it was left untouched.`);
    } catch (err) {
      return refuse(`The library store cannot be read (${(err as Error).message}); it was left untouched.`);
    } finally {
      probe?.close();
    }
  }

  let db: DatabaseSync | null = null;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA busy_timeout = 5000');
    db.exec('PRAGMA journal_mode = WAL');
    // FULL: a commit is on disk before the method that made it resolves (survives power loss too).
    db.exec('PRAGMA synchronous = FULL');
    const version = migrate(db);
    return { state: { ok: true, path, schemaVersion: version }, db };
  } catch (err) {
    try { db?.close(); } catch { /* already closed */ }
    return refuse(`The library store could not be opened (${(err as Error).message}).`);
  }
}
