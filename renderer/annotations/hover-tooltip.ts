/**
 * The tooltip over a highlight: each claim under the pointer with its kind and restatement (or
 * its quote when it has none). Shown on hover after a short pause, gone when the pointer leaves.
 */
import type { EditorView } from 'prosemirror-view';
import type { Claim, ClaimKindDef } from '../../core/api.ts';
import { claimsAt } from '../editor/plugins/annotations.ts';
import { h, placeNear } from './dom.ts';
import { kindDef, snippet } from './format.ts';

/** Pause before showing, so the tooltip does not flicker while the pointer crosses the text. */
const SHOW_DELAY_MS = 150;

/** The tooltip; feed it the view's mouseover/mouseout events. */
export function createHoverTooltip(kinds: () => ClaimKindDef[]): { handle(view: EditorView, e: MouseEvent): void; hide(): void } {
  const el = h('div', { class: 'claim-tooltip', role: 'tooltip', hidden: true });
  document.body.append(el);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shownKey = '';

  const hide = (): void => {
    if (timer) { clearTimeout(timer); timer = null; }
    el.hidden = true;
    shownKey = '';
  };
  const show = (claims: Claim[], target: HTMLElement, e: MouseEvent): void => {
    const key = claims.map((c) => c.id).join(' ');
    if (key === shownKey && !el.hidden) return;
    shownKey = key;
    el.replaceChildren(...claims.map((c) => {
      const k = kindDef(kinds(), c.kind);
      return h('div', { class: 'claim-tooltip-row', style: `--claim-color: ${k.color}` },
        h('span', { class: 'kind-dot' }),
        h('span', { class: 'claim-tooltip-kind' }, k.label),
        h('span', { class: c.restatement ? 'claim-tooltip-text' : 'claim-tooltip-text quote' }, c.restatement || snippet(c.quote.exact, 140)));
    }));
    el.hidden = false;
    const rects = [...target.getClientRects()];
    const rect = rects.find((r) => e.clientY >= r.top && e.clientY <= r.bottom) ?? target.getBoundingClientRect();
    placeNear(el, { left: Math.max(rect.left, e.clientX - 40), top: rect.top, bottom: rect.bottom });
  };

  const handle = (view: EditorView, e: MouseEvent): void => {
    const target = e.target instanceof Element ? e.target.closest<HTMLElement>('.claim') : null;
    if (e.type === 'mouseout') {
      const to = e.relatedTarget instanceof Element ? e.relatedTarget.closest('.claim') : null;
      if (!to) hide();
      return;
    }
    if (!target) { hide(); return; }
    if (timer) clearTimeout(timer);
    const at = view.posAtCoords({ left: e.clientX, top: e.clientY });
    timer = setTimeout(() => {
      timer = null;
      const claims = at ? claimsAt(view.state, at.pos) : [];
      if (claims.length) show(claims, target, e); else hide();
    }, SHOW_DELAY_MS);
  };
  return { handle, hide };
}
