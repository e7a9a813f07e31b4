import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { ClaimSearchHit, SearchOptions } from '../../core/api.ts';
import type { Library } from '../library.ts';
import { openLibrary, passage, tempDir } from './test-support.ts';

/** A corpus folder of small .txt files: name → paragraphs. */
async function smallCorpus(t: { after(fn: () => unknown): void }, label: string, files: Record<string, string[]>): Promise<string> {
  const dir = await tempDir(t, label);
  for (const [name, paras] of Object.entries(files)) await writeFile(join(dir, name), paras.join('\n\n'));
  return dir;
}

const claimsOf = async (lib: Library, query: string, options: SearchOptions = {}): Promise<ClaimSearchHit[]> =>
  (await lib.search(query, { limit: 500, ...options })).hits.filter((x): x is ClaimSearchHit => x.type === 'claim');

/**
 * Two corpora: A with three documents and six claims on "cotton", B with two documents and four
 * claims on "cotton" too, so a query ranks both corpora's claims together.
 */
async function twoCorpora(t: { after(fn: () => unknown): void }): Promise<{ lib: Library; a: string; b: string; idA: string; idB: string; inA: string[]; inB: string[] }> {
  const a = await smallCorpus(t, 'field', {
    'ashgabat.txt': ['Ashgabat Notes', 'Cotton sales to Iran fell in 2014.', 'Cotton prices rose at the market.', 'The council met twice.'],
    'mary.txt': ['Mary Province', 'Cotton fields cover the oasis.', 'Cotton harvest was early.'],
    'balkan.txt': ['Balkan Region', 'Cotton is shipped by rail.'],
  });
  const b = await smallCorpus(t, 'archive', {
    'letters.txt': ['Letters Home', 'Cotton and wool came by caravan.', 'Cotton merchants met in Merv.'],
    'ledger.txt': ['Ledger', 'Cotton bales were counted twice.', 'Cotton paid the debts.'],
  });
  const lib = await openLibrary(t, await tempDir(t), a);
  const inA: string[] = [];
  for (const [file, phrase] of [['ashgabat.txt', 'Cotton sales'], ['ashgabat.txt', 'Cotton prices'], ['mary.txt', 'Cotton fields'], ['mary.txt', 'Cotton harvest'], ['balkan.txt', 'Cotton is shipped'], ['ashgabat.txt', 'The council met']] as const) {
    inA.push((await lib.createClaim({ ...(await passage(lib, file, phrase)), restatement: file === 'ashgabat.txt' && phrase === 'The council met' ? 'meeting, cotton' : '' })).id);
  }
  const idA = (await lib.getLibrary()).corpusId!;
  const snapB = await lib.openCorpus(b);
  const inB: string[] = [];
  for (const [file, phrase] of [['letters.txt', 'Cotton and wool'], ['letters.txt', 'Cotton merchants'], ['ledger.txt', 'Cotton bales'], ['ledger.txt', 'Cotton paid']] as const) {
    inB.push((await lib.createClaim(await passage(lib, file, phrase))).id);
  }
  return { lib, a, b, idA, idB: snapB.corpusId!, inA, inB };
}

test('search and the claims list cover one corpus or all; a claim of a corpus that is not open keeps its corpus and title', async (t) => {
  const { lib, idA, idB, inA, inB } = await twoCorpora(t);
  // B is open. "This corpus": only B's claims, listed (empty query) and searched.
  const listedB = await lib.search('', { filter: { corpusId: idB }, limit: 50 });
  assert.equal(listedB.total, 4);
  assert.equal(listedB.indexed, 4, 'an empty box says how many claims this corpus has');
  assert.deepEqual(new Set(listedB.hits.map((x) => (x as ClaimSearchHit).claimId)), new Set(inB));
  assert.deepEqual((await claimsOf(lib, 'cotton', { filter: { corpusId: idB } })).map((x) => x.corpusId), [idB, idB, idB, idB]);

  // "All corpora": every claim; A's keep their corpus and their document's title.
  const all = await claimsOf(lib, 'cotton');
  assert.equal(all.length, 10);
  const fromA = all.filter((x) => inA.includes(x.claimId));
  assert.equal(fromA.length, 6);
  for (const x of fromA) assert.equal(x.corpusId, idA);
  assert.deepEqual([...new Set(fromA.map((x) => x.title))].sort(), ['Ashgabat Notes', 'Balkan Region', 'Mary Province']);
  for (const x of all.filter((y) => inB.includes(y.claimId))) assert.equal(x.corpusId, idB);

  // A corpus that is not open can be searched alone too, with other filters on top.
  const onlyA = await lib.search('cotton', { filter: { corpusId: idA }, limit: 50, allIds: true });
  assert.equal(onlyA.total, 6);
  assert.deepEqual(new Set(onlyA.allIds), new Set(inA));
  const mary = (await claimsOf(lib, '', { filter: { corpusId: idA } })).find((x) => x.title === 'Mary Province')!;
  assert.equal((await lib.search('', { filter: { corpusId: idA, documentId: mary.documentId } })).total, 2);
  assert.equal((await lib.search('', { filter: { corpusId: idB, documentId: mary.documentId } })).total, 0, "a document of A is not in B's list");
  // The text of a corpus that is not open is not searched, and the answer says so.
  const text = await lib.search('cotton', { scope: 'passages', filter: { corpusId: idA } });
  assert.equal(text.total, 0);
  assert.match(text.message ?? '', /not open/);
  assert.ok((await lib.search('cotton', { scope: 'passages', filter: { corpusId: idB } })).total > 0);
});

