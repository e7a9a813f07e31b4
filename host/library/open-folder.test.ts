import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { expandHome } from './corpus.ts';
import { openLibrary, SAMPLE_CORPUS, tempDir } from './test-support.ts';

test('Open folder: a file is "a file, not a folder", named with the folder that holds it', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const name = readdirSync(SAMPLE_CORPUS).find((f) => f.endsWith('.txt'))!;
  const file = join(SAMPLE_CORPUS, name);
  await assert.rejects(lib.openCorpus(file), (err: Error) => {
    assert.ok(err.message.includes(`${name} is a file, not a folder`), err.message);
    assert.ok(err.message.endsWith(SAMPLE_CORPUS.replace(/[/\\]$/, '')), err.message);
    return true;
  });
  assert.ok((await lib.getLibrary()).documents.length > 0, 'the open corpus stays open');
});

test('~ is the user\'s home folder', () => {
  assert.equal(expandHome('~'), homedir());
  assert.equal(expandHome('~/corpus'), join(homedir(), 'corpus'));
  assert.equal(expandHome('/data/~old'), '/data/~old');
  assert.equal(expandHome('~someone/x'), '~someone/x', 'another user\'s home is left as typed');
});
