/**
 * An import that remembers (issue 10, item 14): a file whose size, modification time and
 * sources.json item are unchanged is not read again; a file the watcher names is, whatever stat
 * says; a sources.json edit re-reads the file it describes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filesParsed, importFolder, type ImportMemory } from './import-folder.ts';

test('with a memory, only new or changed files are parsed again; a named file always is; sources.json changes count', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-memory-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const n of ['a', 'b', 'c', 'd', 'e']) await writeFile(join(dir, `${n}.txt`), `Title ${n}\n\nText of ${n}.`);
  const memory: ImportMemory = new Map();
  const parses = async (changed: ReadonlySet<string> | null = null): Promise<{ n: number; titles: string[]; reused: number }> => {
    const before = filesParsed();
    const out = await importFolder(dir, { memory, changed });
    return { n: filesParsed() - before, titles: out.documents.map((d) => d.doc.title), reused: out.reused.size };
  };
  assert.deepEqual(await parses(), { n: 5, titles: ['Title a', 'Title b', 'Title c', 'Title d', 'Title e'], reused: 0 });
  assert.deepEqual(await parses(), { n: 0, titles: ['Title a', 'Title b', 'Title c', 'Title d', 'Title e'], reused: 5 });

  await writeFile(join(dir, 'b.txt'), 'Title B, longer\n\nText of b, edited.');
  assert.deepEqual(await parses(), { n: 1, titles: ['Title a', 'Title B, longer', 'Title c', 'Title d', 'Title e'], reused: 4 });

  // Same size, modification time put back (as `cp -p` or a sync tool may): only a named path is read.
  const when = 1_700_000_000; // a whole second: what stat gives back exactly
  await utimes(join(dir, 'c.txt'), when, when);
  assert.equal((await parses()).n, 1, 'a new modification time: read again');
  await writeFile(join(dir, 'c.txt'), 'Title C\n\nText of C.');
  await utimes(join(dir, 'c.txt'), when, when);
  assert.equal((await parses()).n, 0, 'stat cannot tell');
  assert.deepEqual(await parses(new Set(['c.txt'])), { n: 1, titles: ['Title a', 'Title B, longer', 'Title C', 'Title d', 'Title e'], reused: 4 });

  // sources.json gives d a title: d is read again, the others are not.
  await writeFile(join(dir, 'sources.json'), JSON.stringify([{ id: 'd.txt', type: 'report', title: 'The D Report' }]));
  const withSources = await parses();
  assert.equal(withSources.n, 1);
  assert.equal(withSources.titles[3], 'The D Report');

  // Deleted files leave the result and the memory.
  await rm(join(dir, 'e.txt'));
  assert.deepEqual((await parses()).titles, ['Title a', 'Title B, longer', 'Title C', 'The D Report']);
  assert.deepEqual([...memory.keys()].sort(), ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
});
