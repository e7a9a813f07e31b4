import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, STORE_FILE } from './open-store.ts';
import { migrate, SCHEMA_VERSION, schemaVersionOf } from './migrations.ts';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('a new data folder gets a store at the newest schema, in WAL mode', async (t) => {
  const dir = await tempDir(t);
  const opened = openStore(join(dir, 'nested', 'data'));
  assert.equal(opened.state.ok, true);
  assert.ok(opened.db);
  assert.equal(schemaVersionOf(opened.db), SCHEMA_VERSION);
  assert.deepEqual({ ...opened.db.prepare('PRAGMA journal_mode').get() }, { journal_mode: 'wal' });
  opened.db.close();
});

test('a version-1 store is migrated and keeps its rows', async (t) => {
  const dir = await tempDir(t);
  const v1 = new DatabaseSync(join(dir, STORE_FILE));
  migrate(v1, 1);
  v1.prepare(`INSERT INTO claims (id, document_id, quote_exact, quote_prefix, quote_suffix, pos_start, pos_end, status, kind, created, modified)
    VALUES ('c1', 'd1', 'neutrality policy', 'the ', '?', 40, 57, 'exact', 'claim', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`).run();
  v1.prepare(`INSERT INTO documents (id, iri, path, title, format, content_hash, word_count, imported_at)
    VALUES ('d1', 'urn:x', 'a.txt', 'A', 'txt', 'abc', 3, '2024-01-01T00:00:00Z')`).run();
  v1.close();

  const opened = openStore(dir);
  assert.equal(opened.state.ok, true, opened.state.ok ? '' : opened.state.reason);
  assert.ok(opened.db);
  assert.equal(opened.state.ok && opened.state.schemaVersion, SCHEMA_VERSION);
  const claim = opened.db.prepare('SELECT quote_exact FROM claims WHERE id = ?').get('c1') as { quote_exact: string };
  assert.equal(claim.quote_exact, 'neutrality policy');
  // The version-2 parts exist and the old document row got their defaults.
  const doc = opened.db.prepare('SELECT removed_at, text_hash FROM documents WHERE id = ?').get('d1') as { removed_at: null; text_hash: string };
  assert.deepEqual({ ...doc }, { removed_at: null, text_hash: '' });
  assert.equal((opened.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n, 0);
  opened.db.close();
});

test('a store from a newer version is refused and left byte-for-byte unchanged', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, STORE_FILE);
  const newer = new DatabaseSync(path);
  newer.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1); PRAGMA user_version = 999;');
  newer.close();
  const before = await readFile(path);
  const opened = openStore(dir);
  assert.equal(opened.state.ok, false);
  assert.equal(opened.db, null);
  assert.match(opened.state.ok ? '' : opened.state.reason, /newer version of Marginalia.*999/);
  assert.deepEqual(await readFile(path), before);
});

test('a file of random bytes is refused and left unchanged', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, STORE_FILE);
  const junk = randomBytes(64 * 1024);
  await writeFile(path, junk);
  const opened = openStore(dir);
  assert.equal(opened.state.ok, false);
  assert.match(opened.state.ok ? '' : opened.state.reason, /not a SQLite database/);
  assert.deepEqual(await readFile(path), junk);
});

test('a SQLite file with damaged pages is refused and left unchanged', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, STORE_FILE);
  const db = new DatabaseSync(path);
  db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t(x);');
  const ins = db.prepare('INSERT INTO t VALUES (?)');
  db.exec('BEGIN');
  for (let i = 0; i < 2000; i++) ins.run(`row ${i} ${'x'.repeat(50)}`);
  db.exec('COMMIT');
  db.close();
  const bytes = await readFile(path);
  // Keep the 100-byte header, overwrite the rest of the first page and the pages after it.
  randomBytes(bytes.length - 100).copy(bytes, 100);
  await writeFile(path, bytes);
  const opened = openStore(dir);
  assert.equal(opened.state.ok, false);
  assert.match(opened.state.ok ? '' : opened.state.reason, /damaged|cannot be read/);
  assert.deepEqual(await readFile(path), bytes);
});
