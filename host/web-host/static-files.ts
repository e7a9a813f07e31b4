/**
 * Serves the built renderer from one folder, and nothing outside it.
 *
 * Paths are decoded once, must not contain NUL or `..` segments, and must resolve (after
 * following symlinks) inside the folder. index.html gets the API token written into a
 * `<meta name="marginalia-token">` so the web client can send it as a header (see auth.ts).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendText } from './headers.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Result of mapping a URL path to a file: the file, or the status to answer with. */
export type StaticTarget = { ok: true; file: string } | { ok: false; status: 403 | 404 };

/**
 * Maps a URL pathname to a file inside `root` (already real-path-resolved), refusing traversal.
 * Exported for tests.
 */
export async function resolveStatic(root: string, pathname: string): Promise<StaticTarget> {
  let decoded: string;
  try { decoded = decodeURIComponent(pathname); } catch { return { ok: false, status: 403 }; }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');
  const candidate = resolve(root, ...segments);
  if (!candidate.startsWith(root + sep)) return { ok: false, status: 403 };
  let real: string;
  try { real = await realpath(candidate); } catch { return { ok: false, status: 404 }; }
  if (!real.startsWith(root + sep)) return { ok: false, status: 403 };
  try {
    if (!(await stat(real)).isFile()) return { ok: false, status: 404 };
  } catch { return { ok: false, status: 404 }; }
  return { ok: true, file: real };
}

/** Writes the token meta tag into an HTML page, just after `<head>` (or at the top). */
export function injectToken(html: string, token: string): string {
  const meta = `<meta name="marginalia-token" content="${token}">`;
  const m = /<head(\s[^>]*)?>/i.exec(html);
  if (!m) return meta + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Answers a GET/HEAD for a static file under `root`. */
export async function serveStatic(res: ServerResponse, root: string, pathname: string, token: string, head: boolean): Promise<void> {
  const target = await resolveStatic(root, pathname);
  if (!target.ok) {
    sendText(res, target.status, target.status === 403 ? 'Forbidden.' : 'Not found.');
    return;
  }
  const ext = extname(target.file).toLowerCase();
  let body: Buffer | string = await readFile(target.file);
  if (ext === '.html') body = injectToken(body.toString('utf8'), token);
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

/** The static root as a real path, or null when the folder does not exist. */
export async function staticRoot(dir: string): Promise<string | null> {
  try { return await realpath(join(dir)); } catch { return null; }
}
