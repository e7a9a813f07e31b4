/**
 * Opening a corpus folder: import every file, store the documents, tombstone the ones that left
 * the folder (their claims stay, as orphans under the old id), and re-anchor the claims of every
 * document whose text changed. Originals on disk are only read.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError, type DocumentSummary, type ReanchorSummary } from '../../core/api.ts';
import { importFolder, type ImportedDocument } from '../corpus/import-folder.ts';
import { listClaims } from '../store/claims-repo.ts';
import { listStoredDocuments, replaceImportProblems, tombstoneDocument, upsertDocument, authorOf, yearOf } from '../store/documents-repo.ts';
import { inTransaction } from '../store/transaction.ts';
import type { LibraryContext } from './context.ts';
import { loadDocument, type LoadedDocument } from './loaded-document.ts';
import { addSummary, emptySummary, reanchorClaims } from './reanchor.ts';
import { rememberCorpusDir } from './settings.ts';

/** The library's summary of an imported file. */
export function summaryOf(d: ImportedDocument): DocumentSummary {
  return {
    id: d.doc.id, iri: d.doc.iri, path: d.path, title: d.doc.title, author: authorOf(d.csl), year: yearOf(d.csl),
    wordCount: d.wordCount, contentHash: d.contentHash, format: d.format, problems: d.problems, csl: d.csl,
  };
}

/** What opening a corpus did to the claims. */
export interface CorpusOpened {
  /** How the re-anchored claims landed (all claims when `everyClaim`, else those of changed documents). */
  summary: ReanchorSummary;
  /** Claims whose stored position or status changed. */
  changedClaims: number;
}

/**
 * Import `dir` into the library. With `everyClaim`, every claim is re-anchored (the reanchor
 * command); otherwise only claims of documents whose plain text changed or that left the folder.
 */
export async function openCorpusInto(ctx: LibraryContext, dir: string, everyClaim: boolean): Promise<CorpusOpened> {
  const abs = resolve(dir);
  // A folder that is not there (an unplugged drive) must not read as "every file was removed".
  const isFolder = await stat(abs).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new ApiError('bad-input', `The corpus folder ${abs} cannot be found.`);
  let imported;
  try {
    imported = await importFolder(abs);
  } catch (err) {
    throw new ApiError('bad-input', `The corpus folder ${abs} cannot be read (${(err as Error).message}).`);
  }
  const folderProblem = imported.problems.find((p) => p.path === '.');
  if (folderProblem && imported.documents.length === 0) throw new ApiError('bad-input', folderProblem.reason);
  const loaded: LoadedDocument[] = imported.documents.map((d) => loadDocument(summaryOf(d), d.doc));
  const summary = emptySummary();
  let changedClaims = 0;
  let removed: DocumentSummary[] = [];
  const db = ctx.store.db;
  if (db) {
    const now = new Date().toISOString();
    removed = inTransaction(db, () => {
      const stored = new Map(listStoredDocuments(db).map((s) => [s.summary.id, s]));
      const present = new Set(loaded.map((d) => d.summary.id));
      const toAnchor: Array<{ id: string; doc: LoadedDocument | null }> = [];
      for (const d of loaded) {
        const before = stored.get(d.summary.id);
        if (everyClaim || !before || before.removed || before.textHash !== d.textHash) toAnchor.push({ id: d.summary.id, doc: d });
        upsertDocument(db, { summary: d.summary, model: d.model, textHash: d.textHash }, now);
      }
      for (const s of stored.values()) {
        if (present.has(s.summary.id)) continue;
        if (!s.removed) tombstoneDocument(db, s.summary.id, now);
        if (everyClaim || !s.removed) toAnchor.push({ id: s.summary.id, doc: null });
      }
      for (const { id, doc } of toAnchor) {
        const out = reanchorClaims(db, doc, listClaims(db, { documentId: id }));
        addSummary(summary, out.summary);
        changedClaims += out.changed;
      }
      replaceImportProblems(db, imported.problems);
      rememberCorpusDir(db, abs);
      return listStoredDocuments(db).filter((s) => s.removed).map((s) => s.summary);
    });
  }
  ctx.documents.replace(loaded, removed, imported.problems);
  ctx.corpusDir = abs;
  return { summary, changedClaims };
}
