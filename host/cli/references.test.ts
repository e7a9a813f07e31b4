import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempDir, SAMPLE_CORPUS } from '../library/test-support.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';
import { main } from './main.ts';

quietSqliteWarning();

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

test('references --json --document: note number, raw text, CSL fields, confidence per field, linked source', async (t) => {
  const data = await tempDir(t);
  const all = await cli('references', '--json', '--corpus', SAMPLE_CORPUS, '--data', data);
  assert.equal(all.code, 0, all.err);
  const rows = JSON.parse(all.out) as Array<Record<string, unknown>>;
  assert.equal(rows.length, 28);
  const doc = String(rows[0]!.document);
  const one = await cli('references', '--json', '--document', doc, '--corpus', SAMPLE_CORPUS, '--data', data);
  const note3 = (JSON.parse(one.out) as typeof rows).find((r) => r.label === '3')!;
  assert.equal(note3.origin, 'footnote');
  assert.equal(note3.raw, '张振国:《土库曼斯坦缘何走中立之路》，《亚非纵横》2001年第2期。');
  assert.equal((note3.csl as { title: string }).title, '土库曼斯坦缘何走中立之路');
  assert.equal((note3.confidence as Record<string, number>).title, 0.95);
  assert.equal(note3.sourceId, null);
  const bad = await cli('references', '--document', 'no-such-doc', '--corpus', SAMPLE_CORPUS, '--data', data);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /no document "no-such-doc"/);
});
