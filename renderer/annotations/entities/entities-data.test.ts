import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, LibrarySnapshot, Settings } from '../../../core/api.ts';
import { createEntitiesData, type EntitiesDataReader } from './entities-data.ts';

const entity = (id: string, name: string): Entity => ({ id, name, type: 'person', aliases: [], description: '', wikidata: null });

/** A host with entities and per-entity counts, change events, and a log of the calls made. */
function fakeHost() {
  const calls: string[] = [];
  const listeners = new Map<string, Set<() => void>>();
  const lib = { entities: [entity('e1', 'Ada'), entity('e2', 'Bea')], counts: { e1: 3 } as Record<string, number> };
  const reader = {
    listEntities: async () => { calls.push('listEntities'); return lib.entities; },
    claimCounts: async (by: string) => { calls.push(`claimCounts:${by}`); return { ...lib.counts }; },
    getSettings: async () => { calls.push('getSettings'); return { kinds: [{ id: 'claim', label: 'Claim', color: '#000' }] } as unknown as Settings; },
    getLibrary: async () => { calls.push('getLibrary'); return { documents: [{ id: 'd1', title: 'A text' }] } as unknown as LibrarySnapshot; },
    // the whole claim list is what this data must never ask for
    listClaims: async () => { calls.push('listClaims'); return []; },
    on: (event: string, l: () => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set.add(l));
      return () => set.delete(l);
    },
  } as unknown as EntitiesDataReader;
  const emit = (event: string): void => { for (const l of listeners.get(event) ?? []) l(); };
  return { reader, calls, lib, emit };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

test('the registry\'s counts come from the host\'s claimCounts; no claim is fetched', async () => {
  const host = fakeHost();
  const data = createEntitiesData(host.reader, { onError: (m) => assert.fail(m) });
  let changed = 0;
  data.onDidChange(() => { changed++; });
  await settle();
  assert.equal(host.calls.join(), '', 'nothing is fetched before a view wants it');
  data.setWanted(true);
  await data.refresh();
  assert.equal(data.ready(), true);
  assert.deepEqual([data.claimCount('e1'), data.claimCount('e2'), data.claimCount('gone')], [3, 0, 0]);
  assert.equal(data.entity('e2')?.name, 'Bea');
  assert.deepEqual(data.documents().map((d) => d.id), ['d1']);
  assert.ok(changed >= 1);
  assert.ok(host.calls.includes('claimCounts:entity'));
  assert.ok(!host.calls.includes('listClaims'), 'the claim list is never asked for');
});

test('a change from anywhere (an edit, an undo, another window) refreshes the counts while shown; hidden, only when shown again', async () => {
  const host = fakeHost();
  const data = createEntitiesData(host.reader, { onError: (m) => assert.fail(m) });
  data.setWanted(true);
  await data.refresh();
  host.lib.counts = { e1: 4, e2: 1 };
  host.emit('onDidChangeAnnotations');
  await data.refresh();
  assert.deepEqual([data.claimCount('e1'), data.claimCount('e2')], [4, 1]);

  data.setWanted(false);
  host.calls.length = 0;
  host.lib.counts = { e2: 2 };
  host.emit('onDidChangeAnnotations');
  host.emit('onDidChangeLibrary');
  await settle();
  assert.equal(host.calls.join(), '', 'a hidden registry fetches nothing');
  assert.equal(data.claimCount('e1'), 4, 'it keeps the old copy meanwhile');
  data.setWanted(true);
  await data.refresh();
  assert.deepEqual([data.claimCount('e1'), data.claimCount('e2')], [0, 2], 'shown again, it catches up');
  data.dispose();
});

test('a failed fetch says so and keeps the last copy', async () => {
  const host = fakeHost();
  const errors: string[] = [];
  const data = createEntitiesData(host.reader, { onError: (m) => errors.push(m) });
  data.setWanted(true);
  await data.refresh();
  (host.reader as { claimCounts: unknown }).claimCounts = async () => { throw new Error('The host is gone.'); };
  await data.refresh();
  assert.deepEqual(errors, ['Could not read the entities: The host is gone.']);
  assert.equal(data.claimCount('e1'), 3);
});
