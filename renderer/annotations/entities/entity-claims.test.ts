import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimFilter, ClaimSearchHit, SearchOptions, SearchPage } from '../../../core/api.ts';
import { createEntityClaims, type EntityClaimsReader } from './entity-claims.ts';

/** A claim of the fake library: which source, where, which entities. */
interface FakeClaim { id: string; documentId: string; title: string; start: number; entityIds: string[] }

/** Builds `n` claims of `entityIds` in `documentId`, one every 10 characters. */
const claims = (prefix: string, documentId: string, title: string, n: number, entityIds: string[]): FakeClaim[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, documentId, title, start: i * 10, entityIds }));

const hit = (c: FakeClaim): ClaimSearchHit => ({
  type: 'claim', claimId: c.id, documentId: c.documentId, title: c.title, paragraph: 1, paragraphEnd: 1, start: c.start, end: c.start + 5,
  kind: 'claim', status: 'exact', score: 0, matched: 0, restatement: '', tags: [], entities: [],
  ranges: { quote: [], restatement: [], note: [], tags: [], entities: [] }, snippet: { text: `quote ${c.id}`, ranges: [] }, noteSnippet: null,
});

/**
 * A host answering as the real one does for an empty query with an entity filter: the claims
 * carrying the entity in source-title then text order, `limit` from `offset`; and the counts.
 */
function fakeHost(library: FakeClaim[]) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  let fail = false;
  const passing = (f: ClaimFilter | SearchOptions['filter'] = {}) => library
    .filter((c) => !f.entityId || c.entityIds.includes(f.entityId))
    .sort((a, b) => a.title.localeCompare(b.title) || a.start - b.start);
  const reader: EntityClaimsReader = {
    search: async (query: string, options: SearchOptions = {}): Promise<SearchPage> => {
      calls.push({ method: 'search', args: [query, options] });
      if (fail) throw new Error('The host is gone.');
      const all = passing(options.filter);
      const offset = options.offset ?? 0;
      const hits = all.slice(offset, offset + (options.limit ?? 50)).map(hit);
      return { scope: 'claims', total: all.length, indexed: library.length, offset, hits, wanted: 0, message: null };
    },
    claimCounts: async (by: 'entity' | 'document', filter?: ClaimFilter): Promise<Record<string, number>> => {
      calls.push({ method: 'claimCounts', args: [by, filter] });
      if (fail) throw new Error('The host is gone.');
      const out: Record<string, number> = {};
      for (const c of passing(filter)) out[c.documentId] = (out[c.documentId] ?? 0) + 1;
      return out;
    },
  };
  return { reader, calls, library, setFail: (f: boolean) => { fail = f; } };
}

const ids = (s: { groups: Array<{ hits: ClaimSearchHit[] }> }): string[] => s.groups.flatMap((g) => g.hits.map((h) => h.claimId));

test('an entity with 450 claims in three sources: a page of 200, grouped by source with each source\'s whole count, then more', async () => {
  const host = fakeHost([
    ...claims('w', 'doc-w', 'Wiki page', 150, ['e1']),
    ...claims('a', 'doc-a', 'Article', 250, ['e1']),
    ...claims('x', 'doc-x', 'Another', 30, ['e2']),
    ...claims('j', 'doc-j', 'Journal', 50, ['e1', 'e2']),
  ]);
  const list = createEntityClaims(host.reader, 'e1');
  assert.equal(list.state().loaded, false);
  let s = await list.reload();
  assert.deepEqual([s.loaded, s.total, s.listed], [true, 450, 200]);
  assert.deepEqual(s.groups.map((g) => [g.title, g.count, g.hits.length]), [['Article', 250, 200]], 'the first page is the first source\'s first 200');
  s = await list.more();
  assert.deepEqual(s.groups.map((g) => [g.title, g.count, g.hits.length]), [['Article', 250, 250], ['Journal', 50, 50], ['Wiki page', 150, 100]]);
  s = await list.more();
  assert.equal(s.listed, 450);
  assert.deepEqual(s.groups.map((g) => [g.documentId, g.count, g.hits.length]), [['doc-a', 250, 250], ['doc-j', 50, 50], ['doc-w', 150, 150]]);
  assert.equal(new Set(ids(s)).size, 450, 'every claim once');
  assert.ok(!ids(s).some((id) => id.startsWith('x')), 'no claim of another entity');
  // rows within a source in text order
  assert.deepEqual(s.groups[2]!.hits.slice(0, 3).map((h) => h.start), [0, 10, 20]);
  const before = host.calls.length;
  await list.more();
  assert.equal(host.calls.length, before, 'nothing is asked when every claim is listed');
  for (const c of host.calls.filter((x) => x.method === 'search')) {
    const o = c.args[1] as SearchOptions;
    assert.ok((o.limit ?? 0) <= 200, 'never more than a page at once');
    assert.deepEqual(o.filter, { entityId: 'e1' });
  }
});

test('after a change the list is asked again at the length it had: a new claim shows, a deleted one goes', async () => {
  const host = fakeHost(claims('a', 'doc-a', 'Article', 300, ['e1']));
  const list = createEntityClaims(host.reader, 'e1', 100);
  await list.reload();
  await list.more();
  assert.equal(list.state().listed, 200);
  host.library.push({ id: 'new', documentId: 'doc-b', title: 'Book', start: 5, entityIds: ['e1'] });
  host.library.splice(0, 1); // a0 deleted
  const s = await list.reload();
  assert.deepEqual([s.total, s.listed], [300, 200], 'still 200 listed after the reload');
  assert.ok(!ids(s).includes('a0'));
  assert.equal(ids(s)[0], 'a1');
  assert.deepEqual(s.groups.map((g) => g.title), ['Article']);
  await list.more();
  const last = list.state().groups.at(-1)!;
  assert.deepEqual([last.title, last.count, last.hits.map((h) => h.claimId)], ['Book', 1, ['new']]);
});

test('a list shown whole stays whole after claims were added (up to a page more)', async () => {
  const host = fakeHost(claims('a', 'doc-a', 'Article', 150, ['e1']));
  const list = createEntityClaims(host.reader, 'e1', 100);
  await list.reload();
  await list.more();
  assert.equal(list.state().listed, 150);
  host.library.push(...claims('b', 'doc-b', 'Book', 3, ['e1']));
  assert.deepEqual([(await list.reload()).listed, list.state().total], [153, 153]);
  host.library.push(...claims('c', 'doc-c', 'Codex', 500, ['e1']));
  host.calls.length = 0;
  assert.deepEqual([(await list.reload()).listed, list.state().total], [253, 653], 'a bulk tag of 500 adds one page, not 500 rows');
  assert.equal(host.calls.filter((x) => x.method === 'search').length, 1, 'what was listed is asked for at once, not a page at a time');
});

test('reloads asked while one waits share it; a host error rejects and keeps what was listed', async () => {
  const host = fakeHost(claims('a', 'doc-a', 'Article', 20, ['e1']));
  const list = createEntityClaims(host.reader, 'e1');
  await list.reload();
  host.calls.length = 0;
  const asked = [list.reload(), list.reload(), list.reload(), list.reload()];
  assert.ok(asked.every((p) => p === asked[0]), 'one queued reload for several asks (a burst of change events)');
  await Promise.all(asked);
  assert.equal(host.calls.filter((x) => x.method === 'search').length, 1, 'one fetch, not four');
  host.setFail(true);
  await assert.rejects(list.reload(), /The host is gone/);
  assert.equal(list.state().listed, 20);
  host.setFail(false);
  assert.equal((await list.reload()).listed, 20, 'a failed call does not stop the next');
});
