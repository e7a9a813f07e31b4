/**
 * Works cited in the UI (issue 9): the "References" tab of the side panel lists the references
 * of the open source (reference-item.ts), what in the library cites it ("Cited by") and what of
 * the library it cites, the works the open claim cites with "Copy as cited in"
 * (claim-references.ts), and a small graph of the corpus's citations (graph.ts). It follows the
 * reader and refreshes when annotations change (a correction, a promotion, undo/redo, another
 * window) or the library does.
 */
import type { DocumentReference, DocumentSummary, MetadataSource, ReaderBridge } from '../../core/api.ts';
import type { DocumentSession } from '../ui/document-session.ts';
import { errorMessage, h } from '../ui/dom.ts';
import type { Panel } from '../ui/panel-host.ts';
import { createClaimReferences } from './claim-references.ts';
import { renderCitationGraph } from './graph.ts';
import { renderReferenceItem, unsure } from './reference-item.ts';

/** What the References tab needs from the wiring (renderer/main.ts). */
export interface ReferencesContext {
  reader: Pick<ReaderBridge, 'listReferences' | 'updateReference' | 'promoteReference' | 'listMetadataSources' | 'referencesForClaim' | 'citeClaimAsCitedIn' | 'on'>;
  addPanel(panel: Panel): () => void;
  session: Pick<DocumentSession, 'library' | 'current' | 'onDidOpenDocument' | 'onDidChangeLibrary'>;
  openDocument(id: string): void;
  toast(message: string): void;
}

