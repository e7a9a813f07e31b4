/**
 * Document rows: the summary shown in the library plus the whole DocumentModel as JSON, so
 * opening a document is one row read. A document gone from the corpus keeps a tombstone row
 * (`removed_at` set) so its claims still name it.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { CslItem, DocumentModel, DocumentSummary, ImportProblem } from '../../core/api.ts';

/** What the store keeps of an imported document. */
export interface DocumentRecord {
  summary: DocumentSummary;
  model: DocumentModel;
  /** sha256 of the plain text: when it changes, stored positions may have moved. */
  textHash: string;
}

/** A stored document row, read back. */
export interface StoredDocument {
  summary: DocumentSummary;
  textHash: string;
  removed: boolean;
}

interface DocumentRow {
  id: string; iri: string; path: string; title: string; format: string; content_hash: string;
  word_count: number; problems: string; csl: string | null; removed_at: string | null; text_hash: string;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try { return JSON.parse(text) as T; } catch { return fallback; }
}

/** Author display string from CSL names ("Family, Given; Other"). */
export function authorOf(csl: CslItem | null): string {
  if (!csl?.author?.length) return '';
  return csl.author.map((a) => a.literal ?? [a.family, a.given].filter(Boolean).join(', ')).filter(Boolean).join('; ');
}

/** Year of issue from CSL, or null. */
export function yearOf(csl: CslItem | null): number | null {
  const y = csl?.issued?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' && Number.isFinite(y) ? y : null;
}

function toStored(row: DocumentRow): StoredDocument {
  const csl = parseJson<CslItem | null>(row.csl, null);
  return {
    summary: {
      id: row.id, iri: row.iri, path: row.path, title: row.title,
      author: authorOf(csl), year: yearOf(csl), wordCount: row.word_count,
      contentHash: row.content_hash, format: row.format as DocumentSummary['format'],
      problems: parseJson<string[]>(row.problems, []), csl,
    },
    textHash: row.text_hash,
    removed: row.removed_at !== null,
  };
}

const SUMMARY_COLUMNS = 'id, iri, path, title, format, content_hash, word_count, problems, csl, removed_at, text_hash';

/** Every document row, tombstones included, in path order. */
export function listStoredDocuments(db: DatabaseSync): StoredDocument[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY path`).all() as unknown as DocumentRow[];
  return rows.map(toStored);
}

/**
 * The rows of the documents `ids` (tombstones included), each with the corpus that holds it
 * (`corpusId`, null for a row stored before corpora); ids with no row are absent. For labelling
 * search hits of any corpus without reading every row (host/library/corpus-scope.ts).
 */
export function storedDocumentsByIds(db: DatabaseSync, ids: readonly string[]): Array<StoredDocument & { corpusId: string | null }> {
  if (!ids.length) return [];
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS}, corpus_id FROM documents WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as unknown as Array<DocumentRow & { corpus_id: string | null }>;
  return rows.map((r) => ({ ...toStored(r), corpusId: r.corpus_id }));
}

/** The stored model of a present document, or null (absent, tombstone, unreadable). */
export function readDocumentModel(db: DatabaseSync, id: string): DocumentModel | null {
  const row = db.prepare('SELECT model FROM documents WHERE id = ? AND removed_at IS NULL').get(id) as { model: string | null } | undefined;
  return row ? parseJson<DocumentModel | null>(row.model, null) : null;
}

/** Insert or refresh a document (un-tombstoning it). Call inside a transaction. */
export function upsertDocument(db: DatabaseSync, rec: DocumentRecord, now: string): void {
  const s = rec.summary;
  db.prepare(`INSERT INTO documents (id, iri, path, title, format, content_hash, word_count, problems, csl, model, imported_at, removed_at, text_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
    ON CONFLICT(id) DO UPDATE SET iri = excluded.iri, path = excluded.path, title = excluded.title, format = excluded.format,
      content_hash = excluded.content_hash, word_count = excluded.word_count, problems = excluded.problems, csl = excluded.csl,
      model = excluded.model, imported_at = excluded.imported_at, removed_at = NULL, text_hash = excluded.text_hash`)
    .run(s.id, s.iri, s.path, s.title, s.format, s.contentHash, s.wordCount, JSON.stringify(s.problems),
      s.csl === null ? null : JSON.stringify(s.csl), JSON.stringify(rec.model), now, rec.textHash);
}

/** Mark a document as gone from the corpus; its model is dropped, its row (and claims) stay. */
export function tombstoneDocument(db: DatabaseSync, id: string, now: string): void {
  // the text's hash stays: a file that comes back under another name (a rename seen as a deletion
  // and, in a later read, a creation) is still recognised by it (host/library/corpus.ts followRenames)
  db.prepare('UPDATE documents SET removed_at = ?, model = NULL WHERE id = ? AND removed_at IS NULL').run(now, id);
}

/** Replace the list of files skipped by the last import. */
export function replaceImportProblems(db: DatabaseSync, problems: ImportProblem[]): void {
  db.prepare('DELETE FROM import_problems').run();
  const ins = db.prepare('INSERT INTO import_problems (path, reason) VALUES (?, ?)');
  for (const p of problems) ins.run(p.path, p.reason);
}

/** Files skipped by the last import. */
export function listImportProblems(db: DatabaseSync): ImportProblem[] {
  return db.prepare('SELECT path, reason FROM import_problems ORDER BY rowid').all() as unknown as ImportProblem[];
}
