/** `#doc=…&claim=…` round-trips, and the reader's plain `#doc=…` is not a claim link. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimFromHash, hashForClaim } from './claim-route.ts';

test('a claim link names its document and claim, and survives odd characters', () => {
  const hash = hashForClaim('doc/with spaces&=', 'c-1#2');
  assert.deepEqual(claimFromHash(hash), { documentId: 'doc/with spaces&=', claimId: 'c-1#2' });
});

test('a document-only hash, or a claim without its document, is no claim link', () => {
  assert.equal(claimFromHash('#doc=abc'), null);
  assert.equal(claimFromHash('#claim=abc'), null);
  assert.equal(claimFromHash(''), null);
});
