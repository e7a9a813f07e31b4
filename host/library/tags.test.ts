import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

test('tags in use with counts; rename, merge and delete across the library, each one undo', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const a = await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'Russian Defence Minister Sergei Shoigu'), tags: ['russia', 'military'] });
  const b = await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'Turkmen-Afghan border'), tags: ['Russia', 'border'] });
  await lib.createClaim({ ...await passage(lib, TURKMEN_NEUTRALITY, 'neutrality policy'), tags: ['border'] });
  assert.deepEqual(await lib.listTags(), [{ tag: 'border', count: 2 }, { tag: 'Russia', count: 2 }, { tag: 'military', count: 1 }].sort((x, y) => y.count - x.count || x.tag.localeCompare(y.tag)));

  assert.deepEqual(await lib.renameTag('russia', 'Russian Federation'), { action: 'Rename tag', undoable: true });
  const tagsOf = async (id: string) => (await lib.getClaim(id)).tags;
  assert.deepEqual(await tagsOf(a.id), ['Russian Federation', 'military']);
  assert.deepEqual(await tagsOf(b.id), ['Russian Federation', 'border']);
  assert.equal((await lib.undo())?.action, 'Rename tag');
  assert.deepEqual(await tagsOf(b.id), ['Russia', 'border']);

  // Into a tag in use: a merge; a claim with both keeps one.
  assert.deepEqual(await lib.renameTag('military', 'border'), { action: 'Merge tags', undoable: true });
  assert.deepEqual(await tagsOf(a.id), ['russia', 'border']);
  assert.equal((await lib.listTags()).find((x) => x.tag === 'border')?.count, 3);

  assert.deepEqual(await lib.deleteTag('BORDER'), { action: 'Delete tag', undoable: true });
  assert.deepEqual(await tagsOf(a.id), ['russia']);
  assert.equal((await lib.undo())?.action, 'Delete tag');
  assert.deepEqual(await tagsOf(a.id), ['russia', 'border']);

  // Typed in another case than the tag in use, the merge takes the spelling in use (one spelling after it).
  await lib.renameTag('border', 'RUSSIA');
  const spelling = (await lib.listTags())[0]!.tag;
  assert.match(spelling, /^[Rr]ussia$/);
  assert.deepEqual(await tagsOf(a.id), [spelling]);
  assert.deepEqual(await tagsOf(b.id), [spelling]);
  await assert.rejects(lib.renameTag('nowhere', 'x'), /No claim is tagged/);
  await assert.rejects(lib.renameTag('border', '  '), /cannot be empty/);
});
