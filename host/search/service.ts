/**
 * The host's side of search: starts the search worker (worker.ts) on first use, tells it what
 * changed, and forwards queries. Behind `ReaderApi.search` in host/library.ts.
 *
 * What changed is known exactly, without re-reading the library: on first use the service
 * adds TEMP triggers to the library's own store connection (per connection, never written to the
 * file, no migration) that note the id of every claim row, claim–entity tag and entity row that
 * any write touches: creates, edits, bulk edits, deletes, undo/redo, imports, re-anchoring.
 * After each change (onDidChangeAnnotations, and before every query) the noted ids are posted to
 * the worker, which re-reads those claims through its own read-only connection. The worker's
 * message queue keeps order: a change whose promise resolved is in the next query's answer.
 * Source titles and kind labels travel as small tables when they differ from what was sent.
 * Writes by another process (the CLI while the app runs) are seen at the next start, when the
 * persisted index is checked claim by claim against the store.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SearchOptions, SearchPage } from '../../core/api.ts';
import { librarySummaries } from '../export/export-context.ts';
import type { LibraryContext } from '../library/context.ts';
import { readSettings } from '../library/settings.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { OpenReport } from './search-index.ts';

/** The host's search. */
export interface SearchService {
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Compaction and saving now, resolved when done, and the warm-up after opening finished (tests, the bench, before quitting). */
  flush(): Promise<void>;
  /** How the index was opened (starts the worker if needed). */
  ready(): Promise<OpenReport>;
  close(): void;
}

const TRIGGERS = `
CREATE TEMP TABLE IF NOT EXISTS search_dirty (kind TEXT NOT NULL, id TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS search_claim_ins AFTER INSERT ON main.claims BEGIN INSERT INTO search_dirty VALUES ('c', NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_claim_upd AFTER UPDATE ON main.claims BEGIN INSERT INTO search_dirty VALUES ('c', NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_claim_del AFTER DELETE ON main.claims BEGIN INSERT INTO search_dirty VALUES ('c', OLD.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_tag_ins AFTER INSERT ON main.claim_entities BEGIN INSERT INTO search_dirty VALUES ('c', NEW.claim_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_tag_upd AFTER UPDATE ON main.claim_entities BEGIN INSERT INTO search_dirty VALUES ('c', NEW.claim_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_tag_del AFTER DELETE ON main.claim_entities BEGIN INSERT INTO search_dirty VALUES ('c', OLD.claim_id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_entity_ins AFTER INSERT ON main.entities BEGIN INSERT INTO search_dirty VALUES ('e', NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_entity_upd AFTER UPDATE ON main.entities BEGIN INSERT INTO search_dirty VALUES ('e', NEW.id); END;
CREATE TEMP TRIGGER IF NOT EXISTS search_entity_del AFTER DELETE ON main.entities BEGIN INSERT INTO search_dirty VALUES ('e', OLD.id); END;
`;

/** Where the worker's code is: beside this file in the sources; dist/search/worker.cjs from a bundle in dist/host/ or dist/electron/. */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('../search/worker.cjs', import.meta.url);
}

