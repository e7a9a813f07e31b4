import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../library.ts';
import { openLibrary, tempDir } from './test-support.ts';

/** The repository's corpus: the five texts with their sources.json. */
const REPO_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const BRIEF = 'turkmenistan-time-to-revise-neutrality-policy-2016.txt';
const REPORT = 'turkmenistan-russia-relations-report.txt';

async function corpusWithSources(t: { after(fn: () => unknown): void }): Promise<string> {
  const dir = await tempDir(t, 'corpus');
  await cp(REPO_CORPUS, dir, { recursive: true });
  return dir;
}

async function summaryOf(lib: Library, file: string) {
  const d = (await lib.getLibrary()).documents.find((s) => s.path === file);
  assert.ok(d, `${file} is in the library`);
  return d;
}

test('an edit lays over sources.json, reaches every listener, and undo/redo step it as one action', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), await corpusWithSources(t));
  const brief = await summaryOf(lib, BRIEF);
  assert.equal(brief.title, 'Turkmenistan: time to revise the neutrality policy?');
  assert.match(brief.sourcesNote ?? '', /^Original file 001_/, 'the provenance note is kept beside the item');
  assert.equal(brief.csl!.note, undefined, 'and is not the item note');
  const heard: string[] = [];
  lib.on('onDidChangeLibrary', (s) => heard.push(s.documents.find((d) => d.id === brief.id)!.title));

  const after = await lib.updateSource(brief.id, {
    title: 'Turkmenistan: Time to Revise the Neutrality Policy?', author: [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'International Crisis Group' }],
    DOI: 'https://doi.org/10.1234/abcd.5678', note: 'Read for chapter 2.',
  });
  assert.equal(after.title, 'Turkmenistan: Time to Revise the Neutrality Policy?');
  assert.equal(after.author, 'Yapıcı, Utku; International Crisis Group');
  assert.equal(after.year, 2016, 'fields not edited come from sources.json');
  assert.equal(after.csl!.DOI, '10.1234/abcd.5678');
  assert.equal(after.csl!['container-title'], 'Emerging Challenges');
  assert.equal(after.csl!.note, 'Read for chapter 2.');
  assert.deepEqual(after.editedFields, ['title', 'author', 'DOI', 'note']);
  assert.deepEqual(heard, ['Turkmenistan: Time to Revise the Neutrality Policy?']);

  assert.deepEqual(await lib.undo(), { action: 'Edit source', undoable: true });
  assert.equal((await summaryOf(lib, BRIEF)).title, 'Turkmenistan: time to revise the neutrality policy?');
  assert.equal((await summaryOf(lib, BRIEF)).csl!.DOI, undefined);
  assert.equal(heard.at(-1), 'Turkmenistan: time to revise the neutrality policy?', 'undo tells every window');
  await lib.redo();
  assert.equal((await summaryOf(lib, BRIEF)).author, 'Yapıcı, Utku; International Crisis Group');
});

test('bad input names the field and saves nothing; an empty edit records no action', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), await corpusWithSources(t));
  const brief = await summaryOf(lib, BRIEF);
  await assert.rejects(lib.updateSource(brief.id, { title: 'New title', DOI: '11.1234/x' }),
    (err: Error & { code?: string }) => err.code === 'bad-input' && /^DOI: “11\.1234\/x” is not a DOI/.test(err.message));
  assert.equal((await summaryOf(lib, BRIEF)).title, brief.title, 'the valid field of a refused patch is not saved either');
  await assert.rejects(lib.updateSource(brief.id, { issued: { 'date-parts': [[2016, 2, 30]] } }), /Date: February 2016 has no day 30/);
  await assert.rejects(lib.updateSource('doc-nope', { title: 'x' }), (err: Error & { code?: string }) => err.code === 'not-found');
  await lib.updateSource(brief.id, {});
  assert.equal(await lib.undo(), null, 'nothing was recorded');
});

test('edits survive re-import, a changed sources.json and a restart; clearing a seeded title shows the file name', async (t) => {
  const data = await tempDir(t);
  const corpus = await corpusWithSources(t);
  let lib = await openLibrary(t, data, corpus);
  const report = await summaryOf(lib, REPORT);
  assert.equal(report.untitled, true, 'sources.json gives the report no title');
  assert.equal(report.title, 'Turkmenistan russia relations report', 'it shows its file name as words');
  await lib.updateSource(report.id, { title: 'Turkmenistan–Russia Relations', issued: '2025' as never });
  const brief = await summaryOf(lib, BRIEF);
  await lib.updateSource(brief.id, { title: null });
  assert.equal((await summaryOf(lib, BRIEF)).title, 'Turkmenistan time to revise neutrality policy 2016');
  assert.equal((await summaryOf(lib, BRIEF)).untitled, true);

  // sources.json changes under the edit: fields the user did not edit follow it
  const file = join(corpus, 'sources.json');
  const items = JSON.parse(await readFile(file, 'utf8')) as Array<Record<string, unknown>>;
  const item = items.find((i) => i.id === REPORT)!;
  item.title = 'A title from the maintainers';
  item.publisher = 'Maintainers Press';
  await writeFile(file, JSON.stringify(items));
  await lib.reanchor();
  let now = await summaryOf(lib, REPORT);
  assert.equal(now.title, 'Turkmenistan–Russia Relations', 'the user\'s title wins over the new sources.json one');
  assert.equal(now.csl!.publisher, 'Maintainers Press');
  assert.equal(now.year, 2025);

  lib.close();
  lib = await openLibrary(t, data, corpus);
  now = await summaryOf(lib, REPORT);
  assert.equal(now.title, 'Turkmenistan–Russia Relations', 'after a restart');
  assert.equal((await summaryOf(lib, BRIEF)).untitled, true);
});
