/**
 * The read-only guard: the text of a real document cannot change through the editor, while the
 * caret and selection move freely (claims are made from keyboard selections).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EditorState, TextSelection } from 'prosemirror-state';
import { parseDocument } from '../../../core/corpus/parse.ts';
import { toProseMirror } from '../to-prosemirror.ts';
import { isEditingKey, readOnly } from './read-only.ts';

const FILE = '004_d79f82da22736ce2.txt';
const doc = toProseMirror(parseDocument({
  text: readFileSync(new URL(`../../../../shared/corpus/${FILE}`, import.meta.url), 'utf8'), format: 'txt', path: FILE,
}).doc);

test('changes to the text are rejected, selection changes pass', () => {
  const state = EditorState.create({ doc, plugins: [readOnly()] });
  const inside = TextSelection.create(state.doc, 5, 20);
  const selected = state.apply(state.tr.setSelection(inside));
  assert.equal(selected.selection.from, 5);
  assert.equal(selected.selection.to, 20);
  for (const edit of [
    state.tr.insertText('x', 5),
    state.tr.delete(5, 20),
    state.tr.setSelection(inside).deleteSelection(),
    state.tr.replaceWith(0, state.doc.content.size, state.schema.nodes.paragraph!.create()),
  ]) {
    const after = state.apply(edit);
    assert.ok(after.doc.eq(doc), 'the document is unchanged');
    assert.equal(after, state, 'the whole transaction is dropped');
  }
});

test('keys that edit are caught, keys that move or read are not', () => {
  const k = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
    isEditingKey({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  for (const key of ['a', 'Z', ' ', 'Enter', 'Backspace', 'Delete', 'Dead', 'ü']) assert.equal(k(key), true, key);
  assert.equal(k('v', { ctrlKey: true }), true, 'paste');
  assert.equal(k('x', { metaKey: true }), true, 'cut');
  assert.equal(k('z', { ctrlKey: true }), true, 'undo has nothing to undo here');
  for (const key of ['ArrowLeft', 'ArrowDown', 'Home', 'End', 'PageDown', 'Tab', 'Escape', 'Shift', 'F3']) assert.equal(k(key), false, key);
  assert.equal(k('c', { ctrlKey: true }), false, 'copy');
  assert.equal(k('a', { metaKey: true }), false, 'select all');
  assert.equal(k('f', { ctrlKey: true }), false, 'find');
  assert.equal(k('ArrowDown', { altKey: true }), false, 'next heading');
});
