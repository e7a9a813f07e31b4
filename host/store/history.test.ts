import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { HISTORY_LIMIT, redoNext, undoLast } from './history.ts';
import { openStore } from './open-store.ts';
import { inAction, inTransaction } from './transaction.ts';

async function store(t: { after(fn: () => unknown): void }): Promise<DatabaseSync> {
  const dir = await mkdtemp(join(tmpdir(), 'marginalia-history-'));
  const opened = openStore(dir);
  assert.ok(opened.db);
  t.after(async () => { opened.db.close(); await rm(dir, { recursive: true, force: true }); });
  return opened.db;
}

const entity = (id: string, name: string) => ({ id, name, type: 'person', aliases: '[]', description: '', wikidata: null, created: 'c', modified: 'm' });
const names = (db: DatabaseSync) => (db.prepare('SELECT name FROM entities ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);

test('an action records each row once, from its first image to its last', async (t) => {
  const db = await store(t);
  inAction(db, 'Create', (rec) => rec.put('entities', entity('e1', 'Niyazov')));
  const { changes } = inAction(db, 'Rename twice', (rec) => {
    rec.put('entities', entity('e1', 'Saparmurat Niyazov'));
    rec.put('entities', entity('e1', 'Türkmenbaşy'));
    rec.put('entities', entity('e2', 'temporary'));
    rec.remove('entities', { id: 'e2' });
  });
  assert.equal(changes.length, 1, 'a row created and removed in one action leaves no trace');
  assert.equal(changes[0]!.before!.name, 'Niyazov');
  assert.equal(changes[0]!.after!.name, 'Türkmenbaşy');
  assert.equal(inTransaction(db, () => undoLast(db))!.label, 'Rename twice');
  assert.deepEqual(names(db), ['Niyazov']);
  assert.equal(inTransaction(db, () => redoNext(db))!.label, 'Rename twice');
  assert.deepEqual(names(db), ['Türkmenbaşy']);
});

test('a failing action rolls back its rows and leaves no history entry', async (t) => {
  const db = await store(t);
  assert.throws(() => inAction(db, 'Broken', (rec) => { rec.put('entities', entity('e1', 'Niyazov')); throw new Error('boom'); }), /boom/);
  assert.deepEqual(names(db), []);
  assert.equal(inTransaction(db, () => undoLast(db)), null);
});

test(`the history keeps the newest ${HISTORY_LIMIT} actions`, async (t) => {
  const db = await store(t);
  inTransaction(db, () => {
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      // Many old actions at once (their rows do not matter here).
      db.prepare('INSERT INTO history (label, changes, at) VALUES (?, ?, ?)').run(`a${i}`, '[]', 'now');
    }
  });
  inAction(db, 'last', (rec) => rec.put('entities', entity('e1', 'x')));
  const { n, oldest } = db.prepare('SELECT count(*) AS n, MIN(label) AS oldest FROM history').get() as { n: number; oldest: string };
  assert.equal(n, HISTORY_LIMIT);
  assert.notEqual(oldest, 'a0');
});

test('actions recorded before clients were told apart (client NULL) are every client’s to undo', async (t) => {
  const db = await store(t);
  inAction(db, 'Create', (rec) => rec.put('entities', entity('e1', 'Niyazov')));
  db.prepare('UPDATE history SET client = NULL').run();
  assert.equal(inTransaction(db, () => undoLast(db, { client: 'tab:any' }))!.label, 'Create');
  assert.deepEqual(names(db), []);
  assert.equal(inTransaction(db, () => redoNext(db, { client: 'window:1' }))!.label, 'Create');
  assert.deepEqual(names(db), ['Niyazov']);
});
