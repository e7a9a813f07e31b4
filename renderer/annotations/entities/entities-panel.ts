/**
 * The entity registry: every entity with its type and how many claims are tagged with it, a
 * filter box (the picker's ranking: aliases and diacritics count) and a "New entity" form.
 * Choosing an entity opens its page in the same panel; "All entities" comes back.
 */
import type { Entity } from '../../../core/api.ts';
import { rankEntities } from '../../../core/annotations/names.ts';
import { h } from '../dom.ts';
import type { EntitiesData } from './entities-data.ts';
import { createEntityForm } from './entity-form.ts';
import { createEntityPage, type EntityPageDeps } from './entity-page.ts';
import { byName } from './entity-types.ts';
import { typeBadge } from './entity-view.ts';

/** What the registry shows and does. */
export interface EntitiesPanel {
  el: HTMLElement;
  /** Shows an entity's page. */
  openEntity(id: string): void;
  /** Back to the list. */
  showList(): void;
  dispose(): void;
}

/** Creates the panel body (list + page). */
export function createEntitiesPanel(deps: Omit<EntityPageDeps, 'onBack' | 'onOpenEntity'> & { data: EntitiesData }): EntitiesPanel {
  const { data, reader } = deps;
  const filter = h('input', { type: 'search', class: 'entities-filter', placeholder: 'Filter entities', 'aria-label': 'Filter entities', autocomplete: 'off' });
  const newButton = h('button', { type: 'button', class: 'entities-button', 'aria-expanded': 'false' }, 'New entity');
  const formSlot = h('div', { class: 'entities-form-slot' });
  const summary = h('p', { class: 'entities-summary', 'aria-live': 'polite' });
  const list = h('ul', { class: 'entity-list', 'aria-label': 'Entities' });
  const listView = h('div', { class: 'entities-registry' },
    h('div', { class: 'entities-toolbar' }, filter, newButton), formSlot, summary, list);
  const pageSlot = h('div', { class: 'entities-page-slot' });
  const el = h('div', { class: 'entities-panel' }, listView, pageSlot);
  pageSlot.hidden = true;

  let page: ReturnType<typeof createEntityPage> | null = null;

  const row = (e: Entity, matched: string | null): HTMLElement => {
    const n = data.claimCount(e.id);
    const count = `${n.toLocaleString('en')} claim${n === 1 ? '' : 's'}`;
    return h('li', {},
      h('button', { type: 'button', class: 'entity-row', 'data-entity-id': e.id, onclick: () => openEntity(e.id) },
        h('span', { class: 'entity-row-name' }, e.name),
        typeBadge(e.type),
        h('span', { class: 'entity-row-count', title: `${count} tagged` }, count),
        matched && matched !== e.name ? h('span', { class: 'entity-row-alias' }, `alias “${matched}”`) : null));
  };

  const renderList = (): void => {
    const all = data.entities();
    const q = filter.value.trim();
    const shown = q ? rankEntities(q, all, all.length) : [...all].sort(byName).map((entity) => ({ entity, matched: null }));
    list.replaceChildren(...shown.map((r) => row(r.entity, r.matched)));
    summary.textContent = !data.ready() ? 'Loading…'
      : !all.length ? 'No entities yet. Make one with “New entity”, or from a claim’s “Add entity…”.'
      : q ? `${shown.length} of ${all.length} entities match “${q}”.`
      : `${all.length} entit${all.length === 1 ? 'y' : 'ies'}.`;
  };

  const closeForm = (): void => { formSlot.replaceChildren(); newButton.setAttribute('aria-expanded', 'false'); newButton.focus(); };
  newButton.addEventListener('click', () => {
    if (formSlot.firstChild) { closeForm(); return; }
    const form = createEntityForm({
      submitLabel: 'Create entity',
      initial: filter.value.trim() ? { id: '', name: filter.value.trim(), type: 'person', aliases: [], description: '', wikidata: null } : undefined,
      onSubmit: async (values) => {
        const entity = await reader.createEntity(values);
        formSlot.replaceChildren();
        newButton.setAttribute('aria-expanded', 'false');
        deps.undoToast.show(`Created “${entity.name}”.`);
        await data.refresh();
        openEntity(entity.id);
      },
      onCancel: closeForm,
    });
    formSlot.replaceChildren(form.el);
    newButton.setAttribute('aria-expanded', 'true');
    form.focus();
  });
  filter.addEventListener('input', renderList);
  filter.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { const first = list.querySelector<HTMLButtonElement>('.entity-row'); first?.click(); }
  });

  const showList = (): void => {
    const was = page?.entityId();
    page?.dispose();
    page = null;
    pageSlot.replaceChildren();
    pageSlot.hidden = true;
    listView.hidden = false;
    renderList();
    const back = was ? list.querySelector<HTMLElement>(`[data-entity-id="${CSS.escape(was)}"]`) : null;
    (back ?? filter).focus();
  };

  const openEntity = (id: string): void => {
    page?.dispose();
    page = createEntityPage(id, { ...deps, data, onBack: showList, onOpenEntity: openEntity });
    pageSlot.replaceChildren(page.el);
    pageSlot.hidden = false;
    listView.hidden = true;
    page.focus();
  };

  const off = data.onDidChange(() => { if (!listView.hidden) renderList(); });
  renderList();

  return { el, openEntity, showList, dispose: () => { off(); page?.dispose(); } };
}
