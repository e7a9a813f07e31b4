/**
 * Measurements of the reader in real Chromium against a real host process (`marginalia serve`
 * through the e2e harness). Each function takes a running browser and gives back plain numbers;
 * the pages it opens are closed before it returns, also when it fails.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHost, type HostHandle } from '../../test/e2e/harness.ts';
import {
  PROBE_SCRIPT, firstDocumentPainted, highlightCount, libraryIds, makeClaimWithKeys, openDocument, selectInParagraph, waitForQuiet,
  type NewClaimTiming, type OpenTiming,
} from './page-probe.ts';
import { epochNow } from './stats.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const window: any, document: any;

/** A page with the probe installed, in its own context (its own localStorage). */
async function probedPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PROBE_SCRIPT);
  return { context, page: await context.newPage() };
}

/** The host's address opening document `id` first. */
export function urlForDoc(host: HostHandle, id: string): string {
  return `${host.url}#${new URLSearchParams({ doc: id }).toString()}`;
}

/** One cold start: parts in ms from spawning the host. */
export interface StartTiming {
  /** Spawn → the first document's text painted in the page. */
  totalMs: number;
  /** Spawn → the host printed its address (node start, module loading, store, corpus import, listen). */
  hostReadyMs: number;
  /** Address printed → text painted (page load, API calls, document build and paint). */
  pageMs: number;
  /** Address printed → the page's DOMContentLoaded (HTML, CSS and the renderer bundle loaded and run). */
  loadedMs: number;
}

/** Pause before each cold start so Chromium's start-up of the blank page does not share the CPU with the host's. */
const SETTLE_MS = 500;

/** Something that starts a host on a fresh data folder and tells its address. */
export type HostStarter = () => Promise<{ url: string; stop(): Promise<void> }>;

/**
 * The e2e harness's host on `corpusDir` with a fresh data folder: the built one
 * (`node dist/host/cli.mjs serve`, as `npm run web` starts it) or, with `entry: 'source'`,
 * `node host/cli.ts serve`.
 */
export function harnessHost(corpusDir: string, entry: 'bundle' | 'source' = 'bundle'): HostStarter {
  return () => startHost({ corpusDir, build: false, entry });
}

/**
 * Host start to first paint: from just before the host is spawned (fresh data folder) to the
 * frame after the reader showed its first document, in a page that was already open
 * (about:blank) and loads the address the moment the host prints it — the desktop app likewise
 * has its window before the host is ready. One entry per cold start.
 */
export async function measureStartup(browser: Browser, start: HostStarter, runs: number): Promise<StartTiming[]> {
  const out: StartTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await probedPage(browser);
    let host: { stop(): Promise<void> } | null = null;
    try {
      // the window is up and idle before the host starts (its renderer process spawned)
      await page.evaluate(() => 1);
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      const t0 = epochNow();
      const started = await start();
      host = started;
      const ready = epochNow();
      await page.goto(started.url, { waitUntil: 'commit' });
      const painted = await firstDocumentPainted(page);
      const loaded: number = await page.evaluate(() => performance.timeOrigin + (performance as any).getEntriesByType('navigation')[0].domContentLoadedEventEnd);
      out.push({ totalMs: painted.paintEpoch - t0, hostReadyMs: ready - t0, pageMs: painted.paintEpoch - ready, loadedMs: loaded - ready });
    } finally {
      await context.close();
      await host?.stop();
    }
  }
  return out;
}

/** Opens the reader on `host` (document `firstId` first) and waits for it to be painted. */
export async function openReader(browser: Browser, host: HostHandle, firstId: string): Promise<{ context: BrowserContext; page: Page }> {
  const p = await probedPage(browser);
  try {
    await p.page.goto(urlForDoc(host, firstId));
    await firstDocumentPainted(p.page, 60_000);
    await waitForQuiet(p.page); // the panels' first loads are over: time the open alone
    return p;
  } catch (err) { await p.context.close(); throw err; }
}

/**
 * Opens each of `ids` in turn from the library (one page; the reader starts on `firstId`), as a
 * reader switching documents does: each click comes once the previous document's panels have
 * loaded (the page's API calls quiet), so a switch is timed alone.
 */
export async function measureOpens(browser: Browser, host: HostHandle, firstId: string, ids: readonly string[]): Promise<OpenTiming[]> {
  const { context, page } = await openReader(browser, host, firstId);
  try {
    const out: OpenTiming[] = [];
    for (const id of ids) {
      out.push(await openDocument(page, id));
      await waitForQuiet(page);
    }
    return out;
  } finally { await context.close(); }
}

