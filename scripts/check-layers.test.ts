import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkLayers } from './check-layers.ts';
import { stripComments } from './check-layers/strip-comments.ts';

const script = fileURLToPath(new URL('./check-layers.ts', import.meta.url));
let root: string;

/** A small tree: each file has the violations its name says, or none. */
const TREE: Record<string, string> = {
  'core/api.ts': 'export function channelFor(n: string) { return `reader:${n}`; }\n',
  'core/clean.ts': [
    '/** Splits the document into blocks; the window. Never uses ipcMain. */',
    "import type { Block } from './api.ts';",
    "const re = /['\"]reader:/; // a regex, not a channel",
    "export const say = 'document.title is not code here';",
    'export const half = (a: number) => a / 2 / 1;',
  ].join('\n'),
  'core/clean.test.ts': "import { readFile } from 'node:fs/promises';\n",
  'core/leaky.ts': [
    "import { readFileSync } from 'node:fs';",
    "import {",
    "  x,",
    "} from '../host/library.ts';",
    'export const title = () => document.title;',
    "import path from 'path';",
  ].join('\n'),
  'host/uses-electron.ts': "import { app } from 'electron';\nexport const ok = await import('../core/api.ts');\n",
  'renderer/main.ts': "import { getReader } from './transport/web-client.ts';\nimport { x } from '../host/web-host.ts';\n",
  'renderer/transport/web-client.ts': "export const path = `/api/${'reader:getLibrary'}`;\n",
  'renderer/ui/panel.ts': "const ch = 'reader:getLibrary';\n",
  'electron/menu.ts': "import { ipcMain } from 'electron';\nipcMain.on('x', () => {});\n",
  'electron/ipc.ts': "import { ipcMain } from 'electron';\nipcMain.handle('reader:x', () => 1);\nimport '../renderer/main.ts';\n",
};

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'mg-layers-'));
  for (const [file, text] of Object.entries(TREE)) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), text);
  }
});
after(() => rm(root, { recursive: true, force: true }));

test('finds each violation at its line, and nothing in clean files', async () => {
  const { files, violations } = await checkLayers(root);
  assert.equal(files, Object.keys(TREE).length);
  assert.deepEqual(violations.map((v) => `${v.file}:${v.line}`), [
    'core/leaky.ts:1', 'core/leaky.ts:4', 'core/leaky.ts:5', 'core/leaky.ts:6',
    'host/uses-electron.ts:1',
    'renderer/main.ts:2',
    'renderer/ui/panel.ts:1',
    'electron/ipc.ts:3',
    'electron/menu.ts:1', 'electron/menu.ts:2',
  ]);
  assert.match(violations.find((v) => v.file === 'core/leaky.ts' && v.line === 5)!.message, /DOM global 'document'/);
  assert.match(violations.find((v) => v.file === 'renderer/ui/panel.ts')!.message, /channelFor/);
});

test('the command lists file:line and exits 1', () => {
  const r = spawnSync(process.execPath, [script, root], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^host\/uses-electron\.ts:1: host\/ must not import the electron package/m);
});

test('the lexer keeps line numbers and tells regexes, strings and comments apart', () => {
  const src = "a = b / c; // x\nconst r = /\\/\\*not a comment/g; /* one\ntwo */ s = 'it''s';\nt = `x${ {a:1}.a }y`;";
  const { code, strings } = stripComments(src);
  assert.equal(code.split('\n').length, src.split('\n').length);
  assert.ok(code.includes('a = b / c;'));
  assert.ok(!code.includes('one') && !code.includes('two'));
  assert.ok(!code.includes('not a comment'));
  assert.ok(code.includes("'it'"), 'string kept in code');
  assert.ok(!strings.includes('it'), 'string blanked');
  assert.ok(strings.includes('{a:1}.a'), 'template expression stays code');
});
