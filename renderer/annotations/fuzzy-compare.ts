/**
 * For a fuzzy claim (its text changed on disk; issue 10, item 14): the quote as claimed and the
 * text the claim covers now, side by side, with "Accept new text" (the quote becomes the new
 * text; one undoable action in the host) and "Re-attach to selection" (the claim moves to the
 * passage selected in the reader). Shown in the claim editor under the quote.
 */
import type { Claim } from '../../core/api.ts';
import type { ClaimSession } from './claim-session.ts';
import { h } from './dom.ts';
import { errorMessage, snippet } from './format.ts';

/** Longest text shown in each column; the full texts are in the title tooltip. */
const COMPARE_CHARS = 400;

/** The text a claim covers now in the open document, or null when its document is not open. */
export function currentText(session: ClaimSession, claim: Claim): string | null {
  const d = session.doc();
  if (!d || d.model.id !== claim.documentId) return null;
  return d.textMap.text.slice(claim.position.start, claim.position.end);
}

/** The side-by-side box, or null for a claim that is not fuzzy. `onDone` hears the updated claim. */
export function fuzzyCompare(session: ClaimSession, claim: Claim, onDone: (c: Claim) => void): HTMLElement | null {
  if (claim.status !== 'fuzzy') return null;
  const now = currentText(session, claim);
  const msg = h('p', { class: 'fuzzy-message', role: 'status' });
  const column = (label: string, text: string | null, cls: string): HTMLElement =>
    h('div', { class: `fuzzy-column ${cls}` },
      h('span', { class: 'fuzzy-label' }, label),
      text === null
        ? h('span', { class: 'fuzzy-text fuzzy-unknown' }, 'Open its document to see it.')
        : h('q', { class: 'fuzzy-text', title: text }, snippet(text, COMPARE_CHARS).slice(1, -1)));
  const act = async (patch: Parameters<ClaimSession['update']>[1], done: string): Promise<void> => {
    try {
      const updated = await session.update(claim.id, patch);
      session.ctx.toast(done);
      onDone(updated);
    } catch (err) { msg.textContent = errorMessage(err); }
  };
  const accept = h('button', {
    type: 'button', class: 'link-button', 'data-action': 'accept-text',
    onclick: () => void act({ acceptText: true }, 'The quote is now the new text (Ctrl+Z undoes it).'),
  }, 'Accept new text');
  const reattach = h('button', {
    type: 'button', class: 'link-button', 'data-action': 'reattach',
    // keep the reader's selection: the button must not take focus on mousedown
    onmousedown: (e: Event) => e.preventDefault(),
    onclick: () => {
      const range = session.selectionRange();
      const d = session.doc();
      if (!d || d.model.id !== claim.documentId) { msg.textContent = 'Open its document and select the passage first.'; return; }
      if (!range) { msg.textContent = 'Select the passage in the text first.'; return; }
      void act({ range }, 'Re-attached to the selection.');
    },
  }, 'Re-attach to selection');
  return h('div', { class: 'fuzzy-compare', role: 'group', 'aria-label': 'The text changed since this claim was made' },
    h('p', { class: 'fuzzy-intro' }, 'The text changed since this claim was made.'),
    h('div', { class: 'fuzzy-columns' }, column('Claimed', claim.quote.exact, 'fuzzy-was'), column('Now', now, 'fuzzy-now')),
    h('div', { class: 'fuzzy-actions' }, accept, reattach),
    msg);
}
