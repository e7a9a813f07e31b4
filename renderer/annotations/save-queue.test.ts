/** The editor's save queue: honest "Saved", ordered saves, the host's error message. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaveQueue, TYPING_DEBOUNCE_MS, type SaveState } from './save-queue.ts';

/** A fake host call we resolve by hand, to see the states in between. */
function deferredHost() {
  const calls: Array<{ patch: Record<string, unknown>; resolve(): void; reject(e: Error): void }> = [];
  const save = (patch: Record<string, unknown>) => new Promise<void>((resolve, reject) => calls.push({ patch, resolve, reject }));
  return { calls, save };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

test('"Saved" shows only after the host resolved, never before', async () => {
  const host = deferredHost();
  const states: SaveState['kind'][] = [];
  const q = new SaveQueue(host.save, (s) => states.push(s.kind));
  const done = q.now({ restatement: 'Turkmenistan is neutral' });
  await tick();
  assert.deepEqual(states, ['saving']);
  assert.equal(q.busy(), true);
  host.calls[0]!.resolve();
  await done;
  assert.deepEqual(states, ['saving', 'saved']);
  assert.equal(q.busy(), false);
});

test('typing is coalesced into one save after the pause; later keys win', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const host = deferredHost();
  const q = new SaveQueue(host.save, () => undefined);
  q.later({ restatement: 'T' });
  q.later({ restatement: 'Tu' });
  q.later({ note: 'from the 1995 UN resolution' });
  t.mock.timers.tick(TYPING_DEBOUNCE_MS - 1);
  assert.equal(host.calls.length, 0);
  t.mock.timers.tick(1);
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual(host.calls.map((c) => c.patch), [{ restatement: 'Tu', note: 'from the 1995 UN resolution' }]);
});

test('saves go out one after another, and a failure shows the host\'s message', async () => {
  const host = deferredHost();
  const states: SaveState[] = [];
  const q = new SaveQueue(host.save, (s) => states.push(s));
  void q.now({ kind: 'evidence' });
  const second = q.now({ tags: ['neutrality'] });
  await tick();
  assert.equal(host.calls.length, 1, 'the second waits for the first');
  host.calls[0]!.resolve();
  await tick();
  assert.equal(host.calls.length, 2);
  host.calls[1]!.reject(new Error('The store is read-only: the disk is full.'));
  await second;
  assert.deepEqual(states.at(-1), { kind: 'error', message: 'The store is read-only: the disk is full.' });
});
