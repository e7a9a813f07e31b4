/**
 * "Undo ‘Edit claim’?": asked when this window's undo (or redo) would put back something another
 * window or the command line changed since (history-step.ts). It names the action, who changed
 * what, and what the step would do; focus starts on "Keep the other change", and Escape keeps it.
 */
import { confirmAction } from './entities/confirm-dialog.ts';
import type { HistoryQuestion } from './history-step.ts';

/** The question's words: title, body (the host's sentence and what taking the step does), buttons. */
export function questionWords(q: HistoryQuestion): { title: string; body: string; confirm: string; cancel: string } {
  const verb = q.step === 'undo' ? 'Undo' : 'Redo';
  const doing = q.step === 'undo' ? 'Undoing' : 'Redoing';
  const effect = q.conflict.kind === 'deleted'
    ? `${doing} it brings ${q.conflict.what} back.`
    : `${doing} it puts back ${q.step === 'undo' ? 'what was there before your action' : 'your change'}, over that change.`;
  return { title: `${verb} ‘${q.action}’?`, body: `${q.conflict.message} ${effect}`, confirm: `${verb} anyway`, cancel: 'Keep the other change' };
}

/** Asks in a modal dialog; resolves true for "Undo anyway". */
export function confirmHistoryStep(q: HistoryQuestion): Promise<boolean> {
  return confirmAction({ ...questionWords(q), keepFocus: true });
}
