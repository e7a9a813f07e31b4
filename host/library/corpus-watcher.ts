/**
 * Noticing edits of the open corpus's files while the app runs (issue 10, item 14). One
 * recursive `node:fs` watch on the folder; events for source files (and sources.json) are
 * gathered for a short pause, with the paths they name, then the library re-reads the corpus
 * once: only the files named, or whose size or modification time differ from the last read, are
 * parsed again (host/corpus/import-folder.ts `memory`), and only documents whose text changed
 * re-anchor their claims. New, deleted and renamed files are found by the walk as before.
 * The reader follows through onDidChangeLibrary. A missing folder is looked for until it is back.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';

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
 * What changed since the last call, as `watchCorpus` reports it: the paths the platform named
 * (relative, forward slashes), or null when it did not say (or the folder itself changed).
 */
export type ChangedPaths = ReadonlySet<string> | null;

/**
 * Watch `dir` and call `onChange` once the folder has been quiet for `debounceMs` after a
 * relevant change. The folder itself going away (a drive unplugged, the folder renamed) sends
 * no event on Linux, so it is also looked at every `pollMs`: gone or replaced, `onChange` too.
 * Never throws: a folder that cannot be watched (no permission, too many watches) returns a
 * watch that only polls, and `onError` hears why.
 */
export function watchCorpus(dir: string, onChange: (changed: ChangedPaths) => void, opts: { debounceMs?: number; pollMs?: number; onError?: (err: Error) => void } = {}): CorpusWatch {
  const wait = opts.debounceMs ?? WATCH_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  /** Paths heard since the last call; null once an event named no path. */
  let heard: Set<string> | null = new Set();
  const fire = (): void => {
    timer = null;
    const changed = heard;
    heard = new Set();
    onChange(changed);
  };
  let inode: number | null = null;
  void stat(dir).then((s) => { inode = s.ino; }, () => undefined);
  const poll: NodeJS.Timeout = setInterval(() => {
    stat(dir).then((s) => s.isDirectory() && (inode === null || s.ino === inode), () => false).then((same) => {
      if (same || timer) return;
      clearInterval(poll);
      heard = null;
      timer = setTimeout(fire, 0);
    }, () => undefined);
  }, opts.pollMs ?? MISSING_POLL_MS);
  poll.unref();
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
      const path = file === null ? null : String(file);
      if (!isRelevantChange(path)) return;
      if (path === null) heard = null; else heard?.add(path.replace(/\\/g, '/'));
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
      clearInterval(poll);
      watcher?.close();
      watcher = null;
    },
  };
}

/**
 * How often a missing corpus folder is looked for: one stat every 2 s costs nothing measurable,
 * and a drive plugged back in is noticed about as fast as a person looks back at the window.
 */
export const MISSING_POLL_MS = 2000;

/**
 * Wait for a missing folder to come back (an unplugged drive, a renamed folder renamed back):
 * `onBack` is called once when `dir` is a folder again. `fs.watch` cannot watch what is not
 * there, so this looks every `intervalMs`.
 */
export function waitForFolder(dir: string, onBack: () => void, opts: { intervalMs?: number } = {}): CorpusWatch {
  let timer: NodeJS.Timeout | null = setInterval(() => {
    stat(dir).then((s) => {
      if (!s.isDirectory() || timer === null) return;
      clearInterval(timer);
      timer = null;
      onBack();
    }, () => undefined);
  }, opts.intervalMs ?? MISSING_POLL_MS);
  timer.unref();
  return { close() { if (timer) clearInterval(timer); timer = null; } };
}
