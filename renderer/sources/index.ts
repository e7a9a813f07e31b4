/**
 * Source metadata in the UI (issue 6, item 1): the "Source" tab of the side panel holds the item
 * pane (source-pane.ts). It shows the open document's source and follows the reader; a button in
 * the library panel or the document header (or Alt+Enter on a library entry) shows another
 * source and brings the tab forward with the focus in its first field.
 */
import type { DocumentSummary, ReaderBridge } from '../../core/api.ts';
import { REVEAL_PANEL_EVENT } from '../annotations/entities/side-tabs.ts';
import type { DocumentSession } from '../ui/document-session.ts';
import type { Panel } from '../ui/panel-host.ts';
import { createSourcePane } from './source-pane.ts';
import { EDIT_SOURCE_EVENT, requestEditSource } from './untitled.ts';

/** What the item pane needs from the wiring (renderer/main.ts passes the document session). */
export interface SourcesContext {
  reader: Pick<ReaderBridge, 'updateSource'>;
  addPanel(panel: Panel): () => void;
  session: Pick<DocumentSession, 'library' | 'current' | 'onDidOpenDocument' | 'onDidChangeLibrary'>;
}

/** Adds the Source tab and listens for requests to edit a source; returns the undo of both. */
export function installSources({ reader, addPanel, session }: SourcesContext): () => void {
  const documents = (): readonly DocumentSummary[] => session.library()?.documents ?? [];
  const pane = createSourcePane({ reader, documents });
  const removePanel = addPanel({ id: 'source', title: 'Source', mount: (body) => { body.append(pane.element); } });
  pane.show(session.current()?.model.id ?? null);

  const offOpen = session.onDidOpenDocument((doc) => pane.show(doc.model.id));
  const offLibrary = session.onDidChangeLibrary(() => {
    const id = pane.shown();
    if (id && !documents().some((d) => d.id === id)) pane.show(session.current()?.model.id ?? null);
    else pane.refresh();
  });

  const onEdit = (e: Event): void => {
    const id = (e as CustomEvent<string>).detail;
    if (typeof id !== 'string') return;
    pane.show(id);
    pane.element.dispatchEvent(new CustomEvent(REVEAL_PANEL_EVENT, { bubbles: true }));
    pane.focusFirst();
  };
  // Alt+Enter on a library entry ("properties", as on Windows): Enter alone opens the document.
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || !e.altKey || e.ctrlKey || e.metaKey) return;
    const li = (e.target as Element | null)?.closest?.<HTMLElement>('.library-list > li[role=option]');
    if (!li?.dataset.id) return;
    e.preventDefault();
    requestEditSource(li, li.dataset.id);
  };
  document.addEventListener(EDIT_SOURCE_EVENT, onEdit);
  document.addEventListener('keydown', onKey);
  return () => {
    offOpen(); offLibrary(); removePanel();
    document.removeEventListener(EDIT_SOURCE_EVENT, onEdit);
    document.removeEventListener('keydown', onKey);
  };
}
