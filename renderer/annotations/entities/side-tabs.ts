/**
 * Tabs over the side panel's sections (renderer/ui/panel-host.ts adds one `section.panel` per
 * panel: Claims, Entities, All claims): one section shows at a time, so a long entity page or
 * the library-wide list does not push the claim editor out of sight. WAI-ARIA tabs: ←/→, Home
 * and End move between tabs, the choice is remembered. The shown section is kept first in the
 * aside, so the panel host's "focus the first panel" (F6) lands in what is visible.
 *
 * A section comes forward by itself when something inside it dispatches `marginalia:reveal-panel`,
 * or when an element matching `reveal` (e.g. the claim editor) stops being hidden: clicking a
 * claim in the text must show its editor even while "All claims" is the tab on top.
 */

/** The event a panel's content dispatches (bubbling) to bring its section forward. */
export const REVEAL_PANEL_EVENT = 'marginalia:reveal-panel';

const STORAGE_KEY = 'marginalia.sideTab';

export interface SideTabs {
  /** Shows the section of panel `id` ("claims", "entities", "all-claims"). */
  select(id: string, focusTab?: boolean): void;
  dispose(): void;
}

/** Turns the aside's sections into tabs; later sections join as they are added. */
export function createSideTabs(aside: HTMLElement, opts: { reveal?: string } = {}): SideTabs {
  const tablist = document.createElement('div');
  tablist.className = 'side-tabs';
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', 'Side panels');
  let active = readStored();
  let syncing = false;

  const sections = (): HTMLElement[] => [...aside.querySelectorAll<HTMLElement>(':scope > section.panel')];
  const panelId = (s: HTMLElement): string => s.id.replace(/^panel-/, '');

  const sync = (): void => {
    if (syncing) return;
    syncing = true;
    try {
      const all = sections();
      if (!all.length) { tablist.remove(); return; }
      if (!all.some((s) => panelId(s) === active)) active = panelId(all[0]!);
      const tabs = all.map((s) => {
        const id = panelId(s);
        const on = id === active;
        const tab = tablist.querySelector<HTMLButtonElement>(`#side-tab-${CSS.escape(id)}`) ?? makeTab(s);
        tab.setAttribute('aria-selected', String(on));
        tab.tabIndex = on ? 0 : -1;
        s.setAttribute('role', 'tabpanel');
        s.setAttribute('aria-labelledby', tab.id);
        s.hidden = !on;
        return tab;
      });
      // Tabs keep the sections' order of arrival (not the DOM order, which puts the shown one first).
      const order = (t: HTMLButtonElement): number => Number(t.dataset.order);
      tabs.sort((a, b) => order(a) - order(b));
      if (tabs.some((t, i) => tablist.children[i] !== t) || tablist.children.length !== tabs.length) tablist.replaceChildren(...tabs);
      if (aside.firstElementChild !== tablist) aside.prepend(tablist);
      const shown = all.find((s) => panelId(s) === active)!;
      if (tablist.nextElementSibling !== shown) tablist.after(shown);
      aside.dataset.tab = active;
    } finally {
      syncing = false;
    }
  };

  let arrivals = 0;
  const makeTab = (s: HTMLElement): HTMLButtonElement => {
    const id = panelId(s);
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `side-tab-${id}`;
    tab.className = 'side-tab';
    tab.dataset.panel = id;
    tab.dataset.order = String(arrivals++);
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', s.id);
    tab.textContent = s.querySelector(':scope > .panel-title')?.textContent ?? id;
    tab.addEventListener('click', () => select(id, true));
    return tab;
  };

  const select = (id: string, focusTab = false): void => {
    if (!sections().some((s) => panelId(s) === id)) return;
    active = id;
    try { localStorage.setItem(STORAGE_KEY, id); } catch { /* storage off: not remembered */ }
    sync();
    if (focusTab) tablist.querySelector<HTMLElement>(`#side-tab-${CSS.escape(id)}`)?.focus();
  };

  tablist.addEventListener('keydown', (e) => {
    const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    const at = tabs.findIndex((t) => t.dataset.panel === active);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null || !tabs.length) return;
    e.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length]!.dataset.panel!, true);
  });

  const sectionOf = (node: Node): HTMLElement | null => {
    const el = node instanceof HTMLElement ? node : node.parentElement;
    const s = el?.closest<HTMLElement>('section.panel');
    return s && s.parentElement === aside ? s : null;
  };
  const onReveal = (e: Event): void => { const s = sectionOf(e.target as Node); if (s) select(panelId(s)); };
  aside.addEventListener(REVEAL_PANEL_EVENT, onReveal);

  const observer = new MutationObserver((records) => {
    let changed = false;
    for (const r of records) {
      if (r.type === 'childList' && r.target === aside) changed = true;
      else if (r.type === 'attributes' && opts.reveal && r.target instanceof HTMLElement && !r.target.hidden && r.target.matches(opts.reveal)) {
        const s = sectionOf(r.target);
        if (s && panelId(s) !== active) select(panelId(s));
      }
    }
    if (changed) sync();
  });
  observer.observe(aside, opts.reveal ? { childList: true, subtree: true, attributeFilter: ['hidden'] } : { childList: true });
  sync();

  return {
    select,
    dispose: () => {
      observer.disconnect();
      aside.removeEventListener(REVEAL_PANEL_EVENT, onReveal);
      tablist.remove();
      for (const s of sections()) { s.hidden = false; s.removeAttribute('role'); }
      delete aside.dataset.tab;
    },
  };
}

function readStored(): string {
  try { return localStorage.getItem(STORAGE_KEY) ?? ''; } catch { return ''; }
}
