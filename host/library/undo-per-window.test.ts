/**
 * Undo per window (issue 8, item 17): two clients on one library, as two windows or a window and
 * the command line. Each undoes and redoes its own actions; a later change from the other to the
 * same field holds the step back and names it, until the user says "anyway".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Library } from '../library.ts';
import { withClient } from '../store/acting-client.ts';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

/** The library as one window sees it: every call made as `client` (what the transports do). */
function windowOf(lib: Library, client: string): Library {
  return new Proxy(lib, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (...args: unknown[]) => withClient(client, () => (v as (...a: unknown[]) => unknown).apply(target, args)) : v;
    },
  });
}

async function twoWindows(t: Parameters<typeof tempDir>[0]): Promise<{ lib: Library; a: Library; b: Library; claimId: string }> {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const a = windowOf(lib, 'tab-a');
  const b = windowOf(lib, 'tab-b');
  const range = await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy');
  const claim = await a.createClaim(range);
  return { lib, a, b, claimId: claim.id };
}

const claimOf = async (lib: Library, id: string) => (await lib.listClaims()).find((c) => c.id === id);

test('each window undoes its own last action: A edits, B edits, A’s undo reverts A’s edit only', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  await a.updateClaim(claimId, { note: 'A’s note' });
  await b.updateClaim(claimId, { restatement: 'B’s restatement', tags: ['from-b'] });
  const other = await b.createClaim(await passage(lib, TURKMEN_NEUTRALITY, 'Russia is traditionally perceived as the regional security provider'));

  assert.deepEqual(await a.undo(), { action: 'Edit claim', undoable: true }, 'A undoes its edit, not B’s newer claim');
  let c = await claimOf(lib, claimId);
  assert.equal(c?.note, '', 'A’s note is gone');
  assert.equal(c?.restatement, 'B’s restatement', 'B’s later edit of another field of the same claim stays');
  assert.deepEqual(c?.tags, ['from-b']);
  assert.ok(await claimOf(lib, other.id), 'B’s claim stays');

  assert.deepEqual(await b.undo(), { action: 'Create claim', undoable: true }, 'B’s undo takes B’s own last action');
  assert.equal(await claimOf(lib, other.id), undefined);
  assert.deepEqual(await b.undo(), { action: 'Edit claim', undoable: true });
  c = await claimOf(lib, claimId);
  assert.equal(c?.restatement, '');
  assert.deepEqual(c?.tags, []);

  assert.deepEqual(await a.redo(), { action: 'Edit claim', undoable: true }, 'redo is per window too');
  assert.equal((await claimOf(lib, claimId))?.note, 'A’s note');
  assert.deepEqual(await b.redo(), { action: 'Edit claim', undoable: true });
  c = await claimOf(lib, claimId);
  assert.deepEqual([c?.note, c?.restatement], ['A’s note', 'B’s restatement']);
});

test('a new action clears only its own window’s redo', async (t) => {
  const { a, b, claimId, lib } = await twoWindows(t);
  await a.updateClaim(claimId, { note: 'A' });
  await a.undo();
  await b.updateClaim(claimId, { kind: 'evidence' });
  assert.deepEqual(await a.redo(), { action: 'Edit claim', undoable: true }, 'B’s action does not take A’s redo away');
  assert.equal((await claimOf(lib, claimId))?.note, 'A');
  await b.undo();
  await b.updateClaim(claimId, { restatement: 'again' });
  assert.equal(await b.redo(), null, 'B’s own new action clears B’s redo');
});

test('when another window changed the same field since, undo names it and changes nothing until confirmed', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  await a.updateClaim(claimId, { note: 'A’s note' });
  await b.updateClaim(claimId, { note: 'B’s note' });

  const held = await a.undo();
  assert.equal(held?.action, 'Edit claim');
  assert.ok(held?.conflict, 'held back');
  assert.equal(held.conflict.by, 'another window');
  assert.equal(held.conflict.byAction, 'Edit claim');
  assert.match(held.conflict.what, /^the note of the claim “Since 1991 Turkmenistan promotes its neutrality policy”$/);
  assert.equal(held.conflict.message, `Another window changed ${held.conflict.what} since (Edit claim).`);
  assert.equal((await claimOf(lib, claimId))?.note, 'B’s note', 'nothing changed');
  assert.deepEqual(await a.undo(), held, 'asking again gives the same answer');

  await assert.rejects(a.undo({ anyway: 'yes' as unknown as number }), /"anyway" must be the step number/);
  assert.deepEqual(await a.undo({ anyway: held.conflict.step }), { action: 'Edit claim', undoable: true }, 'taken when confirmed');
  assert.equal((await claimOf(lib, claimId))?.note, '', 'A’s note undone, over B’s');
  assert.deepEqual(await a.undo(), { action: 'Create claim', undoable: true }, 'then A’s own create: B’s note is gone already');
});

