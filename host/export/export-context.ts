/** What an export knows of a source besides its CSL item (core/cite/csl-export.ts ExportContext). */
import type { Block, DocumentSummary } from '../../core/api.ts';
import type { ExportContext } from '../../core/cite/csl-export.ts';
import type { LibraryContext } from '../library/context.ts';

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
  const doc = ctx.documents.get(summary.id);
  if (doc) walk(doc.model.blocks);
  return { path: summary.path, headings, userFields: summary.editedFields ?? [] };
}

