/**
 * A small menu for the reader's context menu (right click, the Menu key, Shift+F10): make a claim
 * of the selection in any kind, or open the claim under the pointer. Keyboard: ↑/↓ move, Enter
 * runs, Escape closes and gives focus back to the text.
 */
import { h, placeNear } from './dom.ts';

/** One entry of the menu. */
export interface MenuItem { label: string; run(): void; color?: string }

/** Opens menus; only one is open at a time. */
export function createContextMenu(): { open(items: MenuItem[], at: { left: number; top: number }, returnFocus: HTMLElement): void; close(): void } {
  let current: { el: HTMLElement; returnFocus: HTMLElement } | null = null;

  const close = (restore = false): void => {
    if (!current) return;
    const { el, returnFocus } = current;
    current = null;
    el.remove();
    document.removeEventListener('mousedown', outside, true);
    if (restore) returnFocus.focus();
  };
  const outside = (e: MouseEvent): void => {
    if (current && !(e.target instanceof Node && current.el.contains(e.target))) close();
  };

  const open = (items: MenuItem[], at: { left: number; top: number }, returnFocus: HTMLElement): void => {
    close();
    const buttons = items.map((item) => h('button', {
      type: 'button', role: 'menuitem', class: 'menu-item', tabindex: -1,
      style: item.color ? `--claim-color: ${item.color}` : null,
      onmousedown: (e: Event) => e.preventDefault(),
      onclick: () => { close(true); item.run(); },
    }, item.color ? h('span', { class: 'kind-dot' }) : null, item.label));
    const el = h('div', { class: 'claim-context-menu', role: 'menu', 'aria-label': 'Claim actions' }, ...buttons);
    el.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        buttons[(i + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
      } else if (e.key === 'Home') { e.preventDefault(); buttons[0]?.focus(); }
      else if (e.key === 'End') { e.preventDefault(); buttons[buttons.length - 1]?.focus(); }
      else if (e.key === 'Escape' || e.key === 'Tab') { e.preventDefault(); close(true); }
    });
    document.body.append(el);
    placeNear(el, { left: at.left, top: at.top, bottom: at.top });
    current = { el, returnFocus };
    document.addEventListener('mousedown', outside, true);
    buttons[0]?.focus();
  };

  return { open, close: () => close() };
}
