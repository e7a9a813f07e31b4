/**
 * The `source_edits` table (migration "issue 6, item 1"): per document, the CSL fields the user
 * set or cleared over sources.json, as JSON (core/cite/source-patch.ts `SourceEdits`). Writes go
 * through a RowRecorder so each edit is one undoable action.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { SourceEdits } from '../../core/cite/source-patch.ts';
import type { RowRecorder } from './history.ts';

function parse(text: string): SourceEdits {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? v as SourceEdits : {};
  } catch {
    return {}; // a damaged row reads as "no edits" rather than hiding the document
  }
}

/** Every document's edits, by document id. */
export function readAllSourceEdits(db: DatabaseSync): Map<string, SourceEdits> {
  const rows = db.prepare('SELECT document_id, fields FROM source_edits').all() as unknown as Array<{ document_id: string; fields: string }>;
  return new Map(rows.map((r) => [r.document_id, parse(r.fields)]));
}

/** One document's edits ({} when it has none). */
export function readSourceEdits(db: DatabaseSync, documentId: string): SourceEdits {
  const row = db.prepare('SELECT fields FROM source_edits WHERE document_id = ?').get(documentId) as { fields: string } | undefined;
  return row ? parse(row.fields) : {};
}

/** Store a document's edits through the action's recorder; an empty set removes the row. */
export function writeSourceEdits(rec: RowRecorder, documentId: string, edits: SourceEdits, now: string): void {
  if (Object.keys(edits).length === 0) rec.remove('source_edits', { document_id: documentId });
  else rec.put('source_edits', { document_id: documentId, fields: JSON.stringify(edits), modified: now });
}
