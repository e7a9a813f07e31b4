/**
 * The annotation layer's one entry. The reader makes its editor with `layer.plugins` (they must
 * exist before the view), then calls `layer.install(ctx)` once its document session exists;
 * from there on this module wires the highlights, the floating toolbar, the context menu, the
 * hover tooltip, the claim editor and claims list, undo/redo keys and `#doc=…&claim=…` links.
 */
import { TextSelection, type Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Claim, ClaimKindDef } from '../../core/api.ts';
import { allClaims, annotations, claimRange, claimsAt, selectedClaim } from '../editor/plugins/annotations.ts';
import { createBucketBar } from './bucket-bar.ts';
import { createClaimEditor } from './claim-editor.ts';
import { CLAIM_SHORTCUTS, claimInteraction, type InteractionHandlers } from './claim-interaction.ts';
import { claimExtent, type ExtentHandlers } from './claim-extent.ts';
import { createUndoToast } from './entities/undo-toast.ts';
import { REVEAL_PANEL_EVENT } from './entities/side-tabs.ts';
import { ClaimSession, isPendingClaim } from './claim-session.ts';
import { createClaimsPanel } from './claims-panel.ts';
import { createContextMenu, type MenuItem } from './context-menu.ts';
import type { AnnotationContext, OpenDocument } from './context.ts';
import type { EntityPickerFactory } from './entity-field.ts';
import { createEntityPicker } from './entities/entity-picker.ts';
import { errorMessage, snippet } from './format.ts';
import { installHistoryKeys } from './history-keys.ts';
import { createHoverTooltip } from './hover-tooltip.ts';
import { editKinds } from './kinds-dialog.ts';
import { claimFromHash, hashForClaim } from './claim-route.ts';
import { flashClaim, linkedClaimFromHash, malformedClaimLink, malformedLinkMessage } from './claim-link.ts';
import { isClaimId } from '../../core/links.ts';
import { createSelectionToolbar } from './selection-toolbar.ts';
import { openClaimInItsCorpus } from '../search/corpus-scope.ts';

export { CLAIM_SHORTCUTS } from './claim-interaction.ts';
export type { AnnotationContext } from './context.ts';

/** What the reader can ask of the installed layer. */
export interface AnnotationsHandle {
  /** Opens a claim: its document first if needed, then the claim selected, scrolled to and in the editor. */
  reveal(claimId: string, documentId: string): Promise<void>;
  /** Makes a claim of the current selection (the first kind when none is given). */
  makeClaim(kind?: string): Promise<void>;
  /** Moves keyboard focus to the claims panel. */
  focusPanel(): void;
}

/** The layer before and after it is installed. */
export interface AnnotationLayer {
  /** ProseMirror plugins for the reader view; pass them before the read-only guard. */
  readonly plugins: Plugin[];
  install(ctx: AnnotationContext): AnnotationsHandle;
}

/** The undo keys as this platform writes them, for hints. */
const UNDO_KEYS = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z';

/** How long a revealed claim's document may take to open before we give up, in ms. */
const OPEN_TIMEOUT_MS = 15_000;

