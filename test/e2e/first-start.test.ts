/**
 * A new user's first `npm start`, without the internet: a loopback server plays Electron's release
 * mirror (fixtures/electron-mirror.ts) and serves a stand-in zip whose "binary" records its
 * arguments. `node scripts/start.ts` (what `npm start` runs) must run Electron's own installer
 * once (download, checksum check against the mirror's SHASUMS256.txt, extraction, path.txt), then
 * launch the binary with the app's folder; offline, or with ELECTRON_SKIP_BINARY_DOWNLOAD, it must
 * say why in one line and point to `npm run web`.
 *
 * The build step is skipped (MARGINALIA_SKIP_BUILD): `npm test` builds on its own, and this spec is
 * about the binary. Everything happens in a COPY of node_modules/electron in a temp folder (MARGINALIA_ELECTRON_DIR),
 * so the real one, which other tests and people use, is never touched.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { executableInZip, standInZip, startStandInMirror, type StandInMirror } from './fixtures/electron-mirror.ts';
import { REPO } from './harness.ts';

const REAL_ELECTRON = join(REPO, 'node_modules', 'electron');
const VERSION = (JSON.parse(readFileSync(join(REAL_ELECTRON, 'package.json'), 'utf8')) as { version: string }).version;
const POSIX = process.platform !== 'win32'; // the stand-in binary is a shell script

let work: string;
before(() => { work = mkdtempSync(join(tmpdir(), 'mg-first-start-')); });
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * A fresh copy of the electron package, as `npm install` leaves it (no dist/, no path.txt), with
 * its dependencies reachable through symlinks to the real ones (read-only use).
 */
function electronCopy(name: string): string {
  const modules = join(work, name, 'node_modules');
  const dir = join(modules, 'electron');
  cpSync(REAL_ELECTRON, dir, { recursive: true, filter: (src) => !/[\\/](dist|path\.txt)$/.test(src) });
  for (const scope of ['@electron', '@electron-internal']) symlinkSync(join(REPO, 'node_modules', scope), join(modules, scope), 'junction');
  return dir;
}

/**
 * Runs `node scripts/start.ts` against an electron copy (asynchronously: the mirror answers from
 * this process); the env keeps none of the caller's Electron settings.
 */
async function npmStart(electronDir: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string; record: string }> {
  const record = join(work, `record-${Math.random().toString(36).slice(2)}.txt`);
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron/i.test(k)));
  const child = spawn(process.execPath, [join(REPO, 'scripts', 'start.ts'), '--from-test'], {
    cwd: REPO, timeout: 120_000,
    env: { ...clean, MARGINALIA_ELECTRON_DIR: electronDir, MARGINALIA_STANDIN_RECORD: record, MARGINALIA_SKIP_BUILD: '1', ELECTRON_GET_NO_PROGRESS: '1', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const [status] = await once(child, 'close') as [number | null];
  return { status, stdout, stderr, record: existsSync(record) ? readFileSync(record, 'utf8') : '' };
}

test('first start: Electron\'s installer fetches the zip from the mirror, checks it, extracts it, writes path.txt; the binary is launched with the app; later starts download nothing, a reinstall comes from the cache', { skip: !POSIX }, async () => {
  const mirror: StandInMirror = await startStandInMirror(VERSION, standInZip(VERSION));
  try {
    const electronDir = electronCopy('ok');
    const cache = join(work, 'cache-ok');
    const env = { ELECTRON_MIRROR: mirror.url, electron_config_cache: cache, electron_use_remote_checksums: '1' };
    const first = await npmStart(electronDir, env);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, new RegExp(`First start: downloading Electron ${VERSION.replace(/\./g, '\\.')}`));
    assert.deepEqual(mirror.requests, [
      `HEAD /v${VERSION}/${mirror.zipName}`, // the reachability check
      `GET /v${VERSION}/${mirror.zipName}`, // Electron's installer…
      `GET /v${VERSION}/SHASUMS256.txt`, // …and its checksum check against the mirror's list
    ]);
    assert.equal(readFileSync(join(electronDir, 'path.txt'), 'utf8'), executableInZip());
    const binary = join(electronDir, 'dist', executableInZip());
    assert.ok(statSync(binary).mode & 0o100, 'the extracted binary is executable');
    assert.equal(readFileSync(join(electronDir, 'dist', 'version'), 'utf8'), `v${VERSION}`);
    assert.deepEqual(first.record.trimEnd().split('\n'), [REPO, '--from-test'], 'launched as `electron <app folder> <npm start arguments>`');
    assert.ok(existsSync(join(cache)), 'the zip stays in Electron\'s download cache');

    const second = await npmStart(electronDir, env);
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.doesNotMatch(second.stdout, /First start/);
    assert.equal(mirror.requests.length, 3, 'nothing more was fetched');
    assert.equal(second.record.split('\n')[0], REPO);

    // A fresh `npm install` (no dist/, no path.txt) installs from Electron's download cache: only
    // the checksum list is fetched again, not the zip.
    rmSync(join(electronDir, 'dist'), { recursive: true });
    rmSync(join(electronDir, 'path.txt'));
    const third = await npmStart(electronDir, env);
    assert.equal(third.status, 0, third.stdout + third.stderr);
    assert.match(third.stdout, /First start: installing Electron .* from Electron's download cache/);
    assert.deepEqual(mirror.requests.slice(3).filter((r) => r.includes('.zip')), [], 'the zip came from the cache');
    assert.equal(readFileSync(join(electronDir, 'path.txt'), 'utf8'), executableInZip());
    assert.equal(third.record.split('\n')[0], REPO);
  } finally {
    await mirror.close();
  }
});

test('a zip that does not match the published checksum is refused: no path.txt, nothing launched, one line to npm run web', { skip: !POSIX }, async () => {
  const mirror = await startStandInMirror(VERSION, standInZip(VERSION), { checksumOf: new TextEncoder().encode('something else') });
  try {
    const electronDir = electronCopy('bad-sum');
    const r = await npmStart(electronDir, { ELECTRON_MIRROR: mirror.url, electron_config_cache: join(work, 'cache-bad'), electron_use_remote_checksums: '1' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /checksum|sha256/i, 'Electron\'s installer says what failed');
    assert.match(r.stderr.trimEnd().split('\n').pop()!, /^Electron's installer failed \(exit code 1; its message is above\); run `npm run web`/);
    assert.equal(existsSync(join(electronDir, 'path.txt')), false);
    assert.equal(r.record, '');
  } finally {
    await mirror.close();
  }
});

test('offline: one line that says why and points to npm run web; the installer never runs', async () => {
  const electronDir = electronCopy('offline');
  // A port that was just free: nothing listens there, as with no network.
  const probe = await startStandInMirror(VERSION, standInZip(VERSION));
  const deadUrl = probe.url;
  await probe.close();
  const r = await npmStart(electronDir, { ELECTRON_MIRROR: deadUrl, electron_config_cache: join(work, 'cache-offline') });
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, /^Electron's binary is not installed and cannot be downloaded \(cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED\); run `npm run web` to use Marginalia in your browser\.$/);
  assert.equal(existsSync(join(electronDir, 'path.txt')), false);
});

test('ELECTRON_SKIP_BINARY_DOWNLOAD=1: one line, no network at all', async () => {
  const mirror = await startStandInMirror(VERSION, standInZip(VERSION));
  try {
    const r = await npmStart(electronCopy('skip'), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: mirror.url });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded; run `npm run web`/);
    assert.deepEqual(mirror.requests, []);
  } finally {
    await mirror.close();
  }
});
