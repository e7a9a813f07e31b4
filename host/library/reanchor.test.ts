import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../core/api.ts';
import { inlineText, textBlocks } from '../../core/corpus/plain-text.ts';
import { corpusCopy, openLibrary, passage, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

const FOREIGN_RELATIONS = '004_d79f82da22736ce2.txt';
const LEAVES = '002_6ab0db5811888ba3.txt';

test('editing and removing corpus files moves claims and never deletes one', async (t) => {
  const corpus = await corpusCopy(t);
  const lib = await openLibrary(t, await tempDir(t), corpus);
  const phrases = {
    moved: 'Since 1991 Turkmenistan promotes its neutrality policy',
    fuzzy: 'even if bilateral relations worsened following the Gazprom decision to suspend purchases',
    orphan: 'Moreover, Turkmenistan could potentially host a Chinese military base',
  };
  const made: Record<string, Awaited<ReturnType<typeof lib.createClaim>>> = {};
  for (const [key, phrase] of Object.entries(phrases)) made[key] = await lib.createClaim({ ...(await passage(lib, TURKMEN_NEUTRALITY, phrase)), note: key });
  made.untouched = await lib.createClaim({ ...(await passage(lib, FOREIGN_RELATIONS, 'Former President Niyazov stated that the neutrality')), note: 'untouched' });
  const leaving = await passage(lib, LEAVES, 'The concept of a Central Asian union emerged soon after the dissolution of the Soviet Union');
  made.gone = await lib.createClaim({ ...leaving, note: 'gone' });

  // An editor's note before the first paragraph, a word changed, the last paragraph cut; one file moved away.
  const file = join(corpus, TURKMEN_NEUTRALITY);
  let text = await readFile(file, 'utf8');
  text = text.replace('The visit of Russian Defence Minister', "Editor's note: this analysis was revised in August 2016.\n\nThe visit of Russian Defence Minister");
  text = text.replace('relations worsened following', 'relations deteriorated following');
  text = text.slice(0, text.indexOf('In April 2016, Turkmenistan showed off'));
  await writeFile(file, text);
  const away = await tempDir(t, 'away');
  await rename(join(corpus, LEAVES), join(away, LEAVES));

  let changes = 0;
  lib.on('onDidChangeAnnotations', () => { changes += 1; });
  const snap = await lib.openCorpus(corpus);
  assert.equal(changes, 1);
  assert.equal(snap.documents.length, 4);
  assert.ok(!snap.documents.some((d) => d.id === made.gone!.documentId), 'the removed file left the library');

  const byNote = new Map((await lib.listClaims()).map((c) => [c.note, c]));
  assert.equal(byNote.size, 5, 'every claim is still there');
  const moved = byNote.get('moved')!;
  assert.equal(moved.status, 'moved');
  assert.equal(moved.position.start - made.moved!.position.start, "Editor's note: this analysis was revised in August 2016.\n\n".length);
  const movedModel = await lib.getDocument(moved.documentId);
  const holder = textBlocks(movedModel).find((b) => inlineText(b.content).includes(phrases.moved));
  assert.ok(holder && holder.kind === 'paragraph');
  assert.equal(moved.paragraph, holder.n, 'the locator follows the passage');
  assert.ok(moved.paragraph! > made.moved!.paragraph!);
  const fuzzy = byNote.get('fuzzy')!;
  assert.equal(fuzzy.status, 'fuzzy');
  assert.equal(fuzzy.quote.exact, phrases.fuzzy, 'the original quote is kept');
  const model = await lib.getDocument(fuzzy.documentId);
  assert.ok(model.title.length > 0);
  assert.equal(byNote.get('orphan')!.status, 'orphan');
  assert.deepEqual(byNote.get('orphan')!.position, made.orphan!.position, 'an orphan keeps its last position');
  assert.equal(byNote.get('untouched')!.status, 'exact');
  const gone = byNote.get('gone')!;
  assert.equal(gone.status, 'orphan');
  assert.equal(gone.documentId, made.gone!.documentId, 'listed under its old document id');
  await assert.rejects(lib.getDocument(gone.documentId), (err: unknown) => err instanceof ApiError && err.code === 'not-found' && /no longer in the corpus/.test(err.message));

  const summary = await lib.reanchor();
  assert.deepEqual({ total: summary.exact + summary.moved, fuzzy: summary.fuzzy, orphan: summary.orphan }, { total: 2, fuzzy: 1, orphan: 2 });

  // The file comes back: its claim is found again.
  await rename(join(away, LEAVES), join(corpus, LEAVES));
  await lib.openCorpus(corpus);
  const back = (await lib.listClaims({ documentId: made.gone!.documentId }))[0]!;
  assert.equal(back.status, 'exact');
  assert.deepEqual(back.position, made.gone!.position);
  assert.equal(back.paragraph, made.gone!.paragraph);
});

test('undo puts a claim back where the current text has it, not where it was before an edit', async (t) => {
  const corpus = await corpusCopy(t);
  const lib = await openLibrary(t, await tempDir(t), corpus);
  const claim = await lib.createClaim(await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy'));
  await lib.updateClaim(claim.id, { note: 'before the file changed' });
  const file = join(corpus, TURKMEN_NEUTRALITY);
  await writeFile(file, (await readFile(file, 'utf8')).replace('The visit of', 'Preface.\n\nThe visit of'));
  await lib.openCorpus(corpus);
  const moved = (await lib.listClaims())[0]!;
  assert.equal(moved.status, 'moved');
  await lib.undo();
  const undone = (await lib.listClaims())[0]!;
  assert.equal(undone.note, '');
  assert.deepEqual(undone.position, moved.position);
});
