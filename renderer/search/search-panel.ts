/**
 * The Search panel: one box that searches everything the reader marked (quotes, restatements,
 * notes, tags, entities, source titles) with results as you type. The box is a combobox over the
 * results list: ↑/↓ move through the results, Enter opens the chosen claim in the reader (the
 * same way the All-claims view does, through the URL), Escape clears. Each result shows the
 * kind's colour, the matched words emphasised in a snippet of the quote, the restatement, tags,
 * entities, and the source with its paragraph number. With an empty box the panel explains the
 * syntax (core/search/query-syntax.ts), with examples that fill the box when clicked.
 */
import type { ClaimKindDef } from '../../core/api.ts';
import { searchClaims, type IndexedClaim, type MatchRange, type SearchHit, type SearchResult } from '../../core/search/annotation-index.ts';
import { snippetAround } from '../../core/search/snippet.ts';
import { kindDef } from '../annotations/format.ts';
import { h } from '../ui/dom.ts';
import type { IndexSource } from './index-source.ts';

/** Pause after the last key before searching: fast enough to feel live, slow enough to skip keystrokes. */
const TYPE_DEBOUNCE_MS = 120;
/** Results drawn at once; more behind a button (a 10,000-claim library can match thousands). */
const PAGE = 100;
/** Longest quote and note snippets shown, in characters (about three lines of the panel). */
const QUOTE_CHARS = 180;
const NOTE_CHARS = 140;

/** The syntax, as the empty panel explains it: [example, what it does]. */
const EXAMPLES: ReadonlyArray<[string, string]> = [
  ['neutrality russia', 'claims with more of the words first; those with some of them after'],
  ['"permanent neutrality"', 'these words together, in this order'],
  ['tag:energy', 'only claims with this tag (also entity:, kind:, source:, note:, quote:)'],
  ['entity:serdar', 'claims tagged with an entity, by name, alias or its start'],
  ['neutrality -russia', 'leave out claims that mention a word (or -tag:…)'],
];

export interface SearchPanel {
  el: HTMLElement;
  /** Focuses the search box and selects its text. */
  focusBox(): void;
  dispose(): void;
}

/** Creates the panel over an index source; `open` shows a claim in the reader. */
export function createSearchPanel(deps: { source: IndexSource; open(documentId: string, claimId: string): void }): SearchPanel {
  const { source } = deps;
  const input = h('input', {
    type: 'search', className: 'search-input', placeholder: 'Search quotes, notes, tags, entities…', 'aria-label': 'Search claims',
    role: 'combobox', 'aria-controls': 'search-results', 'aria-expanded': 'false', 'aria-autocomplete': 'list', autocomplete: 'off', spellcheck: 'false',
  });
  const status = h('p', { className: 'search-status', 'aria-live': 'polite' });
  const list = h('ul', { id: 'search-results', className: 'search-results', role: 'listbox', 'aria-label': 'Search results' });
  const more = h('button', { type: 'button', className: 'search-more' });
  const help = createHelp((example) => { input.value = example; input.focus(); shown = 0; active = null; render(); });
  const el = h('div', { className: 'search-panel' }, input, status, list, more, help);

  let result: SearchResult | null = null;
  let shown = 0;
  let active: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role=option]')];
  const setActive = (id: string | null, scroll = true): void => {
    active = id;
    let activeEl: HTMLElement | null = null;
    for (const o of options()) {
      const on = o.dataset.claimId === id;
      o.setAttribute('aria-selected', String(on));
      if (on) activeEl = o;
    }
    if (activeEl) { input.setAttribute('aria-activedescendant', activeEl.id); if (scroll) activeEl.scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  };

  const render = (): void => {
    const index = source.index();
    const state = source.state();
    const query = input.value.trim();
    help.hidden = query !== '';
    if (!query) {
      result = null;
      list.replaceChildren();
      delete list.dataset.query;
      more.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      status.textContent = state.phase === 'error' ? state.message : !index ? 'Indexing the claims…'
        : index.claims.size ? `${count(index.claims.size)} to search.` : 'No claims yet: mark passages in the reader, then find them here.';
      setActive(null);
      return;
    }
    if (!index) {
      status.textContent = state.phase === 'error' ? state.message : 'Indexing the claims…';
      return;
    }
    result = searchClaims(index, input.value);
    list.dataset.query = input.value; // which query the list answers (tests wait on it)
    const hits = result.hits;
    shown = Math.min(hits.length, Math.max(PAGE, shown));
    const kinds = source.kinds();
    list.replaceChildren(...hits.slice(0, shown).map((hit) => resultRow(hit, index.claims.get(hit.claimId)!, kinds, result!.wanted)));
    more.hidden = hits.length <= shown;
    more.textContent = `Show ${Math.min(PAGE, hits.length - shown)} more of ${hits.length - shown}`;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    status.textContent = summary(result);
    if (!hits.length) list.append(h('li', { className: 'search-none' }, 'Nothing you marked matches. Check the spelling, drop a word, or a filter.'));
    setActive(active && hits.slice(0, shown).some((x) => x.claimId === active) ? active : null, false);
  };
  const runNow = (): void => {
    if (timer !== undefined) { clearTimeout(timer); timer = undefined; shown = 0; active = null; }
    render();
  };

  const openHit = (id: string): void => {
    const c = source.index()?.claims.get(id);
    if (!c) return;
    setActive(id);
    deps.open(c.documentId, c.id);
  };
  const step = (by: number): void => {
    const ids = options().map((o) => o.dataset.claimId!);
    if (!ids.length) return;
    const at = active ? ids.indexOf(active) : -1;
    const next = at < 0 ? (by > 0 ? 0 : ids.length - 1) : Math.max(0, Math.min(ids.length - 1, at + by));
    setActive(ids[next]!);
  };

  // A new query starts from the top: ↓ goes to its first result.
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => { shown = 0; active = null; render(); }, TYPE_DEBOUNCE_MS); });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); runNow(); step(e.key === 'ArrowDown' ? 1 : -1); }
    else if (e.key === 'PageDown' || e.key === 'PageUp') { e.preventDefault(); step(e.key === 'PageDown' ? 10 : -10); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      runNow();
      const id = active ?? options()[0]?.dataset.claimId;
      if (id) openHit(id);
    } else if (e.key === 'Escape' && input.value) { e.preventDefault(); e.stopPropagation(); input.value = ''; active = null; runNow(); }
  });
  list.addEventListener('click', (e) => {
    const row = (e.target as Element).closest<HTMLElement>('[role=option]');
    if (row?.dataset.claimId) openHit(row.dataset.claimId);
  });
  list.addEventListener('mousedown', (e) => e.preventDefault()); // keep the caret in the box
  more.addEventListener('click', () => { shown += PAGE; render(); input.focus(); });
  const off = source.onDidChange(render);
  render();

  return {
    el,
    focusBox: () => { input.focus(); input.select(); },
    dispose: () => { off(); clearTimeout(timer); },
  };
}

