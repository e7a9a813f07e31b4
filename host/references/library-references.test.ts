import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { corpusCopy, documentByFile, openLibrary, passage, SAMPLE_CORPUS, tempDir } from '../library/test-support.ts';

/** The journal article with 28 footnotes, in the sample corpus. */
const ARTICLE = '000_7c096543f307bd3a.txt';

test('the journal article lists its 28 notes as references with parsed fields, confidence and raw text', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const doc = await documentByFile(lib, ARTICLE);
  const refs = await lib.listReferences(doc.id);
  assert.equal(refs.length, 28);
  const first = refs[0]!;
  assert.equal(first.id, `${doc.id}:n1`);
  assert.deepEqual([first.origin, first.label, first.position], ['footnote', '1', 1]);
  assert.deepEqual(first.csl.author, [{ family: 'Yapici', given: 'Utku' }]);
  assert.match(first.raw, /^Utku Yapici\. From positive neutrality/);
  assert.ok(first.confidence.title! > 0 && first.confidence.title! <= 1);
  assert.equal((await lib.listReferences()).length, 28, 'the other texts cite nothing this parser can see');
  assert.deepEqual(await lib.listReferences('doc-unknown'), []);
});

test('a correction is undoable, survives re-import of the unchanged file, and is flagged when the note changes', async (t) => {
  const corpus = await corpusCopy(t);
  const data = await tempDir(t);
  let lib = await openLibrary(t, data, corpus);
  const doc = await documentByFile(lib, ARTICLE);
  const id = `${doc.id}:n23`;
  const before = (await lib.listReferences(doc.id)).find((r) => r.id === id)!;
  assert.deepEqual(before.csl.author, [{ family: 'G', given: 'Paul' }], 'the note writes "Paul G."');

  const fixed = await lib.updateReference(id, { author: [{ family: 'Goble', given: 'Paul' }] });
  assert.deepEqual(fixed.csl.author, [{ family: 'Goble', given: 'Paul' }]);
  assert.deepEqual(fixed.correctedFields, ['author']);
  assert.equal(fixed.confidence.author, 1);
  await assert.rejects(lib.updateReference(id, { DOI: 'not a doi' }), /DOI/);
  await lib.updateReference(id, { author: [{ family: 'Goble', given: 'Paul' }] }); // the same again: no new action

  assert.deepEqual(await lib.undo(), { action: 'Correct reference', undoable: true });
  assert.deepEqual((await lib.listReferences(doc.id)).find((r) => r.id === id)!.csl.author, before.csl.author);
  await lib.redo();

  await lib.openCorpus(corpus); // re-import, unchanged
  let again = (await lib.listReferences(doc.id)).find((r) => r.id === id)!;
  assert.deepEqual(again.csl.author, [{ family: 'Goble', given: 'Paul' }]);
  assert.equal(again.textChanged, false);

  const file = join(corpus, ARTICLE);
  await writeFile(file, (await readFile(file, 'utf8')).replace('Paul G. Central Asia ready', 'Paul G. Central Asia is ready'));
  lib.close();
  lib = await openLibrary(t, data, corpus);
  again = (await lib.listReferences(doc.id)).find((r) => r.id === id)!;
  assert.deepEqual(again.csl.author, [{ family: 'Goble', given: 'Paul' }], 'the correction is kept');
  assert.equal(again.textChanged, true, 'and flagged for checking');
  assert.match(again.raw, /is ready/);
});

test('promoting a reference makes one metadata-only source, however often; undo removes it', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const doc = await documentByFile(lib, ARTICLE);
  const id = `${doc.id}:n9`;
  const one = await lib.promoteReference(id);
  assert.equal(one.created, true);
  assert.equal(one.source.csl.title, 'Alliances and small powers');
  assert.equal(one.reference.sourceId, one.source.id);
  assert.equal(one.reference.sourceMatch, 'promoted');
  const two = await lib.promoteReference(id);
  assert.equal(two.created, false);
  assert.equal(two.source.id, one.source.id);
  assert.equal((await lib.listMetadataSources()).length, 1);
  await lib.updateReference(id, { publisher: 'Columbia University Press, New York' });
  assert.equal((await lib.listMetadataSources())[0]!.csl.publisher, 'Columbia University Press, New York', 'the source follows a correction');
  await lib.undo();
  assert.equal((await lib.listMetadataSources())[0]!.csl.publisher, 'Columbia University Press');
  assert.deepEqual(await lib.undo(), { action: 'Add reference to library', undoable: true });
  assert.deepEqual(await lib.listMetadataSources(), []);
  await assert.rejects(lib.promoteReference('doc-x:n1'), /no reference/);
});

test('a reference naming a document of the library links to it ("cites" / "cited by"); promoting it is refused', async (t) => {
  const corpus = await corpusCopy(t);
  // A new text whose footnote cites the 2016 policy brief of the corpus by its title and year.
  await writeFile(join(corpus, 'citing-note.txt'),
    'A note on neutrality\n\nThis sentence is long enough to read as a paragraph of prose, and it cites a brief.[footnoteRef:1]\n\n' +
    '[1: “Turkmenistan: Time to Revise the Neutrality Policy?” Policy brief, 2016.]\n');
  const lib = await openLibrary(t, await tempDir(t), corpus);
  const snap = await lib.getLibrary();
  const brief = snap.documents.find((d) => /Time to Revise/i.test(d.title));
  assert.ok(brief, `the brief is in the library (${snap.documents.map((d) => d.title).join(' | ')})`);
  const citing = snap.documents.find((d) => d.path === 'citing-note.txt')!;
  const [ref] = await lib.listReferences(citing.id);
  assert.equal(ref!.sourceId, brief.id);
  assert.equal(ref!.sourceMatch, 'title');
  const citedBy = (await lib.listReferences()).filter((r) => r.sourceId === brief.id).map((r) => r.documentId);
  assert.deepEqual(citedBy, [citing.id]);
  await assert.rejects(lib.promoteReference(ref!.id), /already in the library/);
});

test('a claim lists the references whose markers stand in its paragraph(s), in marker order', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const doc = await documentByFile(lib, ARTICLE);
  const claim = await lib.createClaim(await passage(lib, ARTICLE, 'Barbara Kiepenheuer-Drechsler pointed out'));
  assert.deepEqual((await lib.referencesForClaim(claim.id)).map((r) => r.id), [`${doc.id}:n1`, `${doc.id}:n2`]);
  const plain = await lib.createClaim(await passage(lib, ARTICLE, 'this study has certain deficiencies'));
  assert.deepEqual(await lib.referencesForClaim(plain.id), [], 'a paragraph without markers cites nothing');
  assert.deepEqual(await lib.referencesForClaim('no-such-claim'), []);
});
