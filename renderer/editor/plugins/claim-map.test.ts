import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClaimMap } from './claim-map.ts';

test('ClaimMap: each change gives a new map, the old one unchanged, across layers and merges', () => {
  const first = ClaimMap.of([['a', 1], ['b', 2]]);
  const second = first.set('c', 3).set('a', 10).delete(['b', 'zz']);
  assert.deepEqual([...first.entries()], [['a', 1], ['b', 2]]);
  assert.deepEqual([...second.entries()], [['a', 10], ['c', 3]]);
  assert.equal(second.size, 2);
  assert.equal(second.get('b'), undefined);
  assert.equal(second.has('c'), true);
  // enough changes to merge the layer: every state along the way keeps what it had
  const states = [second];
  for (let i = 0; i < 200; i++) states.push(states.at(-1)!.set(`n${i}`, i));
  const last = states.at(-1)!.delete(['a', 'n5']);
  assert.equal(last.size, 200);
  assert.equal(last.get('n199'), 199);
  assert.equal(last.get('n5'), undefined);
  assert.equal(states[100]!.size, 102);
  assert.equal(states[100]!.get('n100'), undefined);
  assert.equal(states[100]!.get('n99'), 99);
  assert.deepEqual([...states[3]!.values()], [10, 3, 0, 1, 2]);
  assert.equal(ClaimMap.of([['x', 1]]).delete(['x']).set('x', 2).get('x'), 2);
});
