/**
 * `npm start`: makes sure Electron's binary is there, builds, then runs the desktop app.
 *
 * On a new machine the binary is missing (`npm install` does not fetch it since Electron 42):
 * then Electron's own installer runs once, with its progress output and checksum check
 * (scripts/electron-install.ts), and the app opens. Where it cannot download (offline, a mirror
 * without the file, `ELECTRON_SKIP_BINARY_DOWNLOAD` set) it says why in one line and points to
 * `npm run web`, which needs no binary.
 */
import { spawn } from 'node:child_process';
import { buildAll, ROOT } from './build.ts';
import { checkAvailability, electronPackageDir, electronVersion, findElectronBinary, flagSet, runElectronInstaller } from './electron-install.ts';

const USE_WEB = 'run `npm run web` to use Marginalia in your browser';

/** The binary's path, downloading it first when needed; null after printing the one-line reason. */
async function ensureElectron(): Promise<string | null> {
  const pkgDir = electronPackageDir(ROOT);
  if (!pkgDir) {
    console.error(`The electron package is not installed (run \`npm install\`), or ${USE_WEB}.`);
    return null;
  }
  const found = findElectronBinary(pkgDir);
  if (found.ok) return found.path;
  if (flagSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
    console.error(`Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded; ${USE_WEB} (or unset it and run \`npm start\` again).`);
    return null;
  }
  const version = electronVersion(pkgDir);
  const available = await checkAvailability(pkgDir);
  if (!available.ok) {
    console.error(`Electron's binary is not installed and cannot be downloaded (${available.reason}); ${USE_WEB}.`);
    return null;
  }
  console.log(available.from === 'cache'
    ? `First start: installing Electron ${version} from Electron's download cache…`
    : `First start: downloading Electron ${version} (about 100 MB, once) with Electron's installer…`);
  const code = runElectronInstaller(pkgDir);
  const after = findElectronBinary(pkgDir);
  if (code !== 0 || !after.ok) {
    console.error(`Electron's installer failed (exit code ${code}; its message is above); ${USE_WEB}.`);
    return null;
  }
  console.log(`Electron ${version} is installed.`);
  return after.path;
}

if (import.meta.main) {
  const binary = await ensureElectron();
  if (!binary) process.exit(1);
  // MARGINALIA_SKIP_BUILD=1 starts on the dist/ already built (the first-start test checks the
  // download and the launch; the build has its own step in `npm test`).
  if (!flagSet(process.env.MARGINALIA_SKIP_BUILD)) {
    try {
      const { ms } = await buildAll();
      console.log(`Built in ${ms} ms.`);
    } catch (err) {
      console.error(`Build failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  }
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => { console.error(`Could not start Electron (${binary}): ${err.message}`); process.exit(1); });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
