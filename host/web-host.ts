/**
 * The loopback HTTP transport for ReaderApi, and the server of the built renderer.
 *
 * It exists so the reader runs in any browser (and so e2e tests drive the real renderer in
 * Chromium) without Electron. Routes (access rules in web-host/auth.ts):
 *   GET  /?token=T              sets the session cookie, redirects to `/`
 *   GET  /…                     static files from `staticDir` (cookie)
 *   POST /api/<channelFor(m)>   body: JSON array of arguments → `WireResult` (cookie + header);
 *                               `X-Marginalia-Client` names the tab, whose actions undo undoes
 *   GET  /api/events            Server-Sent Events, one per READER_EVENTS name (cookie)
 *   GET  /claim/<id>            a claim link (core/links.ts): redirects to the reader at `/#claim=<id>`,
 *                               which opens, selects and flashes the claim (cookie; `?token=T` works too)
 * No CORS header is ever sent; OPTIONS is refused.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { READER_METHODS, channelFor, type ReaderBridge, type ReaderMethod } from '../core/api.ts';
import { claimIdFromPath } from '../core/links.ts';
import { hasSessionCookie, hasTokenHeader, isOwnHost, newToken, sameSecret, sessionCookie } from './web-host/auth.ts';
import { EventHub } from './web-host/events.ts';
import { applySecurityHeaders, sendJson, sendText } from './web-host/headers.ts';
import { serveStatic, staticRoot } from './web-host/static-files.ts';
import { httpStatusFor, settle, type WireResult } from './web-host/wire.ts';
import { clientId, withClient } from './store/acting-client.ts';

/** Largest request body accepted: annotation imports of a big corpus stay well under this. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Path prefix of API calls; the method's channel name follows it. */
export const API_PREFIX = '/api/';
/** Request header naming the browser tab that calls (renderer/transport/web-client.ts), lower case as Node gives it. */
export const CLIENT_HEADER = 'x-marginalia-client';
/** Path of the event stream. */
export const EVENTS_PATH = '/api/events';

export interface WebHostOptions {
  library: ReaderBridge;
  /** 0 or absent: an ephemeral port chosen by the OS. */
  port?: number;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  host?: '127.0.0.1';
}

export interface WebHost {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  token: string;
  port: number;
  /** Stops listening, ends event streams and open connections. Does not close the library. */
  close(): Promise<void>;
}

const METHOD_BY_CHANNEL: ReadonlyMap<string, ReaderMethod> = new Map(READER_METHODS.map((m) => [channelFor(m), m]));

/** Starts the web host on 127.0.0.1 with a fresh token. */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = newToken();
  const root = await staticRoot(opts.staticDir);
  const hub = new EventHub(opts.library);
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`web host: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res);
    if (!isOwnHost(req, port)) return sendText(res, 403, 'Forbidden: unexpected Host header.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.setHeader('Allow', 'GET, HEAD, POST');
      return sendText(res, 405, 'Method not allowed.');
    }
    if (method === 'GET' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token'), token)) return sendText(res, 403, 'Forbidden: wrong token.');
      res.writeHead(303, { 'Set-Cookie': sessionCookie(port, token), Location: url.pathname, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!hasSessionCookie(req, port, token)) {
      return sendText(res, 403, 'Forbidden: open the address printed by `marginalia serve` (it carries the access token).');
    }
    if (url.pathname === EVENTS_PATH) {
      if (method !== 'GET') return sendText(res, 405, 'Method not allowed.');
      hub.attach(res);
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (method !== 'POST') return sendText(res, 405, 'Method not allowed.');
      let channel: string;
      try { channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length)); } catch { channel = ''; }
      return handleApi(req, res, channel);
    }
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed.');
    const linked = claimIdFromPath(url.pathname);
    if (linked === null) return sendText(res, 404, 'Not a claim link: the address must be /claim/<claim id>.');
    if (linked !== undefined) {
      res.writeHead(303, { Location: `/#claim=${linked}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (!root) return sendText(res, 404, 'The reader is not built yet: run `npm run build`.');
    return serveStatic(res, root, url.pathname, token, method === 'HEAD');
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (!hasTokenHeader(req, token)) return sendText(res, 403, 'Forbidden: missing or wrong X-Marginalia-Token header.');
    const name = METHOD_BY_CHANNEL.get(channel);
    if (!name) return reply(res, { ok: false, error: { code: 'not-found', message: `There is no API method "${channel}".` } });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, { ok: false, error: { code: 'bad-input', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } });
    }
    let args: unknown;
    try { args = body.length === 0 ? [] : JSON.parse(body.toString('utf8')); } catch { args = null; }
    if (!Array.isArray(args)) {
      return reply(res, { ok: false, error: { code: 'bad-input', message: 'The request body must be a JSON array of arguments.' } });
    }
    const fn = opts.library[name] as (...a: unknown[]) => Promise<unknown>;
    // each tab says which it is, so undo is per window (issue 8, item 17); no header: one 'web' client
    const tab = clientId(req.headers[CLIENT_HEADER]);
    reply(res, await settle(() => withClient(tab ? `tab:${tab}` : 'web', () => fn.apply(opts.library, args))));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: async () => {
      hub.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function reply(res: ServerResponse, result: WireResult): void {
  sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result);
}

/** Reads a request body up to `limit` bytes; beyond that it drains the rest and says so. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  return new Promise((resolve, reject) => {
    if (declared > limit) { req.resume(); resolve('too-large'); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
