/**
 * `createCiteFormatter()`: citations and bibliographies through citeproc-js, formatted in a
 * node:worker_threads Worker so neither Electron's main process nor the renderer ever blocks on
 * it (DESIGN.md, "Heavy work has its own thread"). Building an engine takes 1–4 s for APA or
 * Chicago, a 1,000-source bibliography some seconds; the caller only awaits strings.
 *
 * The worker starts on the first request (or `warm()`), keeps the most recently used engines
 * built (two by default), and does not keep the process alive while idle. Every failure reaches
 * the caller as an `ApiError` with a message a person can read: 'bad-input' for an unknown style
 * (the message lists the known ones), a file that is not a CSL style, a cite of an item that was
 * not given; 'internal' when the worker itself failed (it is restarted on the next request).
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { ApiError, type CslItem } from '../../core/api.ts';
import type { BibEntry, CiteOutput, CiteRef } from './engine.ts';
import type { StyleInfo } from './styles.ts';
import type { CiteReply, CiteRequest, CiteWorkerData } from './worker.ts';

export type { BibEntry, CiteOutput, CiteRef, StyleInfo };

/** A formatted bibliography: entries in the style's order, each with the id of its item. */
export interface FormattedBibliography {
  /** `text` is plain text, or for 'html' one `<div class="csl-entry">…</div>` per entry. */
  entries: BibEntry[];
  /** Sources the style printed no entry for, citations with no printed form: one line each. */
  warnings: string[];
}

/** Citations and the bibliography formatted from one processor state (disambiguation agrees). */
export interface FormattedCitations {
  /** One string per cluster of `cites`, in the same order: "(Title, 2016, para. 3)". */
  citations: string[];
  /** The bibliography of every item given (cited or not), as in {@link FormattedBibliography}. */
  bibliography: BibEntry[];
  warnings: string[];
}

/**
 * Formats CSL items with CSL styles. A `style` is a built-in id — 'apa' (APA 7th),
 * 'chicago-author-date' (alias 'chicago'; Chicago 17th author-date), 'mla' (MLA 9th) — or the
 * path of a .csl file (relative paths against the working directory at creation).
 */
export interface CiteFormatter {
  /**
   * The bibliography of `items` in `style`. Entries are paired with items by the item itself
   * (never by position): a source the style prints nothing for is missing from `entries` and
   * named in `warnings`.
   */
  formatBibliography(items: CslItem[], style: string, format: CiteOutput): Promise<FormattedBibliography>;
  /**
   * In-text citations (or notes, for a note style) for `cites` — each element one citation of
   * one or more cites, e.g. `[{ id, locator: '3', label: 'paragraph' }]` → "(…, para. 3)",
   * `locator: '3–4'` → "paras. 3–4" — and the bibliography of all `items`, from ONE processor
   * state. Rejects with ApiError('bad-input') when a cite names an id not in `items`.
   */
  formatCitations(items: CslItem[], cites: CiteRef[][], style: string, format: CiteOutput): Promise<FormattedCitations>;
  /** The built-in styles, then the .csl files used since start: `{ id, title }`. */
  listStyles(): Promise<StyleInfo[]>;
  /**
   * Builds the engine for `style` now (call in idle time); resolves with the build time in ms.
   * Also the way to check a .csl file when a user adds it: rejects with ApiError('bad-input')
   * saying what is wrong with it.
   */
  warm(style: string): Promise<{ style: string; buildMs: number }>;
  /** Stops the worker. Requests still waiting reject; later requests reject too. */
  close(): Promise<void>;
}

/** Options of {@link createCiteFormatter}. */
export interface CiteFormatterOptions {
  /** Engines kept built in the worker; default 2 (each holds 100–150 MB for APA or Chicago). */
  maxEngines?: number;
  /** Folders with the build's `<style>.json` files; default {@link defaultStylesDirs}. */
  stylesDirs?: string[];
  /** A style to build as soon as the worker starts (e.g. 'apa' at host start); default none. */
  warm?: string;
  /** The worker script; default worker.ts beside this file, or dist/cite/worker.cjs in a bundle. */
  workerUrl?: URL;
  /** Directory relative .csl paths are resolved against; default process.cwd(). */
  cwd?: string;
}

/** A request without its sequence number (Omit applied to each member of the union). */
type RequestBody = CiteRequest extends infer R ? (R extends unknown ? Omit<R, 'seq'> : never) : never;

/** Engines kept by default: the style in use and one more (issue 6: "keep one or two engines"). */
export const DEFAULT_MAX_ENGINES = 2;

