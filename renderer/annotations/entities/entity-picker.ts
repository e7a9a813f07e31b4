/**
 * The keyboard-first entity picker: a combobox (WAI-ARIA 1.2 pattern: input + listbox +
 * aria-activedescendant) ranked by core's `rankEntities`, so "berdym" finds "Gurbanguly
 * Berdimuhamedow" through its alias "Berdymukhamedov" and says which name matched. Arrows move,
 * Enter picks, Escape cancels. When nothing is called exactly what was typed, the last option
 * creates it; its type starts as a guess (entity-types.ts, from finished words while typing, so
 * it does not jump with each letter) and Tab reaches the type menu. A lower-case fragment with no
 * match ("berdym") is not created on Enter: the picker asks, and a second Enter creates it.
 * Used by the claim editor (entity-field.ts), the entity page's "Merge into…" and anyone else.
 */
import type { Entity, EntityType, ReaderBridge } from '../../../core/api.ts';
import { foldName, rankEntities, type RankedEntity } from '../../../core/annotations/names.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';
import { ENTITY_TYPES, guessEntityType, guessWhileTyping, looksLikeName, typeLabel } from './entity-types.ts';
import { typeBadge } from './entity-view.ts';

/** What the picker needs. `exclude` hides entities (e.g. the one being merged). */
export interface EntityPickerOptions {
  reader: ReaderBridge;
  exclude?: string[];
  /** Label of the input for assistive technology (default "Find or create an entity"). */
  label?: string;
  /** Whether the picker may create entities (default true). */
  allowCreate?: boolean;
  onPick(entity: Entity): void;
  onCancel?(): void;
}

/** A mounted picker. */
export interface EntityPicker { el: HTMLElement; focus(): void; destroy(): void }

/** Typing pause after which the whole name's type guess is shown (about one keystroke gap of a slow typist). */
const GUESS_SETTLE_MS = 500;

/** Rows shown at once; more than this is a sign to keep typing. */
const MAX_OPTIONS = 8;

let pickerCount = 0;

type Option = { kind: 'entity'; ranked: RankedEntity<Entity> } | { kind: 'create'; name: string };

