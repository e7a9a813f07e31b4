/**
 * Opening a corpus folder: import every file, store the documents in that folder's corpus,
 * hand the claims of a renamed or moved file to its new path (`followRenames`), tombstone the
 * ones that left the folder (their claims stay, as orphans under the old id), and re-anchor the
 * claims of every document whose text changed. Other corpora of the library are
 * left as they are. Originals on disk are only read.
 */
import { statSync } from 'node:fs';
import type { DatabaseSync } from 'node:sqlite';
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { ApiError, type CorpusSummary, type DocumentSummary, type ReanchorSummary } from '../../core/api.ts';
import { importFolder, type ImportedDocument, type ImportMemory } from '../corpus/import-folder.ts';
import { listClaims } from '../store/claims-repo.ts';
import { addCorpus, assignDocuments, corpusByDir, corpusDocumentId, documentIdsOfCorpus, listCorpora, touchCorpus } from '../store/corpora-repo.ts';
import { listStoredDocuments, replaceImportProblems, tombstoneDocument, upsertDocument, authorOf, yearOf, type StoredDocument } from '../store/documents-repo.ts';
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
 * What the last import of the open folder made of each file, per library (issue 10, item 14): a
 * re-read after a save parses only the files that changed, and reuses the in-memory form
 * (plain text, paragraph numbers) of the others. One folder per library: switching corpora starts
 * afresh, so the memory never holds more than the documents the library holds anyway.
 */
interface FolderMemory { dir: string; files: ImportMemory; loaded: WeakMap<ImportedDocument, LoadedDocument> }
const memories = new WeakMap<LibraryContext, FolderMemory>();

/** `~` and `~/…` (or `~\…`) as the user's home folder, as a shell would read them; other paths as typed. */
export function expandHome(path: string): string {
  return path === '~' ? homedir() : /^~[/\\]/.test(path) ? homedir() + path.slice(1) : path;
}

/**
 * Open `dir`: add it to the library as a corpus or switch to it (issue 10, item 13). `~` is the
 * user's home; a file is refused with "is a file, not a folder". Only this
 * corpus's documents are compared with the folder: a document of another corpus is never
 * tombstoned and its claims are never re-anchored here. With `everyClaim`, every claim of this
 * corpus is re-anchored (the reanchor command); otherwise only claims of documents whose plain
 * text changed or that left the folder. A known folder that cannot be found opens from the
 * store, marked missing: nothing is emptied and no claim changes. Throws ApiError('bad-input')
 * for an unknown folder that cannot be found or read, and for `everyClaim` on a missing one.
 */
