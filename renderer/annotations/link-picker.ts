/**
 * "Link to…": pick a relation and a claim from anywhere in the library, by keyboard or mouse.
 * Type to search quotes and restatements; ↑/↓ move through the results, Enter links, Escape
 * closes without linking.
 */
import type { Claim, ClaimKindDef, DocumentSummary, LinkRelation } from '../../core/api.ts';
import { searchClaims } from './claim-search.ts';
import { h } from './dom.ts';
import { errorMessage, kindDef, locator, RELATIONS, snippet } from './format.ts';

let pickerSeq = 0;

/** The picker, mounted by the claim editor under its links list. */
export function createLinkPicker(opts: {
  from: Claim;
  claims: () => Promise<Claim[]>;
  kinds: readonly ClaimKindDef[];
  documents: () => DocumentSummary[];
  onLink(to: Claim, relation: LinkRelation): Promise<void>;
  onClose(): void;
}): { el: HTMLElement; focus(): void } {
  const id = `link-picker-${++pickerSeq}`;
  const relation = h('select', { id: `${id}-rel`, class: 'link-relation' },
    ...RELATIONS.map((r) => h('option', { value: r }, r)));
  const input = h('input', {
    id: `${id}-q`, type: 'search', placeholder: 'Search claims by quote or restatement…', autocomplete: 'off',
    role: 'combobox', 'aria-expanded': 'true', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list',
  });
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'link-results', 'aria-label': 'Claims' });
  const message = h('p', { class: 'link-message', role: 'status' });
  const el = h('div', { class: 'link-picker' },
    h('div', { class: 'link-picker-row' },
      h('label', { for: relation.id, class: 'visually-hidden' }, 'Relation'), relation,
      h('label', { for: input.id, class: 'visually-hidden' }, 'Claim to link to'), input),
    list, message,
    h('div', { class: 'link-picker-actions' },
      h('button', { type: 'button', class: 'link-button', onclick: () => opts.onClose() }, 'Cancel')));

  let all: Claim[] = [];
  let results: Claim[] = [];
  let active = 0;
  const titles = (): Map<string, string> => new Map(opts.documents().map((d) => [d.id, d.title]));

  const draw = (): void => {
    const names = titles();
    list.replaceChildren(...results.map((c, i) => {
      const kind = kindDef(opts.kinds, c.kind);
      return h('li', {
        id: `${id}-opt-${i}`, role: 'option', class: 'link-result', 'aria-selected': String(i === active),
        onmousedown: (e: Event) => e.preventDefault(),
        onclick: () => void pick(i),
      },
      h('span', { class: 'kind-dot', style: `--claim-color: ${kind.color}`, title: kind.label }),
      h('span', { class: 'link-result-text' },
        h('span', { class: 'link-result-quote' }, snippet(c.quote.exact, 70)),
        c.restatement ? h('span', { class: 'link-result-restatement' }, c.restatement) : null,
        h('span', { class: 'link-result-where' }, [names.get(c.documentId) ?? 'Unknown document', locator(c)].filter(Boolean).join(' '))));
    }));
    if (results.length) input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
    message.textContent = all.length && !results.length ? 'No claim matches.' : '';
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  };
  const search = (): void => {
    results = searchClaims(all, input.value, { exclude: opts.from.id });
    active = 0;
    draw();
  };
  const pick = async (i: number): Promise<void> => {
    const to = results[i];
    if (!to) return;
    message.textContent = 'Linking…';
    try {
      await opts.onLink(to, relation.value as LinkRelation);
    } catch (err) {
      message.textContent = `Could not link: ${errorMessage(err)}`;
    }
  };

  input.addEventListener('input', search);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); opts.onClose(); return; }
    if (e.target !== input) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!results.length) return;
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void pick(active);
    }
  });

  message.textContent = 'Loading claims…';
  opts.claims().then((claims) => { all = claims; message.textContent = ''; search(); },
    (err: unknown) => { message.textContent = `Could not load claims: ${errorMessage(err)}`; });
  return { el, focus: () => input.focus() };
}
