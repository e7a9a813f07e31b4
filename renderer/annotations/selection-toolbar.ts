/**
 * The small toolbar that floats above a text selection with one button per claim kind. It keeps
 * the reader's selection (buttons do not take focus on mouse down) and follows the selection
 * when the page scrolls.
 */
import type { EditorView } from 'prosemirror-view';
import type { ClaimKindDef } from '../../core/api.ts';
import { h, placeNear } from './dom.ts';

/** The toolbar; `update` is called whenever the reader's selection or focus may have changed. */
export function createSelectionToolbar(opts: {
  kinds: () => ClaimKindDef[];
  shortcut: string;
  onPick(kind: string): void;
}): { el: HTMLElement; update(view: EditorView | null): void; hide(): void; destroy(): void } {
  const el = h('div', { class: 'selection-toolbar', role: 'toolbar', 'aria-label': 'Make a claim', hidden: true });
  let shownFor: EditorView | null = null;
  let drawnKinds = '';

  const draw = (): void => {
    const kinds = opts.kinds();
    const key = JSON.stringify(kinds);
    if (key === drawnKinds) return;
    drawnKinds = key;
    el.replaceChildren(...kinds.map((k, i) => h('button', {
      type: 'button', class: 'toolbar-kind', 'data-kind': k.id, style: `--claim-color: ${k.color}`,
      title: i === 0 ? `${k.label} (${opts.shortcut})` : k.label,
      onmousedown: (e: Event) => e.preventDefault(),
      onclick: () => { hide(); opts.onPick(k.id); },
    }, h('span', { class: 'kind-dot' }), k.label)));
  };

  const hide = (): void => { el.hidden = true; shownFor = null; };

  const update = (view: EditorView | null): void => {
    const sel = view?.state.selection;
    const focused = view && (view.hasFocus() || el.contains(document.activeElement));
    if (!view || !sel || sel.empty || !focused) { hide(); return; }
    draw();
    const start = view.coordsAtPos(sel.from, 1);
    const end = view.coordsAtPos(sel.to, -1);
    const top = Math.min(start.top, end.top);
    // Centre over the selection's first line when it is one line, else sit at its start.
    const oneLine = Math.abs(start.top - end.top) < 4;
    el.hidden = false;
    const left = oneLine ? (start.left + end.left) / 2 - el.offsetWidth / 2 : start.left;
    placeNear(el, { left, top, bottom: top }, 'above');
    if (el.getBoundingClientRect().top > top) placeNear(el, { left, top: end.top, bottom: end.bottom }, 'below');
    shownFor = view;
  };

  const onScroll = (): void => { if (shownFor) update(shownFor); };
  window.addEventListener('scroll', onScroll, true);
  window.addEventListener('resize', onScroll);
  document.body.append(el);
  return {
    el, update, hide,
    destroy: () => { window.removeEventListener('scroll', onScroll, true); window.removeEventListener('resize', onScroll); el.remove(); },
  };
}
