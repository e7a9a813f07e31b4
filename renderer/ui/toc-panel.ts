/**
 * The TABLE OF CONTENTS of the open document: its headings nested by level. Click or Enter jumps
 * to the heading; arrows move between entries (one Tab stop, roving tabindex); the entry of the
 * section being read is marked as the reader scrolls.
 */
import { tocTree, type HeadingEntry, type TocNode } from '../editor/headings.ts';
import { h } from './dom.ts';

export interface TocPanel {
  render(headings: readonly HeadingEntry[]): void;
  /** Marks the heading of the section being read (by heading id), or none. */
  setActive(id: string | null): void;
  focus(): void;
}

/** Builds the panel inside `host`; `jump(pos)` moves the reader to the heading at that position. */
export function createTocPanel(host: HTMLElement, jump: (pos: number) => void): TocPanel {
  const root = h('ol', { className: 'toc-list' });
  const empty = h('p', { className: 'panel-empty' }, 'This document has no headings.');
  host.append(root, empty);
  let links: HTMLAnchorElement[] = [];
  let active: string | null = null;

  const build = (nodes: TocNode[]): HTMLOListElement | HTMLElement => {
    const ol = h('ol', {});
    for (const n of nodes) {
      const a = h('a', {
        href: `#h-${n.heading.id}`, className: 'toc-link', tabindex: -1,
        'data-pos': n.heading.pos, 'data-id': n.heading.id, 'data-level': n.heading.level,
      }, n.heading.text || '(untitled section)');
      links.push(a);
      ol.append(h('li', {}, a, n.children.length ? build(n.children) : null));
    }
    return ol;
  };

  const focusLink = (i: number): void => {
    const t = links[Math.max(0, Math.min(links.length - 1, i))];
    if (!t) return;
    for (const l of links) l.tabIndex = l === t ? 0 : -1;
    t.focus();
  };

  root.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a.toc-link');
    if (!a) return;
    e.preventDefault();
    for (const l of links) l.tabIndex = l === a ? 0 : -1;
    jump(Number(a.dataset.pos));
  });
  root.addEventListener('keydown', (e) => {
    const at = links.indexOf(e.target as HTMLAnchorElement);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 };
    if (e.key in moves) { e.preventDefault(); focusLink(moves[e.key]!); }
    else if (e.key === ' ') { e.preventDefault(); links[at]!.click(); }
  });

  return {
    render(headings) {
      links = [];
      const tree = build(tocTree(headings));
      root.replaceChildren(...Array.from(tree.childNodes));
      empty.hidden = headings.length > 0;
      root.hidden = headings.length === 0;
      if (links[0]) links[0].tabIndex = 0;
      active = null;
    },
    setActive(id) {
      if (id === active) return;
      active = id;
      for (const l of links) {
        if (l.dataset.id === id) l.setAttribute('aria-current', 'location');
        else l.removeAttribute('aria-current');
      }
      const a = links.find((l) => l.dataset.id === id);
      a?.scrollIntoView({ block: 'nearest' });
    },
    focus() {
      const at = links.findIndex((l) => l.tabIndex === 0);
      focusLink(at < 0 ? 0 : at);
    },
  };
}
