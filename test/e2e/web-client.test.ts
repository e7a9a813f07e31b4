/**
 * The renderer's web client in a real browser against the real web host: calls, ApiErrors with
 * their codes, and pushed events. The library behind the host is a small stand-in: this spec is
 * about the transport, and the reader's own specs drive the real library.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ApiError, type ReaderBridge } from '../../core/api.ts';
import { startWebHost, type WebHost } from '../../host/web-host.ts';
import { REPO, launchBrowser } from './harness.ts';

const DOC = '004_d79f82da22736ce2.txt';
let staticDir: string;
let host: WebHost;
let browser: Browser;
let page: Page;
const listeners = new Map<string, Set<(p: unknown) => void>>();
let text = '';

const library = {
  async getAppInfo() { return { name: 'Marginalia', version: 'test', transport: 'web', dataDir: staticDir }; },
  async getDocument(id: string) {
    if (id !== DOC) throw new ApiError('not-found', `There is no document with id "${id}" in the library.`);
    return { id, iri: `urn:x:${id}`, title: text.split('\n')[0]!.trim(), blocks: [], footnotes: [] };
  },
  async importAnnotations(jsonld: string) { return { imported: JSON.parse(jsonld).items.length, summary: { exact: 1, moved: 0, fuzzy: 0, orphan: 0 }, problems: [] }; },
  on(event: string, l: (p: unknown) => void) {
    const s = listeners.get(event) ?? new Set();
    listeners.set(event, s);
    s.add(l);
    return () => s.delete(l);
  },
} as unknown as ReaderBridge;

before(async () => {
  text = await readFile(join(REPO, '..', 'shared', 'corpus', DOC), 'utf8');
  staticDir = await mkdtemp(join(tmpdir(), 'mg-client-'));
  await build({
    stdin: { contents: `import { getReader } from './renderer/transport/web-client.ts'; (globalThis as any).reader2 = getReader();`, resolveDir: REPO, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'browser', outfile: join(staticDir, 'probe.js'), logLevel: 'error',
  });
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><html><head><title>probe</title><script type="module" src="probe.js"></script></head><body></body></html>');
  host = await startWebHost({ library, port: 0, staticDir });
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(host.url);
  await page.waitForFunction('globalThis.reader2 !== undefined');
});
after(async () => {
  await browser?.close();
  await host?.close();
  await rm(staticDir, { recursive: true, force: true });
});

test('a call returns the host\'s value (the page found its token in the meta tag)', async () => {
  const title = await page.evaluate(`globalThis.reader2.getDocument(${JSON.stringify(DOC)}).then((d) => d.title)`);
  assert.equal(title, text.split('\n')[0]!.trim());
});

test('a failed call rejects with an ApiError keeping code and message', async () => {
  const err = await page.evaluate(`globalThis.reader2.getDocument('gone.txt').then(() => null, (e) => ({ name: e.name, code: e.code, message: e.message }))`);
  assert.deepEqual(err, { name: 'ApiError', code: 'not-found', message: 'There is no document with id "gone.txt" in the library.' });
});

test('arguments travel as JSON, large ones included', async () => {
  const items = Array.from({ length: 2000 }, (_, i) => ({ id: `urn:uuid:${i}`, body: text.slice(0, 200) }));
  const r = await page.evaluate(`globalThis.reader2.importAnnotations(${JSON.stringify(JSON.stringify({ items }))})`) as { imported: number };
  assert.equal(r.imported, 2000);
});

test('events pushed by the host reach subscribers, and unsubscribing stops them', async () => {
  await page.evaluate(`globalThis.got = []; globalThis.off = globalThis.reader2.on('onDidChangeAnnotations', (p) => globalThis.got.push(p.reason))`);
  // The EventSource connects asynchronously: emit until the first event lands.
  const deadline = Date.now() + 5000;
  while (((await page.evaluate('globalThis.got.length')) as number) === 0 && Date.now() < deadline) {
    for (const l of listeners.get('onDidChangeAnnotations') ?? []) l({ reason: 'first' });
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.evaluate('globalThis.got.length = 0');
  for (const l of listeners.get('onDidChangeAnnotations') ?? []) l({ reason: 'claim created' });
  await page.waitForFunction(() => (globalThis as unknown as { got: string[] }).got.length === 1);
  assert.deepEqual(await page.evaluate('globalThis.got'), ['claim created']);
  await page.evaluate('globalThis.off()');
  for (const l of listeners.get('onDidChangeAnnotations') ?? []) l({ reason: 'after off' });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await page.evaluate('globalThis.got'), ['claim created']);
});
