import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';
import type { SourceRow } from './sources.ts';

quietSqliteWarning();
const REPO_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const REPORT = 'turkmenistan-russia-relations-report.txt';
let root = '';
let args: string[] = [];

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-sources-cli-'));
  await cp(REPO_CORPUS, join(root, 'corpus'), { recursive: true });
  args = ['--corpus', join(root, 'corpus'), '--data', join(root, 'data')];
});
after(() => rm(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

const rows = async (): Promise<SourceRow[]> => JSON.parse((await cli('sources', '--json', ...args)).out) as SourceRow[];

test('sources --json lists each source: effective CSL item, untitled flag, provenance note apart, problems', async () => {
  const list = await rows();
  assert.equal(list.length, 5);
  const report = list.find((r) => r.path === REPORT)!;
  assert.equal(report.untitled, true);
  assert.equal(report.title, 'Turkmenistan russia relations report');
  assert.equal(report.csl!.type, 'report');
  assert.equal(report.csl!.note, undefined);
  assert.match(report.sourcesNote!, /^Original file 003_/);
  assert.deepEqual(report.problems, ['Missing: title, author, date. Citations show "n.d." for the date.']);
  assert.deepEqual(list.find((r) => r.path.includes('2016'))!.problems, ['Missing: author.']);
});

test('sources set: creators in one line, a date, a path for the id; the edit is kept and listed', async () => {
  const report = (await rows()).find((r) => r.path === REPORT)!;
  const set = await cli('sources', 'set', REPORT, 'author', 'Yapıcı, Utku; International Crisis Group; {Friends, Inc.}', ...args);
  assert.equal(set.code, 0, set.err);
  assert.match(set.out, /author = Yapıcı, Utku; International Crisis Group; \{Friends, Inc\.\}/);
  assert.equal((await cli('sources', 'set', report.id, 'issued', '2025-06', ...args)).code, 0);
  assert.equal((await cli('sources', 'set', report.id, 'title', 'Turkmenistan and Russia', ...args)).code, 0);
  const after = (await rows()).find((r) => r.path === REPORT)!;
  assert.deepEqual(after.csl!.author, [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'International Crisis Group' }, { literal: 'Friends, Inc.' }]);
  assert.deepEqual(after.csl!.issued, { 'date-parts': [[2025, 6]] });
  assert.equal(after.untitled, false);
  assert.deepEqual(after.edited, ['title', 'author', 'issued']);
  assert.deepEqual(after.problems, []);
  // "" clears, even a field sources.json sets
  assert.equal((await cli('sources', 'set', report.id, 'type', '', ...args)).code, 0);
  assert.equal((await cli('sources', 'set', report.id, 'language', '', ...args)).code, 0);
  const cleared = (await rows()).find((r) => r.path === REPORT)!;
  assert.equal(cleared.csl!.language, undefined);
  assert.equal(cleared.csl!.type, 'report', 'an empty type goes back to sources.json');
  // revert: the edit goes, sources.json's value is back
  const reverted = await cli('sources', 'revert', REPORT, 'language', ...args);
  assert.equal(reverted.code, 0, reverted.err);
  assert.match(reverted.out, /language from sources\.json = en/);
  assert.equal((await rows()).find((r) => r.path === REPORT)!.csl!.language, 'en');
});

test('bad input exits 1 with a message naming the field and changes nothing; wrong shape is usage (2)', async () => {
  const before = await rows();
  const doi = await cli('sources', 'set', REPORT, 'DOI', 'doi 10/abc', ...args);
  assert.equal(doi.code, 1);
  assert.match(doi.err, /^DOI: “doi 10\/abc” is not a DOI/);
  const date = await cli('sources', 'set', REPORT, 'accessed', '2025-02-30', ...args);
  assert.equal(date.code, 1);
  assert.match(date.err, /^Accessed: February 2025 has no day 30/);
  const field = await cli('sources', 'set', REPORT, 'colour', 'red', ...args);
  assert.equal(field.code, 1);
  assert.match(field.err, /"colour" is not a source field/);
  const names = await cli('sources', 'set', REPORT, 'author', 'Doe, Jane; a, b, c, d; {x}y', ...args);
  assert.equal(names.code, 1);
  assert.match(names.err, /^Author: “a, b, c, d” has more than two commas.*braces go around a whole organisation name/s);
  const doc = await cli('sources', 'set', 'nope.txt', 'title', 'x', ...args);
  assert.equal(doc.code, 1);
  assert.match(doc.err, /No document "nope\.txt"/);
  assert.deepEqual(await rows(), before);
  assert.equal((await cli('sources', 'set', REPORT, 'title', ...args)).code, 2);
  assert.equal((await cli('sources', 'frob', ...args)).code, 2);
  assert.match((await cli('sources', '--help')).out, /sources set ID author "Yapıcı, Utku; International Crisis Group"/);
});
