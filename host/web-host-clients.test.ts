/**
 * The web host tells browser tabs apart by their `X-Marginalia-Client` header, so each tab's
 * undo takes its own action (issue 8, item 17): the real library behind the real HTTP transport.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelFor, type Claim, type ReaderMethod } from '../core/api.ts';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './library/test-support.ts';
import { startWebHost } from './web-host.ts';

test('two tabs on one web host: each undo takes that tab’s own last action; a tab without the header is one more client', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const host = await startWebHost({ library: lib, staticDir: await tempDir(t, 'static') });
  t.after(() => host.close());
  const base = `http://127.0.0.1:${host.port}`;
  const cookie = (await fetch(`${base}/?token=${host.token}`, { redirect: 'manual' })).headers.get('set-cookie')!.split(';')[0]!;
  /** One call from the tab `tab` (null: no header; a string the host refuses counts as none). */
  const call = async <T>(tab: string | null, method: ReaderMethod, ...args: unknown[]): Promise<T> => {
    const res = await fetch(`${base}/api/${channelFor(method)}`, {
      method: 'POST', body: JSON.stringify(args),
      headers: { Cookie: cookie, 'X-Marginalia-Token': host.token, 'Content-Type': 'application/json', ...(tab === null ? {} : { 'X-Marginalia-Client': tab }) },
    });
    const body = await res.json() as { ok: boolean; value?: T; error?: { message: string } };
    if (!body.ok) throw new Error(body.error!.message);
    return body.value as T;
  };

  const claim = await call<Claim>('tab-a', 'createClaim', await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy'));
  await call('tab-a', 'updateClaim', claim.id, { note: 'from tab A' });
  await call('tab-b', 'updateClaim', claim.id, { restatement: 'from tab B' });
  await call(null, 'updateClaim', claim.id, { kind: 'evidence' });
  await call('has spaces', 'updateClaim', claim.id, { tags: ['odd header'] });

  assert.deepEqual(await call('tab-a', 'undo'), { action: 'Edit claim', undoable: true });
  let c = (await lib.listClaims())[0]!;
  assert.deepEqual([c.note, c.restatement, c.kind, c.tags], ['', 'from tab B', 'evidence', ['odd header']], 'only tab A’s note went');
  assert.deepEqual(await call(null, 'undo'), { action: 'Edit claim', undoable: true }, 'header-less calls share one history, refused ids included');
  c = (await lib.listClaims())[0]!;
  assert.deepEqual([c.kind, c.tags], ['evidence', []]);
  assert.equal(await call('tab-c', 'undo'), null, 'a tab that did nothing has nothing to undo');
});
