/**
 * The library: ReaderApi implemented over the store (host/store) and core. Both transports
 * (Electron IPC, the web host) wrap one of these; nothing here knows which.
 *
 * Every changing method runs in one store transaction and resolves only after it committed.
 * Calls are queued so two actions never interleave. When the store cannot be opened the corpus
 * is still shown (imported in memory) and every change is refused with the store's reason.
 */
import {
  ApiError, type ClaimFilter, type DocumentModel, type LibrarySnapshot, type ReaderBridge, type ReaderEventName,
  type ReaderEvents, type Settings,
} from '../core/api.ts';
import { countClaims, getClaim, listClaims, listLinks } from './store/claims-repo.ts';
import { listImportProblems } from './store/documents-repo.ts';
import { listEntities } from './store/entities-repo.ts';
import { openStore } from './store/open-store.ts';
import { inTransaction } from './store/transaction.ts';
import { currentClient, LOCAL_CLIENT, withClient } from './store/acting-client.ts';
import * as claims from './library/claims.ts';
import { DocumentSet, Emitter, writableDb, type LibraryContext } from './library/context.ts';
import { corpusSummaries, openCorpusInto } from './library/corpus.ts';
import { reportSinceLastSeen } from './library/reanchor-report.ts';
import { waitForFolder, watchCorpus, type ChangedPaths, type CorpusWatch } from './library/corpus-watcher.ts';
import { corpusByDir, corpusOfDocument, documentIdsOfCorpus } from './store/corpora-repo.ts';
import * as entities from './library/entities.ts';
import * as tags from './library/tags.ts';
import { exportAnnotations, importAnnotations } from './library/interchange.ts';
import { createCiteFormatter, type CiteFormatter } from './cite/formatter.ts';
import { citeClaim, runExport } from './export/run-export.ts';
import { readSettings, rememberedCorpusDir, writeSettings } from './library/settings.ts';
import { redo, undo } from './library/undo.ts';
import { installSourceEdits, refreshSources, updateSource } from './library/sources.ts';
import { settingsPatch } from './library/validate.ts';
import { createSearchService } from './search/service.ts';
import { corpusScopedSearch } from './library/corpus-scope.ts';
import * as references from './references/library-references.ts';
import { citeClaimAsCitedIn } from './references/as-cited-in.ts';

/**
 * The ReaderApi with events, plus `close()` for the process that owns it and `flushSearch()`
 * (the search index compacted and saved now: before quitting, in tests and the bench).
 */
export type Library = ReaderBridge & { close(): void; flushSearch(): Promise<void> };

/** How to make a library. */
export interface LibraryOptions {
  /** Folder of the store (`marginalia.sqlite`); created if absent. */
  dataDir: string;
  /** Corpus folder to open; null/absent: the folder opened last, if any. */
  corpusDir?: string | null;
  transport: 'electron' | 'web';
  /** Shown in Help → About. */
  version?: string;
  /**
   * Build the APA citation engine in the formatter's worker a moment after start (1–4 s of
   * citeproc work, off this thread), so the first export is quick. The app's hosts set it; the
   * one-shot CLI does not.
   */
  warmCitations?: boolean;
  /**
   * Watch the open corpus folder and re-read it when its files change (issue 10, item 14). The
   * app's hosts set it; the one-shot CLI does not.
   */
  watchCorpus?: boolean;
  /**
   * Who makes the calls that come through no transport (host/store/acting-client.ts): 'cli' for
   * the command line, so each window's undo leaves its actions alone; default 'local'.
   */
  client?: string;
}

