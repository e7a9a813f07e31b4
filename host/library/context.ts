/**
 * What every part of the library shares: the store (or why there is none), the documents of the
 * corpus in memory, and the event emitter. Parts take a context rather than reaching for globals.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type DocumentSummary, type ImportProblem, type ReanchorChange, type ReaderEventName, type ReaderEvents } from '../../core/api.ts';
import type { OpenedStore } from '../store/open-store.ts';
import { listStoredDocuments, readDocumentModel } from '../store/documents-repo.ts';
import { loadDocument, type LoadedDocument } from './loaded-document.ts';

/** The corpus as the library knows it: present documents, tombstones, skipped files. */
export class DocumentSet {
  /** Present documents in library order. */
  summaries: DocumentSummary[] = [];
  /** Documents gone from the corpus whose rows (and claims) remain: id → summary. */
  removed = new Map<string, DocumentSummary>();
  problems: ImportProblem[] = [];
  readonly #loaded = new Map<string, LoadedDocument>();
  readonly #db: () => DatabaseSync | null;

  constructor(db: () => DatabaseSync | null) { this.#db = db; }

  /**
   * Turns summaries as imported (sources.json's CSL item) into the ones the library shows: the
   * user's source edits on top (host/library/sources.ts installs it; it must accept its own
   * output again). Identity until installed.
   */
  overlay: (summaries: DocumentSummary[]) => DocumentSummary[] = (s) => s;

  /** Replace the whole set (after an import). */
  replace(docs: LoadedDocument[], removed: DocumentSummary[], problems: ImportProblem[]): void {
    this.summaries = this.overlay(docs.map((d) => d.summary));
    this.removed = new Map(this.overlay(removed).map((s) => [s.id, s]));
    this.problems = problems;
    this.#loaded.clear();
    docs.forEach((d, i) => this.#loaded.set(d.summary.id, { ...d, summary: this.summaries[i]! }));
  }

  /** Lay the overlay again (a source edit, undo or redo changed what it gives). */
  reapplyOverlay(): void {
    this.summaries = this.overlay(this.summaries);
    this.removed = new Map(this.overlay([...this.removed.values()]).map((s) => [s.id, s]));
    const byId = new Map(this.summaries.map((s) => [s.id, s]));
    for (const [id, d] of this.#loaded) {
      const summary = byId.get(id);
      if (summary) this.#loaded.set(id, { ...d, summary }); else this.#loaded.delete(id);
    }
  }

  /** Fill from the store's rows (models load on first use); `only`: the document ids of one corpus. */
  loadFromStore(problems: ImportProblem[], only?: Set<string>): void {
    const db = this.#db();
    if (!db) return;
    const rows = listStoredDocuments(db).filter((r) => !only || only.has(r.summary.id));
    this.summaries = this.overlay(rows.filter((r) => !r.removed).map((r) => r.summary));
    this.removed = new Map(this.overlay(rows.filter((r) => r.removed).map((r) => r.summary)).map((s) => [s.id, s]));
    this.problems = problems;
    this.#loaded.clear();
  }

  /** The summary of a present document. */
  summary(id: string): DocumentSummary | undefined {
    return this.summaries.find((s) => s.id === id);
  }

  /** A present document with its plain text, from memory or the store; null if unknown or gone. */
  get(id: string): LoadedDocument | null {
    const hit = this.#loaded.get(id);
    if (hit) return hit;
    const summary = this.summary(id);
    const db = this.#db();
    if (!summary || !db) return null;
    const model = readDocumentModel(db, id);
    if (!model) return null;
    const doc = loadDocument(summary, model);
    this.#loaded.set(id, doc);
    return doc;
  }

  /** Every present document, loaded. */
  all(): LoadedDocument[] {
    return this.summaries.flatMap((s) => { const d = this.get(s.id); return d ? [d] : []; });
  }
}

type Listener<E extends ReaderEventName> = (payload: ReaderEvents[E]) => void;

/** Typed event emitter for ReaderEvents; a failing listener does not stop the others. */
export class Emitter {
  readonly #listeners = new Map<ReaderEventName, Set<(payload: never) => void>>();

  on<E extends ReaderEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.#listeners.get(event);
    if (!set) { set = new Set(); this.#listeners.set(event, set); }
    set.add(listener as (payload: never) => void);
    return () => { set.delete(listener as (payload: never) => void); };
  }

  emit<E extends ReaderEventName>(event: E, payload: ReaderEvents[E]): void {
    for (const l of [...(this.#listeners.get(event) ?? [])]) {
      try { (l as Listener<E>)(payload); } catch (err) { console.error(`marginalia: ${event} listener failed:`, err); }
    }
  }
}

/** Shared state of one library. */
export interface LibraryContext {
  store: OpenedStore;
  documents: DocumentSet;
  events: Emitter;
  corpusDir: string | null;
  /** The open corpus's id in the store (null: none, or no store). */
  corpusId: string | null;
  /** The open corpus's folder cannot be found: its documents come from the store, read-only on disk. */
  corpusMissing: boolean;
  /**
   * Where the store had each claim before this run of the app moved it (a start-up pass
   * included), until `reanchor` reports it (issue 10, item 3). Claim id → its earlier place.
   */
  unreported: Map<string, ReanchorChange>;
}

/** The store's database, or the reason every change is refused. */
export function writableDb(ctx: LibraryContext): DatabaseSync {
  if (ctx.store.db) return ctx.store.db;
  throw new ApiError('store-unavailable', `Changes cannot be saved: ${ctx.store.state.ok ? 'the library is closed.' : ctx.store.state.reason}`);
}
