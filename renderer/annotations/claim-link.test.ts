/** `#claim=<id>` (where the web host's /claim/<id> lands) versus the reader's own `#doc=…&claim=…`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedClaimFromHash } from './claim-link.ts';
import { hashForClaim } from './claim-route.ts';

const ID = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

test('a link lands as #claim=<id> and is resolved by the claims layer', () => {
  assert.equal(linkedClaimFromHash(`#claim=${ID}`), ID);
});

test('a resolved claim (#doc=…&claim=…), a non-UUID or an empty hash is no pending link', () => {
  assert.equal(linkedClaimFromHash(hashForClaim('doc-1', ID)), null);
  assert.equal(linkedClaimFromHash('#claim=abc'), null);
  assert.equal(linkedClaimFromHash('#claim=<script>'), null);
  assert.equal(linkedClaimFromHash(''), null);
});
