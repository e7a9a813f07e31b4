/**
 * Which section is being read: the last heading above the top of the reader, reported as the
 * reader scrolls (once per animation frame), so the table of contents can mark it.
 */
import type { ReaderView } from '../editor/reader-view.ts';

/** Space below the top edge that still counts as "at the top", in px. */
const TOP_SLACK_PX = 80;

/** Watches `scroller`; `onActive(headingId | null)` fires when the section being read changes. */
export function trackActiveHeading(scroller: HTMLElement, reader: ReaderView, onActive: (id: string | null) => void): { reset(): void } {
  let frame = 0;
  const update = (): void => {
    frame = 0;
    const doc = reader.current;
    if (!doc) return;
    const limit = scroller.getBoundingClientRect().top + TOP_SLACK_PX;
    let active: string | null = null;
    for (const h of doc.headings) {
      const el = reader.view.nodeDOM(h.pos);
      if (!(el instanceof HTMLElement)) continue;
      if (el.getBoundingClientRect().top > limit) break;
      active = h.id;
    }
    onActive(active);
  };
  scroller.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(update); }, { passive: true });
  // After a document opens: once its first frame is painted. Heading positions read in that
  // frame's callback would lay the new text out ahead of the frame, and the contents list marked
  // then would make the frame lay out again.
  return { reset: () => { if (!frame) frame = requestAnimationFrame(() => setTimeout(update, 0)); } };
}