/** Creates the layer. `entityPicker` defaults to the entities UI's keyboard picker. */
export function createAnnotationLayer(opts: { entityPicker?: EntityPickerFactory } = {}): AnnotationLayer {
  let kinds: ClaimKindDef[] = [];
  let handlers: InteractionHandlers | null = null;
  let extent: ExtentHandlers | null = null;
  const plugins = [
    claimExtent({
      textMap: () => extent?.textMap() ?? null,
      setExtent: (id, range) => extent?.setExtent(id, range),
      say: (m) => extent?.say(m),
    }),
    claimInteraction({
      open: (c) => handlers?.open(c),
      make: () => handlers?.make(),
      contextMenu: (view, e) => handlers?.contextMenu(view, e) ?? false,
      hover: (view, e) => handlers?.hover(view, e),
      selectionChanged: (view) => handlers?.selectionChanged(view),
    }),
    annotations({ kinds: () => kinds }),
  ];

  const install = (ctx: AnnotationContext): AnnotationsHandle => {
    const session = new ClaimSession(ctx, () => kinds);
    const toolbar = createSelectionToolbar({ kinds: () => kinds, shortcut: CLAIM_SHORTCUTS[0]!.keys, onPick: (k) => void makeClaim(k) });
    const menu = createContextMenu();
    const tooltip = createHoverTooltip(() => kinds);
    let pendingReveal: string | null = null;
    /** "Claim deleted — Undo": the same toast as the entity actions (one step of the host's history). */
    const undoToast = createUndoToast(ctx.reader);

    const focusReaderAt = (claim: Claim | null): void => {
      const d = session.doc();
      if (!d) return;
      const range = claim ? claimRange(d.view.state, claim.id) : null;
      if (range) d.view.dispatch(d.view.state.tr.setSelection(TextSelection.create(d.view.state.doc, range.from)).scrollIntoView());
      d.view.focus();
    };

    const editor = createClaimEditor({
      session,
      picker: opts.entityPicker ?? createEntityPicker,
      onFollow: (c) => void followLink(c),
      onLeave: (c) => focusReaderAt(c),
      onDeleted: () => {
        void editor.clear();
        panel.openClaimChanged(null);
        undoToast.show(`Claim deleted. Undo (or ${UNDO_KEYS}) brings it back.`);
        focusReaderAt(null);
      },
      onClose: () => { void closeEditor(); },
    });
    // Closing the window (or reloading) sends an edit still waiting for its typing pause.
    window.addEventListener('pagehide', () => void editor.flush());
    const panel = createClaimsPanel({
      session,
      onOpen: (c) => openClaim(c, { focus: 'restatement', scroll: true }),
      onOpenDocument: (id) => ctx.openDocument(id),
      onEditKinds: () => {
        void editKinds(kinds, async (next) => (await ctx.reader.setSettings({ kinds: next })).kinds)
          .then((saved) => { if (saved) applyKinds(saved); });
      },
    });
    /** New labels or colours: highlights, lists, the toolbar and an open claim take them. */
    const applyKinds = (next: ClaimKindDef[]): void => {
      if (JSON.stringify(next) === JSON.stringify(kinds)) return;
      kinds = next;
      void session.refresh();
      panel.render();
      const shown = editor.shown();
      const now = shown ? session.claim(shown.id) : null;
      if (now) editor.refresh(now);
    };
    ctx.reader.on('onDidChangeSettings', (s) => applyKinds(s.kinds));
    ctx.addPanel({ id: 'claims', title: 'Claims', mount: (body) => { body.append(editor.el, panel.el); } });

    const openClaim = (c: Claim, o: { focus?: 'restatement' | 'heading'; scroll?: boolean; saved?: boolean }): void => {
      session.select(c.id, { scroll: o.scroll });
      editor.show(c, { focus: o.focus, saved: o.saved });
      panel.openClaimChanged(c.id);
      // the Claims tab comes forward whenever a claim opens (side-tabs.ts brings it forward when the
      // editor stops being hidden; an editor already showing another claim does not, so a search
      // result of the open document left the Search tab on top with the editor behind it)
      editor.el.dispatchEvent(new CustomEvent(REVEAL_PANEL_EVENT, { bubbles: true }));
      revealEditorTop();
    };
    /**
     * The claim's header and quote in sight in the side panel (the list below may have scrolled
     * its row into view, or the panel was scrolled down), below the panel's sticky tab strip.
     */
    const revealEditorTop = (): void => {
      const scroller = editor.el.closest<HTMLElement>('#side-panel');
      const quote = editor.el.querySelector<HTMLElement>('.claim-quote');
      if (!scroller) return;
      const covered = scroller.querySelector<HTMLElement>(':scope > .side-tabs')?.getBoundingClientRect().height ?? 0;
      const box = scroller.getBoundingClientRect();
      const top = editor.el.getBoundingClientRect().top - box.top;
      const quoteBottom = (quote ?? editor.el).getBoundingClientRect().bottom - box.top;
      if (top < covered || quoteBottom > scroller.clientHeight) scroller.scrollTop += top - covered - 6;
    };
    const closeEditor = async (): Promise<void> => {
      await editor.clear();
      session.select(null);
      panel.openClaimChanged(null);
      focusReaderAt(null);
    };

    const makeClaim = async (kind?: string): Promise<void> => {
      const d = session.doc();
      if (!d || !session.selectionRange()) { ctx.toast('Select some text first, then make a claim.'); return; }
      toolbar.hide();
      try {
        const c = await session.create(kind ?? kinds[0]?.id ?? 'claim');
        if (!c) return;
        const range = claimRange(d.view.state, c.id);
        if (range && session.doc()?.model.id === d.model.id) d.view.dispatch(d.view.state.tr.setSelection(TextSelection.create(d.view.state.doc, range.to)));
        openClaim(c, { focus: 'restatement', saved: true });
      } catch (err) {
        ctx.toast(`Could not make the claim: ${errorMessage(err)}`);
      }
    };

    /** Resolves once `id` is the open document (asking the reader to open it unless `asked`). */
    const ensureOpen = (id: string, asked: boolean): Promise<void> => {
      if (session.doc()?.model.id === id) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => { off(); reject(new Error('The document did not open in time.')); }, OPEN_TIMEOUT_MS);
        const off = ctx.onDidOpenDocument((doc) => {
          if (doc.model.id !== id) return;
          clearTimeout(timer); off(); resolve();
        });
        if (!asked) ctx.openDocument(id);
      });
    };

    const reveal = async (claimId: string, documentId: string, asked = false): Promise<void> => {
      pendingReveal = claimId;
      try {
        await ensureOpen(documentId, asked);
        await session.refresh();
        const c = session.claim(claimId);
        if (!c) { ctx.toast('That claim is no longer in the library.'); return; }
        openClaim(c, { focus: 'heading', scroll: true });
      } catch (err) {
        ctx.toast(`Could not open the claim: ${errorMessage(err)}`);
      } finally {
        if (pendingReveal === claimId) pendingReveal = null;
      }
    };

    /** Following a link: same document, select it; another document, go there through the URL. */
    const followLink = async (c: Claim): Promise<void> => {
      if (session.doc()?.model.id === c.documentId) return reveal(c.id, c.documentId);
      location.hash = hashForClaim(c.documentId, c.id); // the reader opens the document, onHash reveals
    };
    /**
     * A claim link (claim-link.ts): the desktop's `open-claim` command ('push': a new history
     * entry) or the browser's `#claim=<id>` ('replace'). Asks the host for the claim, opens its
     * document, selects and flashes it; an id the library does not hold is said in a toast.
     */
    /**
     * Switches to the corpus that holds `c`'s document (the search index knows each claim's
     * corpus): 'switched', 'failed' (said in a toast), or 'here' when no other corpus holds it.
     */
    const switchToCorpusOf = async (c: Claim): Promise<'switched' | 'failed' | 'here'> => {
      try {
        const [found, library] = await Promise.all([
          ctx.reader.search('', { limit: 1, filter: { documentId: c.documentId } }), ctx.reader.getLibrary(),
        ]);
        const hit = found.hits.find((x) => x.type === 'claim');
        const corpusId = hit?.type === 'claim' ? hit.corpusId : undefined;
        if (!corpusId || corpusId === library.corpusId) return 'here';
        let failed = false;
        await openClaimInItsCorpus(ctx.reader, { documentId: c.documentId, claimId: c.id, corpusId }, library, () => {}, (m) => { failed = true; ctx.toast(m); });
        return failed ? 'failed' : 'switched';
      } catch (err) {
        ctx.toast(`Could not open the claim link: ${errorMessage(err)}`);
        return 'failed';
      }
    };
    const openLinkedClaim = async (id: string, history_: 'push' | 'replace'): Promise<void> => {
      if (!isClaimId(id)) { ctx.toast(malformedLinkMessage(id)); return; }
      // At start-up the reader first opens the document it was going to open anyway; going to the
      // claim's document before that one has opened would see the page scrolled back by it.
      const readerReady = session.doc() ? Promise.resolve() : new Promise<void>((resolve) => {
        const off = ctx.onDidOpenDocument(() => { off(); resolve(); });
      });
      let c: Claim;
      try {
        c = await ctx.reader.getClaim(id);
      } catch (err) {
        if (linkedClaimFromHash(location.hash) === id) history.replaceState(null, '', location.pathname + location.search);
        ctx.toast(`Could not open the claim link: ${errorMessage(err)}`);
        return;
      }
      await readerReady;
      // A claim of another corpus: switch to that corpus, as one click in the library panel does;
      // the reader then opens the document the URL names (openClaimInItsCorpus pushes it).
      if (!ctx.documents().some((d) => d.id === c.documentId)) {
        const switched = await switchToCorpusOf(c);
        if (switched === 'failed') return;
        if (switched === 'switched') return reveal(c.id, c.documentId, true).then(() => { flashClaim(document, c.id); });
      }
      // The URL then names the document and the claim, as any followed claim does (Back, reload).
      history[history_ === 'push' ? 'pushState' : 'replaceState'](null, '', hashForClaim(c.documentId, c.id));
      await reveal(c.id, c.documentId);
      if (session.doc()?.model.id === c.documentId) flashClaim(document, c.id);
    };
    const onHash = (): void => {
      const target = claimFromHash(location.hash);
      if (target) void reveal(target.claimId, target.documentId, true);
      else {
        const linked = linkedClaimFromHash(location.hash);
        if (linked) void openLinkedClaim(linked, 'replace');
        const malformed = malformedClaimLink(location.hash);
        if (malformed !== null) {
          history.replaceState(null, '', location.pathname + location.search);
          ctx.toast(malformedLinkMessage(malformed));
        }
      }
    };
    ctx.reader.on('onDidRequestCommand', ({ command, arg }) => {
      if (command === 'open-claim' && arg) void openLinkedClaim(arg, 'push');
    });

    /** A new extent for a claim (handles, Alt+Shift+E): the host recomputes its selectors, undoably. */
    const setExtent = async (id: string, range: { start: number; end: number }): Promise<void> => {
      const c = session.claim(id);
      if (!c || (c.position.start === range.start && c.position.end === range.end)) return;
      try {
        const next = await session.update(id, { range });
        if (editor.shown()?.id === id) editor.refresh(next);
        session.select(id);
        undoToast.show(`Claim now covers ${snippet(next.quote.exact, 60)}.`);
      } catch (err) {
        ctx.toast(`Could not change the claim’s extent: ${errorMessage(err)}`);
      }
    };
    extent = {
      textMap: () => session.doc()?.textMap ?? null,
      setExtent: (id, range) => void setExtent(id, range),
      say: (m) => ctx.toast(m),
    };

    handlers = {
      open: (c) => { if (!isPendingClaim(c.id)) openClaim(c, { focus: 'restatement' }); },
      make: () => void makeClaim(),
      selectionChanged: (view) => toolbar.update(view),
      hover: (view, e) => tooltip.handle(view, e),
      contextMenu: (view, e) => contextMenu(view, e),
    };

    const contextMenu = (view: EditorView, e: MouseEvent): boolean => {
      const sel = view.state.selection;
      const fromKeyboard = e.button !== 2 || (e.clientX === 0 && e.clientY === 0);
      const at = fromKeyboard ? sel.head : view.posAtCoords({ left: e.clientX, top: e.clientY })?.pos ?? sel.head;
      const items: MenuItem[] = [];
      const selRange = session.selectionRange();
      if (selRange) {
        for (const k of kinds) items.push({ label: `Mark as ${k.label}`, color: k.color, run: () => void makeClaim(k.id) });
        const open = selectedClaim(view.state);
        if (open) items.push({ label: 'Set the open claim’s extent to the selection (Alt+Shift+E)', run: () => void setExtent(open.id, selRange) });
      }
      for (const c of claimsAt(view.state, at).filter((x) => !isPendingClaim(x.id)).slice(0, 3)) {
        items.push({ label: `Open ${snippet(c.restatement || c.quote.exact, 40)}`, run: () => openClaim(c, { focus: 'restatement' }) });
      }
      if (!items.length) return false;
      e.preventDefault();
      const place = fromKeyboard ? view.coordsAtPos(sel.head) : { left: e.clientX, top: e.clientY };
      tooltip.hide();
      toolbar.hide();
      menu.open(items, { left: place.left, top: fromKeyboard ? place.top + 20 : place.top }, view.dom as HTMLElement);
      return true;
    };

    // Where the claims are in the whole document, beside the text (bucket-bar.ts).
    const column = document.getElementById('reader-column');
    const bucketBar = column ? createBucketBar({
      column,
      // A claim's place is its position's fraction of the document's length: no layout is read, so
      // 10,000 claims take milliseconds (measuring each on screen took ~8 s, most blocks being
      // unlaid-out under content-visibility), and for prose the length follows the height closely.
      place: () => {
        const d = session.doc();
        if (!d) return [];
        const size = d.view.state.doc.content.size || 1;
        return allClaims(d.view.state).flatMap((c) => {
          const r = claimRange(d.view.state, c.id);
          return r ? [{ claim: c, at: r.from / size }] : [];
        });
      },
      open: (c) => { void reveal(c.id, c.documentId); },
      label: (c) => `¶ ${c.paragraph ?? '–'} ${snippet(c.restatement || c.quote.exact, 60)}`,
    }) : null;
    session.onDidChange(() => bucketBar?.refresh());

    ctx.onDidOpenDocument((doc: OpenDocument) => {
      bucketBar?.refresh();
      const shown = editor.shown();
      if (shown && shown.documentId !== doc.model.id && pendingReveal !== shown.id) {
        void editor.clear();
        panel.openClaimChanged(null);
      }
      tooltip.hide();
      toolbar.update(doc.view);
      session.opened(doc);
    });
    ctx.addOpenStep?.((id) => session.preload(id));
    session.onDidChange(() => {
      const shown = editor.shown();
      if (!shown || session.doc()?.model.id !== shown.documentId) return;
      const now = session.claim(shown.id);
      if (now) editor.refresh(now);
      else { void editor.clear(); panel.openClaimChanged(null); }
    });
    ctx.reader.on('onDidChangeAnnotations', ({ reason }) => session.hostChanged(reason));
    installHistoryKeys({
      reader: ctx.reader,
      commands: ctx.reader,
      own: (reason, call, emitted) => session.own(reason, call, emitted),
      afterStep: () => session.refresh(),
      toast: ctx.toast,
    });
    window.addEventListener('hashchange', onHash);

    ctx.reader.getSettings().then((s) => { kinds = s.kinds; void session.refresh(); panel.render(); },
      (err: unknown) => ctx.toast(`Could not read the claim kinds: ${errorMessage(err)}`));
    onHash();

    return {
      reveal: (claimId, documentId) => reveal(claimId, documentId),
      makeClaim,
      focusPanel: () => panel.el.querySelector<HTMLElement>('[role=listbox]')?.focus(),
    };
  };

  return { plugins, install };
}
