/**
 * "Kinds…": a modal to rename the claim kinds and change their colours (a reader's own words for
 * what they mark: "thesis" instead of "claim", "source" instead of "evidence"). The kind ids stay,
 * so every claim keeps its kind; only labels and colours change, for every window at once. The
 * host checks what is saved (a label is required, a colour is #rrggbb) and its message is shown
 * in the dialog, which stays open so nothing typed is lost.
 */
import type { ClaimKindDef } from '../../core/api.ts';
import { h } from './dom.ts';
import { errorMessage } from './format.ts';

/**
 * Opens the dialog over `kinds`; `save` stores the edited list (and throws with a readable message
 * when the host refuses it). Resolves with the saved kinds, or null when cancelled.
 */
export function editKinds(kinds: readonly ClaimKindDef[], save: (next: ClaimKindDef[]) => Promise<ClaimKindDef[]>): Promise<ClaimKindDef[] | null> {
  return new Promise((resolve) => {
    const rows = kinds.map((k) => {
      const color = h('input', { type: 'color', class: 'kind-color', value: k.color, 'aria-label': `Colour of ${k.label}` });
      const label = h('input', { type: 'text', class: 'kind-label', value: k.label, maxlength: 40, 'aria-label': `Name of the kind now called ${k.label}`, autocomplete: 'off' });
      const row = h('li', { class: 'kind-row', 'data-kind': k.id }, color, label, h('span', { class: 'kind-id' }, k.id));
      return { id: k.id, color, label, row };
    });
    const error = h('p', { class: 'kinds-error', role: 'alert' });
    const saveButton = h('button', { type: 'submit', class: 'kinds-button primary' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'kinds-button' }, 'Cancel');
    const form = h('form', { method: 'dialog' },
      h('h2', { id: 'kinds-title' }, 'Claim kinds'),
      h('p', { id: 'kinds-help', class: 'kinds-help' }, 'Rename a kind or change its colour. Claims keep their kind; highlights and lists take the new name and colour.'),
      h('ol', { class: 'kinds-list' }, ...rows.map((r) => r.row)),
      error,
      h('div', { class: 'kinds-buttons' }, cancel, saveButton));
    const dialog = h('dialog', { class: 'kinds-dialog', 'aria-labelledby': 'kinds-title', 'aria-describedby': 'kinds-help' }, form);

    form.addEventListener('input', () => { error.textContent = ''; });
    let busy = false;
    const done = (result: ClaimKindDef[] | null): void => { dialog.close(); dialog.remove(); resolve(result); };
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (busy) return;
      const next = rows.map((r) => ({ id: r.id, label: r.label.value.trim(), color: r.color.value }));
      const empty = rows.find((r) => !r.label.value.trim());
      if (empty) { error.textContent = 'Every kind needs a name.'; empty.label.focus(); return; }
      busy = true;
      saveButton.disabled = true;
      error.textContent = '';
      try {
        done(await save(next));
      } catch (err) {
        error.textContent = `Could not save the kinds: ${errorMessage(err)}`;
      } finally {
        busy = false;
        saveButton.disabled = false;
      }
    });
    cancel.addEventListener('click', () => done(null));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(null); });
    document.body.append(dialog);
    dialog.showModal();
    rows[0]?.label.focus();
  });
}
