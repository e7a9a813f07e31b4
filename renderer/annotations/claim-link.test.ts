/** `#claim=<id>` (where the web host's /claim/<id> lands) versus the reader's own `#doc=…&claim=…`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkedClaimFromHash, malformedClaimLink, malformedLinkMessage } from './claim-link.ts';
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

test('a #claim= link that names no claim (cut short, mistyped) is told apart, so the reader can say so', () => {
  assert.equal(malformedClaimLink(`#claim=${ID.slice(0, 20)}`), ID.slice(0, 20));
  assert.equal(malformedClaimLink('#claim='), '');
  assert.equal(malformedClaimLink('#claim=<script>'), '<script>');
  assert.equal(malformedClaimLink(`#claim=${ID}`), null, 'a claim id is a link to resolve, not a malformed one');
  assert.equal(malformedClaimLink(hashForClaim('doc-1', 'x')), null, "the reader's own #doc=…&claim=… is not a pasted link");
  assert.equal(malformedClaimLink('#doc=abc'), null);
  assert.match(malformedLinkMessage('x'.repeat(80)), /names no claim \(“x{40}…”\)/);
});
