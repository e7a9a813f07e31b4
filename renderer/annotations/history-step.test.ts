/** An undo held back by another window's change is asked about, and taken only on "yes". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryConflict, HistoryStepOptions, HistoryStepResult } from '../../core/api.ts';
import { stepHistory, type HistoryQuestion } from './history-step.ts';

const conflict: HistoryConflict = {
  step: 7, kind: 'changed', by: 'another window', byAction: 'Edit claim', what: 'the note of the claim “Since 1991”',
  message: 'Another window changed the note of the claim “Since 1991” since (Edit claim).',
};

/** A host whose next undo is held back once, then taken when called with `anyway`. */
function host(): { calls: Array<HistoryStepOptions | undefined>; undo(o?: HistoryStepOptions): Promise<HistoryStepResult | null>; redo(): Promise<HistoryStepResult | null> } {
  const calls: Array<HistoryStepOptions | undefined> = [];
  return {
    calls,
    undo: async (o) => { calls.push(o); return o?.anyway === 7 ? { action: 'Edit claim', undoable: true } : { action: 'Edit claim', undoable: true, conflict }; },
    redo: async () => null,
  };
}

test('a held-back undo asks, naming the action and the other change; yes takes it with the step number', async () => {
  const reader = host();
  const asked: HistoryQuestion[] = [];
  const out = await stepHistory({ reader, confirm: async (q) => { asked.push(q); return true; } }, 'undo');
  assert.deepEqual(asked, [{ step: 'undo', action: 'Edit claim', conflict }]);
  assert.deepEqual(reader.calls, [undefined, { anyway: 7 }]);
  assert.deepEqual(out, { changed: true, message: 'Undid: Edit claim.' });
});

test('no keeps the other change and says what was not undone and why', async () => {
  const reader = host();
  const out = await stepHistory({ reader, confirm: async () => false }, 'undo');
  assert.equal(reader.calls.length, 1, 'nothing taken');
  assert.deepEqual(out, { changed: false, message: `Not undone: Edit claim. ${conflict.message}` });
});

test('nothing of this window’s own to redo says so', async () => {
  const out = await stepHistory({ reader: host(), confirm: async () => true }, 'redo');
  assert.deepEqual(out, { changed: false, message: 'Nothing to redo in this window.' });
});

test('the question names the action, the other change and what going on does', async () => {
  const { questionWords } = await import('./history-conflict-dialog.ts');
  assert.deepEqual(questionWords({ step: 'undo', action: 'Edit claim', conflict }), {
    title: 'Undo ‘Edit claim’?',
    body: `${conflict.message} Undoing it puts back what was there before your action, over that change.`,
    confirm: 'Undo anyway', cancel: 'Keep the other change',
  });
  assert.match(questionWords({ step: 'redo', action: 'Edit claim', conflict: { ...conflict, kind: 'deleted', what: 'the claim “Since 1991”' } }).body, /Redoing it brings the claim “Since 1991” back\.$/);
});
