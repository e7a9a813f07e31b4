/**
 * The store's side of works cited (migration "issue 9"): the user's corrections of references
 * and the metadata-only sources promoted from them. Writes go through a RowRecorder, so each
 * user action is one undoable history entry.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { CslItem, MetadataSource } from '../../core/api.ts';
import type { SourceEdits } from '../../core/cite/source-patch.ts';
import type { RowRecorder } from '../store/history.ts';

/** A stored correction: the fields the user set or cleared, and the note's text at that time. */
export interface Correction { id: string; documentId: string; raw: string; fields: SourceEdits; modified: string }

interface CorrectionRow { id: string; document_id: string; raw: string; fields: string; modified: string }
interface SourceRow { id: string; reference_id: string; csl: string; created: string }

const correction = (r: CorrectionRow): Correction => ({ id: r.id, documentId: r.document_id, raw: r.raw, fields: JSON.parse(r.fields) as SourceEdits, modified: r.modified });
const source = (r: SourceRow): MetadataSource => ({ id: r.id, referenceId: r.reference_id, csl: JSON.parse(r.csl) as CslItem, created: r.created });

/** Corrections by reference id, of one document or of all. */
export function readCorrections(db: DatabaseSync, documentId?: string): Map<string, Correction> {
  const rows = (documentId === undefined
    ? db.prepare('SELECT * FROM reference_corrections').all()
    : db.prepare('SELECT * FROM reference_corrections WHERE document_id = ?').all(documentId)) as unknown as CorrectionRow[];
  return new Map(rows.map((r) => [r.id, correction(r)]));
}

/** Store a reference's corrections; with no fields left, the row goes. */
export function writeCorrection(rec: RowRecorder, c: Correction): void {
  if (Object.keys(c.fields).length === 0) { rec.remove('reference_corrections', { id: c.id }); return; }
  rec.put('reference_corrections', { id: c.id, document_id: c.documentId, raw: c.raw, fields: JSON.stringify(c.fields), modified: c.modified });
}

/** Every metadata-only source, oldest first. */
export function listMetadataSources(db: DatabaseSync): MetadataSource[] {
  return (db.prepare('SELECT * FROM metadata_sources ORDER BY created, id').all() as unknown as SourceRow[]).map(source);
}

/** Add a metadata-only source. */
export function writeMetadataSource(rec: RowRecorder, s: MetadataSource): void {
  rec.put('metadata_sources', { id: s.id, reference_id: s.referenceId, csl: JSON.stringify(s.csl), created: s.created });
}