test("a scoped search pages like the unscoped one: the same order, every claim once, the corpus's total", async (t) => {
  const { lib, idA, idB } = await twoCorpora(t);
  for (const [corpusId, query] of [[idA, 'cotton'], [idB, 'cotton'], [idA, ''], [idB, ''], [idA, 'council OR merchants']] as const) {
    const everyRanked = (await lib.search(query, { filter: {}, limit: 1, allIds: true })).allIds!;
    const mine = new Set((await lib.search(query, { filter: { corpusId }, limit: 1, allIds: true })).allIds);
    const expected = everyRanked.filter((id) => mine.has(id));
    const paged: string[] = [];
    for (let offset = 0; offset < expected.length + 2; offset += 2) {
      const page = await lib.search(query, { filter: { corpusId }, limit: 2, offset });
      assert.equal(page.total, expected.length, `${query} in ${corpusId}: total`);
      paged.push(...page.hits.map((x) => (x as ClaimSearchHit).claimId));
    }
    assert.deepEqual(paged, expected, `${query || '(list)'}: pages in the unscoped order`);
    assert.ok(expected.length > 0);
  }
});

test('only a claim whose document no corpus holds is labelled as gone; an export of a search can keep one corpus', async (t) => {
  const { lib, idB, inA, inB } = await twoCorpora(t);
  const store = (await lib.getLibrary()).store;
  assert.ok(store.ok);
  const gone = (await lib.getClaim(inA[4]!)).documentId; // balkan.txt's document
  const db = new DatabaseSync(store.path);
  db.prepare('DELETE FROM documents WHERE id = ?').run(gone);
  db.close();
  const hits = await claimsOf(lib, 'cotton');
  const orphan = hits.find((x) => x.claimId === inA[4])!;
  assert.equal(orphan.corpusId, null);
  assert.equal(orphan.title, '');
  assert.ok(hits.filter((x) => x.claimId !== inA[4]).every((x) => typeof x.corpusId === 'string' && x.title !== ''));

  const csv = await lib.exportCitations({ format: 'csv', selection: { query: 'cotton', corpusId: idB } });
  const rows = csv.text.trim().split(/\r\n/).slice(1);
  assert.equal(rows.length, inB.length, 'the export covers the four claims of B the search finds');
  assert.ok(rows.every((r) => /Letters Home|Ledger/.test(r)));
});

test('the index knows the titles of every corpus: source: finds a claim of a corpus that is not open, and the "All corpora" list keeps each source together', async (t) => {
  const { lib, inA, inB } = await twoCorpora(t);
  // B is open; "Mary Province" is a document of A
  const bySource = await claimsOf(lib, 'source:mary');
  assert.deepEqual(new Set(bySource.map((x) => x.claimId)), new Set(inA.slice(2, 4)));
  // the empty query lists claims by source title, then position: each document's claims are adjacent
  const listed = (await lib.search('', { limit: 50, filter: {} })).hits as ClaimSearchHit[];
  assert.equal(listed.length, inA.length + inB.length);
  const titles = listed.map((x) => x.title);
  const runs = titles.filter((title, i) => i === 0 || titles[i - 1] !== title);
  assert.equal(runs.length, new Set(titles).size, `each source's claims together: ${titles.join(' | ')}`);
});

test('a source edited or its edit undone shows in the very next search: the hits carry the new title and source: finds it', async (t) => {
  const { lib, inB } = await twoCorpora(t);
  // B is open; its documents' titles label the hits (and are kept between searches)
  const before = await claimsOf(lib, 'cotton merchants');
  const letters = before.find((x) => x.claimId === inB[1])!;
  assert.equal(letters.title, 'Letters Home');
  await lib.updateSource(letters.documentId, { title: 'Letters from Merv' });
  const after = (await claimsOf(lib, 'cotton merchants')).find((x) => x.claimId === inB[1])!;
  assert.equal(after.title, 'Letters from Merv', 'the edited title, not the one shown before');
  assert.deepEqual(new Set((await claimsOf(lib, 'source:merv')).map((x) => x.claimId)), new Set(inB.slice(0, 2)));
  await lib.undo();
  assert.equal((await claimsOf(lib, 'cotton merchants')).find((x) => x.claimId === inB[1])!.title, 'Letters Home', 'undone: the old title again');
  assert.deepEqual(await claimsOf(lib, 'source:merv'), []);
});

test('a scoped search sees a claim made, edited or deleted in that corpus at once', async (t) => {
  const { lib, idB, inB } = await twoCorpora(t);
  const scoped = async (q: string): Promise<string[]> => (await claimsOf(lib, q, { filter: { corpusId: idB } })).map((x) => x.claimId);
  assert.deepEqual(new Set(await scoped('cotton')), new Set(inB));
  const made = await lib.createClaim({ ...(await passage(lib, 'ledger.txt', 'Ledger')), note: 'cotton tally' });
  assert.deepEqual(new Set(await scoped('cotton')), new Set([...inB, made.id]), 'made: in the next scoped search');
  assert.equal((await lib.search('', { filter: { corpusId: idB } })).total, inB.length + 1, 'and in the corpus list');
  await lib.updateClaim(made.id, { note: 'wool tally' });
  assert.deepEqual(await scoped('tally'), [made.id]);
  assert.deepEqual(new Set(await scoped('cotton')), new Set(inB), 'edited: its old words gone');
  await lib.deleteClaims([made.id]);
  assert.deepEqual(await scoped('tally'), []);
  assert.equal((await lib.search('', { filter: { corpusId: idB } })).indexed, inB.length, 'deleted: the corpus counts one claim less');
});