function count(n: number): string {
  return `${n.toLocaleString()} claim${n === 1 ? '' : 's'}`;
}

/** "12 claims · 5 with every word" (the split only when some have fewer of the words than asked). */
function summary(r: SearchResult): string {
  const all = r.hits.filter((x) => x.matched >= r.wanted).length;
  if (!r.hits.length) return 'No matches.';
  if (all === r.hits.length || r.wanted === 0) return count(r.hits.length);
  if (all === 0) return `${count(r.hits.length)}, none with every word`;
  return `${count(r.hits.length)} · ${all.toLocaleString()} with every word`;
}

/** One result: kind, source and paragraph; restatement; quote snippet; note if it matched; chips. */
function resultRow(hit: SearchHit, c: IndexedClaim, kinds: readonly ClaimKindDef[], wanted: number): HTMLElement {
  const def = kindDef(kinds, c.kind);
  const dot = h('span', { className: 'kind-dot', 'aria-hidden': 'true' });
  dot.style.setProperty('--claim-color', def.color);
  const quote = snippetAround(c.quote, hit.positions.quote, QUOTE_CHARS);
  const note = hit.positions.note.length ? snippetAround(c.note, hit.positions.note, NOTE_CHARS) : null;

  const li = h('li', { id: `search-hit-${c.id}`, className: 'search-hit', role: 'option', 'aria-selected': 'false', 'data-claim-id': c.id },
    h('div', { className: 'search-hit-meta' },
      h('span', { className: 'search-hit-kind' }, dot, def.label),
      partial(hit, wanted),
      h('span', { className: 'search-hit-source' },
        h('span', { className: 'search-hit-title' }, c.title || 'A document no longer in the library'),
        c.paragraph === null ? null : h('span', { className: 'search-hit-locator' }, `¶ ${c.paragraph}`))),
    c.restatement ? h('p', { className: 'search-hit-restatement' }, marked(c.restatement, hit.positions.restatement)) : null,
    h('p', { className: 'search-hit-quote' }, '«', marked(quote.text, quote.ranges), '»'),
    note ? h('p', { className: 'search-hit-note' }, h('span', { className: 'search-hit-note-label' }, 'Note: '), marked(note.text, note.ranges)) : null,
    c.tags.length || c.entities.length ? h('p', { className: 'search-hit-chips' },
      ...c.tags.map((t, i) => h('span', { className: `chip chip-tag${hit.positions.tags.includes(i) ? ' matched' : ''}` }, t)),
      ...c.entities.map((n, i) => h('span', { className: `chip chip-entity${hit.positions.entities.includes(i) ? ' matched' : ''}` }, n))) : null);
  li.style.setProperty('--claim-color', def.color);
  return li;
}

/** "1 of 2 words" for a claim with only some of the words; "source title" when only the title had them. */
function partial(hit: SearchHit, wanted: number): HTMLElement | null {
  if (hit.matched >= wanted) return null;
  if (hit.matched === 0) return h('span', { className: 'search-hit-partial', title: 'Only the title of its source has the words' }, 'in the source title');
  if (wanted < 2) return null;
  return h('span', { className: 'search-hit-partial', title: 'This claim has only some of the words' }, `${hit.matched} of ${wanted} words`);
}

/** Text with its ranges in <mark> (as text nodes: a quote cannot inject markup). */
function marked(text: string, ranges: readonly MatchRange[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of ranges) {
    if (s < at) continue;
    if (s > at) frag.append(text.slice(at, s));
    frag.append(h('mark', {}, text.slice(s, e)));
    at = e;
  }
  if (at < text.length) frag.append(text.slice(at));
  return frag;
}

/** The empty state: what can be searched, and the syntax by example. */
function createHelp(use: (example: string) => void): HTMLElement {
  return h('div', { className: 'search-help' },
    h('p', {}, 'Search everything you marked: quotes, restatements, notes, tags, entities (with their aliases) and source titles. ',
      'Case and diacritics do not matter (turkmenbasy finds TürkmenbaŞy), nor do spellings of names (Berdymukhamedov finds Berdimuhamedow).'),
    h('dl', { className: 'search-syntax' }, ...EXAMPLES.map(([ex, what]) => h('div', { className: 'search-syntax-row' },
      h('dt', {}, h('button', { type: 'button', className: 'search-example', title: 'Search for this', onclick: () => use(ex) }, h('code', {}, ex))),
      h('dd', {}, what)))),
    h('p', { className: 'search-help-keys' }, '↑ ↓ choose a result, Enter opens it in the reader, Escape clears.'));
}
