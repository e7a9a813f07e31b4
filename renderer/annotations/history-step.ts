/**
 * One undo or redo as the user asked for it (Ctrl/⌘+Z, an Undo button): the host steps this
 * window's own history (issue 8, item 17). When another window or the command line changed the
 * same thing since, the host holds the step back and says so; the user is asked, and the step is
 * taken over the other change only when they say "anyway". Every caller gets one sentence to show.
 */
import type { HistoryConflict, HistoryStepOptions, HistoryStepResult, ReaderBridge } from '../../core/api.ts';

/** Which way. */
export type HistoryDirection = 'undo' | 'redo';

/** What the user is asked when a step is held back. */
export interface HistoryQuestion { step: HistoryDirection; action: string; conflict: HistoryConflict }

/** How a caller takes a step. */
export interface HistoryStepDeps {
  /** `redo` may be left out by callers that only undo (an Undo button). */
  reader: Pick<ReaderBridge, 'undo'> & Partial<Pick<ReaderBridge, 'redo'>>;
  /** Ask whether to take the step anyway (history-conflict-dialog.ts); resolves true for yes. */
  confirm(question: HistoryQuestion): Promise<boolean>;
  /**
   * Wraps each host call (the claims layer passes `session.own`, so the echo of its own change
   * is skipped). `emitted`: whether the result means the host announced a change.
   */
  call?(step: HistoryDirection, call: () => Promise<HistoryStepResult | null>, emitted: (r: HistoryStepResult | null) => boolean): Promise<HistoryStepResult | null>;
}

/** What happened: `changed` when the library changed, `message` to show in a toast or status line. */
export interface HistoryStepOutcome { changed: boolean; message: string }

/** Human wording of the host's action label ("create-claim" → "create claim"). */
export function actionWords(action: string): string {
  return action.replace(/[-_]+/g, ' ').trim();
}

/** Undo or redo this window's last action, asking first when another change is in the way. */
export async function stepHistory(deps: HistoryStepDeps, step: HistoryDirection): Promise<HistoryStepOutcome> {
  const host = (options?: HistoryStepOptions): Promise<HistoryStepResult | null> => {
    const once = (): Promise<HistoryStepResult | null> => (step === 'undo' ? deps.reader.undo(options) : deps.reader.redo ? deps.reader.redo(options) : Promise.resolve(null));
    return deps.call ? deps.call(step, once, (r) => r !== null && !r.conflict) : once();
  };
  const Done = step === 'undo' ? 'Undid' : 'Redid';
  let result = await host();
  const nothing = { changed: false, message: `Nothing to ${step} in this window.` };
  if (!result) return nothing;
  if (result.conflict) {
    const held = result.conflict;
    const action = actionWords(result.action);
    if (!(await deps.confirm({ step, action, conflict: held }))) {
      return { changed: false, message: `Not ${step === 'undo' ? 'undone' : 'redone'}: ${action}. ${held.message}` };
    }
    result = await host({ anyway: held.step });
    if (!result) return nothing;
    if (result.conflict) return { changed: false, message: `Not ${step === 'undo' ? 'undone' : 'redone'}: ${actionWords(result.action)}. ${result.conflict.message}` };
  }
  return { changed: true, message: `${Done}: ${actionWords(result.action)}.` };
}
