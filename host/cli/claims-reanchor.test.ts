/**
 * Issue 10, items 3 and 4 at the CLI: `reanchor` says what changed since the store last saw the
 * files (although opening the corpus already re-anchored silently), and `claims` gives the text a
 * claim covers now and its paragraphs [first, last].
 */
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLibrary } from '../library.ts';
import { corpusCopy, passage, tempDir } from '../library/test-support.ts';
import { main } from './main.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';

quietSqliteWarning();

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

const COTTON = [
  'Cotton Notes',
  'The council met twice that year.',
  'In 2014 cotton sales to Iran fell by a tenth compared with the season before.',
  'In 2015 cotton sales to Turkey fell by a tenth compared with the season before.',
  'No figures were published afterwards.',
];

interface Row { id: string; status: string; start: number; paragraphs: [number, number] | null; quote: string; text: string | null }

test('reanchor reports claims that a start-up pass moved, and claims --json gives text and paragraphs', async (t) => {
  const corpus = await tempDir(t, 'cotton');
  const data = await tempDir(t);
  const file = join(corpus, 'cotton.txt');
  await writeFile(file, COTTON.join('\n\n'));
  const lib = await createLibrary({ dataDir: data, corpusDir: corpus, transport: 'web' });
  const met = await lib.createClaim(await passage(lib, 'cotton.txt', 'The council met twice that year.'));
  // Over the end of ¶ 1 and the start of ¶ 2: located ¶ 1–2.
  const text = (await passage(lib, 'cotton.txt', 'In 2014 cotton sales to Iran')).start;
  const span = await lib.createClaim({ documentId: met.documentId, start: text - 'that year.\n\n'.length, end: text + 'In 2014 cotton sales'.length });
  assert.deepEqual([met.paragraph, met.paragraphEnd], [1, 1]);
  assert.deepEqual([span.paragraph, span.paragraphEnd], [1, 2]);
  lib.close();

  let listed = await cli('claims', '--json', '--corpus', corpus, '--data', data);
  assert.equal(listed.code, 0, listed.err);
  let rows = JSON.parse(listed.out) as Row[];
  assert.deepEqual(rows.map((r) => [r.paragraphs, r.text]), [
    [[1, 1], 'The council met twice that year.'],
    [[1, 2], 'that year.\n\nIn 2014 cotton sales'],
  ]);
  const table = await cli('claims', '--corpus', corpus, '--data', data);
  assert.match(table.out, /¶ 1–2/);

  // A paragraph is added at the top: both claims move. Opening the corpus (start-up) re-anchors them.
  await writeFile(file, [COTTON[0], 'Figures are in tonnes.', ...COTTON.slice(1)].join('\n\n'));
  const re = await cli('reanchor', '--json', '--corpus', corpus, '--data', data);
  assert.equal(re.code, 0, re.err);
  const summary = JSON.parse(re.out) as { exact: number; moved: number; changes: Array<{ claimId: string; before: { paragraph: number }; after: { paragraph: number; status: string } }> };
  assert.equal(summary.moved, 2, 'moved claims are reported as moved, not exact');
  assert.equal(summary.exact, 0);
  assert.deepEqual(summary.changes.map((c) => [c.claimId, c.before.paragraph, c.after.paragraph]), [[met.id, 1, 2], [span.id, 1, 2]]);
  const text2 = await cli('reanchor', '--corpus', corpus, '--data', data);
  assert.match(text2.out, /Nothing changed since the store last saw the files\./, 'reported once');

  rows = JSON.parse((await cli('claims', '--json', '--corpus', corpus, '--data', data)).out) as Row[];
  assert.deepEqual(rows.map((r) => r.paragraphs), [[2, 2], [2, 3]]);

  // A spelling changes inside a claim: fuzzy; `text` is what it covers now, `quote` what was claimed.
  await writeFile(file, [COTTON[0], 'Figures are in tonnes.', 'The counsil met twice that year.', ...COTTON.slice(2)].join('\n\n'));
  const fuzzy = await cli('reanchor', '--corpus', corpus, '--data', data);
  assert.match(fuzzy.out, /¶ 2 → ¶ 2 {2}fuzzy {2}"The council met twice that year\."/);
  rows = JSON.parse((await cli('claims', '--json', '--corpus', corpus, '--data', data)).out) as Row[];
  const now = rows.find((r) => r.id === met.id)!;
  assert.equal(now.status, 'fuzzy');
  assert.equal(now.quote, 'The council met twice that year.');
  assert.equal(now.text, 'The counsil met twice that year.');

  // The claim's paragraph goes: an orphan has no text now.
  await writeFile(file, [COTTON[0], 'Figures are in tonnes.', ...COTTON.slice(2)].join('\n\n'));
  const gone = await cli('reanchor', '--corpus', corpus, '--data', data);
  assert.match(gone.out, /¶ 2 → orphan {2}orphan/);
  rows = JSON.parse((await cli('claims', '--json', '--corpus', corpus, '--data', data)).out) as Row[];
  assert.deepEqual(rows.find((r) => r.id === met.id)!.text, null);
});

test('library lists the corpora of the library, the open one marked, a missing one flagged', async (t) => {
  const a = await tempDir(t, 'first');
  const b = await tempDir(t, 'second');
  await writeFile(join(a, 'a.txt'), 'First\n\nOne text.');
  await writeFile(join(b, 'b.txt'), 'Second\n\nAnother text.');
  const data = await tempDir(t);
  assert.equal((await cli('library', '--corpus', a, '--data', data)).code, 0);
  const table = await cli('library', '--corpus', b, '--data', data);
  assert.match(table.out, /^2 corpora in the library \(open one marked \*\):$/m);
  assert.match(table.out, new RegExp(`^  \\* ${b.split('/').pop()}.*1 document\\(s\\)  ${b}$`, 'm'));
  const json = JSON.parse((await cli('library', '--json', '--corpus', b, '--data', data)).out) as { corpusId: string; corpora: Array<{ id: string; dir: string; missing: boolean }> };
  assert.deepEqual(json.corpora.map((c) => [c.dir, c.missing]), [[a, false], [b, false]]);
  assert.equal(json.corpusId, json.corpora[1]!.id);
  await rm(a, { recursive: true });
  assert.match((await cli('library', '--corpus', b, '--data', data)).out, new RegExp(`${a}  \\[missing\\]$`, 'm'));
});
