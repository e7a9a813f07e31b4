/**
 * The renderer's wiring: builds the reader view, the panels and the find bar, connects them to
 * the host through the ReaderBridge (the only way out), and maps commands and keys to actions.
 * Logic lives in editor/ and ui/; this file only connects.
 */
import type { ReaderBridge } from '../core/api.ts';
import { CLAIM_SHORTCUTS, createAnnotationLayer } from './annotations/index.ts';
import { installEntities, openThroughHash } from './annotations/entities/index.ts';
import { passageRevealer } from './annotations/entities/show-passage.ts';
import { createSideTabs } from './annotations/entities/side-tabs.ts';
import { adjacentHeading } from './editor/headings.ts';
import { createReaderView } from './editor/reader-view.ts';
import { setShownTitle, withShownTitle } from './editor/plugins/title-once.ts';
import { installPanelLayout } from './ui/panel-layout.ts';
import { installSearch } from './search/index.ts';
import { installSources } from './sources/index.ts';
import { installReferences } from './references/index.ts';
import { openExportDialog } from './export/export-dialog.ts';
import { getReader } from './transport/web-client.ts';
import { createDocumentSession } from './ui/document-session.ts';
import { renderDocHeader } from './ui/doc-header.ts';
import { byId } from './ui/dom.ts';
import { createFindBar } from './ui/find-bar.ts';
import { cyclePanes, installKeyboard } from './ui/keyboard.ts';
import { createLibraryPanel } from './ui/library-panel.ts';
import { docIdFromHash, hashForDoc, lastDocument, rememberDocument } from './ui/location.ts';
import { createPanelHost } from './ui/panel-host.ts';
import { trackActiveHeading } from './ui/reading-position.ts';
import { createShortcutsOverlay } from './ui/shortcuts-overlay.ts';
import type { CommandId } from './ui/shortcuts.ts';
import { createStatusLine } from './ui/status-line.ts';
import { renderStoreBanner } from './ui/store-banner.ts';
import { createThemeController, nextTheme, themeLabel, type ThemePreference } from './ui/theme.ts';
import { createTocPanel } from './ui/toc-panel.ts';

