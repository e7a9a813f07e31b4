/**
 * `marginalia export` as a script would use it: files written whole or not at all, Pandoc notes
 * with their .bib beside them, --query in the Search tab's syntax, and readable errors.
 */
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openLibrary, passage, tempDir } from '../library/test-support.ts';
import { main } from './main.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';

quietSqliteWarning();
const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const WEB_ARTICLE = 'turkmenistan-time-to-revise-neutrality-policy-2016.txt';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

/** A data folder with two claims: one tagged "energy", one tagged "security". */
async function dataWithClaims(t: { after(fn: () => unknown): void }): Promise<string> {
  const data = await tempDir(t, 'cli-export');
  const lib = await openLibrary(t, data, CORPUS);
  await lib.createClaim({ ...(await passage(lib, WEB_ARTICLE, 'Russian Defence Minister Sergei Shoigu')), tags: ['security'] });
  await lib.createClaim({ ...(await passage(lib, 'turkmenistan-russia-relations-report.txt', 'Gazprom')), tags: ['energy'] });
  lib.close();
  return data;
}

test('--query picks claims with the search syntax; the bibliography then cites only their sources', async (t) => {
  const data = await dataWithClaims(t);
  const r = await cli('export', '--format', 'bibtex', '--query', 'tag:security', '--data', data, '--corpus', CORPUS);
  assert.equal(r.code, 0, r.err);
  assert.equal((r.out.match(/^@/gm) ?? []).length, 1);
  assert.match(r.out, /neutrality policy/i);
  const all = await cli('export', '--format', 'ris', '--all-sources', '--data', data, '--corpus', CORPUS);
  assert.equal((all.out.match(/^TY {2}- /gm) ?? []).length, 5);
});

test('--out writes the file whole; Pandoc notes get their .bib, named after them, beside them', async (t) => {
  const data = await dataWithClaims(t);
  const dir = await tempDir(t, 'cli-out');
  const out = join(dir, 'chapter 3.md');
  const r = await cli('export', '--format', 'markdown', '--citations', 'pandoc', '--out', out, '--data', data, '--corpus', CORPUS);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual((await readdir(dir)).sort(), ['chapter 3.bib', 'chapter 3.md']);
  assert.match(await readFile(out, 'utf8'), /^bibliography: "chapter 3\.bib"$/m);
  assert.match(await readFile(join(dir, 'chapter 3.bib'), 'utf8'), /^@\w+\{/m);
  assert.match(r.err, /Wrote .*chapter 3\.md and .*chapter 3\.bib \(2 claims, 2 sources\)/);
});

test('a missing folder: exit 1 with a readable reason; an existing file is not touched by a failed export', async (t) => {
  const data = await dataWithClaims(t);
  const dir = await tempDir(t, 'cli-missing');
  const r = await cli('export', '--format', 'csv', '--out', join(dir, 'no', 'such', 'claims.csv'), '--data', data, '--corpus', CORPUS);
  assert.equal(r.code, 1);
  assert.match(r.err, /Cannot write .*the folder does not exist\. Nothing was written there\./);
  // a directory where the file should go: the write fails and what was there stays
  await mkdir(join(dir, 'taken.csv'));
  await writeFile(join(dir, 'taken.csv', 'keep.txt'), 'mine');
  const r2 = await cli('export', '--format', 'csv', '--out', join(dir, 'taken.csv'), '--data', data, '--corpus', CORPUS);
  assert.equal(r2.code, 1);
  assert.match(r2.err, /Cannot write .*taken\.csv: that is a folder, not a file name\. Nothing was written there\.\n$/);
  assert.equal(await readFile(join(dir, 'taken.csv', 'keep.txt'), 'utf8'), 'mine');
  assert.deepEqual((await readdir(dir)).sort(), ['taken.csv']);
});

test('usage errors: an unknown format lists the known ones (2); --query with filter options (2)', async () => {
  const r = await cli('export', '--format', 'docx');
  assert.equal(r.code, 2);
  assert.match(r.err, /Unknown format "docx"; known: bibtex, biblatex, ris, csl-json, apa, chicago, mla, markdown, csv, jsonld/);
  const q = await cli('export', '--format', 'csv', '--query', 'x', '--tag', 'y');
  assert.equal(q.code, 2);
});

test('a formatted bibliography in a user\'s .csl style; a different built-in style than the format is refused, never ignored', async (t) => {
  const data = await dataWithClaims(t);
  const bad = await cli('export', '--format', 'apa', '--style', 'mla', '--data', data, '--corpus', CORPUS);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /The apa format is formatted in its own style; "mla" is a different one/);
  const missing = await cli('export', '--format', 'apa', '--style', '/nonexistent/style.csl', '--data', data, '--corpus', CORPUS);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /style\.csl/);
  const same = await cli('export', '--format', 'mla', '--style', 'mla', '--data', data, '--corpus', CORPUS);
  assert.equal(same.code, 0, same.err);
  // a style of our own making: the bibliography lists "title (year)" entries
  const dir = await tempDir(t, 'cli-csl');
  const file = join(dir, 'title-year.csl');
  await writeFile(file, `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Title (year), for this test</title><id>urn:marginalia:test:cli-title-year</id><updated>2026-11-29T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key variable="title"/></sort>
    <layout><text variable="title"/><date variable="issued" prefix=" (" suffix=")" date-parts="year" form="numeric"/></layout>
  </bibliography>
</style>
`);
  const own = await cli('export', '--format', 'apa', '--style', file, '--query', 'tag:security', '--data', data, '--corpus', CORPUS);
  assert.equal(own.code, 0, own.err);
  assert.equal(own.out.trim(), 'Turkmenistan: time to revise the neutrality policy? (2016)');
});

test('nothing to export is said, not silently written; Pandoc notes on standard output warn that the .bib needs --out', async (t) => {
  const data = await dataWithClaims(t);
  const none = await cli('export', '--format', 'csv', '--query', 'tag:nosuchtag', '--data', data, '--corpus', CORPUS);
  assert.equal(none.code, 0);
  assert.match(none.err, /warning: nothing to export: no claim matches/);
  const pandoc = await cli('export', '--format', 'markdown', '--citations', 'pandoc', '--data', data, '--corpus', CORPUS);
  assert.match(pandoc.err, /warning: the notes cite marginalia-notes\.bib, which only --out FILE writes/);
});