/** True when this module runs from its .ts source rather than from an esbuild bundle in dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** Where the worker script is: beside this file from sources; dist/cite/ from a bundle (dist/host/, dist/electron/). */
export function defaultWorkerUrl(): URL {
  return FROM_SOURCE ? new URL('./worker.ts', import.meta.url) : new URL('../cite/worker.cjs', import.meta.url);
}

/**
 * Folders of shipped styles the worker reads before node_modules: in a bundle, dist/cite/styles
 * (what the build wrote; the packaged app has no node_modules). From the .ts sources, none: the
 * styles come straight from node_modules with the current style fixes, never from a dist/ copy
 * an older build left.
 */
export function defaultStylesDirs(): string[] {
  return FROM_SOURCE ? [] : [fileURLToPath(new URL('../cite/styles/', import.meta.url))];
}

/** Starts nothing yet: the worker comes up on the first request (or at once with `opts.warm`). */
export function createCiteFormatter(opts: CiteFormatterOptions = {}): CiteFormatter {
  const data: CiteWorkerData = {
    stylesDirs: opts.stylesDirs ?? defaultStylesDirs(),
    maxEngines: opts.maxEngines ?? DEFAULT_MAX_ENGINES,
    cwd: opts.cwd ?? process.cwd(),
  };
  const workerUrl = opts.workerUrl ?? defaultWorkerUrl();
  let worker: Worker | null = null;
  let closed = false;
  let seq = 0;
  /** Requests waiting for an answer, with the worker that has them. */
  const pending = new Map<number, { worker: Worker; resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /** Rejects the requests that `w` had (every request when `w` is null). */
  const failAll = (w: Worker | null, message: string): void => {
    for (const [id, p] of pending) {
      if (w && p.worker !== w) continue;
      pending.delete(id);
      p.reject(new ApiError('internal', message));
    }
  };
  const hasPending = (w: Worker): boolean => [...pending.values()].some((p) => p.worker === w);

  const start = (): Worker => {
    const w = new Worker(workerUrl, { workerData: data });
    w.unref();
    w.on('message', (reply: CiteReply) => {
      const p = pending.get(reply.seq);
      if (!p) return;
      pending.delete(reply.seq);
      if (!hasPending(w)) w.unref();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new ApiError(reply.error.code, reply.error.message));
    });
    w.on('error', (err: NodeJS.ErrnoException) => {
      if (worker === w) worker = null;
      const missing = (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND') && err.message.includes(fileURLToPath(workerUrl).split(/[\\/]/).pop()!);
      failAll(w, missing
        ? `The citation formatter's worker script is missing (${fileURLToPath(workerUrl)}): run npm run build.`
        : `The citation formatter stopped: ${err.message}. It restarts on the next request.`);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      failAll(w, `The citation formatter stopped (exit code ${code}). It restarts on the next request.`);
    });
    return w;
  };

  const call = <T>(req: RequestBody): Promise<T> => {
    if (closed) return Promise.reject(new ApiError('internal', 'The citation formatter was closed.'));
    worker ??= start();
    const w = worker;
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { worker: w, resolve: resolve as (v: unknown) => void, reject });
      w.ref();
      try {
        w.postMessage({ ...req, seq: id });
      } catch (err) {
        pending.delete(id);
        if (!hasPending(w)) w.unref();
        reject(new ApiError('bad-input', `The sources cannot be sent to the citation formatter: ${(err as Error).message}`));
      }
    });
  };

  const check = (format: unknown): CiteOutput => {
    if (format !== 'html' && format !== 'text') throw new ApiError('bad-input', `Unknown output "${String(format)}": use "html" or "text".`);
    return format;
  };

  const formatter: CiteFormatter = {
    async formatBibliography(items, style, format) {
      return call<FormattedBibliography>({ op: 'bibliography', items, style, output: check(format) });
    },
    async formatCitations(items, cites, style, format) {
      return call<FormattedCitations>({ op: 'citations', items, cites, style, output: check(format) });
    },
    listStyles: () => call<StyleInfo[]>({ op: 'styles' }),
    warm: (style) => call<{ style: string; buildMs: number }>({ op: 'warm', style }),
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      failAll(null, 'The citation formatter was closed.');
      if (w) await w.terminate();
    },
  };
  // Warming is best effort: a failure shows again, with its message, on the first real request.
  if (opts.warm) formatter.warm(opts.warm).catch(() => {});
  return formatter;
}
