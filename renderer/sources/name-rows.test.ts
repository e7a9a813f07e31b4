/** The creators list's rows: reading them as CSL names, switching person ↔ organisation. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameOf, rowOf, switchKind } from './name-rows.ts';

test('a person row and an organisation row read back as the CSL names they came from; empty rows drop', () => {
  for (const n of [{ family: 'Yapıcı', given: 'Utku' }, { family: '张' }, { literal: 'International Crisis Group' }]) {
    assert.deepEqual(nameOf(rowOf(n)), n);
  }
  assert.equal(nameOf({ kind: 'person', family: ' ', given: '', literal: '' }), null);
  assert.deepEqual(nameOf({ kind: 'person', family: '', given: 'Utku', literal: '' }), { family: '', given: 'Utku' },
    'a given name alone is sent, so the host can say a family name is missing');
});

test('switching keeps what was typed: "Given Family" one way, the last word as family name the other', () => {
  const org = switchKind(rowOf({ family: 'Group', given: 'International Crisis' }));
  assert.deepEqual(nameOf(org), { literal: 'International Crisis Group' });
  assert.deepEqual(nameOf(switchKind(rowOf({ literal: 'Utku Yapıcı' }))), { family: 'Yapıcı', given: 'Utku' });
  assert.deepEqual(nameOf(switchKind(rowOf({ literal: 'Ali Ali' }))), { family: 'Ali', given: 'Ali' });
  assert.deepEqual(nameOf(switchKind(rowOf({ literal: 'Plato' }))), { family: 'Plato' });
  assert.equal(nameOf(switchKind(rowOf({ literal: '' }))), null);
});
