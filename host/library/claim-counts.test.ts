import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../core/api.ts';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

test('claimCounts: claims per entity and per document, with a filter, following edits, merges and undo', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const shoigu = await lib.createEntity({ name: 'Sergei Shoigu', type: 'person' });
  const russia = await lib.createEntity({ name: 'Russia', type: 'state' });
  const nobody = await lib.createEntity({ name: 'Nobody', type: 'person' });
  const a = await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'Russian Defence Minister Sergei Shoigu'), entityIds: [shoigu.id, russia.id] });
  const b = await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'Turkmen-Afghan border'), entityIds: [russia.id], kind: 'evidence' });
  await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'neutrality policy') });
  const doc = a.documentId;

  assert.deepEqual(await lib.claimCounts('entity'), { [shoigu.id]: 1, [russia.id]: 2 }, 'a claim with two entities counts for both; an entity with none is absent');
  assert.equal((await lib.claimCounts('entity'))[nobody.id], undefined);
  assert.deepEqual(await lib.claimCounts('document'), { [doc]: 3 });
  assert.deepEqual(await lib.claimCounts('document', { entityId: russia.id }), { [doc]: 2 }, 'the sources of one entity');
  assert.deepEqual(await lib.claimCounts('entity', { kind: 'evidence' }), { [russia.id]: 1 });
  assert.deepEqual(await lib.claimCounts('document', { entityId: nobody.id }), {});

  await lib.updateClaim(b.id, { entityIds: [shoigu.id] });
  assert.deepEqual(await lib.claimCounts('entity'), { [shoigu.id]: 2, [russia.id]: 1 }, 'an edit moves the count');
  await lib.mergeEntities(russia.id, shoigu.id);
  assert.deepEqual(await lib.claimCounts('entity'), { [russia.id]: 2 }, 'after a merge the claims count for the entity kept');
  await lib.undo();
  assert.deepEqual(await lib.claimCounts('entity'), { [shoigu.id]: 2, [russia.id]: 1 }, 'undo brings the counts back');
  await lib.deleteClaims([a.id]);
  assert.deepEqual(await lib.claimCounts('entity'), { [shoigu.id]: 1 });
});

test('claimCounts: another grouping is refused with a message', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  await assert.rejects(lib.claimCounts('tag' as 'entity'), (err: unknown) => err instanceof ApiError && err.code === 'bad-input' && /'entity' or 'document'/.test(err.message));
});
