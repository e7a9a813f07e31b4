/**
 * Hypothesis annotations into the library (issue 10, items 5 and 6): each row finds its document
 * by IRI, by the source's URL or DOI from sources.json (normalised), or by a quote that only one
 * document holds (reported as an assumption); the rest are listed with their reasons; the
 * annotation's id and creator stay on the claim and leave again as `via` and `creator`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../core/api.ts';
import { main } from '../cli/main.ts';
import { quietSqliteWarning } from '../cli/quiet-warnings.ts';
import { openLibrary, tempDir } from './test-support.ts';

quietSqliteWarning();

const REPORT_URL = 'https://example.org/reports/turkmenistan';
const DOI = '10.1080/02634937.2016.1234567';

/** Three sources: one with a URL, one with a DOI, one without metadata; one sentence in two of them. */
async function corpus(t: { after(fn: () => unknown): void }): Promise<string> {
  const dir = await tempDir(t, 'hyp');
  await writeFile(join(dir, 'report.txt'), 'Turkmenistan Report\n\nThe status of permanent neutrality was recognised by the United Nations in 1995.\n\nGas exports to China grew every year.\n');
  await writeFile(join(dir, 'article.txt'), 'Neutrality Revisited\n\nThe policy of positive neutrality was announced in 2007.\n\nGas exports to China grew every year.\n');
  await writeFile(join(dir, 'notes.txt'), 'Field Notes\n\nThe council met twice that year.\n');
  await writeFile(join(dir, 'sources.json'), JSON.stringify([
    { id: 'report.txt', type: 'report', title: 'Turkmenistan Report', URL: REPORT_URL },
    { id: 'article.txt', type: 'article-journal', title: 'Neutrality Revisited', DOI },
  ]));
  return dir;
}

const quote = (exact: string) => ({ type: 'TextQuoteSelector', exact, prefix: '', suffix: '' });

/** A Hypothesis API row on `source` quoting `exact`. */
function row(id: string, source: string, exact: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, user: `acct:${id}-author@hypothes.is`, uri: source, text: `note ${id}`, tags: ['hyp'], created: '2024-05-01T09:00:00.000000+00:00',
    target: [{ source, selector: [{ type: 'RangeSelector', startContainer: '/p[1]', startOffset: 0, endContainer: '/p[1]', endOffset: 4 }, { type: 'TextPositionSelector', start: 9000, end: 9010 }, quote(exact)] }],
    links: { html: `https://hypothes.is/a/${id}` },
    ...extra,
  };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

