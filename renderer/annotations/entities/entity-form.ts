/**
 * The entity form: name, type, aliases (one per line), short description and Wikidata id. The
 * registry uses it for "New entity", the entity page for "Edit". The Wikidata id is checked as
 * it is typed (leaving the field) and again on submit, so "X12" is explained at the field; the
 * host checks everything again and its message (a duplicate name, say) shows above the buttons.
 */
import type { Entity, EntityType, NewEntity } from '../../../core/api.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';
import { ENTITY_TYPES, checkWikidata, parseAliases } from './entity-types.ts';

/** What the form hands over: a complete, client-checked entity without its id. */
export type EntityFormValues = Required<NewEntity>;

export interface EntityForm {
  el: HTMLFormElement;
  /** Focuses a field (the name by default). */
  focus(field?: 'name' | 'aliases'): void;
}

let formCount = 0;

/** Creates the form; `onSubmit` may reject with a message the form shows. */
export function createEntityForm(opts: {
  initial?: Entity;
  submitLabel: string;
  onSubmit(values: EntityFormValues): Promise<void>;
  onCancel(): void;
}): EntityForm {
  const uid = `entity-form-${++formCount}`;
  const init = opts.initial;
  const field = (label: string, control: HTMLElement, extra?: HTMLElement): HTMLElement =>
    h('label', { class: 'entity-form-field' }, h('span', { class: 'entity-form-label' }, label), control, extra ?? null);

  const name = h('input', { type: 'text', name: 'name', required: true, autocomplete: 'off', value: init?.name ?? '' });
  const type = h('select', { name: 'type' }, ...ENTITY_TYPES.map((t) => h('option', { value: t.id }, t.label)));
  type.value = init?.type ?? 'person';
  const aliases = h('textarea', { name: 'aliases', rows: 3, placeholder: 'Other spellings, one per line', spellcheck: 'false' });
  aliases.value = (init?.aliases ?? []).join('\n');
  const description = h('textarea', { name: 'description', rows: 2, placeholder: 'Who or what this is, in a line' });
  description.value = init?.description ?? '';
  const wdError = h('span', { id: `${uid}-wd-error`, class: 'field-error', role: 'alert' });
  const wikidata = h('input', {
    type: 'text', name: 'wikidata', placeholder: 'Q9382', autocomplete: 'off', spellcheck: 'false',
    value: init?.wikidata ?? '', 'aria-describedby': `${uid}-wd-error`,
  });
  const formError = h('p', { class: 'entity-form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'entities-button primary' }, opts.submitLabel);
  const cancel = h('button', { type: 'button', class: 'entities-button', onclick: () => opts.onCancel() }, 'Cancel');

  const el = h('form', { class: 'entity-form', novalidate: true },
    field('Name', name),
    field('Type', type),
    field('Aliases', aliases),
    field('Description', description),
    field('Wikidata id', wikidata, wdError),
    formError,
    h('div', { class: 'entity-form-buttons' }, cancel, submit));

  const checkWd = (): string | null | false => {
    const r = checkWikidata(wikidata.value);
    wdError.textContent = r.ok ? '' : r.message;
    if (r.ok) wikidata.removeAttribute('aria-invalid'); else wikidata.setAttribute('aria-invalid', 'true');
    return r.ok ? r.value : false;
  };
  wikidata.addEventListener('blur', () => { if (wikidata.value.trim()) checkWd(); });
  wikidata.addEventListener('input', () => { if (wikidata.hasAttribute('aria-invalid')) checkWd(); });

  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); opts.onCancel(); }
  });
  el.addEventListener('submit', async (e) => {
    e.preventDefault();
    formError.textContent = '';
    const n = name.value.replace(/\s+/g, ' ').trim();
    if (!n) { formError.textContent = 'An entity needs a name.'; name.focus(); return; }
    const wd = checkWd();
    if (wd === false) { wikidata.focus(); return; }
    submit.disabled = true;
    try {
      await opts.onSubmit({
        name: n,
        type: type.value as EntityType,
        aliases: parseAliases(aliases.value, n),
        description: description.value.trim(),
        wikidata: wd,
      });
    } catch (err) {
      formError.textContent = errorMessage(err);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    el,
    focus: (f = 'name') => { const target = f === 'aliases' ? aliases : name; target.focus(); if (target instanceof HTMLInputElement) target.select(); },
  };
}
