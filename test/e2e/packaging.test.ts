/**
 * Packaging (`npm run dist`'s configuration, electron-builder.yml) without the internet:
 * electron-builder's API builds the `dir` target for Linux (the unpacked app every Linux installer
 * is made from) with Electron's zip from a loopback stand-in mirror (fixtures/electron-mirror.ts).
 * The stand-in executable carries Electron's fuse sentinel and a fuse wire whose every fuse that
 * electron-builder.yml sets starts in the opposite state, so reading the wire back with
 * @electron/fuses shows that each one was flipped.
 *
 * What this cannot show (it needs the real binary or tools this machine cannot download): that the
 * packaged app starts and loads app.asar, the AppImage/deb/dmg/nsis installers (each downloads its
 * own tools), and the .desktop file's x-scheme-handler entry, which only the installers write.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { standInZip, startStandInMirror, type StandInMirror } from './fixtures/electron-mirror.ts';
import { REPO, ensureBuilt } from './harness.ts';

/** The arch the Linux app is packaged for (run-electron-builder.ts: arm64 on arm64, else x64). */
const ARCH = process.arch === 'arm64' ? 'arm64' : 'x64';
const VERSION = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Electron's fuse sentinel (@electron/fuses, constants.js: SENTINEL): the fuse wire follows it as
 * one version byte (1), one length byte, then one ASCII byte per fuse: '0' off, '1' on, 'r' removed.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** electron-builder.yml's `electronFuses` keys → the fuse's index in the wire (FuseV1Options). */
const FUSE_INDEX: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
  wasmTrapHandlers: FuseV1Options.WasmTrapHandlers,
};
const WIRE_LENGTH = 9;

/** The `electronFuses:` block of electron-builder.yml as { key: boolean } (flat `key: true|false` lines). */
function configuredFuses(): Record<string, boolean> {
  const yml = readFileSync(join(REPO, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+\S.*\n?)+)/m.exec(yml);
  assert.ok(block, 'electron-builder.yml has an electronFuses block');
  return Object.fromEntries(block[1]!.trim().split('\n').map((line) => {
    const m = /^\s*(\w+):\s*(true|false)\s*$/.exec(line);
    assert.ok(m, `fuse line "${line}"`);
    return [m[1]!, m[2] === 'true'];
  }));
}

let work: string;
let mirror: StandInMirror;
let appDir: string;
let wanted: Record<string, boolean>;
let builderOutput = '';

/** electron-builder's Linux targets are built on Linux and macOS (CI is Linux); Windows skips. */
const SKIP = process.platform === 'win32';

before(async () => {
  if (SKIP) return;
  ensureBuilt();
  wanted = configuredFuses();
  // Every configured fuse starts opposite to what the config wants; the others start '1'.
  const wire = Array.from({ length: WIRE_LENGTH }, () => '1');
  for (const [key, on] of Object.entries(wanted)) {
    assert.ok(key in FUSE_INDEX, `unknown fuse ${key} in electron-builder.yml`);
    wire[FUSE_INDEX[key]!] = on ? '0' : '1';
  }
  const executable = `#!/bin/sh\n# Stand-in Electron executable with a fuse wire\nexit 0\n# ${FUSE_SENTINEL}\x01${String.fromCharCode(WIRE_LENGTH)}${wire.join('')}\n`;
  const zip = standInZip(VERSION, {
    'resources/default_app.asar': 'stand-in', LICENSE: 'MIT (stand-in)', 'LICENSES.chromium.html': '<p>stand-in</p>', 'chrome-sandbox': 'stand-in',
  }, executable, 'linux');
  mirror = await startStandInMirror(VERSION, zip, { platform: 'linux', arch: ARCH });
  work = mkdtempSync(join(tmpdir(), 'mg-packaging-'));
  const overrides = {
    directories: { output: join(work, 'release') },
    electronDownload: { mirror: mirror.url, cache: join(work, 'electron-cache') },
  };
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/electron|^npm_/i.test(k)));
  const child = spawn(process.execPath, [join(REPO, 'test', 'e2e', 'fixtures', 'run-electron-builder.ts'), REPO, 'dir', JSON.stringify(overrides)], {
    cwd: REPO, env: { ...clean, ELECTRON_BUILDER_CACHE: join(work, 'builder-cache'), CI: '1' }, timeout: 240_000,
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => { builderOutput += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { builderOutput += d; });
  const [code] = await once(child, 'close') as [number | null];
  assert.equal(code, 0, builderOutput);
  appDir = join(work, 'release', readdirSync(join(work, 'release')).find((d) => d.startsWith('linux') && d.endsWith('unpacked'))!);
});
after(async () => {
  await mirror?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('electron-builder fetched Electron from the mirror and checked it against the mirror\'s SHASUMS256.txt', { skip: SKIP }, () => {
  assert.deepEqual(mirror.requests, [`GET /v${VERSION}/${mirror.zipName}`, `GET /v${VERSION}/SHASUMS256.txt`]);
  assert.ok(statSync(join(appDir, 'marginalia')).mode & 0o100, 'the executable is named after the app and executable');
});

test('app.asar holds dist/ (no source maps) and package.json, nothing else', { skip: SKIP }, () => {
  const entries = listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((p) => p.replace(/\\/g, '/'));
  assert.deepEqual(entries.filter((p) => p.split('/').length === 2).sort(), ['/dist', '/package.json']);
  assert.deepEqual(entries.filter((p) => p.endsWith('.map') || p.includes('node_modules') || p.endsWith('.ts')), []);
  for (const f of ['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/dist/renderer/main.js']) {
    assert.ok(entries.includes(f), `${f} is packaged`);
  }
  assert.deepEqual(readdirSync(join(appDir, 'resources')).sort(), ['app.asar', 'corpus'], 'no default_app.asar, no loose app folder');
});

test('the sample corpus sits in resources/corpus, file for file', { skip: SKIP }, () => {
  assert.deepEqual(readdirSync(join(appDir, 'resources', 'corpus')).sort(), readdirSync(join(REPO, 'corpus')).sort());
});

test('every fuse electron-builder.yml lists was flipped in the executable', { skip: SKIP }, async () => {
  const wire = await getCurrentFuseWire(join(appDir, 'marginalia'));
  for (const [key, on] of Object.entries(wanted)) {
    assert.equal(String.fromCharCode(wire[FUSE_INDEX[key]!]!), on ? '1' : '0', `${key}: ${on}`);
  }
  assert.ok(Object.keys(wanted).length >= 7, 'runAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, asar only, file:// privileges');
});