export async function openCorpusInto(ctx: LibraryContext, dir: string, everyClaim: boolean, opts: { changed?: ReadonlySet<string> | null } = {}): Promise<CorpusOpened> {
  const abs = resolve(expandHome(dir.trim()));
  const db = ctx.store.db;
  const known = db ? corpusByDir(db, abs) : null;
  // A folder that is not there (an unplugged drive) must not read as "every file was removed".
  const info = await stat(abs).catch(() => null);
  if (info && !info.isDirectory()) {
    throw new ApiError('bad-input', `${abs} is a file, not a folder. Open the folder that holds it: ${dirname(abs)}`);
  }
  const isFolder = info?.isDirectory() ?? false;
  if (!isFolder) {
    if (!known || !db) throw new ApiError('bad-input', `The corpus folder ${abs} cannot be found.`);
    if (everyClaim) {
      throw new ApiError('bad-input', `The corpus folder ${abs} cannot be found (is the drive connected?). Its ${known.documentCount} document(s) and their claims are kept as they were.`);
    }
    inTransaction(db, () => { rememberCorpusDir(db, abs); touchCorpus(db, known.id, new Date().toISOString()); });
    ctx.documents.loadFromStore([], documentIdsOfCorpus(db, known.id));
    ctx.corpusDir = abs;
    ctx.corpusId = known.id;
    ctx.corpusMissing = true;
    return { summary: emptySummary(), changedClaims: 0 };
  }
  // The reanchor command re-reads every file; any other open reuses what is unchanged since the last.
  let memory = memories.get(ctx);
  if (!memory || memory.dir !== abs || everyClaim) memories.set(ctx, memory = { dir: abs, files: new Map(), loaded: new WeakMap() });
  const reusing = memory;
  let imported;
  try {
    imported = await importFolder(abs, { memory: reusing.files, changed: opts.changed ?? null });
  } catch (err) {
    throw new ApiError('bad-input', `The corpus folder ${abs} cannot be read (${(err as Error).message}).`);
  }
  const folderProblem = imported.problems.find((p) => p.path === '.');
  if (folderProblem && imported.documents.length === 0) throw new ApiError('bad-input', folderProblem.reason);
  const summary = emptySummary();
  let changedClaims = 0;
  let removed: DocumentSummary[] = [];
  let loaded: LoadedDocument[];
  if (db) {
    const now = new Date().toISOString();
    let corpusId = '';
    [loaded, removed] = inTransaction(db, () => {
      const corpus = known ?? addCorpus(db, abs, now);
      corpusId = corpus.id;
      touchCorpus(db, corpus.id, now);
      for (const d of imported.documents) d.doc.id = corpusDocumentId(corpus, d.doc.id, d.path);
      const docs = imported.documents.map((d) => {
        const known = imported.reused.has(d.path) ? reusing.loaded.get(d) : undefined;
        const doc = known ?? loadDocument(summaryOf(d), d.doc);
        reusing.loaded.set(d, doc);
        return doc;
      });
      const mine = documentIdsOfCorpus(db, corpus.id);
      const stored = new Map(listStoredDocuments(db).filter((s) => mine.has(s.summary.id)).map((s) => [s.summary.id, s]));
      const present = new Set(docs.map((d) => d.summary.id));
      const toAnchor: Array<{ id: string; doc: LoadedDocument | null }> = [];
      for (const d of docs) {
        const before = stored.get(d.summary.id);
        if (everyClaim || !before || before.removed || before.textHash !== d.textHash) toAnchor.push({ id: d.summary.id, doc: d });
        // a file not read again whose row is as it left it: nothing to write
        const same = imported.reused.has(d.summary.path) && before && !before.removed && before.textHash === d.textHash
          && before.summary.contentHash === d.summary.contentHash && before.summary.title === d.summary.title;
        if (!same) upsertDocument(db, { summary: d.summary, model: d.model, textHash: d.textHash }, now);
      }
      assignDocuments(db, corpus.id, [...present]);
      followRenames(db, stored, docs);
      for (const s of stored.values()) {
        if (present.has(s.summary.id)) continue;
        if (!s.removed) tombstoneDocument(db, s.summary.id, now);
        if (everyClaim || !s.removed) toAnchor.push({ id: s.summary.id, doc: null });
      }
      for (const { id, doc } of toAnchor) {
        const out = reanchorClaims(db, doc, listClaims(db, { documentId: id }));
        addSummary(summary, out.summary);
        changedClaims += out.changed;
        for (const c of out.changes) if (!ctx.unreported.has(c.claimId)) ctx.unreported.set(c.claimId, c);
      }
      replaceImportProblems(db, imported.problems);
      rememberCorpusDir(db, abs);
      return [docs, listStoredDocuments(db).filter((s) => s.removed && mine.has(s.summary.id)).map((s) => s.summary)] as const;
    });
    ctx.corpusId = corpusId;
  } else {
    loaded = imported.documents.map((d) => loadDocument(summaryOf(d), d.doc));
    ctx.corpusId = null;
  }
  ctx.documents.replace(loaded, removed, imported.problems);
  ctx.corpusDir = abs;
  ctx.corpusMissing = false;
  return { summary, changedClaims };
}

