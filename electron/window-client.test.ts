/** Desktop windows are told apart for undo, and the first window keeps its number. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windowClient, type WindowContents } from './window-client.ts';

/** A stand-in WebContents that can be destroyed. */
function contents(id: number): WindowContents & { destroy(): void } {
  let onDestroyed = (): void => {};
  return { id, once: (_e, l) => { onDestroyed = l; }, destroy: () => onDestroyed() };
}

test('each window has its own number, the same on every call; a closed window’s number goes to the next', () => {
  const first = contents(11);
  const second = contents(12);
  assert.equal(windowClient(first), 'window:1');
  assert.equal(windowClient(second), 'window:2');
  assert.equal(windowClient(first), 'window:1');
  first.destroy();
  assert.equal(windowClient(contents(13)), 'window:1', 'the lowest free number');
  assert.equal(windowClient(second), 'window:2');
  assert.equal(windowClient(undefined), 'window:1');
});
