/**
 * Issue 10, item 1 at the library level: a .txt file in a corpus, a claim on one of two parallel
 * sentences, that sentence's paragraph deleted on disk, the corpus re-read. The claim must be an
 * orphan (kept, never moved onto the other sentence); the other sentence's claim only moves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentByFile, openLibrary, passage, tempDir } from './test-support.ts';

const CASES = [
  { name: 'another year and country', file: 'cotton-notes.txt', title: 'Cotton Notes', lead: 'The council met twice that year.',
    gone: 'In 2014 cotton sales to Iran fell by a tenth compared with the season before.',
    twin: 'In 2015 cotton sales to Turkey fell by a tenth compared with the season before.',
    tail: 'No figures were published afterwards.' },
  { name: 'the negation', file: 'rail-notes.txt', title: 'Rail Notes', lead: 'Plans were announced in spring.',
    gone: 'The ministry said the new rail link to Iran will open in 2026.',
    twin: 'The ministry said the new rail link to Iran will not open in 2026.',
    tail: 'Nothing else was said.' },
];

for (const c of CASES) {
  test(`issue example (${c.name}): a deleted paragraph's claim becomes an orphan, not a claim on its parallel sentence`, async (t) => {
    const corpus = await tempDir(t, 'corpus');
    const file = join(corpus, c.file);
    await writeFile(file, [c.title, c.lead, c.gone, c.twin, c.tail].join('\n\n') + '\n');
    const lib = await openLibrary(t, await tempDir(t), corpus);
    const claim = await lib.createClaim({ ...(await passage(lib, c.file, c.gone)), note: 'gone' });
    const twinClaim = await lib.createClaim({ ...(await passage(lib, c.file, c.twin)), note: 'twin' });

    await writeFile(file, [c.title, c.lead, c.twin, c.tail].join('\n\n') + '\n');
    await lib.openCorpus(corpus);
    const byNote = new Map((await lib.listClaims()).map((x) => [x.note, x]));
    const orphan = byNote.get('gone')!;
    assert.equal(orphan.status, 'orphan');
    assert.equal(orphan.quote.exact, c.gone, 'the claim and its quote are kept');
    assert.deepEqual(orphan.position, claim.position, 'an orphan keeps its last position');
    const moved = byNote.get('twin')!;
    assert.equal(moved.status, 'moved');
    assert.equal(moved.position.start, twinClaim.position.start - (c.gone.length + 2));
  });
}

test('issue example: a claim on "Office" survives the source being re-extracted as "Oﬃce" (and with soft hyphens); the text keeps them', async (t) => {
  const corpus = await tempDir(t, 'corpus');
  const file = join(corpus, 'statement.txt');
  const para = 'The Foreign Office of Turkmenistan issued a statement on the summit in Ashgabat.';
  await writeFile(file, ['Statement', para, 'Nothing else was said.'].join('\n\n') + '\n');
  const lib = await openLibrary(t, await tempDir(t), corpus);
  await lib.createClaim({ ...(await passage(lib, 'statement.txt', 'Office')), note: 'word' });
  await lib.createClaim({ ...(await passage(lib, 'statement.txt', para)), note: 'sentence' });

  const reextracted = para.replace('Office', 'Oﬃce').replace('Turkmenistan', 'Turkmen\u00ADistan').replace('summit', 'sum\u200Bmit');
  await writeFile(file, ['Statement', reextracted, 'Nothing else was said.'].join('\n\n') + '\n');
  await lib.openCorpus(corpus);
  const byNote = new Map((await lib.listClaims()).map((x) => [x.note, x]));
  for (const [note, shown] of [['word', 'Oﬃce'], ['sentence', reextracted]] as const) {
    const c = byNote.get(note)!;
    assert.notEqual(c.status, 'orphan', note);
    const doc = await documentByFile(lib, 'statement.txt');
    assert.equal(doc.text.slice(c.position.start, c.position.end), shown, note);
  }
});
