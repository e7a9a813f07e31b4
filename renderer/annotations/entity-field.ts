/**
 * The claim editor's entities: the tagged entities as chips (remove with ×), and "Add entity…",
 * which opens the entities UI's keyboard picker when the wiring provides one. Names follow
 * renames made anywhere while the field is on screen.
 */
import type { Entity, ReaderBridge } from '../../core/api.ts';
import { h } from './dom.ts';

/** The entities UI's picker (renderer/annotations/entities/entity-picker.ts), as this field uses it. */
export type EntityPickerFactory = (opts: { reader: ReaderBridge; exclude?: string[]; label?: string; onPick(entity: Entity): void; onCancel?(): void }) =>
  { el: HTMLElement; focus(): void; destroy(): void };

/** The field; `onChange` gets the full list of entity ids. */
export function createEntityField(opts: {
  reader: ReaderBridge;
  entityIds: string[];
  picker: EntityPickerFactory | null;
  onChange(ids: string[]): void;
}): { el: HTMLElement; set(ids: string[]): void } {
  let ids = [...opts.entityIds];
  let names = new Map<string, string>();
  const list = h('ul', { class: 'chips', 'aria-label': 'Entities' });
  const slot = h('div', { class: 'entity-picker-slot' });
  const el = h('div', { class: 'chip-field entity-field' }, list);

  const draw = (): void => {
    list.replaceChildren(...ids.map((id) => h('li', { class: 'chip chip-entity' },
      h('span', {}, names.get(id) ?? '…'),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Remove entity ${names.get(id) ?? id}`, title: 'Remove',
        onclick: () => { ids = ids.filter((x) => x !== id); draw(); opts.onChange(ids); },
      }, '×'))));
    if (!ids.length && !opts.picker) list.append(h('li', { class: 'chips-empty' }, 'None'));
  };
  const loadNames = async (): Promise<void> => {
    if (!ids.length) return;
    try {
      const all = await opts.reader.listEntities();
      names = new Map(all.map((e) => [e.id, e.name]));
    } catch { /* names stay "…"; the ids are still saved */ }
    draw();
  };

  if (opts.picker) {
    const factory = opts.picker;
    let open: ReturnType<EntityPickerFactory> | null = null;
    const close = (): void => { open?.destroy(); open = null; slot.replaceChildren(); add.hidden = false; add.focus(); };
    const add = h('button', {
      type: 'button', class: 'link-button',
      onclick: () => {
        open = factory({
          reader: opts.reader,
          exclude: ids,
          label: 'Tag an entity: find or create',
          onPick: (entity) => {
            names.set(entity.id, entity.name);
            if (!ids.includes(entity.id)) { ids = [...ids, entity.id]; draw(); opts.onChange(ids); }
            close();
          },
          onCancel: close,
        });
        slot.replaceChildren(open.el);
        add.hidden = true;
        open.focus();
      },
    }, 'Add entity…');
    el.append(add, slot);
  }
  draw();
  void loadNames();
  // A rename, merge or undo elsewhere (the entity page, another window) shows here at once.
  let wasConnected = false;
  const off = opts.reader.on('onDidChangeAnnotations', ({ reason }) => {
    if (el.isConnected) wasConnected = true;
    else if (wasConnected) { off(); return; }
    if (/entit|undo|redo|import/.test(reason)) void loadNames();
  });
  return { el, set: (next) => { ids = [...next]; draw(); void loadNames(); } };
}
