import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LibrarySnapshot } from '../../core/api.ts';
import { sourceLabel } from './corpus-scope.ts';

const library = {
  corpusDir: '/b', corpusId: 'corpus-b', documents: [], problems: [], store: { ok: true, path: '/x', schemaVersion: 1 },
  corpora: [
    { id: 'corpus-a', dir: '/a', name: 'fieldwork', documentCount: 2, missing: false },
    { id: 'corpus-b', dir: '/b', name: 'archive', documentCount: 2, missing: false },
  ],
} satisfies LibrarySnapshot;

test('a claim of the open corpus shows its title; of another corpus, that corpus too; gone only when no corpus holds it', () => {
  assert.deepEqual(sourceLabel({ title: 'Ledger', corpusId: 'corpus-b' }, library), { corpus: null, title: 'Ledger', gone: false });
  assert.deepEqual(sourceLabel({ title: 'Cotton Notes', corpusId: 'corpus-a' }, library), { corpus: 'fieldwork', title: 'Cotton Notes', gone: false });
  assert.equal(sourceLabel({ title: '', corpusId: null }, library).gone, true);
  assert.match(sourceLabel({ title: '', corpusId: null }, library).title, /gone from every corpus/);
  // A host that does not say (older): a titled hit is never called gone.
  assert.equal(sourceLabel({ title: 'Ledger' }, library).gone, false);
  assert.deepEqual(sourceLabel({ title: '', corpusId: 'corpus-a' }, library), { corpus: 'fieldwork', title: 'Untitled source', gone: false });
});