/**
 * Switches between every document of the library on `host`, in library order, `rounds` times
 * over (the reader starts on the first; the first round opens each one for the first time, later
 * rounds come back to documents opened before). One timing per switch.
 */
export async function measureSwitches(browser: Browser, host: HostHandle, rounds: number): Promise<OpenTiming[]> {
  const { context, page } = await openReader(browser, host, '');
  let ids: string[];
  try { ids = await libraryIds(page); } finally { await context.close(); }
  if (ids.length < 2) throw new Error(`The library has ${ids.length} document(s): nothing to switch between.`);
  const order = Array.from({ length: rounds }, () => [...ids.slice(1), ids[0]!]).flat();
  return measureOpens(browser, host, ids[0]!, order);
}

/** Opens the long document `runs` times, each in a fresh page that starts on `shortId`. */
export async function measureLongOpen(browser: Browser, host: HostHandle, shortId: string, longId: string, runs: number): Promise<OpenTiming[]> {
  const out: OpenTiming[] = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openReader(browser, host, shortId);
    try { out.push(await openDocument(page, longId, { timeoutMs: 60_000 })); } finally { await context.close(); }
  }
  return out;
}

/** What the claims run measured. */
export interface ClaimsRun {
  opens: Array<Awaited<ReturnType<typeof openDocument>>>;
  highlights: { inDom: number; inView: number; claims: number };
  /** Page JS heap after a garbage collection, with the document and its claims open. */
  heapUsedMB: number;
  newClaims: NewClaimTiming[];
}

/**
 * The document with many claims: open it `runs` times (fresh page each, starting on `shortId`)
 * until its highlights are painted; then, in the last page, the heap, and `newClaims` claims
 * made with the keyboard on paragraphs on screen.
 */
export async function measureClaims(browser: Browser, host: HostHandle, shortId: string, longId: string, runs: number, newClaims: number): Promise<ClaimsRun> {
  const opens: ClaimsRun['opens'] = [];
  let rest: Omit<ClaimsRun, 'opens'> | null = null;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openReader(browser, host, shortId);
    try {
      opens.push(await openDocument(page, longId, { highlights: true, timeoutMs: 60_000 }));
      if (i === runs - 1) rest = await claimsInPage(page, newClaims);
    } finally { await context.close(); }
  }
  if (!rest) throw new Error('No runs.');
  return { opens, ...rest };
}

async function claimsInPage(page: Page, count: number): Promise<Omit<ClaimsRun, 'opens'>> {
  const highlights = await highlightCount(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const newClaims: NewClaimTiming[] = [];
  for (let i = 0; i < count; i++) {
    await selectInParagraph(page, i);
    newClaims.push(await makeClaimWithKeys(page));
  }
  return { highlights, heapUsedMB: heap.usedSize / 1e6, newClaims };
}

/** The renderer's main thread while the host builds the search index (issue 11: no task over 50 ms). */
export interface IndexingTasks {
  /** Long tasks (over 50 ms, the Long Tasks API's own threshold) from the first key to a second after the results showed. */
  longTasks: number[];
  /** First key → the results of the whole query shown, in ms. */
  resultsMs: number;
  /** Keys typed. */
  keys: number;
}

/**
 * Opens the reader on `host` (whose data folder has no search index file, so the host builds the
 * index meanwhile), brings the Search tab forward with Ctrl+Shift+F and types `query` key by key
 * (`keyDelayMs` apart, a typist's pace), then waits for its results. Every long task the page's
 * main thread ran meanwhile is collected with a PerformanceObserver installed before any script.
 */
export async function measureSearchWhileIndexing(browser: Browser, host: HostHandle, firstId: string, query: string, keyDelayMs = 80): Promise<IndexingTasks> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(String.raw`(() => {
      window.__longTasks = [];
      try { new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}
    })()`);
    await context.addInitScript(PROBE_SCRIPT);
    const page = await context.newPage();
    await page.goto(urlForDoc(host, firstId));
    await firstDocumentPainted(page, 60_000);
    await page.locator('.reader-text').click();
    const t0: number = await page.evaluate(() => performance.now());
    await page.keyboard.press('Control+Shift+F');
    await page.locator('.search-input').pressSequentially(query, { delay: keyDelayMs });
    await page.waitForFunction((q) => document.querySelector('.search-results')?.dataset.query === q, query, { timeout: 120_000 });
    const shown: number = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1_000);
    const tasks: Array<{ start: number; ms: number }> = await page.evaluate(() => (window as any).__longTasks);
    return { longTasks: tasks.filter((x) => x.start >= t0).map((x) => x.ms), resultsMs: shown - t0, keys: query.length };
  } finally { await context.close(); }
}
