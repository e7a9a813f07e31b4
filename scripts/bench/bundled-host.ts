/**
 * The host as one esbuild bundle, for comparison with `node host/cli.ts` (which makes Node strip
 * the types of ~50 .ts modules on every start). The bundle is laid out as the package is
 * (`<root>/host/cli/bundle.mjs`, with dist/, corpus/ and package.json linked beside it) because
 * host/cli/paths.ts finds the built reader two folders up from its own module.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles host/cli.ts into `<root>/host/cli/bundle.mjs`; returns that path. */
export async function bundleHost(repo: string, root: string): Promise<string> {
  const out = join(root, 'host', 'cli', 'bundle.mjs');
  await mkdir(join(root, 'host', 'cli'), { recursive: true });
  for (const name of ['dist', 'corpus', 'package.json']) await symlink(join(repo, name), join(root, name));
  await build({
    entryPoints: [join(repo, 'host', 'cli.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node22',
    external: ['node:*'], logLevel: 'warning', absWorkingDir: repo,
    // CommonJS dependencies inside an ES module bundle still need `require` for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return out;
}

const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/;

/** A running bundled host. */
export interface BundledHost { url: string; pid: number; stop(): Promise<void> }

/** Starts `node <bundle> serve` on a fresh data folder; resolves when it printed its address. */
export async function startBundledHost(bundle: string, corpusDir: string, timeoutMs = 20_000): Promise<BundledHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'marginalia-bench-data-'));
  const proc = spawn(process.execPath, [bundle, 'serve', '--no-open', '--port', '0', '--data', dataDir, '--corpus', corpusDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
  let out = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The bundled host did not print its address within ${timeoutMs} ms:\n${out}`)), timeoutMs);
      proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = URL_LINE.exec(out);
        if (m) { clearTimeout(timer); resolve(m[0]); }
      });
      proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`The bundled host exited (${code}):\n${out}`)); });
    });
    return { url, pid: proc.pid!, stop };
  } catch (err) { await stop(); throw err; }
}
