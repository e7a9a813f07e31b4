/**
 * Files edited on disk while the app runs (issue 10, item 14): the library notices, re-reads the
 * corpus once per burst of saves, and claims follow; a fuzzy claim's new text can be accepted
 * (undoable) as its quote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { LibrarySnapshot } from '../../core/api.ts';
import { ApiError } from '../../core/api.ts';
import { createLibrary, type Library } from '../library.ts';
import { filesParsed } from '../corpus/import-folder.ts';
import { isRelevantChange } from './corpus-watcher.ts';
import { openLibrary, passage, tempDir } from './test-support.ts';

const NOTES = ['Field Notes', 'The council met twice that year.', 'No figures were published afterwards.'];

/** The next onDidChangeLibrary, or a failure after `ms` (a generous bound: this is not a speed test). */
function nextLibraryChange(lib: Library, ms = 10_000): Promise<LibrarySnapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no library change within ${ms} ms`)); }, ms);
    const off = lib.on('onDidChangeLibrary', (snap) => { clearTimeout(timer); off(); resolve(snap); });
  });
}

test('which changed files count: source files and sources.json, not hidden files, editors\' swap files or other files', () => {
  for (const yes of ['a.txt', 'sub/b.md', 'c.markdown', 'd.HTML', 'e.htm', 'sources.json', 'sub\\f.txt', null]) assert.equal(isRelevantChange(yes), true, String(yes));
  for (const no of ['.a.txt.swp', 'a.txt~', '.git/index', 'node_modules/x/readme.md', 'photo.jpg', 'notes.txt.tmp', '4913', 'other.json']) assert.equal(isRelevantChange(no), false, no);
});

test('an edit on disk is noticed while the library runs: the corpus is re-read and the claim follows its passage', async (t) => {
  const dir = await tempDir(t, 'watched');
  const file = join(dir, 'notes.txt');
  await writeFile(file, NOTES.join('\n\n'));
  const lib = await createLibrary({ dataDir: await tempDir(t), corpusDir: dir, transport: 'web', watchCorpus: true });
  t.after(() => lib.close());
  const claim = await lib.createClaim(await passage(lib, 'notes.txt', 'No figures were published afterwards.'));
  assert.equal(claim.paragraph, 2);

  let changes = 0;
  lib.on('onDidChangeLibrary', () => { changes += 1; });
  const changed = nextLibraryChange(lib);
  // An editor's save: a temporary file written, then renamed over the original.
  await writeFile(join(dir, '.notes.txt.swp'), 'swap');
  await writeFile(join(dir, 'notes.txt.new'), [NOTES[0], 'A paragraph added above.', ...NOTES.slice(1)].join('\n\n'));
  await rename(join(dir, 'notes.txt.new'), file);
  const snap = await changed;
  assert.equal(snap.documents.length, 1);
  const after = (await lib.listClaims())[0]!;
  assert.equal(after.status, 'moved');
  assert.equal(after.paragraph, 3, 'the locator follows the passage');
  assert.equal(changes, 1, 'one burst of saves, one re-read');

  // A new file appears in the folder.
  const added = nextLibraryChange(lib);
  await writeFile(join(dir, 'more.md'), '# More\n\nAnother text.\n');
  assert.deepEqual((await added).documents.map((d) => d.path).sort(), ['more.md', 'notes.txt']);
});

test('the CLI\'s one-shot library does not watch; a library without a corpus does not either', async (t) => {
  const dir = await tempDir(t, 'unwatched');
  await writeFile(join(dir, 'notes.txt'), NOTES.join('\n\n'));
  const lib = await openLibrary(t, await tempDir(t), dir);
  assert.equal((await lib.getLibrary()).documents.length, 1);
  const none = await createLibrary({ dataDir: await tempDir(t), corpusDir: null, transport: 'web', watchCorpus: true });
  none.close();
});

test('a fuzzy claim: its new text can be accepted as the quote, and undo brings the old quote back', async (t) => {
  const dir = await tempDir(t, 'fuzzy');
  const file = join(dir, 'notes.txt');
  await writeFile(file, NOTES.join('\n\n'));
  const lib = await openLibrary(t, await tempDir(t), dir);
  const claim = await lib.createClaim(await passage(lib, 'notes.txt', 'The council met twice that year.'));
  await assert.rejects(lib.updateClaim(claim.id, { acceptText: true }), (err: unknown) => err instanceof ApiError && err.code === 'bad-input' && /Only a fuzzy claim/.test(err.message));

  await writeFile(file, [NOTES[0], 'The counsil met twice that year.', NOTES[2]].join('\n\n'));
  await lib.openCorpus(dir);
  const fuzzy = (await lib.listClaims())[0]!;
  assert.equal(fuzzy.status, 'fuzzy');
  assert.equal(fuzzy.quote.exact, 'The council met twice that year.');

  const accepted = await lib.updateClaim(claim.id, { acceptText: true });
  assert.equal(accepted.status, 'exact');
  assert.equal(accepted.quote.exact, 'The counsil met twice that year.');
  assert.deepEqual(accepted.position, fuzzy.position);
  assert.equal(accepted.quote.prefix, 'Field Notes\n\n');

  assert.deepEqual(await lib.undo(), { action: 'Accept new text', undoable: true });
  const back = (await lib.listClaims())[0]!;
  assert.equal(back.status, 'fuzzy');
  assert.equal(back.quote.exact, 'The council met twice that year.');
  // And the claim stays fuzzy after another look at the file (nothing re-accepts on its own).
  await lib.reanchor();
  assert.equal((await lib.listClaims())[0]!.status, 'fuzzy');
});

test('a corpus folder that is missing at start is looked for, and read again when it is back', async (t) => {
  const parent = await tempDir(t, 'drive');
  const dir = join(parent, 'fieldwork');
  await mkdir(dir);
  await writeFile(join(dir, 'notes.txt'), NOTES.join('\n\n'));
  const data = await tempDir(t);
  const first = await createLibrary({ dataDir: data, corpusDir: dir, transport: 'web' });
  const claim = await first.createClaim(await passage(first, 'notes.txt', 'The council met twice that year.'));
  first.close();
  await rename(dir, join(parent, 'unplugged'));

  const lib = await createLibrary({ dataDir: data, corpusDir: null, transport: 'web', watchCorpus: true });
  t.after(() => lib.close());
  let snap = await lib.getLibrary();
  assert.equal(snap.corpora[0]!.missing, true);
  const back = nextLibraryChange(lib);
  // Plugged back in, with the file edited meanwhile: read again, the claim follows.
  await writeFile(join(parent, 'unplugged', 'notes.txt'), [NOTES[0], 'A paragraph added above.', ...NOTES.slice(1)].join('\n\n'));
  await rename(join(parent, 'unplugged'), dir);
  snap = await back;
  assert.equal(snap.corpora[0]!.missing, false);
  const now = (await lib.listClaims())[0]!;
  assert.equal(now.id, claim.id);
  assert.deepEqual([now.status, now.paragraph], ['moved', 2]);
  // And it is watched again from then on.
  const edited = nextLibraryChange(lib);
  await writeFile(join(dir, 'more.txt'), 'More\n\nAnother text.');
  assert.equal((await edited).documents.length, 2);
});

test('a watched corpus folder that goes away is shown as missing, and read again when it is back', async (t) => {
  const parent = await tempDir(t, 'drive');
  const dir = join(parent, 'fieldwork');
  await mkdir(dir);
  await writeFile(join(dir, 'notes.txt'), NOTES.join('\n\n'));
  const lib = await createLibrary({ dataDir: await tempDir(t), corpusDir: dir, transport: 'web', watchCorpus: true });
  t.after(() => lib.close());
  const claim = await lib.createClaim(await passage(lib, 'notes.txt', 'The council met twice that year.'));
  const gone = nextLibraryChange(lib);
  await rename(dir, join(parent, 'unplugged'));
  let snap = await gone;
  assert.equal(snap.corpora[0]!.missing, true);
  assert.equal(snap.documents.length, 1, 'not emptied');
  assert.equal((await lib.listClaims())[0]!.status, 'exact');
  const back = nextLibraryChange(lib);
  await rename(join(parent, 'unplugged'), dir);
  snap = await back;
  assert.equal(snap.corpora[0]!.missing, false);
  assert.deepEqual((await lib.listClaims()).map((c) => [c.id, c.status]), [[claim.id, 'exact']]);
});

test('saving one file of five re-reads that file alone: the others are neither parsed nor written again, and their claims stay', async (t) => {
  const dir = await tempDir(t, 'five');
  const texts: Record<string, string[]> = {
    'one.txt': ['One', 'Cotton sales fell in 2014.', 'The council met twice.'],
    'two.txt': ['Two', 'Wheat came by rail.'],
    'three.md': ['# Three', 'Wool was counted at the gate.'],
    'four.txt': ['Four', 'The ministry said nothing.'],
    'five.html': ['<h1>Five</h1>', '<p>Silk went east.</p>'],
  };
  for (const [name, paras] of Object.entries(texts)) await writeFile(join(dir, name), paras.join('\n\n'));
  const data = await tempDir(t);
  const lib = await createLibrary({ dataDir: data, corpusDir: dir, transport: 'web', watchCorpus: true });
  t.after(() => lib.close());
  const inOne = await lib.createClaim(await passage(lib, 'one.txt', 'The council met twice.'));
  const inTwo = await lib.createClaim(await passage(lib, 'two.txt', 'Wheat came by rail.'));
  const store = (await lib.getLibrary()).store;
  assert.ok(store.ok);
  const importedAt = (): Map<string, string> => {
    const db = new DatabaseSync(store.path, { readOnly: true });
    try { return new Map((db.prepare('SELECT path, imported_at FROM documents').all() as Array<{ path: string; imported_at: string }>).map((r) => [r.path, r.imported_at])); } finally { db.close(); }
  };
  const before = importedAt();
  const parsedBefore = filesParsed();

  const changed = nextLibraryChange(lib);
  await writeFile(join(dir, 'one.txt'), [texts['one.txt']![0], 'A paragraph added above.', ...texts['one.txt']!.slice(1)].join('\n\n'));
  await changed;
  assert.equal(filesParsed() - parsedBefore, 1, 'one file saved, one file parsed');
  const after = importedAt();
  for (const path of ['two.txt', 'three.md', 'four.txt', 'five.html']) assert.equal(after.get(path), before.get(path), `${path} is not written again`);
  assert.notEqual(after.get('one.txt'), before.get('one.txt'));
  const claims = new Map((await lib.listClaims()).map((c) => [c.id, c]));
  assert.deepEqual([claims.get(inOne.id)!.status, claims.get(inOne.id)!.paragraph], ['moved', 3], 'the changed file\'s claim follows its passage');
  assert.deepEqual(claims.get(inTwo.id)!.position, inTwo.position);
  assert.equal((await lib.getDocument(inTwo.documentId)).blocks.length > 0, true, 'an unchanged document still opens');

  // A rename: the new name is read (one parse), the old one leaves; its claim follows the file (same text).
  const renamed = nextLibraryChange(lib);
  const parsedBeforeRename = filesParsed();
  await rename(join(dir, 'two.txt'), join(dir, 'two-renamed.txt'));
  const snap = await renamed;
  assert.equal(filesParsed() - parsedBeforeRename, 1);
  assert.deepEqual(snap.documents.map((d) => d.path).sort(), ['five.html', 'four.txt', 'one.txt', 'three.md', 'two-renamed.txt']);
  const followed = (await lib.listClaims()).find((c) => c.id === inTwo.id)!;
  assert.deepEqual([followed.status, followed.documentId], ['exact', snap.documents.find((d) => d.path === 'two-renamed.txt')!.id]);
  assert.deepEqual(followed.position, inTwo.position);

  // A deletion and a new file, in one burst: nothing else is parsed.
  const burst = nextLibraryChange(lib);
  const parsedBeforeBurst = filesParsed();
  await rm(join(dir, 'four.txt'));
  await writeFile(join(dir, 'six.txt'), 'Six\n\nTea came from the south.');
  const last = await burst;
  assert.equal(filesParsed() - parsedBeforeBurst, 1);
  assert.deepEqual(last.documents.map((d) => d.path).sort(), ['five.html', 'one.txt', 'six.txt', 'three.md', 'two-renamed.txt']);

  // The reanchor command still reads every file.
  const parsedBeforeReanchor = filesParsed();
  await lib.reanchor();
  assert.equal(filesParsed() - parsedBeforeReanchor, 5);
});
