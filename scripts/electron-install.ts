/**
 * Electron's binary on a new user's machine, for `npm start` (scripts/start.ts).
 *
 * Since Electron 42 the `electron` package has no install script: `npm install` does not fetch
 * the binary. The package ships its installer as the `install-electron` bin (install.js): it
 * downloads `electron-v<version>-<platform>-<arch>.zip` with @electron/get (from
 * `ELECTRON_MIRROR` or GitHub, through the cache at `electron_config_cache`), checks it against
 * the package's checksums.json (or the release's SHASUMS256.txt with
 * `electron_use_remote_checksums`), extracts it into `node_modules/electron/dist` and writes
 * `path.txt` (the executable's path inside dist/). This module finds that binary, and when it is
 * missing runs that very installer once, never a download of our own.
 *
 * Before the installer runs, one HEAD request asks the mirror whether the zip is there, so that
 * offline the user gets one line saying why, not a stack trace from deep inside fetch.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The `electron` package folder: `MARGINALIA_ELECTRON_DIR` when set (a copy used by the tests, or
 * one Electron kept for several apps), else the one `root`'s node_modules resolves. Null when
 * there is none.
 */
export function electronPackageDir(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.MARGINALIA_ELECTRON_DIR;
  if (override) return existsSync(join(override, 'package.json')) ? override : null;
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** The Electron executable in `pkgDir`, or why there is none (a short reason for the message). */
export function findElectronBinary(pkgDir: string, env: NodeJS.ProcessEnv = process.env): { ok: true; path: string } | { ok: false; reason: string } {
  const rel = readPathTxt(pkgDir);
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, rel ?? 'electron');
    return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} does not exist` };
  }
  if (!rel) return { ok: false, reason: 'node_modules/electron/path.txt is missing' };
  const p = join(pkgDir, 'dist', rel);
  return existsSync(p) ? { ok: true, path: p } : { ok: false, reason: `${p} does not exist` };
}

function readPathTxt(pkgDir: string): string | null {
  try { return readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim() || null; } catch { return null; }
}

/** Whether an environment flag is on (`1`, `true`, anything but empty, `0` or `false`). */
export function flagSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** The version of the electron package in `pkgDir` (e.g. "45.4.1"). */
export function electronVersion(pkgDir: string): string {
  return (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Stops @electron/get right where it would start downloading (the URL is recorded first). */
class UrlCaptured extends Error {}

/** Whether the zip can be had: from Electron's download cache, or from a mirror that answers. */
export type Availability = { ok: true; from: 'cache' | 'mirror'; url?: string } | { ok: false; reason: string };

/** How long the mirror may take to answer the HEAD request (a slow link still answers a HEAD). */
const PROBE_TIMEOUT_MS = 15_000;

/**
 * Asks Electron's own downloader (@electron/get, the one install.js uses, with the same options)
 * which URL it would fetch, without fetching: a downloader that records the URL and stops. When
 * the zip is already in Electron's cache and matches its checksums, nothing is needed from the
 * network. Otherwise one HEAD request tells whether the mirror is reachable and has the file.
 */
export async function checkAvailability(pkgDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Availability> {
  const req = createRequire(join(pkgDir, 'package.json'));
  let get: typeof import('@electron/get');
  try {
    get = await import(pathToFileURL(req.resolve('@electron/get')).href) as typeof import('@electron/get');
  } catch {
    return { ok: false, reason: 'its downloader @electron/get is not installed (run `npm install`)' };
  }
  const remoteChecksums = flagSet(env.electron_use_remote_checksums) || flagSet(env.npm_config_electron_use_remote_checksums);
  const asked: string[] = [];
  try {
    // Mirrors install.js's call (platform, arch, cache, checksums) so the URL is the one it will use.
    await get.downloadArtifact({
      version: electronVersion(pkgDir),
      artifactName: 'electron',
      cacheRoot: env.electron_config_cache,
      checksums: remoteChecksums ? undefined : req('./checksums.json') as Record<string, string>,
      platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
      arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch,
      downloader: { download: async (u: string) => { asked.push(u); throw new UrlCaptured(`would download ${u}`); } },
    });
    return { ok: true, from: 'cache' };
  } catch (err) {
    if (!(err instanceof UrlCaptured)) return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  }
  // With electron_use_remote_checksums a cached zip is first checked against the mirror's
  // SHASUMS256.txt (@electron/get swallows that failure and asks for the zip next): then the
  // list is all the installer will fetch.
  const cached = asked.length > 1 && asked[0]!.endsWith('/SHASUMS256.txt');
  const url = cached ? asked[0]! : asked[asked.length - 1]!;
  let host = url;
  try { host = new URL(url).host; } catch { /* keep the whole URL */ }
  try {
    const res = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (res.status === 404) return { ok: false, reason: `${host} has no ${url.split('/').pop()} (HTTP 404)` };
    return { ok: true, from: cached ? 'cache' : 'mirror', url };
  } catch (err) {
    return { ok: false, reason: `cannot reach ${host}: ${networkReason(err)}` };
  }
}

/** A fetch failure in a few words: the system error code (ENOTFOUND, ECONNREFUSED, …) when there is one. */
function networkReason(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer in ${PROBE_TIMEOUT_MS / 1000} s`;
  const cause = err instanceof Error ? (err as Error & { cause?: { code?: string; message?: string } }).cause : undefined;
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return `${cause.code}, are you offline?`;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/**
 * Runs Electron's own installer (`node <pkgDir>/install.js`, the `install-electron` bin) with the
 * terminal attached, so its progress bar and its errors reach the user as Electron writes them.
 * Returns the installer's exit code.
 */
export function runElectronInstaller(pkgDir: string, env: NodeJS.ProcessEnv = process.env): number {
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit', env });
  return r.status ?? 1;
}
