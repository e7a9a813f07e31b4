/** Word sequences: a phrase is found inside one field of one document, never across a boundary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEPARATOR, WordSequences, wordHash } from './word-sequence.ts';

const h = (text: string): number[] => text ? text.split(' ').map(wordHash) : [];

test('has and find agree: a phrase in one field, not across fields, tags or documents', () => {
  const seq = new WordSequences(new Int32Array(2), new Int32Array(4)); // tiny, so it grows
  seq.add([h('the state of'), [], h('union now'), h('of the union')]); // doc 0; field 1 empty
  seq.add([[], [...h('alpha beta'), SEPARATOR, ...h('gamma')], [], h('')]); // doc 1
  seq.add([h('of the'), h('union'), h(''), h('')]); // doc 2
  const phrase = h('of the union');
  const found = (p: number[], fields = [0, 1, 2, 3]): number[] => { const out = new Set<number>(); seq.find(p, fields, (d) => out.add(d)); return [...out].sort(); };
  assert.deepEqual(found(phrase), [0], 'in doc 0’s field 3; doc 2 has it only across two fields');
  assert.ok(seq.has(0, 3, phrase));
  assert.ok(!seq.has(2, 0, phrase) && !seq.has(2, 1, phrase));
  assert.deepEqual(found(h('of union')), [], 'doc 0 field 0 ends with "of", field 2 starts with "union"');
  assert.deepEqual(found(h('beta gamma')), [], 'not across two tags');
  assert.deepEqual(found(h('alpha beta')), [1]);
  assert.deepEqual(found(h('union'), [2]), [0], 'only in the fields asked');
  assert.deepEqual(found(h('union'), [1]), [2]);
  assert.deepEqual(seq.field(1, 1).length, 4);
  const { words, starts } = seq.parts();
  const back = WordSequences.frozen(words, starts);
  assert.deepEqual(found.call(null, phrase), [0]);
  const again = new Set<number>(); back.find(h('alpha beta'), [1], (d) => again.add(d));
  assert.deepEqual([...again], [1], 'the same after a round trip through its parts');
  assert.throws(() => back.add([[], [], [], []]), /not appended/);
});
