/** `getClaim(id)`: what a claim link (core/links.ts) resolves through, in both transports. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../core/api.ts';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

test('getClaim answers the claim with its document, and not-found with a readable message otherwise', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const range = await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy');
  const claim = await lib.createClaim(range);
  const got = await lib.getClaim(claim.id);
  assert.equal(got.id, claim.id);
  assert.equal(got.documentId, range.documentId);
  for (const bad of ['3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b', '', 42 as unknown as string]) {
    await assert.rejects(lib.getClaim(bad), (err: unknown) =>
      err instanceof ApiError && err.code === 'not-found' && /no claim with id .* in this library/.test(err.message));
  }
  await lib.deleteClaims([claim.id]);
  await assert.rejects(lib.getClaim(claim.id), ApiError);
});
