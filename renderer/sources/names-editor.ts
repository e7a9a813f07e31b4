/**
 * The creators list of the item pane: one row per name, each a person (family, given) or an
 * organisation (one name), with a toggle between the two and add/remove buttons, as in Zotero.
 * It keeps its rows while the user works in it; `set` from outside is ignored while focus is
 * inside (an edit of one row must not wipe the row being typed next).
 */
import type { CslName } from '../../core/api.ts';
import { h } from '../ui/dom.ts';
import { nameOf, rowOf, switchKind, type NameRow } from './name-rows.ts';

/** The editor as the pane sees it. */
export interface NamesEditor {
  readonly element: HTMLElement;
  /** Shows these names unless the user is working in the list. */
  set(names: readonly CslName[]): void;
  /** The next `set` applies even while the user is in the list (after a revert). */
  reset(): void;
}

/**
 * Builds the editor; `save` gets the whole list (empty rows left out) after each committed
 * change: a name field's change, a toggle, a removal.
 */
export function createNamesEditor(opts: { labelId: string; describedBy: string; save(names: CslName[]): Promise<boolean> }): NamesEditor {
  let rows: NameRow[] = [];
  let shown = '';
  const list = h('ul', { className: 'names-list', 'aria-labelledby': opts.labelId });
  const add = h('button', { type: 'button', className: 'link-button names-add' }, '+ Add author');
  const element = h('div', { className: 'names-editor', role: 'group', 'aria-labelledby': opts.labelId, 'aria-describedby': opts.describedBy }, list, add);

  const commit = (): void => {
    const names = rows.map(nameOf).filter((n): n is CslName => n !== null);
    const next = JSON.stringify(names);
    if (next === shown) return;
    shown = next;
    // refused (a person without a family name): the same list must be sent again once fixed
    void opts.save(names).then((ok) => { if (!ok && shown === next) shown = ''; });
  };
  /** Names that arrived while the user worked in the list; shown once focus leaves it. */
  let waiting: readonly CslName[] | null = null;
  let force = false;
  // Checked a moment later: redrawing the rows removes the focused button, which fires focusout
  // too, and focus then returns inside.
  element.addEventListener('focusout', () => {
    setTimeout(() => {
      if (waiting && !element.contains(document.activeElement)) { const w = waiting; waiting = null; api.set(w); }
    }, 0);
  });

  const draw = (focus?: { row: number; part: 'family' | 'literal' | 'toggle' }): void => {
    list.replaceChildren(...rows.map((r, i) => {
      const n = i + 1;
      const field = (part: 'family' | 'given' | 'literal', placeholder: string, label: string): HTMLInputElement => {
        const input = h('input', {
          type: 'text', className: `text-field name-${part}`, value: r[part], placeholder, 'aria-label': `${label}, author ${n}`,
          spellcheck: 'false', autocomplete: 'off',
        });
        input.addEventListener('input', () => { r[part] = input.value; });
        input.addEventListener('change', commit);
        return input;
      };
      const toggle = h('button', {
        type: 'button', className: 'name-toggle', 'aria-pressed': String(r.kind === 'organisation'),
        title: r.kind === 'person' ? 'Person (family, given): switch to one organisation name' : 'Organisation (one name): switch to a person',
        'aria-label': `Author ${n} is ${r.kind === 'person' ? 'a person' : 'an organisation'}; switch`,
      }, r.kind === 'person' ? 'Person' : 'Org.');
      toggle.addEventListener('click', () => {
        rows[i] = switchKind(r);
        draw({ row: i, part: 'toggle' });
        commit();
      });
      const remove = h('button', { type: 'button', className: 'name-remove', 'aria-label': `Remove author ${n}`, title: 'Remove this author' }, '−');
      remove.addEventListener('click', () => {
        rows.splice(i, 1);
        draw(rows.length ? { row: Math.min(i, rows.length - 1), part: 'toggle' } : undefined);
        if (!rows.length) add.focus();
        commit();
      });
      const inputs = r.kind === 'person'
        ? [field('family', 'Family name', 'Family name'), field('given', 'Given name', 'Given name')]
        : [field('literal', 'Organisation', 'Organisation name')];
      const li = h('li', { className: `name-row ${r.kind}` }, toggle, ...inputs, remove);
      return li;
    }));
    if (focus) {
      const li = list.children[focus.row];
      const target = focus.part === 'toggle' ? li?.querySelector<HTMLElement>('.name-toggle')
        : li?.querySelector<HTMLElement>(focus.part === 'family' ? '.name-family' : '.name-literal');
      target?.focus();
    }
  };

  add.addEventListener('click', () => {
    rows.push({ kind: 'person', family: '', given: '', literal: '' });
    draw({ row: rows.length - 1, part: 'family' });
  });

  const api: NamesEditor = {
    element,
    reset() { force = true; },
    set(names) {
      if (element.contains(document.activeElement) && !force) { waiting = names; return; }
      force = false;
      waiting = null;
      rows = names.map(rowOf);
      shown = JSON.stringify(rows.map(nameOf).filter(Boolean));
      draw();
    },
  };
  return api;
}
