/**
 * Tags as chips: type a tag and press Enter or a comma to add it, Backspace in the empty field
 * removes the last one, each chip has a remove button. Calls `onChange` with the whole list.
 */
import { h } from './dom.ts';

/** Splits typed text into clean tags (trimmed, inner spaces collapsed, empties dropped). */
export function parseTags(text: string): string[] {
  return text.split(',').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A chip list with its own text field. */
export function createTagInput(opts: { id: string; tags: string[]; onChange(tags: string[]): void }): {
  el: HTMLElement; set(tags: string[]): void; commit(): void;
} {
  let tags = [...opts.tags];
  const list = h('ul', { class: 'chips', 'aria-label': 'Tags' });
  const input = h('input', { id: opts.id, type: 'text', class: 'chip-input', placeholder: 'Add tag…', autocomplete: 'off' });
  const el = h('div', { class: 'chip-field' }, list, input);

  const draw = (): void => {
    list.replaceChildren(...tags.map((t, i) => h('li', { class: 'chip' },
      h('span', {}, t),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Remove tag ${t}`, title: 'Remove',
        onclick: () => { tags = tags.filter((_, j) => j !== i); draw(); opts.onChange(tags); input.focus(); },
      }, '×'))));
  };
  const commit = (): void => {
    const added = parseTags(input.value).filter((t) => !tags.includes(t));
    input.value = '';
    if (!added.length) return;
    tags = [...tags, ...added];
    draw();
    opts.onChange(tags);
  };

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); commit(); }
    else if (e.key === 'Backspace' && input.value === '' && tags.length) {
      e.preventDefault();
      tags = tags.slice(0, -1);
      draw();
      opts.onChange(tags);
    }
  });
  input.addEventListener('input', () => { if (input.value.includes(',')) commit(); });
  input.addEventListener('blur', commit);
  draw();
  return { el, set: (next) => { tags = [...next]; draw(); }, commit };
}