/** Adds the References tab; returns its removal. */
export function installReferences(ctx: ReferencesContext): () => void {
  const heading = h('div', { className: 'refs-heading' });
  const citedBy = h('div', { className: 'refs-cited-by' });
  const list = h('ol', { className: 'ref-list', 'aria-label': 'References of this source' });
  const graphToggle = h('button', { type: 'button', className: 'refs-graph-toggle', 'aria-expanded': 'false' }, 'Citation graph');
  const graph = h('div', { className: 'refs-graph', hidden: true });
  const empty = h('p', { className: 'panel-empty' }, 'Open a document to see the works it cites.');
  const claimRefs = createClaimReferences(ctx.reader);
  const element = h('div', { className: 'refs-pane' }, empty, heading, claimRefs.element, citedBy, h('div', { className: 'refs-tools' }, graphToggle), graph, list);
  const opened = new Set<string>();
  let shown: string | null = null;
  let generation = 0;
  let all: DocumentReference[] = [];
  let sources: MetadataSource[] = [];

  const documents = (): readonly DocumentSummary[] => ctx.session.library()?.documents ?? [];
  const titleOf = (id: string): { title: string; openable: boolean } | null => {
    const doc = documents().find((d) => d.id === id);
    if (doc) return { title: doc.title, openable: true };
    const src = sources.find((s) => s.id === id);
    return src ? { title: `${String(src.csl.title ?? src.id)} (metadata only)`, openable: false } : null;
  };

  const render = (): void => {
    empty.hidden = shown !== null;
    heading.replaceChildren();
    citedBy.replaceChildren();
    if (shown === null) { list.replaceChildren(); return; }
    const doc = documents().find((d) => d.id === shown);
    const refs = all.filter((r) => r.documentId === shown);
    const toCheck = refs.filter((r) => Object.keys(r.confidence).some((f) => unsure(r, f))).length;
    const inLibrary = refs.filter((r) => r.sourceId).length;
    heading.append(
      h('p', { className: 'refs-count' }, refs.length === 0
        ? `${doc?.title ?? 'This source'} cites no works that could be found (footnotes or a reference list).`
        : `${refs.length} reference${refs.length === 1 ? '' : 's'} in ${doc?.title ?? 'this source'} · ${toCheck} to check · ${inLibrary} in the library`));
    const citing = all.filter((r) => r.sourceId === shown && r.documentId !== shown);
    citedBy.append(h('h3', {}, 'Cited by'), citing.length === 0
      ? h('p', { className: 'refs-none' }, 'No other source of the library cites this one.')
      : h('ul', {}, ...citing.map((r) => h('li', {},
        h('button', { type: 'button', className: 'link-button', onclick: () => ctx.openDocument(r.documentId) }, titleOf(r.documentId)?.title ?? r.documentId),
        `, ${r.origin === 'footnote' ? 'note' : 'entry'} ${r.label}`))));
    list.replaceChildren(...refs.map((r) => h('li', {}, renderReferenceItem(r, opened.has(r.id), {
      correct: async (id, patch) => { await ctx.reader.updateReference(id, patch); await refresh(); },
      promote: async (id) => {
        const out = await ctx.reader.promoteReference(id);
        ctx.toast(out.created ? `Added to the library as a source: ${String(out.source.csl.title ?? out.source.id)}` : 'This work is already in the library as a source.');
        await refresh();
      },
      sourceTitle: titleOf,
      openSource: (id) => ctx.openDocument(id),
    }))));
    for (const d of list.querySelectorAll<HTMLDetailsElement>('details.ref-item')) {
      d.addEventListener('toggle', () => { if (d.open) opened.add(d.dataset.id!); else opened.delete(d.dataset.id!); });
    }
    if (!graph.hidden) paintGraph();
  };

  const paintGraph = (): void => {
    graph.replaceChildren(renderCitationGraph({ documents: documents(), sources, references: all, current: shown, open: (id) => ctx.openDocument(id) }));
  };
  graphToggle.addEventListener('click', () => {
    graph.hidden = !graph.hidden;
    graphToggle.setAttribute('aria-expanded', String(!graph.hidden));
    if (!graph.hidden) paintGraph();
  });

  /** Re-reads the references; a later call wins over an earlier one still in flight. */
  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    try {
      const [refs, srcs] = await Promise.all([ctx.reader.listReferences(), ctx.reader.listMetadataSources()]);
      if (mine !== generation) return;
      all = refs;
      sources = srcs;
      // Keep a field being typed in: re-render only what is not in use.
      const active = document.activeElement;
      if ((active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) && list.contains(active) && active.value !== active.defaultValue) return;
      render();
    } catch (err) {
      heading.replaceChildren(h('p', { className: 'refs-error' }, `Could not read the references: ${errorMessage(err)}`));
    }
  };

  const removePanel = ctx.addPanel({ id: 'references', title: 'References', mount: (body) => { body.append(element); } });
  // While the tab is hidden nothing is fetched (the host answers one call at a time, and claim
  // edits must not wait behind a references list nobody sees); it catches up when shown.
  const section = element.closest('section');
  const visible = (): boolean => !section || !section.hidden;
  let stale = false;
  const update = (): void => {
    if (!visible()) { stale = true; return; }
    stale = false;
    void refresh();
    void claimRefs.refresh();
  };

  const show = (id: string | null): void => {
    if (id === shown) return;
    shown = id;
    opened.clear();
    render();
    update();
  };

  show(ctx.session.current()?.model.id ?? null);
  const offOpen = ctx.session.onDidOpenDocument((doc) => show(doc.model.id));
  const offLibrary = ctx.session.onDidChangeLibrary(update);
  const offAnnotations = ctx.reader.on('onDidChangeAnnotations', update);
  const onHash = (): void => { if (visible()) void claimRefs.refresh(); };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  // Coming into view: catch up, and look at the open claim again (opening a claim changes the
  // address with history.pushState, which fires no event).
  const seen = new MutationObserver(() => {
    if (!visible()) return;
    if (stale) update(); else void claimRefs.refresh();
  });
  if (section) seen.observe(section, { attributes: true, attributeFilter: ['hidden'] });
  return () => {
    seen.disconnect();
    offOpen(); offLibrary(); offAnnotations(); removePanel();
    window.removeEventListener('hashchange', onHash);
    window.removeEventListener('popstate', onHash);
  };
}
