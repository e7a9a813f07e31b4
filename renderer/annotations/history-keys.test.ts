/** Which keys undo and redo: the platform's own conventions, and nothing else. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historyStep } from './history-keys.ts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

test('Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo on Windows and Linux', () => {
  assert.equal(historyStep(key('z', { ctrlKey: true }), false), 'undo');
  assert.equal(historyStep(key('Z', { ctrlKey: true, shiftKey: true }), false), 'redo');
  assert.equal(historyStep(key('y', { ctrlKey: true }), false), 'redo');
  assert.equal(historyStep(key('z', { metaKey: true }), false), null);
});

test('Cmd+Z and Cmd+Shift+Z on macOS; Cmd+Y is not redo there', () => {
  assert.equal(historyStep(key('z', { metaKey: true }), true), 'undo');
  assert.equal(historyStep(key('z', { metaKey: true, shiftKey: true }), true), 'redo');
  assert.equal(historyStep(key('y', { metaKey: true }), true), null);
  assert.equal(historyStep(key('z', { ctrlKey: true }), true), null);
});

test('plain letters and Alt chords are not history steps', () => {
  assert.equal(historyStep(key('z'), false), null);
  assert.equal(historyStep(key('z', { ctrlKey: true, altKey: true }), false), null);
});
