import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiError, channelFor, type ReaderBridge, type ReaderEventName, type ReaderEvents } from '../core/api.ts';
import { startWebHost, type WebHost } from './web-host.ts';

const corpus = new URL('../../shared/corpus/', import.meta.url);

interface Res { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function http(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A stand-in for the host library: just enough ReaderApi to prove the transport carries it. */
function fakeLibrary(texts: Map<string, string>): ReaderBridge & { emit<E extends ReaderEventName>(e: E, p: ReaderEvents[E]): void } {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const fake = {
    async getAppInfo() { return { name: 'Marginalia', version: '0.0.0-test', transport: 'web' as const, dataDir: '/tmp/x' }; },
    async getDocument(id: string) {
      const text = texts.get(id);
      if (text === undefined) throw new ApiError('not-found', `No document with id ${id}.`);
      return { id, iri: `urn:test:${id}`, title: text.slice(0, 40), blocks: [], footnotes: [] };
    },
    async importAnnotations(jsonld: string) {
      if (!jsonld.startsWith('{')) throw new ApiError('bad-input', 'That file is not JSON-LD.');
      return { imported: jsonld.length, summary: { exact: 0, moved: 0, fuzzy: 0, orphan: 0 }, problems: [] };
    },
    async reanchor(): Promise<never> { throw new Error('disk on fire'); },
    on(event: string, listener: (p: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(event: string, payload: unknown) { for (const l of listeners.get(event) ?? []) l(payload); },
  };
  return fake as unknown as ReaderBridge & { emit<E extends ReaderEventName>(e: E, p: ReaderEvents[E]): void };
}

describe('web host', () => {
  let host: WebHost;
  let staticDir: string;
  let cookie: string;
  let lib: ReturnType<typeof fakeLibrary>;
  const texts = new Map<string, string>();

  before(async () => {
    for (const f of ['001_c3b809a64f0aae10.txt', '004_d79f82da22736ce2.txt']) texts.set(f, await readFile(new URL(f, corpus), 'utf8'));
    staticDir = await mkdtemp(join(tmpdir(), 'mg-static-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><html><head><title>M</title></head><body><script type="module" src="main.js"></script></body></html>');
    await writeFile(join(staticDir, 'main.js'), 'console.log(1)');
    await mkdir(join(staticDir, 'sub'));
    await writeFile(join(staticDir, 'sub', 'a.css'), 'body{}');
    await writeFile(join(staticDir, '..', 'mg-secret.txt'), 'secret');
    lib = fakeLibrary(texts);
    host = await startWebHost({ library: lib, port: 0, staticDir });
    const res = await http(host.port, { path: `/?token=${host.token}` });
    cookie = String(res.headers['set-cookie']?.[0]).split(';')[0]!;
  });
  after(async () => { await host.close(); await rm(staticDir, { recursive: true, force: true }); await rm(join(staticDir, '..', 'mg-secret.txt'), { force: true }); });

  const api = (method: string, args: unknown[] | string, headers: Record<string, string> = {}) =>
    http(host.port, { method: 'POST', path: `/api/${channelFor(method as 'getDocument')}`, body: typeof args === 'string' ? args : JSON.stringify(args), headers: { Cookie: cookie, 'X-Marginalia-Token': host.token, 'Content-Type': 'application/json', ...headers } });

  test('prints a loopback URL carrying a 43-character token', () => {
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
  });

  test('the token URL sets an HttpOnly SameSite=Strict cookie and redirects to a clean URL', async () => {
    const res = await http(host.port, { path: `/?token=${host.token}` });
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/');
    assert.match(String(res.headers['set-cookie']), /HttpOnly; SameSite=Strict; Path=\//);
  });

  test('the page is refused without the cookie, with a wrong token and with a foreign Host', async () => {
    assert.equal((await http(host.port, { path: '/' })).status, 403);
    assert.equal((await http(host.port, { path: '/?token=nope' })).status, 403);
    assert.equal((await http(host.port, { path: '/', headers: { Cookie: cookie, Host: `evil.example:${host.port}` } })).status, 403);
    assert.equal((await http(host.port, { path: '/', headers: { Cookie: cookie.replace(/=.*/, '=x') } })).status, 403);
  });

  test('serves index.html with the token meta tag and the security headers', async () => {
    const res = await http(host.port, { path: '/', headers: { Cookie: cookie } });
    assert.equal(res.status, 200);
    assert.ok(res.body.includes(`<head><meta name="marginalia-token" content="${host.token}">`));
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal((await http(host.port, { path: '/sub/a.css', headers: { Cookie: cookie } })).headers['content-type'], 'text/css; charset=utf-8');
  });

  test('blocks path traversal out of the static folder', async () => {
    for (const path of ['/../mg-secret.txt', '/%2e%2e/mg-secret.txt', '/sub/..%2f..%2fmg-secret.txt', '/%00', '/..%5cmg-secret.txt']) {
      const res = await http(host.port, { path, headers: { Cookie: cookie } });
      assert.ok(res.status === 403 || res.status === 404, `${path} → ${res.status}`);
      assert.ok(!res.body.includes('secret'), path);
    }
  });

  test('carries a call and its result, on real text', async () => {
    const res = await api('getDocument', ['004_d79f82da22736ce2.txt']);
    assert.equal(res.status, 200);
    const body = JSON.parse(res.body) as { ok: true; value: { title: string } };
    assert.equal(body.value.title, texts.get('004_d79f82da22736ce2.txt')!.slice(0, 40));
  });

  test('keeps an ApiError\'s code and message, maps codes to statuses, hides stacks', async () => {
    const nf = await api('getDocument', ['missing.txt']);
    assert.equal(nf.status, 404);
    assert.deepEqual(JSON.parse(nf.body), { ok: false, error: { code: 'not-found', message: 'No document with id missing.txt.' } });
    const bad = await api('importAnnotations', ['plain words']);
    assert.equal(bad.status, 400);
    assert.equal(JSON.parse(bad.body).error.code, 'bad-input');
    const boom = await api('reanchor', []);
    assert.equal(boom.status, 500);
    assert.equal(JSON.parse(boom.body).error.code, 'internal');
    assert.ok(!boom.body.includes('at '), 'no stack trace');
    assert.equal((await api('noSuchMethod', [])).status, 404);
    assert.equal((await api('getDocument', '{"not":"an array"}')).status, 400);
  });

  test('API calls need the token header as well as the cookie', async () => {
    assert.equal((await api('getAppInfo', [], { 'X-Marginalia-Token': 'wrong' })).status, 403);
    const noCookie = await http(host.port, { method: 'POST', path: `/api/${channelFor('getAppInfo')}`, body: '[]', headers: { 'X-Marginalia-Token': host.token } });
    assert.equal(noCookie.status, 403);
  });

  test('never answers CORS: OPTIONS is refused without Access-Control headers', async () => {
    const res = await http(host.port, { method: 'OPTIONS', path: `/api/${channelFor('getAppInfo')}`, headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', Cookie: cookie } });
    assert.equal(res.status, 405);
    assert.ok(!Object.keys(res.headers).some((h) => h.startsWith('access-control-')));
  });

  test('accepts a large import and refuses one over 20 MB with 413', async () => {
    const big = JSON.stringify({ text: texts.get('001_c3b809a64f0aae10.txt')!.repeat(1500) }); // ~4 MB
    const ok = await api('importAnnotations', [big]);
    assert.equal(ok.status, 200);
    assert.equal(JSON.parse(ok.body).value.imported, big.length);
    const huge = await api('importAnnotations', [JSON.stringify({ t: 'x'.repeat(21 * 1024 * 1024) })]);
    assert.equal(huge.status, 413);
  });

  test('streams events as Server-Sent Events', async () => {
    const got = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie } }, (res) => {
        assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString('utf8');
          if (buf.includes('retry:') && !buf.includes('event:')) lib.emit('onDidChangeAnnotations', { reason: 'claim created' });
          const at = buf.indexOf('event:');
          if (at >= 0 && buf.includes('\n\n', at)) { req.destroy(); resolve(buf); }
        });
      });
      req.on('error', reject);
      req.end();
    });
    assert.ok(got.includes(`event: ${channelFor('onDidChangeAnnotations')}\ndata: {"reason":"claim created"}\n\n`));
  });
});
