/**
 * The search worker (node:worker_threads): owns the library's one SearchIndex, so indexing,
 * loading, compaction and queries never run on Electron's main thread or the web host's event
 * loop. Messages (protocol.ts) are handled in order; compaction runs in slices between them,
 * started after `IDLE_MS` without changes.
 */
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol.ts';
import { SearchIndex } from './search-index.ts';
import { lowerThreadPriority } from '../background-thread.ts';

/** Quiet time after the last change before compaction and saving are considered, in ms. */
const IDLE_MS = 2_000;

// node:sqlite's "experimental feature" notice is not news to the person running the app or the CLI.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name === 'ExperimentalWarning' && /\bSQLite\b/i.test(w.message)) return;
  process.stderr.write(`(node:${process.pid}) ${w.name}: ${w.message}\n`);
});

const port = parentPort;
if (!port) throw new Error('host/search/worker.ts runs as a worker thread only.');
// Building the index must not hold up the reader opening a document meanwhile (host/background-thread.ts).
lowerThreadPriority();

let index: SearchIndex | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let maintaining = false;

const send = (m: FromWorker): void => port.postMessage(m);
const pause = (): Promise<void> => new Promise((r) => setImmediate(r));

function scheduleMaintenance(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => { void maintain(true); }, IDLE_MS);
  idleTimer.unref?.();
}

/** Slice of passage indexing between two requests, in ms (a request waits at most this long behind it). */
const PASSAGE_SLICE_MS = 15;
let pumping = false;
/** Indexes pending passages in slices, letting requests in between (a passage search finishes the work itself). */
function pumpPassages(): void {
  if (pumping) return;
  pumping = true;
  const step = (): void => {
    try {
      if (index?.buildPassages(PASSAGE_SLICE_MS)) { setImmediate(step); return; }
    } catch (err) {
      send({ t: 'failed', id: null, message: `Passage indexing failed: ${(err as Error).message}` });
    }
    pumping = false;
  };
  setImmediate(step);
}

/** Times the warm-up queries are run (enough for V8 to compile the query path: see `SearchIndex.warmUpQueries`). */
const WARM_UP_ROUNDS = 2;
/** A warm-up query runs only this long after the last request, in ms (a person typing is not kept waiting behind one). */
const WARM_UP_QUIET_MS = 30;
/** When the last request came (performance.now()), and whether a warm-up is under way. */
let lastRequest = 0;
let warming = false;
/**
 * Runs the index's warm-up queries one at a time, each once no request came for
 * `WARM_UP_QUIET_MS`, then `done`. Stops if another index was opened meanwhile.
 */
function warmUp(target: SearchIndex, done: () => void): void {
  let queries: string[] = [];
  try { queries = target.warmUpQueries(); } catch { /* an odd store: no warm-up */ }
  const all = Array.from({ length: WARM_UP_ROUNDS }, () => queries).flat();
  let next = 0;
  warming = true;
  const step = (): void => {
    if (index !== target) { warming = false; return; }
    const quietFor = performance.now() - lastRequest;
    if (quietFor < WARM_UP_QUIET_MS) { setTimeout(step, WARM_UP_QUIET_MS - quietFor); return; }
    if (next < all.length) {
      try { target.search(all[next++]!, { limit: 20 }); } catch { /* search never throws; a warm-up never fails the worker */ }
      setImmediate(step);
      return;
    }
    warming = false;
    done();
  };
  setImmediate(step);
}

async function maintain(idle: boolean): Promise<void> {
  if (!index || maintaining) return;
  maintaining = true;
  try {
    index.idle = idle;
    await index.maintain(pause);
    if (idle) await index.refreshTagsInSteps(pause);
  } catch (err) {
    send({ t: 'failed', id: null, message: `Search index maintenance failed: ${(err as Error).message}` });
  } finally { maintaining = false; }
}

port.on('message', (m: ToWorker) => {
  try {
    switch (m.t) {
      case 'open': {
        index?.close();
        index = new SearchIndex({ dbPath: m.dbPath, dataDir: m.dataDir });
        index.setKinds(m.kinds);
        index.setTitles(m.titles);
        const report = index.open();
        index.setPassages(m.documentIds);
        send({ t: 'opened', report });
        warmUp(index, () => pumpPassages());
        if (index.claims.needsCompaction() || report.patched > 0) scheduleMaintenance();
        return;
      }
      case 'claims': index?.update(m.ids); if (index?.claims.needsCompaction()) void maintain(false); else scheduleMaintenance(); return;
      case 'entities': index?.refreshEntities(); return;
      case 'titles': index?.setTitles(m.titles); return;
      case 'kinds': index?.setKinds(m.kinds); return;
      case 'passages': index?.setPassages(m.documentIds); pumpPassages(); return;
      case 'search': {
        lastRequest = performance.now();
        const page = index ? index.search(m.query, m.options) : { scope: m.options.scope ?? 'claims', total: 0, indexed: 0, offset: 0, hits: [], wanted: 0, message: 'The search index is not open.' };
        send({ t: 'result', id: m.id, page: page as never });
        return;
      }
      case 'flush': {
        clearTimeout(idleTimer);
        const run = async (): Promise<void> => {
          while (maintaining || warming) await pause();
          if (index) { index.idle = true; await index.maintain(pause); }
          send({ t: 'done', id: m.id });
        };
        void run();
        return;
      }
      case 'close': clearTimeout(idleTimer); index?.close(); index = null; port.close(); return;
    }
  } catch (err) {
    send({ t: 'failed', id: 'id' in m ? (m as { id: number }).id : null, message: (err as Error).message });
  }
});
