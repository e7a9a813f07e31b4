/**
 * The store banner: when the annotation store could not be opened the user must know, for as long
 * as it lasts, that nothing they do will be saved. Not dismissable on purpose.
 */
import type { StoreState } from '../../core/api.ts';

/** Shows or hides the banner in `el` for a store state. */
export function renderStoreBanner(el: HTMLElement, store: StoreState): void {
  if (store.ok) { el.hidden = true; el.textContent = ''; return; }
  const reason = store.reason.trim().replace(/[.\s]+$/, '');
  el.textContent = `Your annotation store could not be opened: ${reason}. Nothing was changed; annotations are read-only.`;
  el.hidden = false;
}
