/** What an export knows of a source besides its CSL item (core/cite/csl-export.ts ExportContext). */
import type { Block, DocumentSummary } from '../../core/api.ts';
import type { ExportContext } from '../../core/cite/csl-export.ts';
import type { LibraryContext } from '../library/context.ts';
import { listStoredDocuments, readDocumentModel } from '../store/documents-repo.ts';

/**
 * Every source document of the library, in every corpus (issue 10, item 13: a library holds
 * several corpora; a claim of a corpus that is not open still cites its source): the open
 * corpus's documents first, as the library lists them, then the others from the store, each with
 * the user's source edits laid over sources.json.
 */
export function librarySummaries(ctx: LibraryContext): DocumentSummary[] {
  const open = [...ctx.documents.summaries, ...ctx.documents.removed.values()];
  const db = ctx.store.db;
  if (!db) return open;
  const known = new Set(open.map((s) => s.id));
  const others = listStoredDocuments(db).map((r) => r.summary).filter((s) => !known.has(s.id));
  return [...open, ...ctx.documents.overlay(others)];
}

/**
 * What the export knows of a source besides its CSL item: its path and headings (an untitled
 * source is described by them) and which fields the user set (only a user's own note is exported).
 */
export function exportContextOf(ctx: LibraryContext, summary: DocumentSummary): ExportContext {
  const headings: string[] = [];
  const walk = (blocks: Block[]): void => {
    for (const b of blocks) {
      if (headings.length >= 8) return;
      if (b.kind === 'section') { headings.push(b.heading.content.map((i) => (i.t === 'text' ? i.text : '')).join('')); walk(b.children); }
    }
  };
  const model = ctx.documents.get(summary.id)?.model ?? (ctx.store.db ? readDocumentModel(ctx.store.db, summary.id) : null);
  if (model) walk(model.blocks);
  return { path: summary.path, headings, userFields: summary.editedFields ?? [] };
}

