import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';
import type { Library } from '../library.ts';

/** Everything a user could see change: claims, links and entities. */
async function state(lib: Library): Promise<unknown> {
  return { claims: await lib.listClaims(), links: await lib.listLinks(), entities: await lib.listEntities() };
}

/** Undo must bring back exactly `before`; redo exactly `after`. */
async function roundTrip(lib: Library, label: string, before: unknown): Promise<void> {
  const after = await state(lib);
  assert.notDeepEqual(after, before, `${label} changed something`);
  assert.deepEqual(await lib.undo(), { action: label, undoable: true });
  assert.deepEqual(await state(lib), before, `undo of ${label}`);
  assert.deepEqual(await lib.redo(), { action: label, undoable: true });
  assert.deepEqual(await state(lib), after, `redo of ${label}`);
}

test('create, edit, bulk edit and bulk delete each undo and redo as one action', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  assert.equal(await lib.undo(), null, 'nothing to undo in a new library');
  const a = await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy');
  const b = await passage(lib, TURKMEN_NEUTRALITY, 'Russia is traditionally perceived as the regional security provider');
  const c = await passage(lib, TURKMEN_NEUTRALITY, 'Turkmenistan could potentially host a Chinese military base');

  let before = await state(lib);
  const first = await lib.createClaim({ ...a, tags: ['neutrality'] });
  await roundTrip(lib, 'Create claim', before);

  const second = await lib.createClaim({ ...b, kind: 'evidence' });
  const third = await lib.createClaim({ ...c, kind: 'question' });
  await lib.linkClaims(second.id, first.id, 'supports');

  before = await state(lib);
  await lib.updateClaim(first.id, { note: 'The founding choice.', tags: ['neutrality', 'constitution'] });
  await roundTrip(lib, 'Edit claim', before);

  before = await state(lib);
  const bulk = await lib.updateClaims([first.id, second.id, third.id], { kind: 'claim', addTags: ['security'], removeTags: ['NEUTRALITY'] });
  assert.deepEqual(bulk.map((x) => x.tags), [['constitution', 'security'], ['security'], ['security']]);
  await roundTrip(lib, 'Edit 3 claims', before);

  before = await state(lib);
  await lib.deleteClaims([first.id, second.id]);
  assert.deepEqual((await lib.listClaims()).map((x) => x.id), [third.id]);
  assert.deepEqual(await lib.listLinks(), [], 'links of deleted claims go with them');
  await roundTrip(lib, 'Delete 2 claims', before);
  assert.equal((await lib.listLinks(first.id)).length, 0, 'redo deleted them again');
  await lib.undo();
  assert.equal((await lib.listLinks(first.id)).length, 1, 'undo brought the link back');
});

test('entity rename, merge and delete undo and redo, claim tags included', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const a = await passage(lib, TURKMEN_NEUTRALITY, 'Turkmen President Gurbanguly Berdymukhamedov');
  const gb = await lib.createEntity({ name: 'Berdymukhamedov', type: 'person' });
  const gb2 = await lib.createEntity({ name: 'G. Berdimuhamedow', type: 'person', aliases: ['Arkadag'], wikidata: 'Q312567' });
  const claim = await lib.createClaim({ ...a, entityIds: [gb2.id] });
  const other = await lib.createClaim({ ...a, entityIds: [gb.id, gb2.id] });

  let before = await state(lib);
  await lib.updateEntity(gb.id, { name: 'Gurbanguly Berdimuhamedow' });
  await roundTrip(lib, 'Rename entity', before);

  before = await state(lib);
  const merged = await lib.mergeEntities(gb.id, gb2.id);
  assert.deepEqual(merged.aliases, ['Berdymukhamedov', 'G. Berdimuhamedow', 'Arkadag'], 'the name before the rename stayed an alias');
  assert.equal(merged.wikidata, 'Q312567');
  assert.deepEqual((await lib.listClaims()).map((x) => [x.id, x.entityIds]).sort(),
    [[claim.id, [gb.id]], [other.id, [gb.id]]].sort(), 'tags re-pointed, the double tag collapsed');
  await roundTrip(lib, 'Merge entities', before);

  before = await state(lib);
  await lib.deleteEntity(gb.id);
  assert.equal((await lib.listClaims()).length, 2, 'claims stay');
  assert.deepEqual((await lib.listClaims({ entityId: gb.id })), []);
  await roundTrip(lib, 'Delete entity', before);
});

test('a new action clears the redo stack, and the history survives reopening', async (t) => {
  const dataDir = await tempDir(t);
  const lib = await openLibrary(t, dataDir, SAMPLE_CORPUS);
  const a = await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy');
  const claim = await lib.createClaim(a);
  await lib.updateClaim(claim.id, { note: 'first' });
  await lib.undo();
  await lib.updateClaim(claim.id, { note: 'second' });
  assert.equal(await lib.redo(), null, 'the undone edit cannot come back after a new one');
  lib.close();

  const again = await openLibrary(t, dataDir, null);
  assert.deepEqual(await again.undo(), { action: 'Edit claim', undoable: true });
  assert.equal((await again.listClaims())[0]!.note, '');
  assert.deepEqual(await again.undo(), { action: 'Create claim', undoable: true });
  assert.deepEqual(await again.listClaims(), []);
  assert.equal(await again.undo(), null);
  assert.deepEqual(await again.redo(), { action: 'Create claim', undoable: true });
  assert.equal((await again.listClaims())[0]!.id, claim.id);
});
