/**
 * What is open: the library snapshot and the document in the reader. It fetches a document once,
 * builds its editor doc once (cached per content hash, so going back is instant), shows it in the
 * one reader view, and tells listeners (panels, the annotation layer) through onDid… events.
 * A slow fetch that finishes after the user moved on is dropped, never shown.
 */
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { DocumentModel, DocumentSummary, LibrarySnapshot, ReaderBridge } from '../../core/api.ts';
import { prepareDoc, type PreparedDoc, type ReaderView } from '../editor/reader-view.ts';
import type { TextMap } from '../editor/text-map.ts';
import { toProseMirror } from '../editor/to-prosemirror.ts';

/** The document on screen (shape shared with renderer/annotations/context.ts). */
export interface OpenDocument {
  model: DocumentModel;
  view: EditorView;
  textMap: TextMap;
  summary: DocumentSummary | undefined;
  prepared: PreparedDoc;
  /** The content hash of the text on screen (the library's may be newer after a re-import). */
  contentHash: string;
}

/**
 * Work that belongs to opening a document and can start as soon as its id is known (the
 * annotation layer fetches the document's claims here). It runs alongside the document's own
 * fetch; what it resolves to is applied to the new EditorState before the first draw. A step
 * that fails or resolves to null is skipped: its owner catches up after the open.
 */
export type OpenStep = (id: string) => Promise<((state: EditorState, textMap: TextMap) => EditorState) | null>;

export interface DocumentSession {
  library(): LibrarySnapshot | null;
  setLibrary(snapshot: LibrarySnapshot): void;
  current(): OpenDocument | null;
  /** Opens a document; resolves once it is on screen (or rejects with a readable message). */
  open(id: string): Promise<void>;
  /** The id of the document after (1) or before (-1) the open one in library order. */
  neighbour(dir: 1 | -1): string | null;
  onDidOpenDocument(listener: (doc: OpenDocument) => void): () => void;
  /** Adds work done alongside every open (see OpenStep); returns its removal. */
  addOpenStep(step: OpenStep): () => void;
  onDidChangeLibrary(listener: (snapshot: LibrarySnapshot) => void): () => void;
  /** How long the last open took, in ms (fetch + build + show), for the status and benchmarks. */
  lastOpenMs(): number | null;
}

/** Documents kept built in memory; each is a few MB at most for the largest texts. */
const CACHE_SIZE = 8;

/** Creates the session over the reader API and the reader view. */
export function createDocumentSession(reader: ReaderBridge, readerView: ReaderView): DocumentSession {
  let library: LibrarySnapshot | null = null;
  let current: OpenDocument | null = null;
  let seq = 0;
  let lastMs: number | null = null;
  const cache = new Map<string, { hash: string; model: DocumentModel; prepared: PreparedDoc }>();
  const openListeners = new Set<(doc: OpenDocument) => void>();
  const openSteps = new Set<OpenStep>();
  const libraryListeners = new Set<(s: LibrarySnapshot) => void>();
  const summaryOf = (id: string): DocumentSummary | undefined => library?.documents.find((d) => d.id === id);

  const load = async (id: string, phases: Record<string, number>): Promise<{ hash: string; model: DocumentModel; prepared: PreparedDoc }> => {
    // The cached text is used only for a document the library lists with the same content: a
    // document gone from the folder (or not known yet, right after a corpus switch) is asked
    // of the host, which says it is gone rather than the page showing its last text.
    const summary = summaryOf(id);
    const hash = summary?.contentHash ?? '';
    const hit = cache.get(id);
    if (hit && summary && hash && hit.hash === hash) {
      cache.delete(id); cache.set(id, hit); // most recently used last
      return hit;
    }
    let t = performance.now();
    const model = await reader.getDocument(id);
    phases.fetchMs = performance.now() - t;
    t = performance.now();
    const prepared = prepareDoc(id, toProseMirror(model));
    phases.buildMs = performance.now() - t;
    cache.set(id, { hash, model, prepared });
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return { hash, model, prepared };
  };

  return {
    library: () => library,
    setLibrary(snapshot) {
      library = snapshot;
      if (current) current = { ...current, summary: summaryOf(current.model.id) };
      for (const l of libraryListeners) l(snapshot);
    },
    current: () => current,
    async open(id) {
      const mine = ++seq;
      const started = performance.now();
      const phases: Record<string, number> = {};
      const again = current?.model.id === id;
      // The text is asked for first (the host answers in order); the steps start with it, not
      // after it; an already-open document keeps its state.
      const loading = load(id, phases);
      const stepsDone = again ? Promise.resolve([]) : Promise.all([...openSteps].map((step) => step(id).catch(() => null)))
        .then((done) => { phases.stepsMs = performance.now() - started; return done; });
      const [{ hash, model, prepared }, steps] = await Promise.all([loading, stepsDone]);
      if (mine !== seq) return; // the user asked for another document meanwhile
      if (current?.prepared === prepared) return; // already on screen: keep caret and scroll
      const shown = performance.now();
      const ready = steps.filter((s) => s !== null);
      readerView.show(prepared, ready.length ? (state) => ready.reduce((st, s) => s(st, prepared.textMap), state) : undefined);
      phases.showMs = performance.now() - shown;
      current = { model, view: readerView.view, textMap: prepared.textMap, summary: summaryOf(id), prepared, contentHash: hash };
      lastMs = performance.now() - started;
      performance.mark('document-open', { detail: { id, ms: lastMs, ...phases } });
      for (const l of openListeners) l(current);
    },
    neighbour(dir) {
      const docs = library?.documents ?? [];
      if (!docs.length) return null;
      const at = current ? docs.findIndex((d) => d.id === current!.model.id) : -1;
      if (at < 0) return docs[dir > 0 ? 0 : docs.length - 1]!.id;
      const next = docs[at + dir];
      return next ? next.id : null;
    },
    onDidOpenDocument(l) { openListeners.add(l); return () => openListeners.delete(l); },
    addOpenStep(step) { openSteps.add(step); return () => openSteps.delete(step); },
    onDidChangeLibrary(l) { libraryListeners.add(l); return () => libraryListeners.delete(l); },
    lastOpenMs: () => lastMs,
  };
}
