/** The `search` verb: ranked JSON with claim id, document id and path, paragraph, quote; passages; usage errors. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { createLibrary } from '../library.ts';
import { SAMPLE_CORPUS, tempDir } from '../library/test-support.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { main } from './main.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';

quietSqliteWarning();

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

test('search --json prints ranked claims with ids, path, paragraph and quote; --passages searches the text', async (t) => {
  const data = await tempDir(t, 'cli-search');
  const lib = await createLibrary({ dataDir: data, corpusDir: SAMPLE_CORPUS, transport: 'web' });
  const doc = (await lib.getLibrary()).documents[0]!;
  const text = plainText(await lib.getDocument(doc.id));
  const start = text.indexOf('neutrality');
  const made = await lib.createClaim({ documentId: doc.id, start, end: start + 'neutrality'.length, restatement: 'The armadillo doctrine' });
  lib.close();

  const r = await cli('search', 'armadillo', '--json', '--data', data, '--corpus', SAMPLE_CORPUS);
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out) as { total: number; results: Array<Record<string, unknown>> };
  assert.equal(out.total, 1);
  assert.deepEqual(
    { rank: out.results[0]!.rank, claimId: out.results[0]!.claimId, documentId: out.results[0]!.documentId, path: out.results[0]!.path, quote: out.results[0]!.quote },
    { rank: 1, claimId: made.id, documentId: doc.id, path: doc.path, quote: 'neutrality' },
  );
  assert.equal(typeof out.results[0]!.score, 'number');

  const p = await cli('search', 'permanent neutrality', '--passages', '--limit', '2', '--json', '--data', data, '--corpus', SAMPLE_CORPUS);
  const passages = JSON.parse(p.out) as { scope: string; total: number; results: Array<{ type: string; paragraph: number | null }> };
  assert.equal(passages.scope, 'passages');
  assert.ok(passages.total > 2);
  assert.equal(passages.results.length, 2, '--limit');
  assert.ok(passages.results.every((x) => x.type === 'passage'));

  const text1 = await cli('search', 'armadillo', '--data', data, '--corpus', SAMPLE_CORPUS);
  assert.match(text1.out, /^1 claim\(s\)/);
  assert.match(text1.out, new RegExp(made.id));

  assert.equal((await cli('search', '--data', data)).code, 2, 'no query');
  assert.equal((await cli('search', 'x', '--limit', '0', '--data', data)).code, 2, 'a bad limit');
});

test('a claim over two paragraphs is located ¶ first–last in search results (paragraphs in --json)', async (t) => {
  const data = await tempDir(t, 'cli-search-span');
  const lib = await createLibrary({ dataDir: data, corpusDir: SAMPLE_CORPUS, transport: 'web' });
  const doc = (await lib.getLibrary()).documents.find((d) => d.path.startsWith('001_'))!;
  const text = plainText(await lib.getDocument(doc.id));
  // from the middle of one paragraph to the middle of the next
  const br = text.indexOf('\n', text.indexOf('Shoigu'));
  const made = await lib.createClaim({ documentId: doc.id, start: br - 20, end: br + 20, restatement: 'The pangolin span' });
  const page = await lib.search('pangolin');
  lib.close();
  const hit = page.hits[0]!;
  assert.equal(hit.type, 'claim');
  assert.ok(hit.type === 'claim' && hit.paragraph !== null);
  if (hit.type === 'claim') assert.deepEqual([hit.paragraph, hit.paragraphEnd], [made.paragraph, made.paragraphEnd]);
  assert.equal(made.paragraphEnd, made.paragraph! + 1);
  const r = await cli('search', 'pangolin', '--json', '--data', data, '--corpus', SAMPLE_CORPUS);
  const out = JSON.parse(r.out) as { results: Array<{ paragraphs: [number, number] }> };
  assert.deepEqual(out.results[0]!.paragraphs, [made.paragraph, made.paragraph! + 1]);
});

test('search refuses folders that are not what they are named as, and creates nothing: exit 1 with the reason', async (t) => {
  const root = await tempDir(t, 'cli-search-folders');
  const missing = join(root, 'nowhere');
  const r = await cli('search', 'neutrality', '--data', missing, '--corpus', SAMPLE_CORPUS);
  assert.equal(r.code, 1);
  assert.match(r.err, /There is no library in .*nowhere/);
  assert.equal(existsSync(missing), false, 'no data folder was created');
  const file = join(root, 'a-file.txt');
  await writeFile(file, 'x');
  assert.match((await cli('search', 'neutrality', '--data', file)).err, /--data .* is a file/);
  const data = join(root, 'data');
  (await createLibrary({ dataDir: data, corpusDir: SAMPLE_CORPUS, transport: 'web' })).close();
  const gone = await cli('search', 'neutrality', '--passages', '--data', data, '--corpus', join(root, 'no-corpus'));
  assert.equal(gone.code, 1);
  assert.match(gone.err, /corpus folder .*no-corpus cannot be found/, 'not the bundled corpus searched instead');
  assert.match((await cli('search', 'neutrality', '--data', data, '--corpus', file)).err, /is a file, not a folder/);
  const past = await cli('search', 'neutrality', '--passages', '--offset', '9999', '--data', data, '--corpus', SAMPLE_CORPUS);
  assert.equal(past.code, 0);
  assert.match(past.out, /none from 10000 on/);
});
