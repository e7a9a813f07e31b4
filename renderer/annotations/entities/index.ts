/**
 * The entities UI's one entry. `installEntities(ctx)` adds two side-panel sections: "Entities"
 * (the registry; an entity's page with its claims by source and the mention sweep) and "All
 * claims" (every claim in the library, filters, bulk actions, export/import). The claim editor's
 * "Add entity…" uses `createEntityPicker`, exported here for the wiring to hand to the claims
 * layer (`createAnnotationLayer({ entityPicker: createEntityPicker })`).
 */
import type { ClaimFilter } from '../../../core/api.ts';
import { hashForDoc } from '../../ui/location.ts';
import { hashForClaim } from '../claim-route.ts';
import { installHistoryKeys } from '../history-keys.ts';
import { createAllClaimsView } from '../../claims/all-claims-view.ts';
import type { EntitiesContext } from './context.ts';
import { createEntitiesData } from './entities-data.ts';
import { createEntitiesPanel } from './entities-panel.ts';
import { createUndoToast } from './undo-toast.ts';

export { createEntityPicker } from './entity-picker.ts';
export type { EntitiesContext } from './context.ts';

/** What the reader can ask of the installed entities UI. */
export interface EntitiesHandle {
  /** Shows an entity's page in the Entities panel. */
  openEntity(id: string): void;
  /** Shows the library-wide claims view with these filters. */
  showAllClaims(filter?: ClaimFilter): void;
  /** Removes the panels and stops listening. */
  dispose(): void;
}

/** Where the stylesheet sits beside the built renderer (scripts/build.ts copies every .css). */
const STYLESHEET = './annotations/entities/entities.css';

/** Installs the panels; call once, after the reader's side panel exists. */
export function installEntities(ctx: EntitiesContext): EntitiesHandle {
  ensureStylesheet();
  const data = createEntitiesData(ctx.reader, { onError: ctx.toast });
  const undoToast = createUndoToast(ctx.reader);
  const openClaim = (c: { documentId: string; id: string }): void => ctx.openDocument(c.documentId, c.id);
  const showPassage = ctx.showPassage ?? ((documentId: string) => ctx.openDocument(documentId));

  const allClaims = createAllClaimsView({ reader: ctx.reader, data, undoToast, toast: ctx.toast, openClaim });
  const entities = createEntitiesPanel({
    reader: ctx.reader, data, undoToast, toast: ctx.toast, openClaim, showPassage,
    showAllClaims: (filter) => showAllClaims(filter),
  });
  const removeEntities = ctx.addPanel({ id: 'entities', title: 'Entities', mount: (body) => { body.append(entities.el); } });
  const removeAll = ctx.addPanel({ id: 'all-claims', title: 'All claims', mount: (body) => { body.append(allClaims.el); } });
  // The entities, their claim counts, the documents and kinds are fetched only while the Entities
  // section is on screen (the side tabs hide the others); neither view holds a claim list: an
  // entity page and All claims page theirs from the host's search index. The check waits a task
  // so the tabs have hidden theirs first.
  const sections = [entities.el, allClaims.el].map((el) => el.closest('section')).filter((s): s is HTMLElement => !!s);
  const syncWanted = (): void => {
    const onScreen = (el: HTMLElement): boolean => el.isConnected && !el.hidden && !el.closest('[hidden]');
    const entitiesSection = entities.el.closest('section');
    data.setWanted(!entitiesSection || onScreen(entitiesSection));
    allClaims.setVisible(allClaims.el.isConnected && !allClaims.el.closest('[hidden]'));
  };
  const watcher = new MutationObserver(syncWanted);
  for (const s of sections) watcher.observe(s, { attributes: true, attributeFilter: ['hidden'] });
  const firstSync = setTimeout(syncWanted, 0);
  const showAllClaims = (filter: ClaimFilter = {}): void => {
    allClaims.setFilter(filter);
    const section = allClaims.el.closest('section') ?? allClaims.el;
    section.dispatchEvent(new CustomEvent('marginalia:reveal-panel', { bubbles: true }));
    section.scrollIntoView({ block: 'start' });
    allClaims.el.querySelector<HTMLElement>('.all-claims-list')?.focus();
  };
  const offKeys = ctx.historyKeysInstalled ? () => {} : installHistoryKeys({
    reader: ctx.reader, commands: ctx.reader, own: (_reason, call) => call(), afterStep: () => data.refresh(), toast: ctx.toast,
  });

  return {
    openEntity: (id) => {
      entities.openEntity(id);
      entities.el.closest('section')?.dispatchEvent(new CustomEvent('marginalia:reveal-panel', { bubbles: true }));
    },
    showAllClaims,
    dispose: () => {
      clearTimeout(firstSync); watcher.disconnect();
      offKeys(); removeEntities(); removeAll(); entities.dispose(); allClaims.dispose(); undoToast.destroy(); data.dispose();
    },
  };
}

/**
 * Opens a document (at a claim) through the URL, as the reader and the claims layer expect:
 * `#doc=…` opens the document, `&claim=…` reveals the claim. Setting the same hash again fires
 * no `hashchange`, so then one is sent by hand (clicking the same claim twice still goes there).
 */
export function openThroughHash(documentId: string, claimId?: string): void {
  const hash = claimId ? hashForClaim(documentId, claimId) : hashForDoc(documentId);
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange', { oldURL: location.href, newURL: location.href }));
  else location.hash = hash;
}

function ensureStylesheet(): void {
  if (document.querySelector('link[data-entities-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  link.dataset.entitiesCss = '';
  document.head.append(link);
}
