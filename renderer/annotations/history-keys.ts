/**
 * Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y undo and redo claim changes in the store, whenever
 * focus is not in a field that types text (there the browser's own text undo applies). The host
 * keeps the history, so undo works across reloads and windows; the toast names what was undone.
 */
import type { ActionResult, ReaderBridge } from '../../core/api.ts';
import { isTextField } from './dom.ts';
import { errorMessage } from './format.ts';

/** Which history step a key event asks for, if any. */
export function historyStep(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): 'undo' | 'redo' | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey && !mac) return 'redo';
  return null;
}

/** Human wording of the host's action label ("create-claim" → "create claim"). */
export function actionWords(action: string): string {
  return action.replace(/[-_]+/g, ' ').trim();
}

/** Listens on the document; returns the function that stops listening. */
export function installHistoryKeys(opts: {
  reader: Pick<ReaderBridge, 'undo' | 'redo'>;
  /** Run the host call as one whose change event we apply ourselves. */
  own(reason: string, call: () => Promise<ActionResult | null>, emitted: (r: ActionResult | null) => boolean): Promise<ActionResult | null>;
  /** After a step: reload claims and panels. */
  afterStep(): Promise<void>;
  toast(message: string): void;
}): () => void {
  const mac = /Mac|iP(hone|ad)/.test(navigator.platform);
  let busy = false;
  const onKey = async (e: KeyboardEvent): Promise<void> => {
    const step = historyStep(e, mac);
    // No defaultPrevented check: the reader's read-only guard cancels every Ctrl+key it does not
    // know (so the browser cannot edit the text), Ctrl+Z included.
    if (!step || isTextField(document.activeElement)) return;
    e.preventDefault();
    if (busy) return;
    busy = true;
    try {
      const result = await opts.own(step, () => (step === 'undo' ? opts.reader.undo() : opts.reader.redo()), (r) => r !== null);
      if (!result) { opts.toast(step === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.'); return; }
      await opts.afterStep();
      opts.toast(`${step === 'undo' ? 'Undid' : 'Redid'}: ${actionWords(result.action)}`);
    } catch (err) {
      opts.toast(`Could not ${step}: ${errorMessage(err)}`);
    } finally {
      busy = false;
    }
  };
  const listener = (e: KeyboardEvent): void => void onKey(e);
  document.addEventListener('keydown', listener);
  return () => document.removeEventListener('keydown', listener);
}
