/** Multi-select as in a file manager: click, Shift+click ranges, select all, filters prune. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RowSelection } from './row-selection.ts';

const rows = (n: number): string[] => Array.from({ length: n }, (_, i) => `c${i + 1}`);

test('a click toggles one row; Shift+click selects the range from the last clicked row', () => {
  const s = new RowSelection();
  s.setRows(rows(8));
  s.toggle('c2');
  s.extendTo('c5');
  assert.deepEqual(s.ids(), ['c2', 'c3', 'c4', 'c5']);
  s.extendTo('c7'); // the anchor moved to c5
  assert.deepEqual(s.ids(), ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
  s.toggle('c4');
  assert.deepEqual(s.ids(), ['c2', 'c3', 'c5', 'c6', 'c7']);
});

test('Shift+click upwards works, and Shift+click to deselect clears the range', () => {
  const s = new RowSelection();
  s.setRows(rows(6));
  s.toggle('c5');
  s.extendTo('c2');
  assert.deepEqual(s.ids(), ['c2', 'c3', 'c4', 'c5']);
  s.extendTo('c3', false);
  assert.deepEqual(s.ids(), ['c4', 'c5']);
});

test('Shift+click without an anchor selects just that row', () => {
  const s = new RowSelection();
  s.setRows(rows(3));
  s.extendTo('c3');
  assert.deepEqual(s.ids(), ['c3']);
});

test('select all takes every row shown; rows a filter hides leave the selection', () => {
  const s = new RowSelection();
  s.setRows(rows(5));
  s.selectAll();
  assert.equal(s.size, 5);
  assert.ok(s.all);
  s.setRows(['c1', 'c3']);
  assert.deepEqual(s.ids(), ['c1', 'c3']);
  assert.ok(s.all);
  s.setRows(rows(5));
  assert.ok(!s.all, 'hidden rows do not come back selected');
  assert.equal(s.size, 2);
});

test('ids are returned in list order, not click order', () => {
  const s = new RowSelection();
  s.setRows(rows(4));
  s.toggle('c4');
  s.toggle('c1');
  assert.deepEqual(s.ids(), ['c1', 'c4']);
  s.toggle('unknown');
  assert.equal(s.size, 2);
});
