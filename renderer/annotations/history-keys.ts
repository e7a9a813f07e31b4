/**
 * Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y undo and redo claim changes in the store, whenever
 * focus is not in a field that types text (there the browser's own text undo applies). The host
 * keeps the history per window (tab), so undo works across reloads and leaves other windows'
 * actions alone; the toast names what was undone, and a step another window's later change is
 * in the way of is asked about first (history-step.ts).
 */
import type { HistoryStepResult, ReaderBridge } from '../../core/api.ts';
import { isTextField } from './dom.ts';
import { errorMessage } from './format.ts';
import { confirmHistoryStep } from './history-conflict-dialog.ts';
import { stepHistory, type HistoryStepDeps } from './history-step.ts';

export { actionWords } from './history-step.ts';

/** Which history step a key event asks for, if any. */
export function historyStep(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): 'undo' | 'redo' | null {
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey && !mac) return 'redo';
  return null;
}

/** Listens on the document; returns the function that stops listening. */
export function installHistoryKeys(opts: {
  reader: Pick<ReaderBridge, 'undo' | 'redo'>;
  /** Run the host call as one whose change event we apply ourselves. */
  own(reason: string, call: () => Promise<HistoryStepResult | null>, emitted: (r: HistoryStepResult | null) => boolean): Promise<HistoryStepResult | null>;
  /** After a step: reload claims and panels. */
  afterStep(): Promise<void>;
  toast(message: string): void;
  /** Ask before a step another window's change is in the way of; default the modal dialog. */
  confirm?: HistoryStepDeps['confirm'];
  /**
   * The desktop menu's Edit → Undo / Redo (and their accelerators, which the menu takes before
   * the page sees the keys) arrive as the `undo` / `redo` commands: in a text field they undo the
   * typing (the browser's own text undo), elsewhere they step the history like the keys.
   */
  commands?: Pick<ReaderBridge, 'on'>;
}): () => void {
  const mac = /Mac|iP(hone|ad)/.test(navigator.platform);
  let busy = false;
  const run = async (step: 'undo' | 'redo'): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const outcome = await stepHistory({ reader: opts.reader, confirm: opts.confirm ?? confirmHistoryStep, call: (s, call, emitted) => opts.own(s, call, emitted) }, step);
      if (outcome.changed) await opts.afterStep();
      opts.toast(outcome.message);
    } catch (err) {
      opts.toast(`Could not ${step}: ${errorMessage(err)}`);
    } finally {
      busy = false;
    }
  };
  const listener = (e: KeyboardEvent): void => {
    const step = historyStep(e, mac);
    // No defaultPrevented check: the reader's read-only guard cancels every Ctrl+key it does not
    // know (so the browser cannot edit the text), Ctrl+Z included.
    if (!step || isTextField(document.activeElement)) return;
    e.preventDefault();
    void run(step);
  };
  document.addEventListener('keydown', listener);
  const offCommands = opts.commands?.on('onDidRequestCommand', ({ command }) => {
    if (command !== 'undo' && command !== 'redo') return;
    if (isTextField(document.activeElement)) document.execCommand(command);
    else void run(command);
  });
  return () => {
    document.removeEventListener('keydown', listener);
    offCommands?.();
  };
}
