import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { channelFor } from '../../core/api.ts';
import { launchBrowser, startHost, type HostHandle } from './harness.ts';

interface Res { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request, so the Host header and the path go out exactly as written. */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('web host security (real host process)', () => {
  let host: HostHandle;
  let cookie: string;
  const appInfo = `/api/${channelFor('getAppInfo')}`;

  before(async () => {
    host = await startHost();
    const res = await raw(host.port, { path: `/?token=${host.token}` });
    assert.equal(res.status, 303);
    cookie = String((res.headers['set-cookie'] as string[])[0]).split(';')[0]!;
  });
  after(() => host.stop());

  test('without the token or its cookie: 403, for the page, assets and the API', async () => {
    for (const path of ['/', '/index.html', '/main.js', '/api/events']) assert.equal((await raw(host.port, { path })).status, 403, path);
    assert.equal((await raw(host.port, { method: 'POST', path: appInfo, body: '[]', headers: { 'X-Marginalia-Token': host.token } })).status, 403);
  });

  test('a wrong token: 403, and no cookie is set', async () => {
    const last = host.token.at(-1) === 'A' ? 'B' : 'A'; // always differs from the real token
    const res = await raw(host.port, { path: `/?token=${host.token.slice(0, -1)}${last}` });
    assert.equal(res.status, 403);
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test('a foreign Host header (DNS rebinding): 403 even with the right token and cookie', async () => {
    for (const h of [`evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `[::1]:${host.port}`]) {
      assert.equal((await raw(host.port, { path: `/?token=${host.token}`, headers: { Host: h } })).status, 403, h);
      assert.equal((await raw(host.port, { path: '/', headers: { Host: h, Cookie: cookie } })).status, 403, h);
    }
    assert.equal((await raw(host.port, { path: '/', headers: { Host: `localhost:${host.port}`, Cookie: cookie } })).status, 200);
  });

  test('the valid token opens the page; the API answers with cookie + header only', async () => {
    const page = await raw(host.port, { path: '/', headers: { Cookie: cookie } });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'.*object-src 'none'/);
    const noHeader = await raw(host.port, { method: 'POST', path: appInfo, body: '[]', headers: { Cookie: cookie, Origin: 'https://evil.example' } });
    assert.equal(noHeader.status, 403, 'a cross-site form post cannot add the token header');
    const ok = await raw(host.port, { method: 'POST', path: appInfo, body: '[]', headers: { Cookie: cookie, 'X-Marginalia-Token': host.token } });
    assert.equal(ok.status, 200);
    const info = JSON.parse(ok.body) as { ok: boolean; value: { transport: string; dataDir: string } };
    assert.equal(info.value.transport, 'web');
    assert.equal(info.value.dataDir, host.dataDir);
  });

  test('OPTIONS (CORS preflight) is refused and no response carries Access-Control headers', async () => {
    const pre = await raw(host.port, { method: 'OPTIONS', path: appInfo, headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-marginalia-token', Cookie: cookie } });
    assert.ok(pre.status === 403 || pre.status === 405, String(pre.status));
    const post = await raw(host.port, { method: 'POST', path: appInfo, body: '[]', headers: { Origin: 'https://evil.example', Cookie: cookie, 'X-Marginalia-Token': host.token } });
    for (const res of [pre, post]) assert.ok(!Object.keys(res.headers).some((h) => h.startsWith('access-control-')));
  });

  test('path traversal out of dist/renderer is refused', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2f..%2fpackage.json', '/%2e%2e%2f%2e%2e%2fhost%2fcli.ts', '/..%5c..%5cpackage.json', '/index.html%00.js']) {
      const res = await raw(host.port, { path, headers: { Cookie: cookie } });
      assert.ok(res.status === 403 || res.status === 404, `${path} → ${res.status}`);
      assert.ok(!res.body.includes('"devDependencies"') && !res.body.includes('#!/usr/bin/env node'), path);
    }
  });

  test('in Chromium: the token leaves the address bar and the session cookie is not readable by scripts', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const res = await page.goto(host.url);
      assert.equal(res?.status(), 200);
      // The reader may add its own #doc=… fragment once a document opens; what matters is that the
      // token (a query parameter on the launch URL) is gone from the address bar.
      const shown = new URL(page.url());
      assert.equal(shown.origin + shown.pathname + shown.search, `${host.origin}/`);
      assert.ok(!page.url().includes(host.token), page.url());
      assert.equal(await page.evaluate('document.cookie'), '');
    } finally {
      await browser.close();
    }
  });
});