/** Creates a picker; call `focus()` once it is in the page. */
export function createEntityPicker(opts: EntityPickerOptions): EntityPicker {
  const uid = `entity-picker-${++pickerCount}`;
  const exclude = new Set(opts.exclude ?? []);
  const allowCreate = opts.allowCreate !== false;
  let entities: Entity[] | null = null;
  let options: Option[] = [];
  let active = -1;
  let newType: EntityType = 'person';
  let typeChosen = false;
  let busy = false;
  /** The text for which Enter already asked "create this?" (a second Enter creates it). */
  let asked: string | null = null;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const input = h('input', {
    type: 'text', class: 'entity-picker-input', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${uid}-list`,
    'aria-autocomplete': 'list', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${uid}-hint ${uid}-error`,
    'aria-label': opts.label ?? 'Find or create an entity', placeholder: allowCreate ? 'Find or create an entity…' : 'Find an entity…',
  });
  const list = h('ul', { id: `${uid}-list`, class: 'entity-picker-list', role: 'listbox', 'aria-label': 'Entities' });
  const typeSelect = h('select', { class: 'entity-picker-type', 'aria-label': 'Type of the new entity' },
    ...ENTITY_TYPES.map((t) => h('option', { value: t.id }, t.label)));
  const typeRow = h('label', { class: 'entity-picker-type-row' }, 'New entity type ', typeSelect);
  const hint = h('p', { id: `${uid}-hint`, class: 'entity-picker-hint' });
  const error = h('p', { id: `${uid}-error`, class: 'entity-picker-error', role: 'alert' });
  const el = h('div', { class: 'entity-picker' }, input, list, typeRow, hint, error);
  typeRow.hidden = true;

  const optionId = (i: number): string => `${uid}-opt-${i}`;
  const createLabel = (name: string): string => `Create “${name}” as ${typeLabel(newType).toLowerCase()}`;

  const compute = (): void => {
    const q = input.value.trim();
    const pool = (entities ?? []).filter((e) => !exclude.has(e.id));
    options = rankEntities(q, pool, MAX_OPTIONS).map((ranked) => ({ kind: 'entity' as const, ranked }));
    const folded = foldName(q);
    const exact = (entities ?? []).some((e) => [e.name, ...e.aliases].some((n) => foldName(n) === folded));
    if (allowCreate && q && !exact && entities) options.push({ kind: 'create', name: q });
    if (!typeChosen) newType = guessWhileTyping(input.value) ?? (q ? newType : 'person');
    // Only a name is created by a bare Enter; a fragment typed to search is not picked for it.
    active = options.length && !(options[0]!.kind === 'create' && !looksLikeName(q)) ? 0 : -1;
  };

  const render = (): void => {
    list.replaceChildren(...options.map((o, i) => {
      const li = h('li', {
        id: optionId(i), role: 'option', class: `entity-picker-option${o.kind === 'create' ? ' create' : ''}`,
        'aria-selected': String(i === active),
        onmousedown: (e: Event) => e.preventDefault(), // keep focus in the input
        onclick: () => { active = i; void choose(); },
      });
      if (o.kind === 'create') {
        li.append(h('span', { class: 'entity-picker-plus', 'aria-hidden': 'true' }, '+'), h('span', {}, createLabel(o.name)));
      } else {
        const { entity, matched } = o.ranked;
        li.append(h('span', { class: 'entity-picker-name' }, entity.name), typeBadge(entity.type));
        if (matched !== entity.name) li.append(h('span', { class: 'entity-picker-alias' }, `alias “${matched}”`));
      }
      return li;
    }));
    const open = options.length > 0;
    input.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
    if (active >= 0) input.setAttribute('aria-activedescendant', optionId(active));
    else input.removeAttribute('aria-activedescendant');
    const creating = options.some((o) => o.kind === 'create');
    typeRow.hidden = !creating;
    typeSelect.value = newType;
    const found = options.filter((o) => o.kind === 'entity').length;
    hint.textContent = entities === null ? 'Loading entities…'
      : !input.value.trim() ? (found ? 'Type to narrow; ↑↓ move, Enter picks, Esc cancels.' : allowCreate ? 'No entities yet: type a name to create one.' : 'No entities yet.')
      : found ? `${found} match${found === 1 ? '' : 'es'}${creating ? '; Tab to change the new entity’s type' : ''}.`
      : creating && active < 0 ? (asked === input.value.trim()
        ? `“${input.value.trim()}” does not look like a name. Enter again creates it; or type it as a name, with capitals.`
        : 'No entity matches. ↓ or Enter to create it as a new entity.')
      : creating ? 'No entity has that name: Enter creates it (Tab to change its type).' : 'No entity matches.';
    list.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  };

  const refresh = (): void => { compute(); render(); };

  const move = (delta: number): void => {
    if (!options.length) return;
    active = (active + delta + options.length) % options.length;
    render();
  };

  const create = async (name: string): Promise<void> => {
    busy = true;
    el.setAttribute('aria-busy', 'true');
    try {
      const entity = await opts.reader.createEntity({ name, type: newType });
      entities = [...(entities ?? []), entity];
      opts.onPick(entity);
    } catch (err) {
      error.textContent = errorMessage(err);
    } finally {
      busy = false;
      el.removeAttribute('aria-busy');
    }
  };

  const choose = async (): Promise<void> => {
    const q = input.value.trim();
    if (active < 0 && options.length === 1 && options[0]!.kind === 'create') {
      // A fragment that does not look like a name: ask first, create on the second Enter.
      if (asked !== q) { asked = q; render(); return; }
      active = 0;
    }
    const o = options[active];
    if (!o || busy) return;
    error.textContent = '';
    if (o.kind === 'entity') opts.onPick(o.ranked.entity);
    else {
      if (!typeChosen) newType = guessEntityType(o.name);
      await create(o.name);
    }
  };

  input.addEventListener('input', () => {
    error.textContent = '';
    asked = null;
    refresh();
    clearTimeout(settle);
    settle = setTimeout(() => { if (!typeChosen && input.value.trim()) { newType = guessEntityType(input.value.trim()); render(); } }, GUESS_SETTLE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Home' && e.altKey) { e.preventDefault(); active = 0; render(); }
    else if (e.key === 'Enter') { e.preventDefault(); void choose(); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); opts.onCancel?.(); }
  });
  typeSelect.addEventListener('change', () => { newType = typeSelect.value as EntityType; typeChosen = true; render(); });
  typeSelect.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const i = options.findIndex((o) => o.kind === 'create');
      if (i >= 0) { active = i; void choose(); }
    } else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); opts.onCancel?.(); }
  });

  const load = async (): Promise<void> => {
    try {
      entities = await opts.reader.listEntities();
    } catch (err) {
      entities = [];
      error.textContent = `Could not read the entities: ${errorMessage(err)}`;
    }
    refresh();
  };
  const off = opts.reader.on('onDidChangeAnnotations', ({ reason }) => { if (/entit|undo|redo|import/.test(reason)) void load(); });
  refresh();
  void load();

  return {
    el,
    focus: () => input.focus(),
    destroy: () => { off(); clearTimeout(settle); el.remove(); },
  };
}
