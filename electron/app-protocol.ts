/**
 * The `app://marginalia/` scheme the window loads the renderer from.
 *
 * Why not file://: every file:// page shares one opaque origin, so CSP `'self'` means little and
 * the IPC sender check could not tell our page from any other local file. A privileged
 * *standard*, *secure* scheme gives the renderer a real origin (`app://marginalia`) that CSP,
 * fetch and the sender check can all rely on; files come only from the built renderer folder.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../host/web-host/headers.ts';
import { APP_SCHEME, appUrlToFile } from './urls.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Must run before `app` is ready: declares the scheme standard + secure so it gets an origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: module scripts are fetched in CORS mode; no response ever carries an
    // Access-Control-Allow-Origin header, so no other origin can read app:// content.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves app:// from the built renderer folder, with the CSP and security headers. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appUrlToFile(rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
