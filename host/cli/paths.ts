/** Where the CLI finds things by default: the repo's corpus and built renderer, the user's data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root: host/cli/ is two levels down. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The sample corpus shipped with the app. */
export const BUNDLED_CORPUS = join(PACKAGE_ROOT, 'corpus');
/** The built renderer the web host serves (`npm run build`). */
export const RENDERER_DIR = join(PACKAGE_ROOT, 'dist', 'renderer');

/**
 * The per-user data folder: the same folder Electron's `app.getPath('userData')` gives the
 * desktop app (productName "Marginalia"), so the browser mode and the desktop app share one
 * store: Linux/BSD `$XDG_CONFIG_HOME/Marginalia` (default ~/.config/Marginalia),
 * macOS ~/Library/Application Support/Marginalia, Windows %APPDATA%\Marginalia.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Marginalia');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Marginalia');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Marginalia');
}
