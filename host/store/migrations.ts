/**
 * The store's schema, as an ordered list of migrations (DESIGN.md, convention 6).
 *
 * Migration N takes a store at `PRAGMA user_version` N-1 to N. New code reads every older store
 * by running the missing steps in order, each in its own transaction, so a crash mid-way leaves
 * the store at the last finished version. Never edit a shipped step: append a new one.
 */
import type { DatabaseSync } from 'node:sqlite';

/** One schema step; it runs inside a transaction opened by `migrate`. */
export type Migration = (db: DatabaseSync) => void;

/** The steps, in order: index 0 is version 1. */
export const MIGRATIONS: readonly Migration[] = [
  // 1: the library, claims, links and entities.
  (db) => db.exec(`
    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      iri TEXT NOT NULL,
      path TEXT NOT NULL,
      title TEXT NOT NULL,
      format TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      word_count INTEGER NOT NULL,
      problems TEXT NOT NULL DEFAULT '[]',
      csl TEXT,
      model TEXT,
      imported_at TEXT NOT NULL
    );
    CREATE INDEX documents_iri ON documents(iri);
    CREATE TABLE import_problems (path TEXT NOT NULL, reason TEXT NOT NULL);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE claims (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      quote_exact TEXT NOT NULL,
      quote_prefix TEXT NOT NULL,
      quote_suffix TEXT NOT NULL,
      pos_start INTEGER NOT NULL,
      pos_end INTEGER NOT NULL,
      status TEXT NOT NULL,
      paragraph INTEGER,
      restatement TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]',
      created TEXT NOT NULL,
      modified TEXT NOT NULL
    );
    CREATE INDEX claims_document ON claims(document_id, pos_start);
    CREATE TABLE entities (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      aliases TEXT NOT NULL DEFAULT '[]',
      description TEXT NOT NULL DEFAULT '',
      wikidata TEXT,
      created TEXT NOT NULL,
      modified TEXT NOT NULL
    );
    CREATE TABLE claim_entities (
      claim_id TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      ord INTEGER NOT NULL,
      PRIMARY KEY (claim_id, entity_id)
    );
    CREATE INDEX claim_entities_entity ON claim_entities(entity_id);
    CREATE TABLE claim_links (
      id TEXT PRIMARY KEY,
      from_id TEXT NOT NULL,
      to_id TEXT NOT NULL,
      relation TEXT NOT NULL,
      created TEXT NOT NULL
    );
    CREATE INDEX claim_links_from ON claim_links(from_id);
    CREATE INDEX claim_links_to ON claim_links(to_id);
  `),
  // 2: undo history kept in the store; tombstones for documents gone from the corpus; a hash of
  // each document's plain text, so re-anchoring also runs when only the importer changed.
  (db) => db.exec(`
    CREATE TABLE history (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      label TEXT NOT NULL,
      changes TEXT NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0,
      at TEXT NOT NULL
    );
    ALTER TABLE documents ADD COLUMN removed_at TEXT;
    ALTER TABLE documents ADD COLUMN text_hash TEXT NOT NULL DEFAULT '';
  `),
  // N (issue 10, items 13, 4, 6): a library of several corpora. Each document belongs to one corpus
  // folder; opening another folder no longer tombstones the documents of the first. The corpus
  // a store already had (the remembered folder) becomes the first corpus and keeps its document
  // ids (`scoped` 0: ids from the path alone); corpora added later get ids scoped by corpus id,
  // so two folders that both hold "notes.txt" never share a document. Claims get the number of
  // the paragraph where they end (a claim over ¶ 3–4) and, when imported, the annotation's id
  // (`via`) and creator.
  (db) => {
    db.exec(`
      CREATE TABLE corpora (
        id TEXT PRIMARY KEY,
        dir TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        scoped INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        opened_at TEXT
      );
      ALTER TABLE documents ADD COLUMN corpus_id TEXT;
      CREATE INDEX documents_corpus ON documents(corpus_id);
      ALTER TABLE claims ADD COLUMN paragraph_end INTEGER;
      ALTER TABLE claims ADD COLUMN via TEXT;
      ALTER TABLE claims ADD COLUMN creator TEXT;
    `);
    // A claim's last paragraph (item 4): the first one until the next re-anchoring computes it.
    db.exec('UPDATE claims SET paragraph_end = paragraph');
    const row = db.prepare("SELECT value FROM settings WHERE key = 'corpusDir'").get() as { value: string } | undefined;
    let dir: unknown = null;
    try { dir = row ? JSON.parse(row.value) : null; } catch { dir = null; }
    if (typeof dir === 'string' && dir !== '') {
      const now = new Date().toISOString();
      const name = dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || dir;
      db.prepare('INSERT INTO corpora (id, dir, name, scoped, added_at, opened_at) VALUES (?, ?, ?, 0, ?, ?)').run('corpus-1', dir, name, now, now);
      db.prepare("UPDATE documents SET corpus_id = 'corpus-1'").run();
    }
  },
  // N (issue 6, item 1): the user's edits of source metadata, one row per document: `fields` is a
  // JSON object of CSL fields set (a value) or cleared (null) over the corpus's sources.json
  // item (core/cite/source-patch.ts). Kept apart from `documents.csl`, which stays the seed, so
  // edits survive re-import and a changed sources.json; undo tracks the rows (history.ts).
  (db) => db.exec(`
    CREATE TABLE source_edits (
      document_id TEXT PRIMARY KEY,
      fields TEXT NOT NULL,
      modified TEXT NOT NULL
    );
  `),
  // N (issue 9): works cited. References are computed from the text; only the user's corrections
  // (`fields`: CSL fields set or cleared, as source_edits; `raw`: the note's text when corrected,
  // so a changed note is flagged) and metadata-only sources promoted from references are stored.
  (db) => db.exec(`
    CREATE TABLE reference_corrections (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      raw TEXT NOT NULL,
      fields TEXT NOT NULL,
      modified TEXT NOT NULL
    );
    CREATE INDEX reference_corrections_document ON reference_corrections(document_id);
    CREATE TABLE metadata_sources (
      id TEXT PRIMARY KEY,
      reference_id TEXT NOT NULL,
      csl TEXT NOT NULL,
      created TEXT NOT NULL
    );
    CREATE INDEX metadata_sources_reference ON metadata_sources(reference_id);
  `),
  // N (issue 8, item 17): undo per window. Each history row says which client (a window, a
  // browser tab, 'cli') made the action (host/store/acting-client.ts); rows from before stay
  // NULL and count as every client's.
  (db) => db.exec('ALTER TABLE history ADD COLUMN client TEXT;'),
];

/** The schema version this code writes and the newest it can read. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** The store's current schema version. */
export function schemaVersionOf(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Bring the store up to `target` (default: the newest), one transaction per step. Refuses a
 * store newer than the code (the caller checks first; this is the last guard).
 */
export function migrate(db: DatabaseSync, target: number = SCHEMA_VERSION): number {
  let version = schemaVersionOf(db);
  if (version > SCHEMA_VERSION) throw new Error(`schema version ${version} is newer than this app (${SCHEMA_VERSION})`);
  while (version < target) {
    const step = MIGRATIONS[version]!;
    db.exec('BEGIN IMMEDIATE');
    try {
      step(db);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
    version += 1;
  }
  return version;
}
