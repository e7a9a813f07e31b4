/**
 * What every e2e spec needs: a real host process (`node dist/host/cli.mjs serve`, as `npm run web`
 * starts it; `entry: 'source'` runs `node host/cli.ts serve` instead) on a temporary data
 * folder, a headless Chromium, and screenshots. The host runs as a child process so a spec can
 * kill it (SIGKILL) and start another on the same data folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** The sample corpus: the repo's corpus/, else the shared fixtures beside the repo. */
export const DEFAULT_CORPUS = existsSync(join(REPO, 'corpus')) ? join(REPO, 'corpus') : join(REPO, '..', 'shared', 'corpus');
/** Where screenshots go. */
export const RESULTS_DIR = join(REPO, 'test-results');

/** Chromium flags for a quiet, offline, container-friendly headless run. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A running host. `stop()` ends it with SIGTERM and removes a data folder the harness made. */
export interface HostHandle {
  /** The printed URL, token included. */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  token: string;
  port: number;
  dataDir: string;
  corpusDir: string;
  proc: ChildProcess;
  /** Everything the host printed so far (stdout + stderr). */
  output(): string;
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): void;
}

/** Builds dist/ once per run if the renderer is not built yet. */
export function ensureBuilt(): void {
  if (existsSync(join(REPO, 'dist', 'renderer', 'index.html')) && existsSync(HOST_BUNDLE)) return;
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.ts')], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stderr}${r.stdout}`);
}

/** The built host (`npm run build`), which `npm run web` starts. */
export const HOST_BUNDLE = join(REPO, 'dist', 'host', 'cli.mjs');

const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]+)/;
/** How long a host may take to print its URL (import of the corpus included). */
const START_TIMEOUT_MS = 20_000;

/**
 * Starts `node dist/host/cli.mjs serve --no-open --port 0` (or, with `entry: 'source'`,
 * `node host/cli.ts …`) on a temp (or given) data folder.
 */
export async function startHost(opts: { corpusDir?: string; dataDir?: string; build?: boolean; entry?: 'bundle' | 'source' } = {}): Promise<HostHandle> {
  if (opts.build !== false) ensureBuilt();
  const ownData = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? await mkdtemp(join(tmpdir(), 'marginalia-e2e-'));
  const corpusDir = opts.corpusDir ?? DEFAULT_CORPUS;
  const entry = opts.entry === 'source' ? join(REPO, 'host', 'cli.ts') : HOST_BUNDLE;
  const proc = spawn(process.execPath, [entry, 'serve', '--no-open', '--port', '0', '--data', dataDir, '--corpus', corpusDir], {
    cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`The host did not print its URL within ${START_TIMEOUT_MS} ms:\n${out}`)); }, START_TIMEOUT_MS);
    const check = () => {
      const m = URL_LINE.exec(out);
      if (m) { clearTimeout(timer); proc.stdout!.off('data', check); resolve(m); }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The host exited (${code}) before printing its URL:\n${out}`)); });
  });

  return {
    url: match[0], origin: match[1]!, port: Number(match[2]), token: match[3]!, dataDir, corpusDir, proc,
    output: () => out,
    kill: (signal = 'SIGKILL') => { proc.kill(signal); },
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
      if (ownData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A headless Chromium from /usr/bin/chromium (playwright-core downloads nothing). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Saves a full-page screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A host, a headless Chromium and a page on the reader: what most e2e specs start from. */
export interface ReaderSession { host: HostHandle; browser: Browser; page: Page }

/**
 * Starts a host (`opts.host`: startHost's options), a browser and a page of `viewport` size (CSS
 * pixels, default 1360×900), opens the reader and waits until a document's text shows. Pair it
 * with `closeReaderSession` in the spec's after().
 */
export async function openReaderSession(opts: { host?: Parameters<typeof startHost>[0]; viewport?: { width: number; height: number } } = {}): Promise<ReaderSession> {
  const host = await startHost(opts.host);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1360, height: 900 } });
  await page.goto(host.url);
  await page.locator('.reader-text .para').first().waitFor();
  return { host, browser, page };
}

/** Ends what openReaderSession started; either part may be missing when before() failed early. */
export async function closeReaderSession(session: Partial<ReaderSession>): Promise<void> {
  await session.browser?.close();
  await session.host?.stop();
}
