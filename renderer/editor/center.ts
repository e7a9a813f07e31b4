/**
 * Bringing an element of the reader to the middle of its scrolling pane, so the eye finds what a
 * search result, a link or a footnote jump asked for.
 *
 * Why not ProseMirror's `scrollIntoView()` on the transaction: it scrolls to the DOM selection,
 * which is in the reader only while the reader has focus; a result opened from the Search tab
 * leaves the focus in the side panel, and the reader stayed where it was. Why not one
 * `el.scrollIntoView()`: blocks off screen skip layout (`content-visibility: auto`), so the first
 * scroll lands on estimated heights, and as the blocks on the way are laid out, scroll anchoring
 * moves the view away from the target; so the element is checked again for a few frames.
 */

/** Frames after the first scroll in which the element is checked and scrolled again if out of view. */
export const SETTLE_FRAMES = 8;

/** The nearest ancestor of `el` that scrolls vertically, or null. */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const y = getComputedStyle(p).overflowY;
    if ((y === 'auto' || y === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/**
 * Scrolls `el` to the middle of its scrolling pane (`scroller`, else the nearest one), and again
 * in any of the next SETTLE_FRAMES frames where it is out of view.
 */
export function centerSettled(el: HTMLElement, scroller: HTMLElement | null = scrollerOf(el)): void {
  el.scrollIntoView({ block: 'center' });
  let frames = SETTLE_FRAMES;
  const check = (): void => {
    if (!el.isConnected) return;
    const r = el.getBoundingClientRect();
    const box = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: innerHeight };
    if (r.top < box.top || r.bottom > box.bottom) el.scrollIntoView({ block: 'center' });
    if (--frames > 0) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