test('a claim deleted in another window: undoing an edit of it asks before bringing it back', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  await a.updateClaim(claimId, { restatement: 'Neutrality since 1991' });
  await b.deleteClaims([claimId]);
  const held = await a.undo();
  assert.equal(held?.conflict?.message, 'Another window deleted the claim “Since 1991 Turkmenistan promotes its neutrality policy” since (Delete claim).');
  assert.equal(await claimOf(lib, claimId), undefined, 'still deleted');
  await a.undo({ anyway: held!.conflict!.step });
  assert.equal((await claimOf(lib, claimId))?.restatement, '', 'back, as before A’s edit');
});

test('the command line is another client: a window’s undo leaves its actions alone, and names it in a conflict', async (t) => {
  const dataDir = await tempDir(t);
  const app = await openLibrary(t, dataDir, SAMPLE_CORPUS);
  const win = windowOf(app, 'tab-a');
  const claim = await win.createClaim(await passage(app, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy'));
  await win.updateClaim(claim.id, { tags: ['neutrality'] });

  const { createLibrary } = await import('../library.ts');
  const cli = await createLibrary({ dataDir, corpusDir: null, transport: 'web', client: 'cli' });
  await cli.updateClaim(claim.id, { tags: ['neutrality', 'cli'] });
  await cli.createClaim(await passage(cli, TURKMEN_NEUTRALITY, 'Russia is traditionally perceived as the regional security provider'));
  cli.close();

  const held = await win.undo();
  assert.equal(held?.conflict?.message, 'The command line changed the tags of the claim “Since 1991 Turkmenistan promotes its neutrality policy” since (Edit claim).');
  assert.equal((await app.listClaims()).length, 2, 'the command line’s claim is not the window’s to undo');
  assert.equal(await windowOf(app, 'tab-b').undo(), null, 'a window that did nothing has nothing to undo');
});

test('redo holds back likewise when another window changed the field after the undo', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  await a.updateClaim(claimId, { note: 'A’s note' });
  await a.undo();
  await b.updateClaim(claimId, { note: 'B’s note' });
  const held = await a.redo();
  assert.equal(held?.conflict?.by, 'another window');
  assert.equal((await claimOf(lib, claimId))?.note, 'B’s note');
  assert.deepEqual(await a.redo({ anyway: held!.conflict!.step }), { action: 'Edit claim', undoable: true });
  assert.equal((await claimOf(lib, claimId))?.note, 'A’s note');
});

test('nothing is left pointing at nothing: a claim linked elsewhere since, or an entity tag of a claim deleted elsewhere', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  const other = await b.createClaim(await passage(lib, TURKMEN_NEUTRALITY, 'Russia is traditionally perceived as the regional security provider'));
  await b.linkClaims(other.id, claimId, 'supports');
  // A's create is now the base of B's link: undoing it asks, and taken anyway the link goes too
  let held = await a.undo();
  assert.equal(held?.conflict?.message, 'Another window changed the links of the claim “Since 1991 Turkmenistan promotes its neutrality policy” since (Link claims).');
  await a.undo({ anyway: held!.conflict!.step });
  assert.equal(await claimOf(lib, claimId), undefined);
  assert.deepEqual(await lib.listLinks(), [], 'no link to a claim that is gone');

  const entity = await a.createEntity({ name: 'Saparmurat Niyazov', type: 'person' });
  await b.updateClaim(other.id, { entityIds: [entity.id] });
  await a.deleteEntity(entity.id);
  await b.deleteClaims([other.id]);
  held = await a.undo();
  assert.equal(held?.conflict?.kind, 'deleted');
  assert.equal(held?.conflict?.message, 'Another window deleted the claim “Russia is traditionally perceived as the regional security…” since (Delete claim).');
  await a.undo({ anyway: held!.conflict!.step });
  assert.deepEqual((await lib.listEntities()).map((e) => e.name), ['Saparmurat Niyazov'], 'the entity is back');
  assert.deepEqual(await lib.claimCounts('entity'), {}, 'without a tag on the deleted claim');
});

test('a claim deleted elsewhere after this window took two tags off it is named once, and comes back with them when undone anyway', async (t) => {
  const { lib, a, b, claimId } = await twoWindows(t);
  const e1 = await a.createEntity({ name: 'Saparmurat Niyazov', type: 'person' });
  const e2 = await a.createEntity({ name: 'Gurbanguly Berdimuhamedow', type: 'person' });
  await b.updateClaim(claimId, { entityIds: [e1.id, e2.id] });
  await a.updateClaim(claimId, { entityIds: [] });
  await b.deleteClaims([claimId]);
  const held = await a.undo();
  assert.equal(held?.conflict?.what, 'the claim “Since 1991 Turkmenistan promotes its neutrality policy”', 'one row named, no "and 2 more"');
  await a.undo({ anyway: held!.conflict!.step });
  assert.deepEqual((await claimOf(lib, claimId))?.entityIds, [e1.id, e2.id]);
});