/**
 * Files renamed or moved within the corpus since it was last read (open or not): a document that
 * is gone whose text (its SHA-256, `textHash`) is the text of exactly one document new in this
 * read hands that document its claims, its source edits and its reference corrections, so they
 * re-anchor there (exactly, the text being the same) instead of becoming orphans (also when an
 * earlier read saw only the deletion and orphaned them: the tombstone keeps the hash); the undo
 * history's row images are rewritten to match. Ids are made
 * from paths (core/corpus/ids.ts), so a rename is a new document to the store; Hypothesis keeps a
 * PDF's annotations across addresses by its fingerprint in the same way. Two new files with the
 * same text, or a file renamed and edited, are not guessed at: the claims become orphans, kept
 * and re-attachable, as before. Call inside the import's transaction, before gone documents are
 * tombstoned.
 */
function followRenames(db: DatabaseSync, stored: ReadonlyMap<string, StoredDocument>, docs: readonly LoadedDocument[]): void {
  const appeared = new Map<string, LoadedDocument[]>();
  for (const d of docs) {
    if (stored.has(d.summary.id) || !d.textHash) continue;
    appeared.set(d.textHash, [...(appeared.get(d.textHash) ?? []), d]);
  }
  if (!appeared.size) return;
  const present = new Set(docs.map((d) => d.summary.id));
  // gone now, or gone in an earlier read (a rename the watcher saw as a deletion, then a creation)
  const gone = [...stored.values()].filter((s) => !present.has(s.summary.id) && s.textHash && (!s.removed || hasClaims(db, s.summary.id)));
  const goneByHash = new Map<string, number>();
  for (const g of gone) goneByHash.set(g.textHash, (goneByHash.get(g.textHash) ?? 0) + 1);
  for (const g of gone) {
    const to = appeared.get(g.textHash);
    if (to?.length !== 1 || goneByHash.get(g.textHash) !== 1) continue;
    const next = to[0]!.summary.id;
    db.prepare('UPDATE claims SET document_id = ? WHERE document_id = ?').run(next, g.summary.id);
    db.prepare('UPDATE source_edits SET document_id = ? WHERE document_id = ? AND NOT EXISTS (SELECT 1 FROM source_edits WHERE document_id = ?)').run(next, g.summary.id, next);
    db.prepare('UPDATE reference_corrections SET document_id = ? WHERE document_id = ?').run(next, g.summary.id);
    // Undo and redo put whole row images back (host/store/history.ts): the images name the new
    // document too, or undoing an edit made before the rename would send the claim back to the
    // old path's tombstone. Document ids are "doc-" and hex digits, so the quoted id is found
    // only where it is a value.
    db.prepare('UPDATE history SET changes = replace(changes, ?, ?) WHERE instr(changes, ?) > 0').run(JSON.stringify(g.summary.id), JSON.stringify(next), JSON.stringify(g.summary.id));
  }
}

/** Whether any claim is on the document `id`. */
function hasClaims(db: DatabaseSync, id: string): boolean {
  return db.prepare('SELECT 1 FROM claims WHERE document_id = ? LIMIT 1').get(id) !== undefined;
}

/** Whether `dir` is a folder now (a synchronous stat: the library has a handful of corpora). */
function folderExists(dir: string): boolean {
  try { return statSync(dir).isDirectory(); } catch { return false; }
}

/**
 * The library's corpora for a snapshot, each checked on disk now (a folder on an unplugged drive
 * reads as missing). Without a store: the open folder alone, if any.
 */
export function corpusSummaries(ctx: LibraryContext): CorpusSummary[] {
  const db = ctx.store.db;
  if (!db) {
    return ctx.corpusDir
      ? [{ id: 'open', dir: ctx.corpusDir, name: ctx.corpusDir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || ctx.corpusDir, documentCount: ctx.documents.summaries.length, missing: ctx.corpusMissing }]
      : [];
  }
  return listCorpora(db).map((c) => ({ id: c.id, dir: c.dir, name: c.name, documentCount: c.documentCount, missing: !folderExists(c.dir) }));
}
