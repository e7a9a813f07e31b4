/**
 * What the command line changes is the command line's in the history (issue 8, item 17): a
 * window's Ctrl+Z leaves it alone.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createLibrary } from '../library.ts';
import { withClient } from '../store/acting-client.ts';
import { main } from './main.ts';
import { quietSqliteWarning } from './quiet-warnings.ts';

quietSqliteWarning();
const REPO_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

test('an edit made with `marginalia sources set` is not a window’s to undo, and is the command line’s', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-cli-client-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await cp(REPO_CORPUS, join(root, 'corpus'), { recursive: true });
  const args = ['--corpus', join(root, 'corpus'), '--data', join(root, 'data')];
  const code = await main(['sources', 'set', 'turkmenistan-russia-relations-report.txt', 'title', 'Turkmenistan and Russia', ...args], { out: () => {}, err: () => {} });
  assert.equal(code, 0);

  const lib = await createLibrary({ dataDir: join(root, 'data'), corpusDir: null, transport: 'web' });
  t.after(() => lib.close());
  assert.equal(await withClient('tab:reader', () => lib.undo()), null, 'a window has nothing of its own to undo');
  assert.deepEqual(await withClient('cli', () => lib.undo()), { action: 'Edit source', undoable: true });
});
