/**
 * An entity's page: its name, type, aliases, description and Wikidata link; every claim tagged
 * with it across the library, grouped by source with counts (each opens in the reader), asked of
 * the host a page at a time with "Show more" (entity-claims.ts); the mention sweep; and the
 * actions Rename, Edit, Merge into… and Delete. Each action is one step in the host's history,
 * announced by a toast whose Undo button (or Ctrl/Cmd+Z) reverts it.
 */
import type { ClaimFilter, Entity, ReaderBridge } from '../../../core/api.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';
import { confirmAction } from './confirm-dialog.ts';
import type { EntitiesData } from './entities-data.ts';
import { createEntityClaims, ENTITY_CLAIM_ROWS, type EntityClaimsState } from './entity-claims.ts';
import { createEntityForm } from './entity-form.ts';
import { createEntityPicker } from './entity-picker.ts';
import { wikidataUrl } from './entity-types.ts';
import { claimLink, typeBadge } from './entity-view.ts';
import { createMentionSweep } from './mention-sweep.ts';
import { openClaimInItsCorpus, sourceLabel, sourceLabelElement } from '../../search/corpus-scope.ts';
import type { UndoToast } from './undo-toast.ts';

/** What the page needs from around it. */
export interface EntityPageDeps {
  reader: ReaderBridge;
  data: EntitiesData;
  toast(message: string): void;
  undoToast: UndoToast;
  openClaim(claim: { documentId: string; id: string }): void;
  showPassage(documentId: string, start: number, end: number): void;
  onBack(): void;
  /** Shows the library-wide claims view with these filters. */
  showAllClaims(filter: ClaimFilter): void;
  onOpenEntity(id: string): void;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Creates the page for entity `id`. */
export function createEntityPage(id: string, deps: EntityPageDeps): { el: HTMLElement; entityId(): string; focus(): void; dispose(): void } {
  const { data, reader } = deps;
  const back = h('button', { type: 'button', class: 'link-button entities-back', onclick: () => deps.onBack() }, '← All entities');
  const head = h('header', { class: 'entity-page-head' });
  const actionSlot = h('div', { class: 'entity-action-slot' });
  const claimsTitle = h('h4', { class: 'entity-section-title', id: `entity-claims-${id}` }, 'Claims');
  const claimsBody = h('div', { class: 'entity-claims' });
  const more = h('button', { type: 'button', class: 'link-button entity-claims-more', hidden: true, onclick: () => void showMore() });
  const inAll = h('button', { type: 'button', class: 'link-button', onclick: () => deps.showAllClaims({ entityId: id }) }, 'Show in All claims');
  const sweep = createMentionSweep({
    reader, data, entityId: id, showPassage: deps.showPassage, undoToast: deps.undoToast, toast: deps.toast,
  });
  const actions = h('div', { class: 'entity-actions', role: 'group', 'aria-label': 'Entity actions' });
  const el = h('article', { class: 'entity-page', 'aria-label': 'Entity' },
    back, head, actions, actionSlot,
    h('section', { class: 'entity-section', 'aria-labelledby': `entity-claims-${id}` },
      h('div', { class: 'entity-section-head' }, claimsTitle, inAll), claimsBody, more),
    sweep.el);
  let name: HTMLElement | null = null;

  const entity = (): Entity | undefined => data.entity(id);

  const closeSlot = (focus?: HTMLElement): void => { actionSlot.replaceChildren(); (focus ?? name)?.focus(); };

  const edit = (field: 'name' | 'aliases'): void => {
    const e = entity();
    if (!e) return;
    const form = createEntityForm({
      initial: e,
      submitLabel: field === 'name' ? 'Rename' : 'Save',
      onSubmit: async (values) => {
        const before = entity() ?? e;
        const after = await reader.updateEntity(id, values);
        closeSlot();
        const kept = after.aliases.includes(before.name) && !before.aliases.includes(before.name) ? ` “${before.name}” is kept as an alias.` : '';
        deps.undoToast.show(after.name !== before.name ? `Renamed “${before.name}” to “${after.name}” everywhere.${kept}` : `Saved “${after.name}”.`);
        await data.refresh();
      },
      onCancel: () => closeSlot(),
    });
    actionSlot.replaceChildren(h('h4', { class: 'entity-section-title' }, field === 'name' ? 'Rename' : 'Edit'), form.el);
    form.focus(field);
  };

  const mergeInto = (): void => {
    const e = entity();
    if (!e) return;
    const picker = createEntityPicker({
      reader, exclude: [id], allowCreate: false, label: `Merge “${e.name}” into…`,
      onPick: async (into) => {
        const n = data.claimCount(id);
        const yes = await confirmAction({
          title: `Merge “${e.name}” into “${into.name}”?`,
          body: `“${e.name}” and its aliases become aliases of “${into.name}”, and its ${plural(n, 'claim')} are tagged “${into.name}” instead. “${e.name}” goes away. You can undo this.`,
          confirm: 'Merge',
        });
        if (!yes) { picker.focus(); return; }
        try {
          const merged = await reader.mergeEntities(into.id, id);
          picker.destroy();
          deps.undoToast.show(`Merged “${e.name}” into “${merged.name}”.`);
          await data.refresh();
          deps.onOpenEntity(merged.id);
        } catch (err) {
          deps.toast(`Could not merge: ${errorMessage(err)}`);
        }
      },
      onCancel: () => { picker.destroy(); closeSlot(); },
    });
    actionSlot.replaceChildren(h('h4', { class: 'entity-section-title' }, `Merge “${e.name}” into…`), picker.el);
    picker.focus();
  };

  const remove = async (): Promise<void> => {
    const e = entity();
    if (!e) return;
    const n = data.claimCount(id);
    const yes = await confirmAction({
      title: `Delete “${e.name}”?`,
      body: n ? `Its ${plural(n, 'claim')} stay; only the tag “${e.name}” goes. You can undo this.` : 'No claim is tagged with it. You can undo this.',
      confirm: 'Delete entity', danger: true,
    });
    if (!yes) return;
    try {
      await reader.deleteEntity(id);
      deps.undoToast.show(`Deleted “${e.name}”${n ? `; its ${plural(n, 'claim')} stay` : ''}.`);
      await data.refresh();
      deps.onBack();
    } catch (err) {
      deps.toast(`Could not delete: ${errorMessage(err)}`);
    }
  };

  actions.append(
    h('button', { type: 'button', class: 'entities-button', onclick: () => edit('name') }, 'Rename…'),
    h('button', { type: 'button', class: 'entities-button', onclick: () => edit('aliases') }, 'Edit…'),
    h('button', { type: 'button', class: 'entities-button', onclick: mergeInto }, 'Merge into…'),
    h('button', { type: 'button', class: 'entities-button danger', onclick: () => void remove() }, 'Delete…'));

  const renderHead = (e: Entity): void => {
    name = h('h3', { class: 'entity-page-name', tabindex: -1 }, e.name);
    const facts = h('dl', { class: 'entity-facts' });
    const fact = (term: string, ...value: (Node | string)[]): void => { facts.append(h('dt', {}, term), h('dd', {}, ...value)); };
    if (e.aliases.length) fact('Also', e.aliases.join(' · '));
    if (e.description) fact('About', e.description);
    if (e.wikidata) {
      fact('Wikidata', h('a', { href: wikidataUrl(e.wikidata), target: '_blank', rel: 'noopener noreferrer', class: 'wikidata-link' }, e.wikidata));
    }
    head.replaceChildren(h('div', { class: 'entity-page-title' }, name, typeBadge(e.type)), facts.childElementCount ? facts : '');
  };

  /** The entity's claims, a page at a time from the host. */
  const claims = createEntityClaims(reader, id);
  let disposed = false;
  /** A change came while the page was hidden: ask again when it is drawn next. */
  let claimsStale = false;

  const renderClaims = (st: EntityClaimsState): void => {
    if (!st.loaded) { claimsBody.replaceChildren(h('p', { class: 'panel-empty' }, 'Loading…')); return; }
    claimsTitle.textContent = `Claims (${st.total.toLocaleString('en')})`;
    inAll.hidden = !st.total;
    const left = st.total - st.listed;
    more.hidden = left <= 0;
    more.textContent = left > 0 ? `Show ${Math.min(ENTITY_CLAIM_ROWS, left).toLocaleString('en')} more (${left.toLocaleString('en')} not listed yet)` : '';
    if (!st.total) {
      claimsBody.replaceChildren(h('p', { class: 'panel-empty' }, 'No claim is tagged with this entity yet. Tag one from the claim editor, or make one from a mention below.'));
      return;
    }
    // a redraw after a change elsewhere keeps the keyboard on the claim it was on
    const focused = (document.activeElement as HTMLElement | null)?.closest?.<HTMLElement>('.entity-claim')?.dataset.claimId;
    claimsBody.replaceChildren(...st.groups.map((g) => {
      // a source of another corpus carries that corpus's name; opening its claims switches corpora
      const label = sourceLabel(g, data.library());
      const named = label.corpus ? `${label.title} (corpus “${label.corpus}”)` : label.title;
      return h('section', { class: 'entity-source', 'data-document-id': g.documentId, 'aria-label': `${named}: ${plural(g.count, 'claim')}` },
        h('h5', { class: 'entity-source-title' }, sourceLabelElement(label, 'entity-source-label'), h('span', { class: 'entity-source-count' }, String(g.count))),
        h('ul', { class: 'entity-claim-list' }, ...g.hits.map((c) => {
          const link = claimLink(c, data.kinds());
          link.addEventListener('click', (ev) => {
            if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
            ev.preventDefault();
            void openClaimInItsCorpus(reader, c, data.library(), (documentId, claimId) => deps.openClaim({ documentId, id: claimId }), deps.toast);
          });
          return h('li', {}, link);
        })));
    }));
    if (focused) claimsBody.querySelector<HTMLElement>(`.entity-claim[data-claim-id="${CSS.escape(focused)}"]`)?.focus();
  };

  /** Asks the host again (after a change anywhere) and draws the answer. */
  const reloadClaims = (): void => {
    claimsStale = false;
    claims.reload().then((st) => { if (!disposed && entity()) renderClaims(st); },
      (err: unknown) => { if (!disposed) deps.toast(`Could not list the claims of this entity: ${errorMessage(err)}`); });
  };

  /** "Show more": the next page; focus goes to the first row it added. */
  const showMore = async (): Promise<void> => {
    const before = claims.state().listed;
    more.disabled = true;
    try {
      const st = await claims.more();
      if (disposed) return;
      renderClaims(st);
      claimsBody.querySelectorAll<HTMLElement>('.entity-claim')[before]?.focus();
    } catch (err) {
      deps.toast(`Could not list more claims: ${errorMessage(err)}`);
    } finally {
      more.disabled = false;
    }
  };

  const render = (): void => {
    const e = entity();
    if (!e) {
      if (!data.ready()) { head.replaceChildren(h('p', { class: 'panel-empty' }, 'Loading…')); return; }
      head.replaceChildren(h('p', { class: 'panel-empty' }, 'This entity is no longer in the library (it was merged or deleted).'));
      actions.hidden = true;
      claimsBody.replaceChildren();
      more.hidden = true;
      inAll.hidden = true;
      return;
    }
    actions.hidden = false;
    const focusedName = document.activeElement === name;
    renderHead(e);
    if (focusedName) name?.focus();
    renderClaims(claims.state());
    if (claimsStale || !claims.state().loaded) reloadClaims();
  };

  // The claims are asked for again the moment the host reports a change (beside the registry's
  // own refresh, not after it); while the page is hidden only marked stale, and asked for when the
  // section shows again (the data then refreshes and calls render()).
  const onHostChange = (): void => {
    if (el.isConnected && !el.closest('[hidden]') && entity()) reloadClaims(); else claimsStale = true;
  };
  const offHost = [reader.on('onDidChangeAnnotations', onHostChange), reader.on('onDidChangeLibrary', onHostChange)];
  const off = data.onDidChange(() => { render(); sweep.refresh(); });
  render();
  sweep.refresh();

  return {
    el,
    entityId: () => id,
    focus: () => name?.focus(),
    dispose: () => { disposed = true; off(); for (const o of offHost) o(); sweep.dispose(); },
  };
}
