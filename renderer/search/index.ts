/**
 * The search UI's one entry: `installSearch(ctx)` adds the "Search" tab to the side panel and
 * returns `focus()` for the shortcut. The index lives in the host (host/search/); the page asks
 * it for pages of results and holds no copy of the library's claims.
 */
import type { ReaderBridge } from '../../core/api.ts';
import type { Panel } from '../ui/panel-host.ts';
import { REVEAL_PANEL_EVENT } from '../annotations/entities/side-tabs.ts';
import { createSearchPanel } from './search-panel.ts';

/** What the search UI needs from the reader. */
export interface SearchContext {
  reader: ReaderBridge;
  /** Adds a section to the side panel; returns its removal. */
  addPanel(panel: Panel): () => void;
  /** Opens a document in the reader with a claim selected (as the All-claims view does). */
  openClaim(documentId: string, claimId: string): void;
  /** Opens a document with a passage selected (passage results). */
  openPassage?(documentId: string, start: number, end: number): void;
}

export interface SearchHandle {
  /** Brings the Search tab forward and puts the caret in its box (Ctrl/⌘+Shift+F). */
  focus(): void;
  dispose(): void;
}

/** Where the stylesheet sits beside the built renderer (scripts/build.ts copies every .css). */
const STYLESHEET = './search/search.css';
/** Wait after start-up before warming the host's index: after the first document has painted. */
const WARM_AFTER_MS = 1_000;

/** Installs the panel; call once, after the side panel exists. */
export function installSearch(ctx: SearchContext): SearchHandle {
  ensureStylesheet();
  const panel = createSearchPanel({ reader: ctx.reader, open: ctx.openClaim, openPassage: ctx.openPassage });
  const remove = ctx.addPanel({ id: 'search', title: 'Search', mount: (body) => { body.append(panel.el); } });
  const section = panel.el.closest('section');
  const syncVisible = (): void => panel.setVisible(panel.el.isConnected && !panel.el.closest('[hidden]'));
  const watcher = new MutationObserver(syncVisible);
  if (section) watcher.observe(section, { attributes: true, attributeFilter: ['hidden'] });
  const firstSync = setTimeout(syncVisible, 0);
  // The host opens its index on the first query; ask an empty one soon after start-up, so the
  // first real search (or the All-claims list) finds it loaded.
  const warm = setTimeout(() => { ctx.reader.search('', { limit: 1 }).catch(() => undefined); }, WARM_AFTER_MS);
  return {
    focus: () => {
      panel.el.dispatchEvent(new CustomEvent(REVEAL_PANEL_EVENT, { bubbles: true }));
      panel.focusBox();
    },
    dispose: () => { clearTimeout(firstSync); clearTimeout(warm); watcher.disconnect(); remove(); panel.dispose(); },
  };
}

function ensureStylesheet(): void {
  if (document.querySelector('link[data-search-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = STYLESHEET;
  link.dataset.searchCss = '';
  document.head.append(link);
}
