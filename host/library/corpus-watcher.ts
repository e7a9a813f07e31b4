/**
 * Noticing edits of the open corpus's files while the app runs (issue 10, item 14). One
 * recursive `node:fs` watch on the folder; events for source files (and sources.json) are
 * gathered for a short pause, then the library re-reads the corpus once: unchanged files are
 * recognised by their text hash and cost no re-anchoring, so only the edited ones move claims.
 * The reader follows through onDidChangeLibrary.
 */
import { watch, type FSWatcher } from 'node:fs';

/**
 * How long the folder must stay quiet before it is re-read: editors save in bursts (a temp file
 * written, renamed over the original, its metadata touched: 3–6 events within ~50 ms), and a
 * `git checkout` or a sync client touches many files in a row. 300 ms gathers a burst into one
 * re-read and still feels immediate next to the reader's own redraw.
 */
export const WATCH_DEBOUNCE_MS = 300;

/** Files whose change can change the corpus: what the importer reads (host/corpus/walk.ts). */
const RELEVANT = /(?:\.(?:txt|md|markdown|html?)|(?:^|\/)sources\.json)$/i;

/** A running watch; `close` stops it (and any re-read still waiting). */
export interface CorpusWatch { close(): void }

/** Whether a changed path (relative to the corpus folder) can change the corpus. */
export function isRelevantChange(file: string | null): boolean {
  if (file === null) return true; // the platform did not say which file: re-read to be safe
  const path = file.replace(/\\/g, '/');
  if (path.split('/').some((seg) => seg.startsWith('.') || seg === 'node_modules')) return false;
  return RELEVANT.test(path);
}

/**
 * Watch `dir` and call `onChange` once the folder has been quiet for `debounceMs` after a
 * relevant change. Never throws: a folder that cannot be watched (missing, no permission, too
 * many watches) returns a watch that does nothing, and `onError` hears why.
 */
export function watchCorpus(dir: string, onChange: () => void, opts: { debounceMs?: number; onError?: (err: Error) => void } = {}): CorpusWatch {
  const wait = opts.debounceMs ?? WATCH_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const fire = (): void => { timer = null; onChange(); };
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
      if (!isRelevantChange(file === null ? null : String(file))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, wait);
    });
    watcher.on('error', (err) => { opts.onError?.(err); });
  } catch (err) {
    opts.onError?.(err as Error);
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      watcher?.close();
      watcher = null;
    },
  };
}
