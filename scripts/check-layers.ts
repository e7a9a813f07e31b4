/**
 * `npm run lint:layers`: enforces DESIGN.md's layer rules, so they hold by check, not by memory.
 *   core/      no node:* (tests excepted), no electron, no DOM globals, no host/renderer/electron code
 *   host/      no electron, no renderer code, no electron/ code
 *   renderer/  no host/ or electron/ code, no electron, no node:* (tests excepted)
 *   electron/  no renderer code
 *   anywhere   IPC channel literals ('reader:…') only in the transports and core/api.ts;
 *              ipcMain only in electron/ipc.ts, ipcRenderer only in electron/preload.ts
 *              (and in test/e2e/fixtures/, where a stand-in for electron defines them)
 * Comments are ignored. Prints `file:line: message` per violation and exits 1 when there are any.
 */
import { builtinModules } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripComments } from './check-layers/strip-comments.ts';

/** One broken rule at one place. */
export interface Violation { file: string; line: number; message: string }

const SCANNED = ['core', 'host', 'renderer', 'electron', 'scripts', 'test'];
const SOURCE = /\.(?:[cm]?ts|[cm]?js|tsx)$/;
const BUILTINS = new Set(builtinModules);
const LAYERS = new Set(['core', 'host', 'renderer', 'electron']);

/** Files allowed to spell channel names: the two transports, and channelFor itself. */
function mayNameChannels(file: string): boolean {
  return file === 'core/api.ts' || file === 'electron/ipc.ts' || file === 'electron/preload.ts' ||
    file === 'host/web-host.ts' || file.startsWith('host/web-host/') || file.startsWith('renderer/transport/') ||
    file.startsWith('scripts/check-layers');
}

/** Test fixtures that stand in for the `electron` module define ipcMain themselves. */
function isElectronStandIn(file: string): boolean {
  return file.startsWith('test/e2e/fixtures/');
}

type Target = 'node' | 'electron' | 'package' | 'core' | 'host' | 'renderer' | 'electron-code' | 'other';

function classify(spec: string, file: string, root: string): Target {
  if (spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!)) return 'node';
  if (spec === 'electron' || spec.startsWith('electron/')) return 'electron';
  if (!spec.startsWith('.')) return 'package';
  const top = relative(root, resolve(root, dirname(file), spec)).split(sep)[0]!;
  if (top === 'electron') return 'electron-code';
  return LAYERS.has(top) ? (top as Target) : 'other';
}

const FORBIDDEN: Readonly<Record<string, ReadonlyArray<Target>>> = {
  core: ['node', 'electron', 'host', 'renderer', 'electron-code'],
  host: ['electron', 'renderer', 'electron-code'],
  renderer: ['node', 'electron', 'host', 'electron-code'],
  electron: ['renderer'],
};

const LABEL: Readonly<Record<Target, string>> = {
  node: 'Node built-ins', electron: 'the electron package', package: 'packages', core: 'core/', host: 'host/',
  renderer: 'renderer/', 'electron-code': 'electron/', other: 'that folder',
};

const IMPORT_PATTERNS = [
  /\bfrom\s*(['"])([^'"]+)\1/g,
  /^\s*import\s*(['"])([^'"]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
];
const DOM_GLOBAL = /(?<![\w$.])(window|document|navigator|localStorage|sessionStorage)\s*[.[]/;
const CHANNEL_LITERAL = /['"`]reader:/;

/** Checks one file's text; `file` is its path relative to `root`, with forward slashes. */
export function checkSource(file: string, text: string, root: string): Violation[] {
  const layer = file.split('/')[0]!;
  const isTest = /\.test\.[cm]?ts$/.test(file);
  const out: Violation[] = [];
  const { code, strings } = stripComments(text);
  const codeLines = code.split('\n');
  const bareLines = strings.split('\n');
  codeLines.forEach((line, i) => {
    const at = { file, line: i + 1 };
    const forbidden = FORBIDDEN[layer] ?? [];
    for (const re of IMPORT_PATTERNS) {
      for (const m of line.matchAll(re)) {
        const target = classify(m[2]!, file, root);
        if (forbidden.includes(target) && !(target === 'node' && isTest)) {
          out.push({ ...at, message: `${layer}/ must not import ${LABEL[target]} ('${m[2]}')` });
        }
      }
    }
    const bare = bareLines[i] ?? '';
    if (layer === 'core') {
      const dom = DOM_GLOBAL.exec(bare);
      if (dom) out.push({ ...at, message: `core/ must not use the DOM global '${dom[1]}'` });
    }
    if (!mayNameChannels(file) && CHANNEL_LITERAL.test(line)) {
      out.push({ ...at, message: 'channel names come only from channelFor() (core/api.ts)' });
    }
    if (/\bipcMain\b/.test(bare) && file !== 'electron/ipc.ts' && !isElectronStandIn(file)) out.push({ ...at, message: 'only electron/ipc.ts may use ipcMain' });
    if (/\bipcRenderer\b/.test(bare) && file !== 'electron/preload.ts' && !isElectronStandIn(file)) out.push({ ...at, message: 'only electron/preload.ts may use ipcRenderer' });
  });
  return out;
}

/** Checks every source file under the scanned folders of `root`. */
export async function checkLayers(root: string): Promise<{ files: number; violations: Violation[] }> {
  const violations: Violation[] = [];
  let files = 0;
  for (const top of SCANNED) {
    let entries: string[];
    try { entries = await readdir(join(root, top), { recursive: true }); } catch { continue; }
    for (const entry of entries.sort()) {
      const rel = `${top}/${entry.split(sep).join('/')}`;
      if (!SOURCE.test(rel) || rel.includes('/node_modules/')) continue;
      let text: string;
      try { text = await readFile(join(root, rel), 'utf8'); } catch { continue; } // a folder named like a file
      files += 1;
      violations.push(...checkSource(rel, text, root));
    }
  }
  return { files, violations };
}

if (import.meta.main) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
  const { files, violations } = await checkLayers(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
  if (violations.length) {
    console.error(`${violations.length} layer violation(s) in ${files} files (rules: DESIGN.md, "Layout").`);
    process.exit(1);
  }
  console.log(`Layers OK: ${files} files checked.`);
}
