/**
 * The one popover that shows a footnote's text next to its marker, on hover and on keyboard
 * focus. It is a `role="tooltip"` element outside the editor, positioned with `position: fixed`
 * under (or, without room, above) the marker and kept inside the viewport.
 */

/** Show/hide a note's text next to an anchor element. */
export interface FootnotePopover {
  show(anchor: HTMLElement, label: string, text: string): void;
  /** Hides after a short delay, so the pointer can cross the gap into the popover. */
  hideSoon(): void;
  hide(): void;
  readonly element: HTMLElement;
}

/** Delay before hiding on pointer leave, in ms: long enough to move into the popover. */
const HIDE_DELAY_MS = 180;
const GAP_PX = 6;
const MARGIN_PX = 8;

/** Creates the popover in `host` (the document body). */
export function createFootnotePopover(host: HTMLElement): FootnotePopover {
  const el = host.ownerDocument.createElement('div');
  el.className = 'fn-popover';
  el.id = 'fn-popover';
  el.setAttribute('role', 'tooltip');
  el.hidden = true;
  const labelEl = host.ownerDocument.createElement('span');
  labelEl.className = 'fn-popover-label';
  const textEl = host.ownerDocument.createElement('span');
  textEl.className = 'fn-popover-text';
  el.append(labelEl, textEl);
  host.append(el);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => { if (timer !== undefined) { clearTimeout(timer); timer = undefined; } };
  const hide = (): void => { cancel(); el.hidden = true; };
  el.addEventListener('mouseenter', cancel);
  el.addEventListener('mouseleave', () => api.hideSoon());
  const win = host.ownerDocument.defaultView;
  let anchorEl: HTMLElement | null = null;
  let frame = 0;
  // the marker moves when its container scrolls (also when focus scrolls it into view): follow it
  const follow = (): void => {
    if (el.hidden || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (anchorEl?.isConnected) place(anchorEl); else hide();
    });
  };
  win?.addEventListener('resize', follow);
  host.ownerDocument.addEventListener('scroll', follow, { capture: true, passive: true });

  const place = (anchor: HTMLElement): void => {
    const a = anchor.getBoundingClientRect();
    const vw = win?.innerWidth ?? 1024;
    const vh = win?.innerHeight ?? 768;
    el.style.maxWidth = `${Math.min(440, vw - 2 * MARGIN_PX)}px`;
    const p = el.getBoundingClientRect();
    const left = Math.min(Math.max(MARGIN_PX, a.left + a.width / 2 - p.width / 2), vw - p.width - MARGIN_PX);
    const below = a.bottom + GAP_PX;
    const top = below + p.height + MARGIN_PX <= vh ? below : Math.max(MARGIN_PX, a.top - GAP_PX - p.height);
    el.style.left = `${Math.round(left)}px`;
    el.style.top = `${Math.round(top)}px`;
  };

  const api: FootnotePopover = {
    element: el,
    show(anchor, label, text) {
      cancel();
      labelEl.textContent = label ? `Note ${label}` : 'Note';
      textEl.textContent = text || '(This note is empty.)';
      el.hidden = false;
      anchorEl = anchor;
      place(anchor);
    },
    hideSoon() { cancel(); timer = setTimeout(hide, HIDE_DELAY_MS); },
    hide,
  };
  return api;
}
