/**
 * The search UI's one entry: `installSearch(ctx)` adds the "Search" section to the side panel
 * (a tab, once renderer/annotations/entities/side-tabs.ts is over the panel), keeps the Lunr
 * index of the library's claims fresh (index-source.ts) and returns `focus()` for the shortcut.
 * The index is first built when the browser is idle after start-up, or when the panel is first
 * used, whichever comes first.
 */
import type { ReaderBridge } from '../../core/api.ts';
import type { Panel } from '../ui/panel-host.ts';
import { REVEAL_PANEL_EVENT } from '../annotations/entities/side-tabs.ts';
import { createIndexSource } from './index-source.ts';
import { createSearchPanel } from './search-panel.ts';

/** What the search UI needs from the reader. */
export interface SearchContext {
  reader: ReaderBridge;
  /** Adds a section to the side panel; returns its removal. */
  addPanel(panel: Panel): () => void;
  /** Opens a document in the reader with a claim selected (as the All-claims view does). */
  openClaim(documentId: string, claimId: string): void;
}

export interface SearchHandle {
  /** Brings the Search tab forward and puts the caret in its box (Ctrl/⌘+Shift+F). */
  focus(): void;
  dispose(): void;
}

/** Where the stylesheet sits beside the built renderer (scripts/build.ts copies every .css). */
const STYLESHEET = './search/search.css';
/** Quiet time after start-up before the first index build is scheduled, in ms. */
const SETTLE_MS = 5_000;
/** Longest wait for an idle moment before the first index build starts anyway, in ms. */
const START_WITHIN_MS = 3_000;

/** Installs the panel; call once, after the side panel exists. */
export function installSearch(ctx: SearchContext): SearchHandle {
  ensureStylesheet();
  const source = createIndexSource(ctx.reader);
  const panel = createSearchPanel({ source, open: ctx.openClaim });
  const remove = ctx.addPanel({ id: 'search', title: 'Search', mount: (body) => { body.append(panel.el); } });
  panel.el.addEventListener('focusin', () => source.start());
  // changes after the first build are indexed while the panel is on screen (or when it shows)
  const section = panel.el.closest('section');
  const syncVisible = (): void => {
    const shown = panel.el.isConnected && !panel.el.closest('[hidden]');
    if (shown) source.start();
    source.setVisible(shown);
  };
  const watcher = new MutationObserver(syncVisible);
  if (section) watcher.observe(section, { attributes: true, attributeFilter: ['hidden'] });
  const firstSync = setTimeout(syncVisible, 0);
  // The first build waits until the reader has settled (the first documents opened, their claims
  // drawn), then runs in idle time; showing or focusing the panel starts it at once.
  const startTimer = setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => source.start(), { timeout: START_WITHIN_MS });
    else source.start();
  }, SETTLE_MS);

  return {
    focus: () => {
      source.start();
      panel.el.dispatchEvent(new CustomEvent(REVEAL_PANEL_EVENT, { bubbles: true }));
      panel.focusBox();
    },
    dispose: () => { clearTimeout(firstSync); clearTimeout(startTimer); watcher.disconnect(); remove(); panel.dispose(); source.dispose(); },
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
