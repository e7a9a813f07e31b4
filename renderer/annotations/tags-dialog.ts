/**
 * "Tags…": the tag manager. Every tag in use in the library with its claim count; rename one
 * (typing the name of another tag in use merges the two), or delete it from every claim. Each
 * change is one undoable action in the host's history: the dialog says what it did and offers
 * Undo, and Ctrl/⌘+Z outside the dialog undoes it as well. Every window follows.
 */
import type { ReaderBridge, TagCount } from '../../core/api.ts';
import { h } from './dom.ts';
import { errorMessage } from './format.ts';
import { confirmHistoryStep } from './history-conflict-dialog.ts';
import { stepHistory } from './history-step.ts';

/** What a rename of `from` to `to` would do, as its button says. */
export function renameLabel(from: string, to: string, inUse: readonly TagCount[]): { label: string; merge: boolean; same: boolean; into?: string } {
  const t = to.replace(/\s+/g, ' ').trim();
  if (!t || t === from) return { label: 'Rename', merge: false, same: true };
  const other = inUse.find((x) => x.tag !== from && x.tag.toLowerCase() === t.toLowerCase());
  return other ? { label: `Merge into “${other.tag}”`, merge: true, same: false, into: other.tag } : { label: 'Rename', merge: false, same: false };
}

/** Opens the manager; resolves when it is closed. */
export function manageTags(reader: Pick<ReaderBridge, 'listTags' | 'renameTag' | 'deleteTag' | 'undo'>): Promise<void> {
  return new Promise((resolve) => {
    let tags: TagCount[] = [];
    const list = h('ul', { class: 'tags-list', 'aria-label': 'Tags in use' });
    const status = h('p', { class: 'tags-status', role: 'status', 'aria-live': 'polite' });
    const undoButton = h('button', { type: 'button', class: 'kinds-button tags-undo', hidden: true }, 'Undo');
    const close = h('button', { type: 'button', class: 'kinds-button primary' }, 'Done');
    const dialog = h('dialog', { class: 'kinds-dialog tags-dialog', 'aria-labelledby': 'tags-title', 'aria-describedby': 'tags-help' },
      h('h2', { id: 'tags-title' }, 'Tags'),
      h('p', { id: 'tags-help', class: 'kinds-help' }, 'Rename a tag on every claim (the name of another tag merges the two), or delete it from every claim. Each change can be undone.'),
      list,
      h('div', { class: 'tags-foot' }, status, undoButton),
      h('div', { class: 'kinds-buttons' }, close));

    const did = (message: string): void => { status.textContent = message; undoButton.hidden = false; };
    const run = async (work: () => Promise<unknown>, message: string): Promise<void> => {
      try {
        await work();
        await load();
        did(message);
      } catch (err) {
        status.textContent = errorMessage(err);
        undoButton.hidden = true;
      }
    };

    const row = (t: TagCount): HTMLElement => {
      const name = h('input', { type: 'text', class: 'tag-name', value: t.tag, 'aria-label': `New name for the tag ${t.tag}`, autocomplete: 'off', spellcheck: 'false' });
      const rename = h('button', { type: 'button', class: 'kinds-button tag-rename', disabled: true }, 'Rename');
      const del = h('button', { type: 'button', class: 'kinds-button tag-delete', 'aria-label': `Delete the tag ${t.tag} from every claim` }, 'Delete');
      const sync = (): void => {
        const r = renameLabel(t.tag, name.value, tags);
        rename.textContent = r.label;
        rename.disabled = r.same;
      };
      const doRename = (): void => {
        const r = renameLabel(t.tag, name.value, tags);
        if (r.same) return;
        const to = name.value.replace(/\s+/g, ' ').trim();
        void run(() => reader.renameTag(t.tag, to), r.merge ? `Merged “${t.tag}” into “${r.into}”.` : `Renamed “${t.tag}” to “${to}” on ${t.count} claim${t.count === 1 ? '' : 's'}.`);
      };
      name.addEventListener('input', sync);
      name.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') { e.preventDefault(); doRename(); }
        else if (e.key === 'Escape' && name.value !== t.tag) { e.preventDefault(); e.stopPropagation(); name.value = t.tag; sync(); }
      });
      rename.addEventListener('click', doRename);
      del.addEventListener('click', () => void run(() => reader.deleteTag(t.tag), `Deleted “${t.tag}” from ${t.count} claim${t.count === 1 ? '' : 's'}.`));
      return h('li', { class: 'tag-row', 'data-tag': t.tag }, name, h('span', { class: 'tag-count', title: 'Claims with this tag' }, String(t.count)), rename, del);
    };

    const load = async (): Promise<void> => {
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.tag-row')?.dataset.tag;
      try {
        tags = await reader.listTags();
      } catch (err) {
        status.textContent = `Could not read the tags: ${errorMessage(err)}`;
        return;
      }
      list.replaceChildren(...(tags.length ? tags.map(row) : [h('li', { class: 'panel-empty' }, 'No claim has a tag yet.')]));
      const again = focused ? list.querySelector<HTMLElement>(`.tag-row[data-tag="${CSS.escape(focused)}"] .tag-name`) : null;
      (again ?? list.querySelector<HTMLElement>('.tag-name') ?? close).focus();
    };

    undoButton.addEventListener('click', async () => {
      try {
        const outcome = await stepHistory({ reader, confirm: confirmHistoryStep }, 'undo');
        await load();
        status.textContent = outcome.message;
      } catch (err) {
        status.textContent = `Could not undo: ${errorMessage(err)}`;
      }
      undoButton.hidden = true;
    });
    const done = (): void => { dialog.close(); dialog.remove(); resolve(); };
    close.addEventListener('click', done);
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(); });
    document.body.append(dialog);
    dialog.showModal();
    void load();
  });
}
