/**
 * The Electron security checklist (electron/SECURITY.md, item by item), asserted on the bundled
 * main process and preload (dist/electron/*.cjs) under the recording stand-in for `electron`
 * (fixtures/run-electron-main.cjs): the window's web preferences, permissions, the CSP on every
 * response, navigation, redirects, new windows, webviews, external links, and what the preload
 * exposes. Items about the packaged binary (fuses) are in packaging.test.ts; the IPC sender check
 * and the app:// scheme in electron-bundle.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { READER_METHODS, channelFor } from '../../core/api.ts';
import { CONTENT_SECURITY_POLICY } from '../../host/web-host/headers.ts';
import { REPO, ensureBuilt } from './harness.ts';

interface Fired { url: string; prevented: boolean; opened: string[] }
interface Security {
  permissionRequests: Array<[string, unknown]>;
  permissionChecks: Array<[string, unknown]>;
  headers: Record<string, string[]>;
  navigate: Fired[];
  redirect: Fired[];
  windowOpen: Array<{ url: string; action: string; opened: string[] }>;
  webviewPrevented: boolean;
  preload: { globals: string[]; keys: string[]; allFunctions: boolean; listenerChannel: string; listenerArgs: unknown[][]; unknownEvent: string };
}

let userData: string;
let sec: Security;
let prefs: Record<string, unknown>;

before(async () => {
  ensureBuilt();
  userData = await mkdtemp(join(tmpdir(), 'mg-electron-sec-'));
  const channels = Object.fromEntries((['getLibrary', 'getDocument', 'openCorpus'] as const).map((m) => [m, channelFor(m)]));
  const r = spawnSync(process.execPath, [join(REPO, 'test', 'e2e', 'fixtures', 'run-electron-main.cjs'), join(REPO, 'dist', 'electron', 'main.cjs'), userData, REPO, JSON.stringify(channels)],
    { encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { security: Security; window: { options: { webPreferences: Record<string, unknown> } } };
  sec = out.security;
  prefs = out.window.options.webPreferences;
});
after(() => rm(userData, { recursive: true, force: true }));

test('2, 3, 4, 6, 8, 9, 10: no Node integration, context isolation, sandbox, web security, no insecure content, no experimental or Blink features', () => {
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker ?? false, false);
  assert.equal(prefs.nodeIntegrationInSubFrames ?? false, false);
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.allowRunningInsecureContent, false);
  assert.equal(prefs.experimentalFeatures ?? false, false);
  assert.equal(prefs.enableBlinkFeatures, undefined);
  assert.equal(prefs.webviewTag, false);
});

test('5: every permission request and check is denied', () => {
  assert.ok(sec.permissionRequests.every(([, ok]) => ok === false), JSON.stringify(sec.permissionRequests));
  assert.ok(sec.permissionChecks.every(([, ok]) => ok === false), JSON.stringify(sec.permissionChecks));
});

test('7: every response the session sees carries the strict CSP (other headers kept)', () => {
  assert.deepEqual(sec.headers['Content-Security-Policy'], [CONTENT_SECURITY_POLICY]);
  assert.match(CONTENT_SECURITY_POLICY, /^default-src 'self';/);
  // Scripts fall under default-src 'self': no script-src of their own, no eval, no remote origin.
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /script-src|unsafe-eval|https?:|\*/);
  assert.match(CONTENT_SECURITY_POLICY, /object-src 'none'/);
  assert.deepEqual(sec.headers['X-Other'], ['kept']);
});

test('11, 12, 13: navigation stays on app://marginalia; webviews never attach; redirects elsewhere are stopped', () => {
  assert.deepEqual(sec.navigate.map((n) => [n.url, n.prevented]), [
    ['app://marginalia/index.html#doc=1', false],
    ['https://example.org/page', true],
    ['javascript:alert(1)', true],
    ['file:///etc/passwd', true],
    ['app://other/index.html', true],
  ]);
  assert.deepEqual(sec.redirect.map((n) => [n.url, n.prevented]), [['app://marginalia/index.html', false], ['https://example.org/', true]]);
  assert.equal(sec.webviewPrevented, true);
});

test('14, 15: no new windows; only plain http(s) links go to the system browser', () => {
  assert.ok(sec.windowOpen.every((w) => w.action === 'deny'));
  assert.deepEqual(sec.windowOpen.map((w) => w.opened), [['https://example.org/'], [], [], []]);
  assert.deepEqual(sec.navigate.map((n) => n.opened), [[], ['https://example.org/page'], [], [], []]);
});

test('20: the preload exposes window.reader only: named functions, never ipcRenderer; listeners get the payload alone', () => {
  assert.deepEqual(sec.preload.globals, ['reader']);
  assert.deepEqual(sec.preload.keys, [...READER_METHODS, 'on'].sort());
  assert.equal(sec.preload.allFunctions, true);
  assert.equal(sec.preload.listenerChannel, channelFor('onDidRequestCommand'));
  assert.deepEqual(sec.preload.listenerArgs, [[{ command: 'find' }]], 'the IpcRendererEvent (with its sender) never reaches the page');
  assert.match(sec.preload.unknownEvent, /Unknown event/);
});
