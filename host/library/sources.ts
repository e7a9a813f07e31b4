/**
 * Source metadata the user edits (issue 6, item 1). The import seeds each document's CSL item from
 * the corpus's sources.json (host/corpus/sources.ts; the `documents.csl` column keeps that seed);
 * the user's edits live in `source_edits` and are laid over the seed whenever the library's
 * summaries are made (DocumentSet.overlay), so an edit survives re-import and a changed
 * sources.json, and every reader of `DocumentSummary` (library panel, exports, search) sees it.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type DocumentSummary, type SourcePatch } from '../../core/api.ts';
import { checkSourcePatch, cslTitle, effectiveSource, mergeEdits, type SourceEdits } from '../../core/cite/source-patch.ts';
import { fileTitle } from '../../core/corpus/parse.ts';
import { authorOf, yearOf } from '../store/documents-repo.ts';
import { readAllSourceEdits, readSourceEdits, writeSourceEdits } from '../store/source-edits-repo.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';

/** Each effective summary → the summary as imported, so the overlay can be laid again. */
const seeds = new WeakMap<DocumentSummary, DocumentSummary>();

/** The summary as imported (sources.json only) behind a summary the library shows. */
export function seedOf(summary: DocumentSummary): DocumentSummary {
  return seeds.get(summary) ?? summary;
}

/**
 * A summary with the edits on top: CSL item, title, author, year, `untitled`, `sourcesNote`,
 * `editedFields`. A title the user cleared falls back to the file name read as words (the text's
 * own first line is only known to the importer).
 */
export function effectiveSummary(seed: DocumentSummary, edits: SourceEdits): DocumentSummary {
  const { csl, sourcesNote, editedFields } = effectiveSource(seed.csl, edits, seed.path);
  const title = cslTitle(csl);
  const fallback = cslTitle(seed.csl) !== null ? fileTitle(seed.path) : seed.title;
  const out: DocumentSummary = {
    ...seed, csl, title: title ?? fallback, author: authorOf(csl), year: yearOf(csl),
    untitled: title === null, sourcesNote, editedFields,
  };
  seeds.set(out, seed);
  return out;
}

/** Lays the stored edits over summaries (seeded or already overlaid); the DocumentSet's overlay. */
export function overlaySummaries(db: DatabaseSync | null, summaries: DocumentSummary[]): DocumentSummary[] {
  const edits = db ? readAllSourceEdits(db) : new Map<string, SourceEdits>();
  return summaries.map((s) => { const seed = seedOf(s); return effectiveSummary(seed, edits.get(seed.id) ?? {}); });
}

/** Makes the library's summaries carry the user's source edits from now on. */
export function installSourceEdits(ctx: LibraryContext): void {
  ctx.documents.overlay = (summaries) => overlaySummaries(ctx.store.db, summaries);
}

/** A fingerprint of what the overlay decides, to tell whether an undo touched source metadata. */
function fingerprint(ctx: LibraryContext): string {
  return JSON.stringify(ctx.documents.summaries.map((s) => [s.csl, s.title]));
}

/**
 * Lays the edits again (after undo/redo put rows back); true when a summary changed, so the
 * caller tells every window with `onDidChangeLibrary`.
 */
export function refreshSources(ctx: LibraryContext): boolean {
  const before = fingerprint(ctx);
  ctx.documents.reapplyOverlay();
  return fingerprint(ctx) !== before;
}

/**
 * `ReaderApi.updateSource`: validates the whole patch first (ApiError 'bad-input' with every
 * field's message, nothing saved), then stores the merged edits as one undoable action labelled
 * "Edit source". A patch that changes nothing records no action. Returns the new summary.
 */
export function updateSource(ctx: LibraryContext, id: string, patch: SourcePatch): DocumentSummary {
  const db = writableDb(ctx);
  const current = typeof id === 'string' ? ctx.documents.summary(id) : undefined;
  if (!current) {
    const gone = typeof id === 'string' ? ctx.documents.removed.get(id) : undefined;
    throw new ApiError('not-found', gone ? `"${gone.title}" is no longer in the corpus folder; its source cannot be edited.` : `There is no document with id "${String(id)}" in the library.`);
  }
  const { patch: clean, revert, problems } = checkSourcePatch(patch);
  if (problems.length) throw new ApiError('bad-input', problems.map((p) => p.message).join(' '));
  const seed = seedOf(current);
  inAction(db, 'Edit source', (rec) => {
    const before = readSourceEdits(db, id);
    const next = mergeEdits(before, clean, seed.csl, revert);
    if (JSON.stringify(next) !== JSON.stringify(before)) writeSourceEdits(rec, id, next, new Date().toISOString());
  });
  ctx.documents.reapplyOverlay();
  return ctx.documents.summary(id)!;
}
