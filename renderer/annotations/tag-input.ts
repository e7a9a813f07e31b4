/**
 * Tags as chips: type a tag and press Enter or a comma to add it, Backspace in the empty field
 * removes the last one, each chip has a remove button. Calls `onChange` with the whole list.
 *
 * While typing, the tags already in use in the library are suggested (with how many claims carry
 * each; a combobox: ↓/↑ move, Enter or Tab takes one, Esc closes). A tag typed in another case
 * than one in use ("Russia" when "russia" exists) is added as the existing spelling, and one the
 * claim already has is not added twice: the store keeps one tag per spelling-ignoring-case, so
 * what the field shows is what is saved.
 */
import type { TagCount } from '../../core/api.ts';
import { h } from './dom.ts';

/** Splits typed text into clean tags (trimmed, inner spaces collapsed, empties dropped). */
export function parseTags(text: string): string[] {
  return text.split(',').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Suggestions shown at once. */
const MAX_SUGGESTIONS = 8;

/**
 * Tags in use that match what is typed, best first: those starting with it, then those with a
 * word starting with it, then those containing it (case-insensitive); within each, most used
 * first. Tags the claim has already are left out. Pure (tested in Node).
 */
export function suggestTags(typed: string, inUse: readonly TagCount[], has: readonly string[], limit = MAX_SUGGESTIONS): TagCount[] {
  const q = typed.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!q) return [];
  const mine = new Set(has.map((t) => t.toLowerCase()));
  const tier = (t: string): number => (t.startsWith(q) ? 0 : t.split(/[\s\-_/]+/).some((w) => w.startsWith(q)) ? 1 : t.includes(q) ? 2 : 9);
  return inUse
    .map((x) => ({ x, k: tier(x.tag.toLowerCase()) }))
    .filter(({ x, k }) => k < 9 && !mine.has(x.tag.toLowerCase()))
    .sort((a, b) => a.k - b.k || b.x.count - a.x.count || a.x.tag.localeCompare(b.x.tag))
    .slice(0, limit)
    .map(({ x }) => x);
}

/** The spelling a typed tag is stored as: the library's spelling when one differs only in case. */
export function canonicalTag(typed: string, inUse: readonly TagCount[]): string {
  const k = typed.toLowerCase();
  return inUse.find((x) => x.tag.toLowerCase() === k)?.tag ?? typed;
}

let inputCount = 0;

/** A chip list with its own text field; `tagsInUse` feeds suggestions (called when the field is focused). */
export function createTagInput(opts: { id: string; tags: string[]; onChange(tags: string[]): void; tagsInUse?: () => Promise<TagCount[]> }): {
  el: HTMLElement; set(tags: string[]): void; commit(): void;
} {
  let tags = [...opts.tags];
  let inUse: TagCount[] = [];
  let shown: TagCount[] = [];
  let active = -1;
  const uid = `tag-input-${++inputCount}`;
  const list = h('ul', { class: 'chips', 'aria-label': 'Tags' });
  const input = h('input', {
    id: opts.id, type: 'text', class: 'chip-input', placeholder: 'Add tag…', autocomplete: 'off',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${uid}-list`,
  });
  const box = h('ul', { id: `${uid}-list`, class: 'tag-suggestions', role: 'listbox', 'aria-label': 'Tags in use' });
  box.hidden = true;
  const note = h('p', { class: 'tag-note', 'aria-live': 'polite' });
  const el = h('div', { class: 'chip-field tag-field' }, list, input, box, note);

  const draw = (): void => {
    list.replaceChildren(...tags.map((t, i) => h('li', { class: 'chip' },
      h('span', {}, t),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Remove tag ${t}`, title: 'Remove',
        onclick: () => { tags = tags.filter((_, j) => j !== i); draw(); opts.onChange(tags); input.focus(); },
      }, '×'))));
  };
  const drawSuggestions = (): void => {
    shown = suggestTags(input.value.split(',').pop() ?? '', inUse, tags);
    if (active >= shown.length) active = shown.length - 1;
    box.replaceChildren(...shown.map((s, i) => h('li', {
      id: `${uid}-opt-${i}`, role: 'option', class: 'tag-suggestion', 'aria-selected': String(i === active),
      onmousedown: (e: Event) => e.preventDefault(),
      onclick: () => take(i),
    }, h('span', { class: 'tag-suggestion-name' }, s.tag), h('span', { class: 'tag-suggestion-count', title: `${s.count} claim${s.count === 1 ? '' : 's'}` }, String(s.count)))));
    box.hidden = !shown.length;
    input.setAttribute('aria-expanded', String(!box.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${uid}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = (): void => { active = -1; shown = []; box.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); };

  const add = (typed: string[]): void => {
    const notes: string[] = [];
    const added: string[] = [];
    for (const t of typed) {
      const c = canonicalTag(t, inUse);
      if ([...tags, ...added].some((x) => x.toLowerCase() === c.toLowerCase())) { notes.push(`“${c}” is already on this claim.`); continue; }
      if (c !== t) notes.push(`Added as “${c}”, the tag in use.`);
      added.push(c);
    }
    note.textContent = notes.join(' ');
    if (!added.length) return;
    tags = [...tags, ...added];
    draw();
    opts.onChange(tags);
  };
  const commit = (): void => {
    const typed = parseTags(input.value);
    input.value = '';
    close();
    if (typed.length) add(typed);
  };
  const take = (i: number): void => {
    const s = shown[i];
    if (!s) return;
    const before = parseTags(input.value).slice(0, -1);
    input.value = '';
    close();
    add([...before, s.tag]);
    input.focus();
  };

  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && shown.length) { e.preventDefault(); active = (active + 1) % shown.length; drawSuggestions(); }
    else if (e.key === 'ArrowUp' && shown.length) { e.preventDefault(); active = active <= 0 ? shown.length - 1 : active - 1; drawSuggestions(); }
    else if (e.key === 'Escape' && !box.hidden) { e.preventDefault(); e.stopPropagation(); close(); }
    else if ((e.key === 'Enter' || (e.key === 'Tab' && !e.shiftKey && input.value.trim())) && active >= 0) { e.preventDefault(); take(active); }
    else if (e.key === 'Enter') { e.preventDefault(); commit(); }
    else if (e.key === 'Backspace' && input.value === '' && tags.length) {
      e.preventDefault();
      tags = tags.slice(0, -1);
      draw();
      opts.onChange(tags);
    }
  });
  input.addEventListener('input', () => {
    note.textContent = '';
    if (input.value.includes(',')) { commit(); return; }
    active = -1;
    drawSuggestions();
  });
  input.addEventListener('focus', () => {
    opts.tagsInUse?.().then((t) => { inUse = t; if (document.activeElement === input) drawSuggestions(); }, () => { /* no suggestions */ });
  });
  input.addEventListener('blur', commit);
  draw();
  return { el, set: (next) => { tags = [...next]; draw(); }, commit };
}