/** A service for a library; nothing starts until the first query (or `ready()`). */
export function createSearchService(ctx: LibraryContext, opts: { dataDir: string }): SearchService {
  let worker: Worker | null = null;
  let opened: Promise<OpenReport> | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let sentTitles = '';
  let sentKinds = '';
  let sentDocs = '';
  let triggersOn: DatabaseSync | null = null;
  let closed = false;

  const post = (m: ToWorker): void => { worker?.postMessage(m); };
  // Titles of every corpus's documents (the index holds the claims of all of them: `source:`
  // queries and the source order of an "All corpora" list need them). The other corpora's come
  // from the store, read again only when the open corpus's documents change (a switch, a re-read).
  let othersFor: unknown = null;
  let others: Array<[string, string]> = [];
  const titles = (): Array<[string, string]> => {
    const open = [...ctx.documents.summaries, ...ctx.documents.removed.values()];
    if (othersFor !== ctx.documents.summaries) {
      othersFor = ctx.documents.summaries;
      const known = new Set(open.map((d) => d.id));
      others = librarySummaries(ctx).filter((d) => !known.has(d.id)).map((d) => [d.id, d.title]);
    }
    return [...open.map((d): [string, string] => [d.id, d.title]), ...others];
  };
  const docIds = (): string[] => ctx.documents.summaries.map((d) => d.id);

  /** Posts what changed since the last call: claims and entities noted by the triggers, titles, kinds, documents. */
  const sync = (): void => {
    if (!worker) return;
    const db = ctx.store.db;
    if (db && db === triggersOn) {
      const rows = db.prepare('SELECT kind, id FROM temp.search_dirty').all() as Array<{ kind: string; id: string }>;
      if (rows.length) {
        db.exec('DELETE FROM temp.search_dirty');
        const claims = [...new Set(rows.filter((r) => r.kind === 'c').map((r) => r.id))];
        if (rows.some((r) => r.kind === 'e')) post({ t: 'entities' });
        if (claims.length) post({ t: 'claims', ids: claims });
      }
    }
    // The document lists are replaced, never changed in place (host/library/context.ts): the
    // same lists as at the last sync have the same titles and documents, and are not serialised
    // again (~0.2 ms of the host's thread per query with Brown's 500 documents).
    if (ctx.documents.summaries !== syncedLists[0] || ctx.documents.removed !== syncedLists[1]) {
      syncedLists = [ctx.documents.summaries, ctx.documents.removed];
      const t = titles();
      const tKey = JSON.stringify(t);
      if (tKey !== sentTitles) { sentTitles = tKey; post({ t: 'titles', titles: t }); }
      const d = docIds();
      const dKey = JSON.stringify([d, ctx.documents.summaries.map((s) => s.contentHash)]);
      if (dKey !== sentDocs) { sentDocs = dKey; post({ t: 'passages', documentIds: d }); }
    }
    // Kinds are parsed only when their stored text changed (any writer: settings, an import).
    const raw = kindsText(db);
    if (raw !== syncedKinds) {
      syncedKinds = raw;
      const kinds = readSettings(db).kinds;
      const kKey = JSON.stringify(kinds);
      if (kKey !== sentKinds) { sentKinds = kKey; post({ t: 'kinds', kinds }); }
    }
  };
  let syncedLists: [unknown, unknown] = [null, null];
  let syncedKinds: string | null | undefined;
  let kindsStatement: { db: DatabaseSync; st: StatementSync } | null = null;
  /** The stored text of the kinds setting (undefined: no store or no such row). */
  const kindsText = (db: DatabaseSync | null): string | undefined => {
    if (!db) return undefined;
    if (kindsStatement?.db !== db) kindsStatement = { db, st: db.prepare(`SELECT value FROM settings WHERE key = 'kinds'`) };
    return (kindsStatement.st.get() as { value: string } | undefined)?.value;
  };

  const start = (): Promise<OpenReport> => {
    if (opened) return opened;
    if (closed) return Promise.reject(new Error('The library is closed.'));
    const db = ctx.store.db;
    if (db) {
      try { db.exec(TRIGGERS); db.exec('DELETE FROM temp.search_dirty'); triggersOn = db; } catch { triggersOn = null; }
    }
    worker = new Worker(workerUrl());
    worker.unref();
    let isOpen = false;
    opened = new Promise<OpenReport>((resolve, reject) => {
      worker!.on('message', (m: FromWorker) => {
        if (m.t === 'opened') { isOpen = true; resolve(m.report); return; }
        if (m.t === 'failed') {
          // The index could not be opened: every search says why instead of waiting for it.
          if (m.id === null && !isOpen) { console.error(`marginalia: ${m.message}`); reject(new Error(`Search is not available: ${m.message}`)); return; }
          if (m.id === null) { console.error(`marginalia: ${m.message}`); return; }
          waiting.get(m.id)?.reject(new Error(m.message)); waiting.delete(m.id); return;
        }
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        w?.resolve(m.t === 'result' ? m.page : undefined);
      });
      worker!.on('error', (err) => { reject(err); for (const w of waiting.values()) w.reject(err); waiting.clear(); });
      const own = worker;
      worker!.on('exit', (code) => {
        const err = new Error(`Search is not available: its worker stopped (exit code ${code}).`);
        reject(err);
        for (const w of waiting.values()) w.reject(err);
        waiting.clear();
        // stopped unasked (a crash): the next search starts a new worker rather than waiting on this one
        if (!closed && worker === own) { console.error(`marginalia: ${err.message}`); worker = null; opened = null; }
      });
    });
    const t = titles();
    const d = docIds();
    const kinds = readSettings(db).kinds;
    sentTitles = JSON.stringify(t);
    sentDocs = JSON.stringify([d, ctx.documents.summaries.map((s) => s.contentHash)]);
    sentKinds = JSON.stringify(kinds);
    syncedLists = [ctx.documents.summaries, ctx.documents.removed];
    syncedKinds = kindsText(db);
    post({ t: 'open', dbPath: db ? ctx.store.state.path : null, dataDir: db ? opts.dataDir : null, titles: t, kinds, documentIds: d });
    return opened;
  };

  const call = <T>(make: (id: number) => ToWorker): Promise<T> => {
    const id = nextId++;
    const out = new Promise<T>((resolve, reject) => { waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }); });
    worker!.ref();
    out.finally(() => { if (waiting.size === 0) worker?.unref(); }).catch(() => undefined);
    post(make(id));
    return out;
  };

  const offChange = ctx.events.on('onDidChangeAnnotations', () => sync());
  const offLibrary = ctx.events.on('onDidChangeLibrary', () => sync());
  const offSettings = ctx.events.on('onDidChangeSettings', () => sync());

  return {
    search: async (query, options) => {
      await start();
      sync();
      return call<SearchPage>((id) => ({ t: 'search', id, query: String(query ?? ''), options: options && typeof options === 'object' ? options : {} }));
    },
    flush: async () => { await start(); sync(); await call<void>((id) => ({ t: 'flush', id })); },
    ready: () => start(),
    close: () => {
      closed = true;
      offChange(); offLibrary(); offSettings();
      if (worker) { post({ t: 'close' }); void worker.terminate(); worker = null; }
      for (const w of waiting.values()) w.reject(new Error('The library is closed.'));
      waiting.clear();
    },
  };
}