/** Starts the reader UI against a bridge. */
export async function start(reader: ReaderBridge): Promise<void> {
  const status = createStatusLine(byId('status-line'));
  const theme = createThemeController(document.documentElement);
  const scroller = byId('reader-scroll');
  const layer = createAnnotationLayer();
  const readerView = createReaderView({ mount: byId('editor'), scroller, label: 'Document text', plugins: layer.plugins });
  const session = createDocumentSession(reader, readerView);
  // The header's title is known before the text is drawn: a first heading repeating it is hidden in the first draw.
  session.addOpenStep(async (id) => {
    const title = session.library()?.documents.find((d) => d.id === id)?.title;
    return title ? (state) => withShownTitle(state, title) : null;
  });
  const panels = createPanelHost(byId('side-panel'));
  installPanelLayout({ layout: byId('layout'), sidebar: byId('sidebar'), side: byId('side-panel'), readerColumn: byId('reader-column') });
  const findBar = createFindBar(byId('reader-column'), readerView);
  const overlay = createShortcutsOverlay(document.body,
    CLAIM_SHORTCUTS.map((c) => ({ group: 'Claims', keys: c.keys.split(' / '), description: c.action })));
  const emptyNote = byId('reader-empty');
  const topTitle = byId('top-title');

  // --- opening documents: the hash is the source of truth, so back/forward work ---------------
  let requested: string | null = null;
  let opening: string | null = null;
  const openNow = (id: string): void => {
    requested = id;
    opening = id;
    session.open(id).catch((err: unknown) => status.error('Could not open the document', err))
      .finally(() => { if (opening === id) opening = null; });
  };
  // The open document lives in the URL (#doc=…), so Back/Forward and reloads keep the place. A new
  // history entry is pushed rather than `location.hash` set: setting the hash makes the browser
  // look for a matching element and lay the page out first, which costs ~60 ms on every open.
  const navigate = (id: string): void => {
    if (docIdFromHash(location.hash) !== id) history.pushState(null, '', hashForDoc(id));
    openNow(id);
  };
  const followUrl = (): void => {
    const id = docIdFromHash(location.hash);
    // other hash parameters (e.g. `&claim=…`) belong to other parts of the UI
    // (Back/Forward fires both popstate and hashchange: the second finds the open under way)
    if (id && id !== session.current()?.model.id && id !== opening) openNow(id);
  };
  window.addEventListener('hashchange', followUrl);
  window.addEventListener('popstate', followUrl);

  const library = createLibraryPanel(byId('library-panel'), {
    open: navigate,
    openCorpus: async (dir) => { session.setLibrary(await reader.openCorpus(dir)); },
  });
  const toc = createTocPanel(byId('toc-panel'), (pos) => readerView.moveCaretTo(pos + 1, 'start'));
  const tracker = trackActiveHeading(scroller, readerView, (id) => toc.setActive(id));

  session.onDidOpenDocument((doc) => {
    renderDocHeader(byId('doc-header'), doc.model, doc.summary);
    toc.render(doc.prepared.headings);
    tracker.reset();
    library.setCurrent(doc.model.id);
    findBar.refresh();
    emptyNote.hidden = true;
    const title = doc.summary?.title || doc.model.title;
    setShownTitle(readerView.view, title); // the header shows it: a first heading repeating it is hidden
    topTitle.textContent = title;
    document.title = `${title} — Marginalia`;
    rememberDocument(doc.model.id);
  });
  session.onDidChangeLibrary((snapshot) => {
    library.render(snapshot);
    renderStoreBanner(byId('store-banner'), snapshot.store);
    const cur = session.current();
    if (cur) { renderDocHeader(byId('doc-header'), cur.model, cur.summary); setShownTitle(readerView.view, cur.summary?.title || cur.model.title); }
    // an edited source title shows in the top bar and the window title too
    if (cur?.summary?.title) { topTitle.textContent = cur.summary.title; document.title = `${cur.summary.title} — Marginalia`; }
    const has = (id: string | null | undefined): boolean => !!id && snapshot.documents.some((d) => d.id === id);
    // The open document's file changed (re-import, re-anchor): show the new text, where the reader was.
    if (cur?.summary && cur.summary.contentHash !== cur.contentHash) {
      status.info('This document changed on disk: showing the new text.');
      openNow(cur.model.id);
    }
    if (!has(cur?.model.id) && !(cur === null && has(requested))) {
      const first = snapshot.documents[0];
      // Switched corpora to open a claim there (renderer/search/corpus-scope.ts): the URL names its document.
      const named = docIdFromHash(location.hash);
      if (named && has(named)) { if (named !== opening) openNow(named); }
      else if (first) navigate(first.id);
      else { emptyNote.hidden = false; emptyNote.textContent = 'No documents to read. Open a folder of texts in the library on the left.'; }
    }
  });

  // --- panels: the annotation layer (claims list and editor) -----------------------------------
  layer.install({
    reader,
    current: () => session.current(),
    onDidOpenDocument: (listener) => session.onDidOpenDocument(listener),
    addOpenStep: (step) => session.addOpenStep(step),
    openDocument: (id) => navigate(id),
    addPanel: (panel) => panels.add(panel),
    toast: (message) => status.info(message),
    documents: () => session.library()?.documents ?? [],
  });
  // entities and the library-wide claims view; the side panel's sections become tabs, and the
  // claim editor brings the Claims tab forward when a claim is opened
  installEntities({
    reader,
    addPanel: (panel) => panels.add(panel),
    toast: (message) => status.info(message),
    openDocument: openThroughHash,
    showPassage: passageRevealer({ current: () => session.current(), onDidOpenDocument: (l) => session.onDidOpenDocument(l), openDocument: navigate }),
    historyKeysInstalled: true,
  });
  // search over everything marked: the last tab; Ctrl/⌘+Shift+F brings it forward
  const search = installSearch({
    reader, addPanel: (panel) => panels.add(panel), openClaim: openThroughHash,
    openPassage: passageRevealer({ current: () => session.current(), onDidOpenDocument: (l) => session.onDidOpenDocument(l), openDocument: navigate }),
  });
  // the item pane of the open (or chosen) source: its CSL metadata, edited as in Zotero
  installSources({ reader, addPanel: (panel) => panels.add(panel), session });
  // the works the open source cites (footnotes, reference lists), corrected and promoted here
  installReferences({ reader, addPanel: (panel) => panels.add(panel), session, openDocument: navigate, toast: (m) => status.info(m) });
  createSideTabs(panels.element, { reveal: '.claim-editor' });

  // --- theme ----------------------------------------------------------------------------------
  const themeButton = byId<HTMLButtonElement>('theme-button');
  const paintButton = (pref: ThemePreference): void => {
    themeButton.textContent = themeLabel(pref);
    themeButton.setAttribute('aria-label', `${themeLabel(pref)} (switch theme)`);
  };
  theme.onDidChange(paintButton);
  const setTheme = (pref: ThemePreference): void => {
    theme.apply(pref);
    reader.setSettings({ theme: pref }).catch((err: unknown) => status.error('Could not save the theme', err));
  };
  themeButton.addEventListener('click', () => setTheme(nextTheme(theme.preference)));
  // another window changed it
  reader.on('onDidChangeSettings', (s) => { if (s.theme !== theme.preference) theme.apply(s.theme); });

  // --- commands: keys, buttons and the host's menu all land here --------------------------------
  const goHeading = (dir: 1 | -1): void => {
    const cur = session.current();
    if (!cur) return;
    const h = adjacentHeading(cur.prepared.headings, readerView.caretHead(), dir);
    if (h) readerView.moveCaretTo(h.pos + 1, 'start');
  };
  const goDocument = (dir: 1 | -1): void => {
    const id = session.neighbour(dir);
    if (id) navigate(id); else status.info(dir > 0 ? 'This is the last document.' : 'This is the first document.');
  };
  const commands: Record<CommandId, () => void> = {
    'find': () => findBar.open(),
    'find-next': () => findBar.step(1),
    'find-previous': () => findBar.step(-1),
    'next-document': () => goDocument(1),
    'previous-document': () => goDocument(-1),
    'next-heading': () => goHeading(1),
    'previous-heading': () => goHeading(-1),
    'next-pane': () => cyclePanes(panes, 1),
    'previous-pane': () => cyclePanes(panes, -1),
    'toggle-theme': () => setTheme(nextTheme(theme.preference)),
    'shortcuts': () => overlay.toggle(),
    'search': () => search.focus(),
    'export': () => { void openExportDialog(reader, { label: 'every claim in the library' }, (m) => status.info(m)); },
  };
  const panes = [
    { element: byId('library-panel'), focus: () => library.focus() },
    { element: byId('toc-panel'), focus: () => toc.focus() },
    { element: byId('reader-column'), focus: () => readerView.focus() },
    { element: panels.element, focus: () => panels.focusFirst() },
  ];
  installKeyboard(document, commands);
  byId('find-button').addEventListener('click', commands.find);
  byId('shortcuts-button').addEventListener('click', commands.shortcuts);
  byId('export-button').addEventListener('click', commands.export);
  reader.on('onDidRequestCommand', ({ command, arg }) => {
    if (command === 'theme:light' || command === 'theme:dark' || command === 'theme:system') setTheme(command.slice(6) as ThemePreference);
    else if (command === 'open-corpus' && arg) {
      reader.openCorpus(arg).then((s) => session.setLibrary(s), (err: unknown) => status.error('Could not open the folder', err));
    } else if (command === 'open-corpus') library.focusFolderField();
    else if (Object.hasOwn(commands, command)) commands[command as CommandId]();
    // other commands (undo and redo: annotations/history-keys.ts; open-claim) belong to the panels that subscribe to them
  });
  reader.on('onDidChangeLibrary', (snapshot) => session.setLibrary(snapshot));

  // --- first paint ----------------------------------------------------------------------------
  const [settings, snapshot] = await Promise.all([
    reader.getSettings().catch((err: unknown) => { status.error('Could not read the settings', err); return null; }),
    reader.getLibrary().catch((err: unknown) => { status.error('Could not read the library', err); return null; }),
  ]);
  theme.apply(settings?.theme ?? 'system');
  if (!snapshot) return;
  const wanted = docIdFromHash(location.hash) ?? lastDocument();
  const known = wanted && snapshot.documents.some((d) => d.id === wanted) ? wanted : null;
  if (known) {
    if (docIdFromHash(location.hash) !== known) history.replaceState(null, '', hashForDoc(known));
    requested = known;
  }
  session.setLibrary(snapshot); // opens the first document when none was asked for
  if (known) openNow(known);
}

start(getReader()).catch((err: unknown) => {
  console.error('The reader failed to start:', err);
  const el = document.getElementById('status-line');
  if (el) el.textContent = `The reader failed to start: ${err instanceof Error ? err.message : String(err)}`;
});
