/**
 * Keeps the search index in step with the library: reads claims, entities, kinds and titles from
 * the host, builds the index (core/search), and builds it again, debounced, whenever the host
 * says annotations or the library changed. While a new index is being built the previous one
 * keeps answering, so typing never waits for indexing.
 *
 * Large libraries are indexed in steps (the UI paints between batches) and the finished index
 * is cached (index-cache.ts) once the library has been quiet for a while, so the next launch
 * loads it instead of rebuilding.
 */
import type { ClaimKindDef, ReaderBridge } from '../../core/api.ts';
import {
  buildAnnotationIndex, buildAnnotationIndexInSteps, indexStamp, loadIndex, serializeIndex,
  type AnnotationIndex, type IndexInput,
} from '../../core/search/annotation-index.ts';
import { errorMessage } from '../ui/dom.ts';
import { readCachedIndex, writeCachedIndex } from './index-cache.ts';

/** How long after the last change the index is rebuilt: one rebuild for a burst of edits. */
const REBUILD_DEBOUNCE_MS = 300;
/** From this many claims the index is built in steps (below, a build takes under ~100 ms). */
const STEPPED_FROM = 400;
/** Claims indexed between two idle waits (~10 ms of work each). */
const IDLE_BATCH = 50;
/** From this many claims the index is cached (smaller ones build faster than a cache loads). */
const CACHE_FROM = 2_000;
/** Quiet time before the index is written to the cache (serialising 10,000 claims takes ~0.4 s). */
const CACHE_AFTER_MS = 20_000;

export type IndexState = { phase: 'loading' } | { phase: 'ready' } | { phase: 'error'; message: string };

export interface IndexSource {
  /** The newest finished index, or null before the first one. */
  index(): AnnotationIndex | null;
  /** The claim kinds (labels and colours), as of the last read. */
  kinds(): ClaimKindDef[];
  state(): IndexState;
  /** Called when a new index is ready or the state changes. */
  onDidChange(listener: () => void): () => void;
  /** Starts the first build if it has not started (idempotent). */
  start(): void;
  /**
   * Whether the search panel is on screen. After the first build, changes rebuild the index only
   * while it is (a rebuild over 10,000 claims is seconds of idle work and a 6 MB fetch); a hidden
   * panel marks it stale and rebuilds when shown.
   */
  setVisible(visible: boolean): void;
  dispose(): void;
}

/** Creates the source; nothing is read until `start()`. */
export function createIndexSource(reader: ReaderBridge): IndexSource {
  let current: AnnotationIndex | null = null;
  let kinds: ClaimKindDef[] = [];
  let state: IndexState = { phase: 'loading' };
  let started = false;
  let generation = 0;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let cacheTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const emit = (): void => { for (const l of [...listeners]) l(); };

  const readInput = async (): Promise<IndexInput> => {
    const [claims, entities, settings, library] = await Promise.all([
      reader.listClaims(), reader.listEntities(), reader.getSettings(), reader.getLibrary(),
    ]);
    kinds = settings.kinds;
    return { claims, entities, kinds: settings.kinds, documents: library.documents.map((d) => ({ id: d.id, title: d.title })) };
  };

  const rebuild = async (): Promise<void> => {
    const mine = ++generation;
    try {
      const input = await readInput();
      if (mine !== generation) return;
      const stamp = indexStamp(input);
      if (current?.stamp === stamp) { setState({ phase: 'ready' }); return; }
      let next: AnnotationIndex | null = null;
      if (!current && input.claims.length >= CACHE_FROM) {
        const cached = await readCachedIndex();
        const loaded = cached ? loadIndex(cached, { expectStamp: stamp }) : null;
        if (loaded?.ok) next = loaded.index;
      }
      if (!next) {
        next = input.claims.length < STEPPED_FROM ? buildAnnotationIndex(input)
          : await buildAnnotationIndexInSteps(input, { pause: nextIdle, batch: IDLE_BATCH, isCancelled: () => mine !== generation });
        if (next && input.claims.length >= CACHE_FROM) scheduleCache();
      }
      if (!next || mine !== generation) return;
      current = next;
      setState({ phase: 'ready' });
    } catch (err) {
      if (mine !== generation) return;
      setState({ phase: 'error', message: `Could not index the claims for search: ${errorMessage(err)}` });
    }
  };

  const setState = (s: IndexState): void => { state = s; emit(); };
  const scheduleCache = (): void => {
    clearTimeout(cacheTimer);
    cacheTimer = setTimeout(() => {
      const idx = current;
      if (!idx) return;
      const write = (): void => { if (current === idx) void writeCachedIndex(serializeIndex(idx)); };
      if ('requestIdleCallback' in window) window.requestIdleCallback(write, { timeout: 10_000 }); else write();
    }, CACHE_AFTER_MS);
  };

  let visible = false;
  let stale = false;
  const changed = (): void => {
    if (!started) return;
    // hidden: remember, rebuild when shown (a build under way finishes with what it read)
    if (!visible) { stale = true; return; }
    stale = false;
    clearTimeout(debounce);
    debounce = setTimeout(() => void rebuild(), REBUILD_DEBOUNCE_MS);
  };
  const offs = [reader.on('onDidChangeAnnotations', changed), reader.on('onDidChangeLibrary', changed), reader.on('onDidChangeSettings', changed)];

  return {
    index: () => current,
    kinds: () => kinds,
    state: () => state,
    onDidChange: (l) => { listeners.add(l); return () => listeners.delete(l); },
    start: () => { if (!started) { started = true; void rebuild(); } },
    setVisible: (v) => { visible = v; if (v && stale) changed(); },
    dispose: () => { for (const off of offs) off(); clearTimeout(debounce); clearTimeout(cacheTimer); generation++; listeners.clear(); },
  };
}

/**
 * Waits for an idle moment (or a macrotask where there is no requestIdleCallback), so opening a
 * document, typing and painting always go first: a batch runs only when the page has nothing
 * else to do, and is small enough (~10 ms) not to hold up what arrives meanwhile.
 */
function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2_000 });
    else setTimeout(resolve, 0);
  });
}
