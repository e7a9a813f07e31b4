/**
 * The right-hand side panel area (`<aside id="side-panel">`). Panels (claims, entities, search)
 * plug in here without touching the reader: each gets its own labelled section and can leave
 * again. The aside stays empty (and takes no width) until a panel is added.
 */
import { h } from './dom.ts';

/** A panel as the host sees it. */
export interface Panel {
  /** Stable id; becomes the section's DOM id `panel-<id>`. */
  id: string;
  /** Visible heading of the panel. */
  title: string;
  /** Fills the panel's body; may return a cleanup run when the panel is removed. */
  mount(body: HTMLElement): void | (() => void);
}

export interface PanelHost {
  /** The aside itself (for code that lays out its own content). */
  readonly element: HTMLElement;
  /** Adds a panel at the end; returns a function that removes it. */
  add(panel: Panel): () => void;
  /** Focuses the first focusable element of a panel (or the panel). */
  focus(id: string): void;
  /** Focuses the first panel (F6 lands here). */
  focusFirst(): void;
}

/** Wraps the aside. */
export function createPanelHost(aside: HTMLElement): PanelHost {
  const sync = (): void => { aside.dataset.empty = String(aside.childElementCount === 0); };
  sync();
  new MutationObserver(sync).observe(aside, { childList: true });
  return {
    element: aside,
    add(panel) {
      const headingId = `panel-${panel.id}-title`;
      const body = h('div', { className: 'panel-body' });
      const section = h('section', { id: `panel-${panel.id}`, className: 'panel', 'aria-labelledby': headingId },
        h('h2', { id: headingId, className: 'panel-title' }, panel.title), body);
      aside.append(section);
      const cleanup = panel.mount(body);
      return () => { if (typeof cleanup === 'function') cleanup(); section.remove(); };
    },
    focus(id) {
      const section = aside.querySelector<HTMLElement>(`#panel-${CSS.escape(id)}`);
      const target = section?.querySelector<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])') ?? section;
      if (target) { if (!target.hasAttribute('tabindex') && target === section) target.tabIndex = -1; target.focus(); }
    },
    focusFirst() {
      const first = aside.querySelector<HTMLElement>('section.panel');
      if (first) this.focus(first.id.replace(/^panel-/, ''));
    },
  };
}
