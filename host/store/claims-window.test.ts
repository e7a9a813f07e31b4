import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../core/api.ts';
import { documentByFile, openLibrary, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from '../library/test-support.ts';

test('listClaims with overlaps gives the claims touching a window of the text, for a long document’s first screens', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const doc = await documentByFile(lib, TURKMEN_NEUTRALITY);
  const at = (s: number, e: number) => lib.createClaim({ documentId: doc.id, start: s, end: e });
  const early = await at(0, 40);
  const straddling = await at(90, 130);
  const late = await at(400, 460);
  const ids = async (start: number, end: number): Promise<string[]> =>
    (await lib.listClaims({ documentId: doc.id, overlaps: { start, end } })).map((c) => c.id);
  assert.deepEqual(await ids(0, 100), [early.id, straddling.id]);
  assert.deepEqual(await ids(130, 400), [], 'touching ends are not an overlap');
  assert.deepEqual(await ids(100, 1000), [straddling.id, late.id]);
  await assert.rejects(lib.listClaims({ documentId: doc.id, overlaps: { start: 0 } as never }), (err: unknown) => err instanceof ApiError && err.code === 'bad-input');
});
