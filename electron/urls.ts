/**
 * URL decisions of the desktop shell, kept free of the `electron` import so they are testable
 * in plain Node: which URLs are our renderer, which file an app:// URL names, which links may be
 * handed to the system browser.
 */
import { resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
/** The URL the window opens. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL belongs to our renderer (scheme and host both match). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file inside `rendererDir` an app:// URL names, or null (foreign host, traversal, NUL). */
export function appUrlToFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try { path = decodeURIComponent(new URL(url).pathname); } catch { return null; }
  if (path.includes('\0') || path.includes('\\')) return null;
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

/** Whether a link may be handed to the system browser: http(s), a host, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let u: URL;
  try { u = new URL(url); } catch { return false; }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return u.hostname !== '' && u.username === '' && u.password === '';
}