test('Hypothesis rows find their documents by URL, DOI or a quote only one document holds; the rest are listed', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), await corpus(t));
  const docs = new Map((await lib.getLibrary()).documents.map((d) => [d.path, d.id]));
  const file = JSON.stringify({
    total: 6,
    rows: [
      row('by-url', 'https://www.example.org/reports/turkmenistan/?utm_source=twitter&utm_medium=social#p2', 'permanent neutrality'),
      row('by-doi', `https://doi.org/${DOI.toUpperCase()}`, 'positive neutrality'),
      row('by-link', 'https://cdn.example.net/pdf/42', 'recognised by the United Nations', { document: { link: [{ href: `http://example.org/reports/turkmenistan/` }] } }),
      row('by-quote', 'https://elsewhere.example/field-notes', 'The council met twice'),
      row('ambiguous', 'https://elsewhere.example/gas', 'Gas exports to China grew'),
      row('nowhere', 'https://elsewhere.example/x', 'A sentence no document has'),
      { id: 'no-target', uri: REPORT_URL, text: 'a page note without a target' },
    ],
  });
  const result = await lib.importAnnotations(file);
  assert.equal(result.imported, 4);
  const claims = await lib.listClaims();
  const byVia = new Map(claims.map((c) => [c.via, c]));
  assert.equal(byVia.get('https://hypothes.is/a/by-url')!.documentId, docs.get('report.txt'));
  assert.equal(byVia.get('https://hypothes.is/a/by-doi')!.documentId, docs.get('article.txt'));
  assert.equal(byVia.get('https://hypothes.is/a/by-link')!.documentId, docs.get('report.txt'));
  assert.equal(byVia.get('https://hypothes.is/a/by-quote')!.documentId, docs.get('notes.txt'));
  for (const c of claims) assert.equal(c.status, 'exact', `${c.via} anchored on its quote, not Hypothesis's page offsets`);
  const byQuote = byVia.get('https://hypothes.is/a/by-quote')!;
  assert.equal(byQuote.creator, 'acct:by-quote-author@hypothes.is');
  assert.equal(byQuote.note, 'note by-quote');
  assert.deepEqual(byQuote.tags, ['hyp']);
  assert.equal(byQuote.created, '2024-05-01T09:00:00.000000+00:00');

  assert.equal(result.problems.length, 4);
  assert.match(result.problems.find((p) => p.startsWith('Row 4'))!, /only in "Field Notes", so it was attached there\. This is an assumption/);
  assert.match(result.problems.find((p) => p.startsWith('Row 5'))!, /^Row 5 \(ambiguous\): .*its quote is in 2 documents.*skipped\.$/);
  assert.match(result.problems.find((p) => p.startsWith('Row 6'))!, /^Row 6 \(nowhere\): no document .*https:\/\/elsewhere\.example\/x.*in no document either; skipped\.$/);
  assert.match(result.problems.find((p) => p.startsWith('Row 7'))!, /^Row 7 \(no-target\) has no target/);

  // Exported again, each keeps where it came from and who made it.
  const exported = JSON.parse(await lib.exportAnnotations()) as { first: { items: Array<{ via?: string; creator?: string }> } };
  assert.deepEqual(exported.first.items.map((a) => a.via).sort(), [...byVia.keys()].sort());
  assert.ok(exported.first.items.every((a) => a.creator?.startsWith('acct:')));

  // The same file again: nothing is imported twice.
  const again = await lib.importAnnotations(file);
  assert.equal(again.imported, 0);
  assert.equal(again.problems.filter((p) => /imported before \(claim /.test(p)).length, 4);
  assert.equal((await lib.listClaims()).length, 4);
});

test('a file of which nothing can be imported changes nothing; bad JSON is refused with the reason', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), await corpus(t));
  const nothing = await lib.importAnnotations(JSON.stringify([row('nowhere', 'https://elsewhere.example/x', 'A sentence no document has')]));
  assert.equal(nothing.imported, 0);
  assert.deepEqual(await lib.listClaims(), []);
  assert.equal(await lib.undo(), null, 'no action was recorded');
  await assert.rejects(lib.importAnnotations('{"rows": [ {"id": "a",'), (err: unknown) => err instanceof ApiError && err.code === 'bad-input' && /not valid JSON/.test(err.message));
  await assert.rejects(lib.importAnnotations(JSON.stringify({ rows: [{ id: 'x', uri: REPORT_URL, target: [{ source: REPORT_URL, selector: [{ type: 'BananaSelector' }] }] }] })),
    /Row 1 \(x\): its selector type "BananaSelector" is not one this reader knows/);
  assert.deepEqual(await lib.listClaims(), []);
});

test('CLI import: exit 1 with every row\'s reason when nothing was imported, 0 with the skipped rows listed otherwise', async (t) => {
  const dir = await corpus(t);
  const data = await tempDir(t);
  const files = await tempDir(t, 'files');
  const none = join(files, 'none.json');
  await writeFile(none, JSON.stringify({ rows: [row('nowhere', 'https://elsewhere.example/x', 'A sentence no document has'), { id: 'bare' }] }));
  const failed = await cli('import', none, '--corpus', dir, '--data', data);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /^Nothing was imported from .*none\.json:$/m);
  assert.match(failed.err, /Row 1 \(nowhere\): no document/);
  assert.match(failed.err, /Row 2 \(bare\) has no target/);
  assert.equal((await cli('import', none, '--json', '--corpus', dir, '--data', data)).code, 1);

  const some = join(files, 'some.json');
  await writeFile(some, JSON.stringify({ rows: [row('by-url', REPORT_URL, 'permanent neutrality'), { id: 'bare' }] }));
  const ok = await cli('import', some, '--corpus', dir, '--data', data);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /^Imported 1 annotation\(s\): 1 exact/m);
  assert.match(ok.out, /problem: Row 2 \(bare\) has no target/);
  const listed = JSON.parse((await cli('claims', '--json', '--corpus', dir, '--data', data)).out) as Array<{ quote: string }>;
  assert.deepEqual(listed.map((c) => c.quote), ['permanent neutrality']);
});
