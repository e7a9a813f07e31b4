/**
 * `npm start`: builds, then runs the desktop app with the Electron binary from node_modules.
 *
 * The binary's location is read from electron's own path.txt rather than by `require('electron')`:
 * that require downloads the binary when it is missing, which must not happen as a side effect
 * of starting the app (and cannot, offline). Without a binary it says how to use the browser.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildAll, ROOT } from './build.ts';

/** The Electron executable, or why there is none (a short reason for the message). */
export function findElectronBinary(root: string = ROOT): { ok: true; path: string } | { ok: false; reason: string } {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readPathTxt(pkgDir) ?? 'electron');
    return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} does not exist` };
  }
  const rel = readPathTxt(pkgDir);
  if (!rel) return { ok: false, reason: 'node_modules/electron/path.txt is missing' };
  const p = join(pkgDir, 'dist', rel);
  return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} does not exist` };
}

function readPathTxt(pkgDir: string): string | null {
  try { return readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim() || null; } catch { return null; }
}

if (import.meta.main) {
  const electron = findElectronBinary();
  if (!electron.ok) {
    console.error(`Electron's binary is not installed (${electron.reason}); run \`npm run web\` to use Marginalia in your browser.`);
    process.exit(1);
  }
  try {
    const { ms } = await buildAll();
    console.log(`Built in ${ms} ms.`);
  } catch (err) {
    console.error(`Build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const child = spawn(electron.path, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
