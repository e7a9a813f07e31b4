import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { join } from 'node:path';
import { migrate } from '../store/migrations.ts';
import { createLibrary } from '../library.ts';
import { corpusCopy, openLibrary, passage, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

/** A corpus folder of small .txt files: name → paragraphs. */
async function smallCorpus(t: { after(fn: () => unknown): void }, files: Record<string, string[]>): Promise<string> {
  const dir = await tempDir(t, 'small');
  for (const [name, paras] of Object.entries(files)) await writeFile(join(dir, name), paras.join('\n\n'));
  return dir;
}

test('opening a second corpus keeps the first one and its claims; switching back finds them as they were', async (t) => {
  const a = await corpusCopy(t);
  const b = await smallCorpus(t, {
    'notes.txt': ['Field Notes', 'The council met twice that year.', 'Nobody spoke about the budget.'],
  });
  const lib = await openLibrary(t, await tempDir(t), a);
  const first = await lib.getLibrary();
  assert.equal(first.corpora.length, 1);
  const claimA = await lib.createClaim(await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy'));

  const second = await lib.openCorpus(b);
  assert.equal(second.corpora.length, 2, 'the library lists both corpora');
  assert.equal(second.corpusDir, b);
  assert.equal(second.corpusId, second.corpora[1]!.id);
  assert.deepEqual(second.documents.map((d) => d.path), ['notes.txt'], 'only the open corpus is read');
  assert.deepEqual(second.corpora.map((c) => [c.name, c.documentCount, c.missing]),
    [[first.corpora[0]!.name, first.documents.length, false], [b.split('/').pop(), 1, false]]);
  const afterSwitch = (await lib.listClaims()).find((c) => c.id === claimA.id)!;
  assert.equal(afterSwitch.status, 'exact', 'a claim of a corpus that is not open is never an orphan');
  assert.deepEqual(afterSwitch.position, claimA.position);
  await assert.rejects(lib.getDocument(claimA.documentId), /in the corpus ".+" \(.+\); open that corpus to read it/);

  const claimB = await lib.createClaim(await passage(lib, 'notes.txt', 'The council met twice that year.'));
  assert.deepEqual((await lib.listClaims({ corpusId: second.corpusId! })).map((c) => c.id), [claimB.id], 'a filter by corpus');
  // reanchor covers the open corpus only: A's claim keeps its status.
  await lib.reanchor();
  assert.equal((await lib.listClaims()).find((c) => c.id === claimA.id)!.status, 'exact');

  const back = await lib.openCorpus(a);
  assert.equal(back.corpusId, first.corpusId, 'switching back is the same corpus, not a new one');
  assert.equal(back.corpora.length, 2);
  assert.equal(back.documents.length, first.documents.length);
  const claims = await lib.listClaims();
  assert.deepEqual(claims.map((c) => c.status).sort(), ['exact', 'exact']);
  assert.equal((await lib.listClaims({ corpusId: first.corpusId! }))[0]!.id, claimA.id);
});

test('two corpora that both hold notes.txt keep two documents, each with its own claims', async (t) => {
  const a = await smallCorpus(t, { 'notes.txt': ['Notes A', 'Cotton sales fell by a tenth.'] });
  const b = await smallCorpus(t, { 'notes.txt': ['Notes B', 'Wheat sales rose by a fifth.'] });
  const lib = await openLibrary(t, await tempDir(t), a);
  const inA = await lib.createClaim(await passage(lib, 'notes.txt', 'Cotton sales'));
  await lib.openCorpus(b);
  const inB = await lib.createClaim(await passage(lib, 'notes.txt', 'Wheat sales'));
  assert.notEqual(inA.documentId, inB.documentId);
  await lib.openCorpus(a);
  const all = await lib.listClaims();
  assert.deepEqual(all.map((c) => [c.quote.exact, c.status]).sort(), [['Cotton sales', 'exact'], ['Wheat sales', 'exact']]);
  assert.match((await lib.getDocument(inA.documentId)).title, /Notes A/);
});

test('a corpus folder that goes missing is shown as missing, not emptied, and its claims are kept', async (t) => {
  const parent = await tempDir(t, 'drive');
  const a = join(parent, 'fieldwork');
  await mkdir(a);
  await writeFile(join(a, 'notes.txt'), 'Field Notes\n\nThe council met twice that year.\n\nNo figures were published afterwards.');
  const b = await smallCorpus(t, { 'other.txt': ['Other', 'Something else entirely.'] });
  const data = await tempDir(t);
  let lib = await createLibrary({ dataDir: data, corpusDir: a, transport: 'web', version: 'test' });
  const claim = await lib.createClaim(await passage(lib, 'notes.txt', 'The council met twice that year.'));
  await lib.openCorpus(b);
  await rename(a, join(parent, 'unplugged'));

  // The panel's view: A is listed, missing, with its document count kept.
  let snap = await lib.getLibrary();
  const listed = snap.corpora.find((c) => c.dir === a)!;
  assert.equal(listed.missing, true);
  assert.equal(listed.documentCount, 1);
  // Switching to it opens what the store has; nothing becomes an orphan.
  snap = await lib.openCorpus(a);
  assert.equal(snap.corpusDir, a);
  assert.deepEqual(snap.documents.map((d) => d.path), ['notes.txt']);
  assert.equal(snap.corpora.find((c) => c.id === snap.corpusId)!.missing, true);
  assert.match((await lib.getDocument(claim.documentId)).title, /Field Notes/);
  assert.equal((await lib.listClaims())[0]!.status, 'exact');
  await assert.rejects(lib.reanchor(), /cannot be found .*kept as they were/);
  assert.equal((await lib.listClaims())[0]!.status, 'exact');
  lib.close();

  // Started again with the folder still missing: the same.
  lib = await createLibrary({ dataDir: data, corpusDir: null, transport: 'web', version: 'test' });
  t.after(() => lib.close());
  snap = await lib.getLibrary();
  assert.equal(snap.corpusDir, a);
  assert.equal(snap.documents.length, 1);
  assert.equal(snap.corpora.find((c) => c.dir === a)!.missing, true);
  assert.equal((await lib.listClaims({ documentId: claim.documentId }))[0]!.status, 'exact');

  // The drive comes back: the claim is where it was.
  await rename(join(parent, 'unplugged'), a);
  snap = await lib.openCorpus(a);
  assert.equal(snap.corpora.find((c) => c.dir === a)!.missing, false);
  assert.equal((await lib.listClaims({ documentId: claim.documentId }))[0]!.status, 'exact');
  await rm(a, { recursive: true });
  await assert.rejects(lib.openCorpus(join(parent, 'never-there')), /cannot be found/);
});

test('a store from before corpora keeps its corpus, document ids and claims', async (t) => {
  const corpus = await corpusCopy(t);
  // A claim made by this version, to copy into a store as version 2 (before corpora) had it.
  const scratch = await tempDir(t);
  const lib = await openLibrary(t, scratch, corpus);
  const claim = await lib.createClaim(await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy'));
  lib.close();
  const from = new DatabaseSync(join(scratch, 'marginalia.sqlite'));
  const v2Documents = from.prepare(`SELECT id, iri, path, title, format, content_hash, word_count, problems, csl, model, imported_at, removed_at, text_hash FROM documents`).all();
  const v2Claim = from.prepare(`SELECT id, document_id, quote_exact, quote_prefix, quote_suffix, pos_start, pos_end, status, paragraph, restatement, note, kind, tags, created, modified FROM claims`).get()!;
  from.close();

  const data = await tempDir(t);
  const old = new DatabaseSync(join(data, 'marginalia.sqlite'));
  migrate(old, 2);
  old.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('corpusDir', JSON.stringify(corpus));
  for (const row of [...v2Documents.map((r) => ['documents', r] as const), ['claims', v2Claim] as const]) {
    const cols = Object.keys(row[1]);
    old.prepare(`INSERT INTO ${row[0]} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...(Object.values(row[1]) as SQLInputValue[]));
  }
  old.close();

  const again = await openLibrary(t, data, null);
  const snap = await again.getLibrary();
  assert.equal(snap.store.ok, true);
  assert.deepEqual(snap.corpora.map((c) => [c.dir, c.documentCount, c.missing]), [[corpus, v2Documents.length, false]]);
  assert.ok(snap.documents.some((d) => d.id === claim.documentId), 'document ids unchanged');
  const kept = (await again.listClaims())[0]!;
  assert.equal(kept.id, claim.id);
  assert.equal(kept.status, 'exact');
  assert.equal(kept.paragraphEnd, kept.paragraph);
  // A second corpus added to this store does not disturb the first.
  await again.openCorpus(await smallCorpus(t, { 'a.txt': ['A', 'Text.'] }));
  assert.equal((await again.listClaims())[0]!.status, 'exact');
});

test('reanchor reports the changes of the open corpus only; another corpus\'s wait for its own report', async (t) => {
  const a = await smallCorpus(t, { 'a.txt': ['Notes A', 'Cotton sales fell by a tenth.'] });
  const b = await smallCorpus(t, { 'b.txt': ['Notes B', 'Wheat sales rose by a fifth.'] });
  const lib = await openLibrary(t, await tempDir(t), a);
  const claim = await lib.createClaim(await passage(lib, 'a.txt', 'Cotton sales fell by a tenth.'));
  await writeFile(join(a, 'a.txt'), ['Notes A', 'A new first paragraph.', 'Cotton sales fell by a tenth.'].join('\n\n'));
  await lib.openCorpus(b);
  await lib.openCorpus(a); // re-read: the claim moves (and is not reported yet)
  await lib.openCorpus(b);
  assert.deepEqual((await lib.reanchor()).changes, [], 'B has nothing to report');
  await lib.openCorpus(a);
  const report = await lib.reanchor();
  assert.deepEqual(report.changes!.map((c) => [c.claimId, c.before.paragraph, c.after.paragraph]), [[claim.id, 1, 2]]);
  assert.equal(report.moved, 1);
});

test('a file renamed or moved (same text) keeps its claims and source edits at its new path, in the open corpus or one that is not open', async (t) => {
  const a = await smallCorpus(t, {
    'harbor.txt': ['Harbor Minutes', 'The harbor commission met on Tuesday.', 'Dredging was postponed.'],
    'school.txt': ['School Board', 'The board approved the budget.'],
  });
  const b = await smallCorpus(t, { 'notes.txt': ['Field Notes', 'The council met twice that year.'] });
  const lib = await openLibrary(t, await tempDir(t), a);
  const claim = await lib.createClaim({ ...(await passage(lib, 'harbor.txt', 'Dredging was postponed.')), note: 'delay' });
  await lib.updateSource(claim.documentId, { title: 'Harbor Commission, 1961' });

  // renamed while the corpus is open: read again
  await rename(join(a, 'harbor.txt'), join(a, 'harbor-minutes.txt'));
  await lib.openCorpus(a);
  const moved = (await lib.listClaims()).find((c) => c.id === claim.id)!;
  const now = (await lib.getLibrary()).documents.find((d) => d.path === 'harbor-minutes.txt')!;
  assert.equal(moved.documentId, now.id, 'the claim is on the renamed file');
  assert.equal(moved.status, 'exact');
  assert.deepEqual(moved.position, claim.position);
  assert.equal(now.title, 'Harbor Commission, 1961', 'the source edit followed');
  assert.deepEqual((await lib.search('delay')).hits.map((h) => h.documentId), [now.id], 'search knows the new document');
  await lib.undo(); // the source edit, made before the rename
  assert.equal((await lib.getLibrary()).documents.find((d) => d.path === 'harbor-minutes.txt')!.title, 'Harbor Minutes', 'undo of an edit made before the rename');
  await lib.undo(); // the claim's creation
  assert.equal((await lib.listClaims()).length, 0);
  await lib.redo();
  const redone = (await lib.listClaims()).find((c) => c.id === claim.id)!;
  assert.deepEqual([redone.documentId, redone.status], [now.id, 'exact'], 'redo puts the claim on the renamed file, not the old path');
  await lib.redo();

  // moved into a subfolder while another corpus is open
  await lib.openCorpus(b);
  await mkdir(join(a, 'minutes'));
  await rename(join(a, 'harbor-minutes.txt'), join(a, 'minutes', 'harbor.txt'));
  await lib.openCorpus(a);
  const again = (await lib.listClaims()).find((c) => c.id === claim.id)!;
  assert.equal(again.documentId, (await lib.getLibrary()).documents.find((d) => d.path === 'minutes/harbor.txt')!.id);
  assert.equal(again.status, 'exact');
  assert.deepEqual((await lib.listClaims()).filter((c) => c.status === 'orphan'), []);
});

/** Paragraphs of the two files the rename tests move about. */
const HARBOR = ['Harbor Minutes', 'The harbor commission met on Tuesday.'];
const SCHOOL = ['School Board', 'The board approved the budget.'];

/** A corpus of harbor.txt and school.txt, opened in a fresh library. */
async function harborAndSchool(t: { after(fn: () => unknown): void }): Promise<{ a: string; lib: Awaited<ReturnType<typeof openLibrary>> }> {
  const a = await smallCorpus(t, { 'harbor.txt': HARBOR, 'school.txt': SCHOOL });
  return { a, lib: await openLibrary(t, await tempDir(t), a) };
}

test('a renamed file whose text also changed, or two new files with its text, are not guessed at: the claim is an orphan, kept', async (t) => {
  const { a, lib } = await harborAndSchool(t);
  const onHarbor = await lib.createClaim(await passage(lib, 'harbor.txt', 'The harbor commission met on Tuesday.'));
  const onSchool = await lib.createClaim(await passage(lib, 'school.txt', 'The board approved the budget.'));
  await rm(join(a, 'harbor.txt'));
  await writeFile(join(a, 'harbor-2.txt'), ['Harbor Minutes', 'The harbor commission met on Wednesday.'].join('\n\n'));
  const school = SCHOOL.join('\n\n');
  await rm(join(a, 'school.txt'));
  await writeFile(join(a, 'school-a.txt'), school);
  await writeFile(join(a, 'school-b.txt'), school);
  await lib.openCorpus(a);
  const claims = await lib.listClaims();
  assert.equal(claims.find((c) => c.id === onHarbor.id)!.status, 'orphan', 'renamed and edited: not followed');
  assert.equal(claims.find((c) => c.id === onHarbor.id)!.documentId, onHarbor.documentId);
  assert.equal(claims.find((c) => c.id === onSchool.id)!.status, 'orphan', 'two copies: which one is not guessed');
});

test('a rename read in two steps (the old name gone in one read, the new one in the next) still brings the orphaned claim back, exact', async (t) => {
  const { a, lib } = await harborAndSchool(t);
  const claim = await lib.createClaim(await passage(lib, 'harbor.txt', 'The harbor commission met on Tuesday.'));
  const text = HARBOR.join('\n\n');
  await rm(join(a, 'harbor.txt'));
  await lib.openCorpus(a);
  assert.equal((await lib.listClaims()).find((c) => c.id === claim.id)!.status, 'orphan', 'the file is gone: an orphan, kept');
  await writeFile(join(a, 'minutes.txt'), text);
  await lib.openCorpus(a);
  const back = (await lib.listClaims()).find((c) => c.id === claim.id)!;
  assert.equal(back.documentId, (await lib.getLibrary()).documents.find((d) => d.path === 'minutes.txt')!.id);
  assert.deepEqual([back.status, back.position], ['exact', claim.position]);
});
