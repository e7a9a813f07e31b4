import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim } from '../../core/api.ts';
import { bucketsOf, BUCKET_PX } from './bucket-bar.ts';

const claim = (id: string) => ({ id } as Claim);

test('claims close on the strip share a mark with a count; far ones get their own, in order', () => {
  const height = 500;
  const near = BUCKET_PX / 2 / height;
  const b = bucketsOf([{ claim: claim('c'), at: 0.8 }, { claim: claim('a'), at: 0.1 }, { claim: claim('b'), at: 0.1 + near }], height);
  assert.deepEqual(b.map((x) => x.claims.map((c) => c.id)), [['a', 'b'], ['c']]);
  assert.equal(b[0]!.at, 0.1);
  assert.deepEqual(bucketsOf([], height), []);
});
