/**
 * Corpus rows (issue 10, item 13): the folders of the library, side by side. Each document row
 * names its corpus (`documents.corpus_id`); opening one corpus never touches the documents or
 * claims of another.
 *
 * Document ids: the first corpus of a store (`scoped` 0, also the one a store had before corpora
 * existed) names its documents by their path alone (core/corpus/ids.ts), so older stores and
 * exports keep their ids; every later corpus scopes the id by its corpus id, so two folders that
 * both hold `notes.txt` never share a document row.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { fnv1a64 } from '../../core/corpus/hash.ts';
import { normalizeCorpusPath } from '../../core/corpus/ids.ts';

/** A stored corpus. */
export interface StoredCorpus {
  id: string;
  /** Absolute folder path as last opened. */
  dir: string;
  name: string;
  /** False only for the store's first corpus: its document ids come from the path alone. */
  scoped: boolean;
  /** Present (not tombstoned) documents. */
  documentCount: number;
}

interface CorpusRow { id: string; dir: string; name: string; scoped: number; document_count: number }

function toCorpus(r: CorpusRow): StoredCorpus {
  return { id: r.id, dir: r.dir, name: r.name, scoped: r.scoped !== 0, documentCount: r.document_count };
}

const SELECT = `SELECT c.id, c.dir, c.name, c.scoped,
  (SELECT COUNT(*) FROM documents d WHERE d.corpus_id = c.id AND d.removed_at IS NULL) AS document_count
  FROM corpora c`;

/** Every corpus, in the order they were added. */
export function listCorpora(db: DatabaseSync): StoredCorpus[] {
  return (db.prepare(`${SELECT} ORDER BY c.added_at, c.rowid`).all() as unknown as CorpusRow[]).map(toCorpus);
}

/** The corpus stored for the folder `dir` (absolute), or null. */
export function corpusByDir(db: DatabaseSync, dir: string): StoredCorpus | null {
  const row = db.prepare(`${SELECT} WHERE c.dir = ?`).get(dir) as CorpusRow | undefined;
  return row ? toCorpus(row) : null;
}

/** The corpus a document belongs to, or null (unknown document, or stored before corpora). */
export function corpusOfDocument(db: DatabaseSync, documentId: string): StoredCorpus | null {
  const row = db.prepare(`${SELECT} WHERE c.id = (SELECT corpus_id FROM documents WHERE id = ?)`).get(documentId) as CorpusRow | undefined;
  return row ? toCorpus(row) : null;
}

/** The folder's name as the library panel shows it (`/a/b/corpus/` → `corpus`). */
export function folderName(dir: string): string {
  return dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || dir;
}

/**
 * Add the folder `dir` as a corpus (call inside a transaction). The store's first corpus is
 * unscoped and adopts documents stored before corpora existed (`corpus_id` NULL).
 */
export function addCorpus(db: DatabaseSync, dir: string, now: string): StoredCorpus {
  const first = (db.prepare('SELECT COUNT(*) AS n FROM corpora').get() as { n: number }).n === 0;
  const id = `corpus-${randomUUID()}`;
  db.prepare('INSERT INTO corpora (id, dir, name, scoped, added_at, opened_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, dir, folderName(dir), first ? 0 : 1, now, now);
  if (first) db.prepare('UPDATE documents SET corpus_id = ? WHERE corpus_id IS NULL').run(id);
  return corpusByDir(db, dir)!;
}

/** Record that the corpus was opened now. */
export function touchCorpus(db: DatabaseSync, id: string, now: string): void {
  db.prepare('UPDATE corpora SET opened_at = ? WHERE id = ?').run(now, id);
}

/** Put documents in a corpus (after they were upserted). */
export function assignDocuments(db: DatabaseSync, corpusId: string, documentIds: string[]): void {
  db.prepare('UPDATE documents SET corpus_id = ? WHERE id IN (SELECT value FROM json_each(?))').run(corpusId, JSON.stringify(documentIds));
}

/** Ids of every document row (tombstones included) of a corpus. */
export function documentIdsOfCorpus(db: DatabaseSync, corpusId: string): Set<string> {
  const rows = db.prepare('SELECT id FROM documents WHERE corpus_id = ?').all(corpusId) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

/**
 * The id of the document at `path` in a corpus: path-only for the unscoped corpus (the same as
 * core/corpus/ids.ts `documentId`), else hashed together with the corpus id.
 */
export function corpusDocumentId(corpus: Pick<StoredCorpus, 'id' | 'scoped'>, unscopedId: string, path: string): string {
  return corpus.scoped ? `doc-${fnv1a64(`${corpus.id}\u0000${normalizeCorpusPath(path)}`)}` : unscopedId;
}