/** Open the store, import the corpus and return the library. Never rejects for a bad store or folder. */
export async function createLibrary(opts: LibraryOptions): Promise<Library> {
  const store = openStore(opts.dataDir);
  const ctx: LibraryContext = {
    store, documents: new DocumentSet(() => ctx.store.db), events: new Emitter(), corpusDir: null,
    corpusId: null, corpusMissing: false, unreported: new Map(),
  };
  installSourceEdits(ctx); // summaries carry the user's source edits (issue 6, item 1)
  if (store.db) {
    ctx.corpusDir = rememberedCorpusDir(store.db);
    const open = ctx.corpusDir ? corpusByDir(store.db, ctx.corpusDir) : null;
    ctx.corpusId = open?.id ?? null;
    ctx.documents.loadFromStore(listImportProblems(store.db), open ? documentIdsOfCorpus(store.db, open.id) : undefined);
  }
  const dir = opts.corpusDir ?? rememberedCorpusDir(store.db);
  if (dir) {
    try { await openCorpusInto(ctx, dir, false); } catch (err) {
      ctx.documents.problems = [{ path: dir, reason: (err as Error).message }];
    }
  }

  // One call at a time, in arrival order; a failure does not block the queue.
  let queue: Promise<unknown> = Promise.resolve();
  // Each call runs as the client that made it (a window, a tab, the command line), whatever ran
  // before it in the queue: the history records who made each action (acting-client.ts).
  const serial = <T>(work: () => T | Promise<T>): Promise<T> => {
    const client = currentClient() ?? opts.client ?? LOCAL_CLIENT;
    const run = queue.then(() => withClient(client, work));
    queue = run.catch(() => undefined);
    return run;
  };
  const snapshot = (): LibrarySnapshot => ({
    corpusDir: ctx.corpusDir, corpusId: ctx.corpusId, corpora: corpusSummaries(ctx),
    documents: [...ctx.documents.summaries], problems: [...ctx.documents.problems], store: ctx.store.state,
  });
  const changed = (reason: string): void => ctx.events.emit('onDidChangeAnnotations', { reason });
  /** After undo/redo: when source metadata changed, every window gets the new library. */
  const sourcesStepped = (): void => { if (refreshSources(ctx)) ctx.events.emit('onDidChangeLibrary', snapshot()); };
  /** Run a change and tell listeners once it has committed. */
  const change = <T>(reason: string, work: () => T): Promise<T> => serial(() => { const out = work(); changed(reason); return out; });
  const reads = <T>(fallback: T, work: (db: NonNullable<LibraryContext['store']['db']>) => T): Promise<T> =>
    serial(() => (ctx.store.db ? work(ctx.store.db) : fallback));
  // The one search index (host/search/): a worker started on the first query.
  const searchService = createSearchService(ctx, { dataDir: opts.dataDir });
  // one corpus or all (issue 10, item 13), hits labelled with their corpus
  const search = corpusScopedSearch(ctx, (query, options) => searchService.search(query, options));

  // The citeproc worker starts on first use (or when warmed); one per library.
  let formatter: CiteFormatter | null = null;
  const citeFormatter = (): CiteFormatter => (formatter ??= createCiteFormatter());
  const exportDeps = {
    ctx, formatter: citeFormatter,
    search: async (query: string, corpusId?: string): Promise<string[]> =>
      (await search(query, { limit: 1, allIds: true, ...(corpusId === undefined ? {} : { filter: { corpusId } }) })).allIds ?? [],
  };
  if (opts.warmCitations) setTimeout(() => { citeFormatter().warm('apa').catch(() => undefined); }, 1500).unref();

  // The open corpus is watched (app hosts only): an edit on disk re-reads it, the reader follows;
  // a missing folder is looked for until it is back.
  let corpusWatch: CorpusWatch | null = null;
  const watchOpenCorpus = (): void => {
    corpusWatch?.close();
    corpusWatch = null;
    const dir = ctx.corpusDir;
    if (!opts.watchCorpus || !dir) return;
    const missing = ctx.corpusMissing;
    const reread = (paths: ChangedPaths = null): void => void serial(async () => {
      if (ctx.corpusDir !== dir || !corpusWatch) return; // switched or closed meanwhile
      const opened = await openCorpusInto(ctx, dir, false, { changed: paths }); // only changed files are parsed again
      ctx.events.emit('onDidChangeLibrary', snapshot());
      if (opened.changedClaims > 0) changed('reanchor');
      if (ctx.corpusMissing !== missing) watchOpenCorpus(); // gone, or back: watch the other way
    }).catch((err: unknown) => console.error('marginalia: re-reading the corpus after a change failed:', err));
    corpusWatch = missing ? waitForFolder(dir, reread) : watchCorpus(dir, reread,
      { onError: (err) => console.error(`marginalia: cannot watch ${dir} for changes (${err.message}); use reanchor after editing files.`) });
  };
  watchOpenCorpus();

  const library: Library = {
    getLibrary: () => serial(snapshot),
    openCorpus: (dir) => serial(async () => {
      if (typeof dir !== 'string' || dir.trim() === '') throw new ApiError('bad-input', 'Choose a folder to open.');
      const opened = await openCorpusInto(ctx, dir, false);
      watchOpenCorpus();
      const snap = snapshot();
      ctx.events.emit('onDidChangeLibrary', snap);
      if (opened.changedClaims > 0) changed('reanchor');
      return snap;
    }),
    getDocument: (id) => serial((): DocumentModel => {
      const doc = typeof id === 'string' ? ctx.documents.get(id) : null;
      if (doc) return doc.model;
      const gone = typeof id === 'string' ? ctx.documents.removed.get(id) : undefined;
      if (gone) throw new ApiError('not-found', `"${gone.title}" is no longer in the corpus folder.`);
      const elsewhere = typeof id === 'string' && ctx.store.db ? corpusOfDocument(ctx.store.db, id) : null;
      if (elsewhere) throw new ApiError('not-found', `That document is in the corpus "${elsewhere.name}" (${elsewhere.dir}); open that corpus to read it.`);
      throw new ApiError('not-found', `There is no document with id "${String(id)}" in the library.`);
    }),
    getSettings: () => serial(() => readSettings(ctx.store.db)),
    setSettings: (patch) => serial((): Settings => {
      const db = writableDb(ctx);
      const next = settingsPatch(patch, readSettings(db));
      inTransaction(db, () => writeSettings(db, next));
      ctx.events.emit('onDidChangeSettings', next);
      return next;
    }),
    getAppInfo: () => Promise.resolve({ name: 'Marginalia', version: opts.version ?? '0.0.0', transport: opts.transport, dataDir: opts.dataDir }),

    listClaims: (filter?: ClaimFilter) => reads([], (db) => listClaims(db, filter ?? {})),
    claimCounts: (by, filter?: ClaimFilter) => {
      if (by !== 'entity' && by !== 'document') return Promise.reject(new ApiError('bad-input', `Claims are counted by 'entity' or 'document', not ${JSON.stringify(by)}.`));
      return reads({}, (db) => countClaims(db, by, filter ?? {}));
    },
    getClaim: (id) => serial(() => {
      const c = ctx.store.db && typeof id === 'string' ? getClaim(ctx.store.db, id) : null;
      if (!c) throw new ApiError('not-found', `There is no claim with id "${String(id)}" in this library (it may have been deleted, or the link comes from another library).`);
      return c;
    }),
    createClaim: (input) => change('create-claim', () => claims.createClaim(ctx, input)),
    updateClaim: (id, patch) => change('update-claim', () => claims.updateClaim(ctx, id, patch)),
    updateClaims: (ids, patch) => change('update-claims', () => claims.updateClaims(ctx, ids, patch)),
    deleteClaims: (ids) => change('delete-claims', () => claims.deleteClaims(ctx, ids)),
    listLinks: (claimId) => reads([], (db) => listLinks(db, claimId)),
    linkClaims: (from, to, relation) => change('link-claims', () => claims.linkClaims(ctx, from, to, relation)),
    unlinkClaims: (linkId) => change('unlink-claims', () => claims.unlinkClaims(ctx, linkId)),

    listEntities: () => reads([], (db) => listEntities(db)),
    createEntity: (input) => change('create-entity', () => entities.createEntity(ctx, input)),
    updateEntity: (id, patch) => change('update-entity', () => entities.updateEntity(ctx, id, patch)),
    mergeEntities: (intoId, fromId) => change('merge-entities', () => entities.mergeEntities(ctx, intoId, fromId)),
    deleteEntity: (id) => change('delete-entity', () => entities.deleteEntity(ctx, id)),
    findMentions: (entityId) => serial(() => entities.findMentions(ctx, entityId)),
    listTags: () => reads([], (db) => tags.listTags(db)),
    renameTag: (from, to) => change('rename-tag', () => tags.renameTag(ctx, from, to)),
    deleteTag: (tag) => change('delete-tag', () => tags.deleteTag(ctx, tag)),

    undo: (options) => serial(() => { const r = undo(ctx, options); if (r && !r.conflict) { changed('undo'); sourcesStepped(); } return r; }),
    redo: (options) => serial(() => { const r = redo(ctx, options); if (r && !r.conflict) { changed('redo'); sourcesStepped(); } return r; }),

    search: (query, options) => search(query, options),
    updateSource: (id, patch) => serial(() => {
      const summary = updateSource(ctx, id, patch);
      ctx.events.emit('onDidChangeLibrary', snapshot());
      return summary;
    }),
    exportAnnotations: (filter) => serial(() => exportAnnotations(ctx, filter ?? {})),
    importAnnotations: (jsonld) => change('import', () => importAnnotations(ctx, jsonld)),
    reanchor: () => serial(async () => {
      writableDb(ctx);
      if (!ctx.corpusDir) throw new ApiError('bad-input', 'No corpus folder is open: open one first.');
      const opened = await openCorpusInto(ctx, ctx.corpusDir, true);
      ctx.events.emit('onDidChangeLibrary', snapshot());
      changed('reanchor');
      const db = writableDb(ctx);
      return reportSinceLastSeen(db, opened.summary, ctx.unreported, ctx.corpusId ? documentIdsOfCorpus(db, ctx.corpusId) : undefined);
    }),

    // Wait for earlier actions, then format off the queue: citeproc may take seconds in its
    // worker, and edits made meanwhile must not wait for it.
    exportCitations: (request) => serial(() => undefined).then(() => runExport(exportDeps, request)),
    citeClaim: (claimId, style) => serial(() => undefined).then(() => citeClaim(exportDeps, claimId, style)),
    listCitationStyles: () => citeFormatter().listStyles(),

    listReferences: (documentId) => serial(() => references.listReferences(ctx, documentId)),
    updateReference: (id, patch) => change('update-reference', () => references.updateReference(ctx, id, patch)),
    promoteReference: (id) => change('promote-reference', () => references.promoteReference(ctx, id)),
    listMetadataSources: () => serial(() => references.listMetadataSources(ctx.store.db)),
    referencesForClaim: (claimId) => serial(() => references.referencesForClaim(ctx, claimId)),
    citeClaimAsCitedIn: (claimId, referenceId, style) => serial(() => undefined).then(() => citeClaimAsCitedIn(ctx, citeFormatter(), claimId, referenceId, style)),

    on: <E extends ReaderEventName>(event: E, listener: (payload: ReaderEvents[E]) => void) => ctx.events.on(event, listener),
    flushSearch: () => searchService.flush(),
    close: () => {
      corpusWatch?.close();
      corpusWatch = null;
      searchService.close();
      formatter?.close();
      formatter = null;
      const db = ctx.store.db;
      ctx.store = { state: { ok: false, path: ctx.store.state.path, reason: 'The library is closed.' }, db: null };
      db?.close();
    },
  };
  return library;
}
