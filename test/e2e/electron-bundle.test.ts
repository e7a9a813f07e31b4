/**
 * The bundled desktop main process (dist/electron/main.cjs) without an Electron binary: it runs
 * in Node with a recording stand-in for the `electron` module (fixtures/run-electron-main.cjs).
 * This checks what does not need Chromium: the window's security settings, one IPC handler per
 * ReaderApi method, the sender-frame check, errors as values, the app:// file server and its CSP,
 * menu commands and host events reaching the window, on the sample corpus.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { READER_METHODS, channelFor } from '../../core/api.ts';
import { REPO, ensureBuilt } from './harness.ts';

interface Outcome {
  scheme: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  window: { options: { webPreferences: Record<string, unknown> }; url: string };
  channels: string[];
  library: { documents: number; corpusDir: string };
  missingDocument: unknown; foreignFrame: { ok: boolean; error: { code: string } }; childFrame: { ok: boolean }; noFrame: { ok: boolean };
  page: { status: number; csp: string; body: string };
  traversal: number;
  sent: Array<{ channel: string; command?: string }>;
}

let userData: string;
let outcome: Outcome;

before(async () => {
  ensureBuilt();
  userData = await mkdtemp(join(tmpdir(), 'mg-electron-'));
  const channels = Object.fromEntries((['getLibrary', 'getDocument', 'openCorpus'] as const).map((m) => [m, channelFor(m)]));
  const fixture = join(REPO, 'test', 'e2e', 'fixtures', 'run-electron-main.cjs');
  const r = spawnSync(process.execPath, [fixture, join(REPO, 'dist', 'electron', 'main.cjs'), userData, REPO, JSON.stringify(channels)], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  outcome = JSON.parse(r.stdout.trim().split('\n').pop()!) as Outcome;
});
after(() => rm(userData, { recursive: true, force: true }));

test('the window is locked down and loads the renderer from app://marginalia', () => {
  const prefs = outcome.window.options.webPreferences;
  assert.deepEqual({ contextIsolation: prefs.contextIsolation, sandbox: prefs.sandbox, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity, webviewTag: prefs.webviewTag },
    { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  assert.equal(prefs.preload, join(REPO, 'dist', 'electron', 'preload.cjs'));
  assert.equal(outcome.window.url, 'app://marginalia/index.html');
  assert.deepEqual(outcome.scheme.map((s) => [s.scheme, s.privileges.standard, s.privileges.secure]), [['app', true, true]]);
});

test('one IPC handler per ReaderApi method, named by channelFor, and the bundled corpus opened', async () => {
  assert.deepEqual(outcome.channels, READER_METHODS.map((m) => channelFor(m)).sort());
  const texts = (await readdir(join(REPO, 'corpus'))).filter((f) => f.endsWith('.txt')); // README.md is not a source
  assert.deepEqual(outcome.library, { documents: texts.length, corpusDir: join(REPO, 'corpus') });
});

test('calls from another page, a child frame or a destroyed frame are refused', () => {
  assert.equal(outcome.foreignFrame.ok, false);
  assert.equal(outcome.foreignFrame.error.code, 'bad-input');
  assert.equal(outcome.childFrame.ok, false);
  assert.equal(outcome.noFrame.ok, false);
});

test('a host error crosses as a value with its code and readable message', () => {
  assert.deepEqual(outcome.missingDocument, { ok: false, error: { code: 'not-found', message: 'There is no document with id "no-such-doc" in the library.' } });
});

test('app:// serves the built renderer with the CSP and refuses traversal', () => {
  assert.equal(outcome.page.status, 200);
  assert.match(outcome.page.csp, /^default-src 'self'; .*object-src 'none'; base-uri 'none'; frame-ancestors 'none'/);
  assert.match(outcome.page.body, /^<!doctype html>/i);
  assert.equal(outcome.traversal, 403);
});

test('menu commands and host events reach the window on their channels', () => {
  assert.deepEqual(outcome.sent.filter((s) => s.channel === channelFor('onDidRequestCommand')).map((s) => s.command), ['find', 'theme:dark']);
  assert.ok(outcome.sent.some((s) => s.channel === channelFor('onDidChangeLibrary')), 'opening a corpus tells the window');
});
