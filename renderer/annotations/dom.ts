/**
 * A tiny element builder for the annotation panels: enough to keep DOM code readable without a
 * UI framework. Text goes in as text nodes (never innerHTML), so quotes from a document cannot
 * inject markup.
 */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** Creates `<tag>` with attributes (`on<event>` keys become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** Whether keyboard focus is in a field where keys type text (not the read-only reader). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(el.type);
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLElement && el.isContentEditable && !el.closest('.ProseMirror');
}

/** Places a fixed-position element next to a rectangle, flipping above when there is no room below. */
export function placeNear(el: HTMLElement, rect: { left: number; top: number; bottom: number }, prefer: 'above' | 'below' = 'below'): void {
  const gap = 8;
  const { innerWidth: vw, innerHeight: vh } = window;
  el.style.left = '0px';
  el.style.top = '0px';
  const w = el.offsetWidth;
  const hgt = el.offsetHeight;
  const below = rect.bottom + gap;
  const above = rect.top - gap - hgt;
  let top = prefer === 'above' ? (above >= 4 ? above : below) : (below + hgt <= vh - 4 ? below : above);
  top = Math.max(4, Math.min(top, vh - hgt - 4));
  const left = Math.max(4, Math.min(rect.left, vw - w - 4));
  el.style.left = `${Math.round(left)}px`;
  el.style.top = `${Math.round(top)}px`;
}
