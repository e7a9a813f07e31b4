/**
 * The Search panel: one box over everything the reader marked (quotes, restatements, notes, tags,
 * entities, source titles), or over the text of every document ("Search the text", or `in:text`
 * in the box). The page keeps no copy of the library: each query asks the host for one page of
 * ranked hits (`reader.search`, host/search/), and "Show more" asks for the next page.
 *
 * The box is a combobox over the results list: ↑/↓ move through the results, Enter opens the
 * chosen claim (through the URL, as the All-claims view does) or selects the passage in the
 * reader (where Ctrl/⌘+Shift+H makes it a claim), Escape clears. While a word is being typed the
 * previous results stay on screen until the new answer arrives, so they never blink away.
 */
import type { ClaimKindDef, ClaimSearchHit, LibrarySnapshot, PassageSearchHit, ReaderBridge, SearchHit, SearchPage, TextRange } from '../../core/api.ts';
import { kindDef, locator } from '../annotations/format.ts';
import { openExportDialog } from '../export/export-dialog.ts';
import { h } from '../ui/dom.ts';
import { createCorpusScope, openClaimInItsCorpus, sourceLabel, sourceLabelElement } from './corpus-scope.ts';

/** Pause after the last key before asking the host: the host answers in milliseconds, so only keystroke bursts are skipped. */
const TYPE_DEBOUNCE_MS = 60;
/** Results asked for at once; more behind a button. */
const PAGE = 50;

/** The syntax, as the empty panel explains it: [example, what it does]. */
const EXAMPLES: ReadonlyArray<[string, string]> = [
  ['neutrality russia', 'claims with more of the words first; those with some of them after'],
  ['"permanent neutrality"', 'these words together, in this order'],
  ['tag:energy', 'only claims with this tag (also entity:, kind:, source:, note:, quote:)'],
  ['entity:serdar', 'claims tagged with an entity, by name, alias or its start'],
  ['neutrality -russia', 'leave out claims that mention a word (or -tag:…)'],
  ['gas OR oil', 'either word'],
  ['in:text pipeline', 'search the text of every document instead of your claims'],
];

export interface SearchPanel {
  el: HTMLElement;
  /** Focuses the search box and selects its text. */
  focusBox(): void;
  /** Whether the panel is on screen: changes re-run the query now, or when it shows again. */
  setVisible(visible: boolean): void;
  dispose(): void;
}

/** What the panel needs: the host, and how to open a claim or a passage in the reader. */
export interface SearchPanelDeps {
  reader: ReaderBridge;
  open(documentId: string, claimId: string): void;
  openPassage?(documentId: string, start: number, end: number): void;
}

/** Creates the panel. */
export function createSearchPanel(deps: SearchPanelDeps): SearchPanel {
  const { reader } = deps;
  const input = h('input', {
    type: 'search', className: 'search-input', placeholder: 'Search quotes, notes, tags, entities…', 'aria-label': 'Search claims',
    role: 'combobox', 'aria-controls': 'search-results', 'aria-expanded': 'false', 'aria-autocomplete': 'list', autocomplete: 'off', spellcheck: 'false',
  });
  const textScope = h('input', { type: 'checkbox', className: 'search-scope' });
  const scopeLabel = h('label', { className: 'search-scope-label' }, textScope, ' Search the text of the documents');
  // one corpus or all (issue 10, item 13); the text index holds the open corpus's paragraphs only
  const corpus = createCorpusScope(reader, 'search', () => refresh());
  const claimsCorpus = (): string | undefined => (scope() === 'claims' ? corpus.corpusId() : undefined);
  const status = h('p', { className: 'search-status', 'aria-live': 'polite' });
  const note = h('p', { className: 'search-message', hidden: true });
  const list = h('ul', { id: 'search-results', className: 'search-results', role: 'listbox', 'aria-label': 'Search results' });
  const more = h('button', { type: 'button', className: 'search-more', hidden: true });
  const help = createHelp((example) => { input.value = example; input.focus(); void run(); });
  // A bibliography or notes of what the search finds: the Export dialog, scoped to this query.
  const exportFound = h('button', { type: 'button', className: 'search-export link-button', hidden: true });
  exportFound.addEventListener('click', () => {
    const n = page?.total ?? 0;
    const corpusId = claimsCorpus();
    const where = corpusId ? corpus.inWords() : '';
    void openExportDialog(reader, { selection: { query: asked, ...(corpusId ? { corpusId } : {}) }, label: `the ${n.toLocaleString()} claim${n === 1 ? '' : 's'} found by “${asked.trim()}”${where}` }, (m) => { status.textContent = m; });
  });
  const el = h('div', { className: 'search-panel' }, input, h('div', { className: 'search-options' }, scopeLabel, corpus.el), status, exportFound, note, list, more, help);

  let kinds: ClaimKindDef[] = [];
  let page: SearchPage | null = null;
  let hits: SearchHit[] = [];
  let active: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  let visible = false;
  let stale = false;
  let asked = '';
  /** Under "This corpus", when nothing here matches: how many claims of other corpora do. */
  let elsewhere = 0;

  const keyOf = (hit: SearchHit): string => hit.type === 'claim' ? hit.claimId : `${hit.documentId}#${hit.blockId}`;
  const options = (): HTMLElement[] => [...list.querySelectorAll<HTMLElement>('[role=option]')];
  const setActive = (key: string | null, scroll = true): void => {
    active = key;
    let activeEl: HTMLElement | null = null;
    for (const o of options()) {
      const on = o.dataset.key === key;
      o.setAttribute('aria-selected', String(on));
      if (on) activeEl = o;
    }
    if (activeEl) { input.setAttribute('aria-activedescendant', activeEl.id); if (scroll) activeEl.scrollIntoView({ block: 'nearest' }); }
    else input.removeAttribute('aria-activedescendant');
  };
  const scope = (): 'claims' | 'passages' => textScope.checked ? 'passages' : 'claims';

  /** Asks the host for the first page of the box's query (or the next page, with `append`). */
  const run = async (append = false): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const query = input.value;
    const mine = ++seq;
    asked = query;
    stale = false;
    let answer: SearchPage;
    const corpusId = claimsCorpus();
    try {
      if (query.trim() === '' && corpusId) {
        // an empty box only says how many claims there are to search: counted, not listed
        const [empty, counts] = await Promise.all([reader.search('', { scope: scope(), limit: 1 }), reader.claimCounts('document', { corpusId })]);
        answer = { ...empty, indexed: Object.values(counts).reduce((a, b) => a + b, 0) };
      } else {
        answer = await reader.search(query, { scope: scope(), limit: PAGE, offset: append ? hits.length : 0, ...(corpusId ? { filter: { corpusId } } : {}) });
      }
    } catch (err) {
      if (mine !== seq) return;
      status.textContent = `Search failed: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    if (mine !== seq) return; // a newer query is on its way; keep what is shown until it lands
    elsewhere = 0;
    if (corpusId && answer.scope === 'claims' && answer.total === 0 && query.trim()) {
      elsewhere = await reader.search(query, { limit: 1 }).then((p) => p.total, () => 0);
      if (mine !== seq) return;
    }
    page = answer;
    hits = append ? [...hits, ...answer.hits] : answer.hits;
    if (!append) active = null;
    render(query);
  };
  const schedule = (): void => { clearTimeout(timer); timer = setTimeout(() => { void run(); }, TYPE_DEBOUNCE_MS); };

  const render = (query: string): void => {
    const blank = query.trim() === '';
    help.hidden = !blank;
    note.hidden = !page?.message;
    note.textContent = page?.message ?? '';
    list.dataset.query = query; // which query the list answers (tests wait on it)
    if (blank || !page) {
      list.replaceChildren();
      more.hidden = true;
      exportFound.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      const n = page?.indexed ?? 0;
      const where = claimsCorpus() ? ' in this corpus' : '';
      status.textContent = page?.scope === 'passages' ? `${n.toLocaleString()} paragraphs to search.`
        : n ? `${count(n)}${where} to search.` : where ? 'No claims in this corpus yet.' : 'No claims yet: mark passages in the reader, then find them here.';
      setActive(null);
      return;
    }
    const library = corpus.library();
    list.replaceChildren(...hits.map((hit) => hit.type === 'claim' ? claimRow(hit, kinds, page!.wanted, library) : passageRow(hit)));
    const left = page.total - hits.length;
    more.hidden = left <= 0;
    more.textContent = `Show ${Math.min(PAGE, left)} more of ${left.toLocaleString()}`;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    status.textContent = summary(page, hits);
    // the text index holds the open corpus's paragraphs only: said when the library has others
    const open = library && library.corpora.length > 1 ? library.corpora.find((c) => c.id === library.corpusId) : undefined;
    if (page.scope === 'passages' && open && page.total) status.textContent += ` in the text of “${open.name}” (the open corpus)`;
    exportFound.hidden = page.scope === 'passages' || page.total === 0;
    exportFound.textContent = page.total === 1 ? 'Export a bibliography or notes of this claim…' : `Export a bibliography or notes of these ${page.total.toLocaleString()} claims…`;
    if (!hits.length && elsewhere > 0) {
      list.append(h('li', { className: 'search-none' }, `Nothing in this corpus matches; ${count(elsewhere)} in other corpora ${elsewhere === 1 ? 'does' : 'do'}. `,
        h('button', { type: 'button', className: 'link-button search-widen', onclick: () => { corpus.choose('all'); input.focus(); } }, 'Search all corpora')));
    } else if (!hits.length) list.append(h('li', { className: 'search-none' }, page.scope === 'passages' ? 'No paragraph of the documents matches.' : 'Nothing you marked matches. Check the spelling, drop a word, or a filter.'));
    setActive(active && hits.some((x) => keyOf(x) === active) ? active : null, false);
  };

  const openHit = (key: string): void => {
    const hit = hits.find((x) => keyOf(x) === key);
    if (!hit) return;
    setActive(key);
    if (hit.type === 'claim') void openClaimInItsCorpus(reader, hit, corpus.library(), deps.open, (m) => { status.textContent = m; });
    else deps.openPassage?.(hit.documentId, hit.start, hit.end);
  };
  const step = (by: number): void => {
    const keys = options().map((o) => o.dataset.key!);
    if (!keys.length) return;
    const at = active ? keys.indexOf(active) : -1;
    const next = at < 0 ? (by > 0 ? 0 : keys.length - 1) : Math.max(0, Math.min(keys.length - 1, at + by));
    setActive(keys[next]!);
  };
  /** Runs a query still waiting for its pause now (↓ or Enter right after typing). */
  const settle = async (): Promise<void> => { if (timer !== undefined || asked !== input.value) await run(); };

  input.addEventListener('input', schedule);
  textScope.addEventListener('change', () => {
    corpus.setDisabled(textScope.checked ? 'The text search covers the documents of the open corpus' : null);
    void run();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); const by = e.key === 'ArrowDown' ? 1 : -1; void settle().then(() => step(by)); }
    else if (e.key === 'PageDown' || e.key === 'PageUp') { e.preventDefault(); step(e.key === 'PageDown' ? 10 : -10); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      void settle().then(() => { const key = active ?? options()[0]?.dataset.key; if (key) openHit(key); });
    } else if (e.key === 'Escape' && input.value) { e.preventDefault(); e.stopPropagation(); input.value = ''; active = null; void run(); }
  });
  list.addEventListener('click', (e) => {
    const row = (e.target as Element).closest<HTMLElement>('[role=option]');
    if (row?.dataset.key) openHit(row.dataset.key);
  });
  list.addEventListener('mousedown', (e) => e.preventDefault()); // keep the caret in the box
  more.addEventListener('click', () => { void run(true).then(() => input.focus()); });

  // Changes made anywhere re-run the query while the panel shows; otherwise when it shows again.
  const refresh = (): void => { if (visible) void run(); else stale = true; };
  const offs = [
    reader.on('onDidChangeAnnotations', refresh),
    reader.on('onDidChangeLibrary', refresh),
    reader.on('onDidChangeSettings', (s) => { kinds = s.kinds; if (page) render(asked); }),
  ];
  void reader.getSettings().then((s) => { kinds = s.kinds; if (page) render(asked); }).catch(() => undefined);

  return {
    el,
    focusBox: () => { input.focus(); input.select(); },
    setVisible: (v) => { const was = visible; visible = v; if (v && (!was && (stale || !page))) void run(); },
    dispose: () => { for (const off of offs) off(); clearTimeout(timer); corpus.dispose(); },
  };
}

function count(n: number): string {
  return `${n.toLocaleString()} claim${n === 1 ? '' : 's'}`;
}

/**
 * "12 claims · 5 with every word": the split only for a query of several words, once the page
 * shows a result with fewer of them (before that, "450 claims · 50+ with every word" said less
 * than "450 claims"; and for one word, a claim found by its source's title read as a miss).
 */
function summary(p: SearchPage, hits: readonly SearchHit[]): string {
  if (!p.total) return 'No matches.';
  const noun = p.scope === 'passages' ? (n: number) => `${n.toLocaleString()} paragraph${n === 1 ? '' : 's'}` : count;
  const all = hits.filter((x) => x.matched >= p.wanted).length;
  if (p.wanted <= 1 || all === hits.length) return noun(p.total);
  if (all === 0) return `${noun(p.total)}, none with every word`;
  return `${noun(p.total)} · ${all.toLocaleString()}${hits.length < p.total ? '+' : ''} with every word`;
}

/** One claim: kind, source (with its corpus when not the open one) and paragraph; restatement; quote snippet; note if it matched; chips. */
function claimRow(hit: ClaimSearchHit, kinds: readonly ClaimKindDef[], wanted: number, library: LibrarySnapshot | null): HTMLElement {
  const def = kindDef(kinds, hit.kind);
  const dot = h('span', { className: 'kind-dot', 'aria-hidden': 'true' });
  dot.style.setProperty('--claim-color', def.color);
  const li = h('li', { id: `search-hit-${hit.claimId}`, className: 'search-hit', role: 'option', 'aria-selected': 'false', 'data-claim-id': hit.claimId, 'data-key': hit.claimId },
    h('div', { className: 'search-hit-meta' },
      h('span', { className: 'search-hit-kind' }, dot, def.label),
      partial(hit, wanted),
      source(sourceLabelElement(sourceLabel(hit, library), 'search-hit-title'), hit.paragraph, hit.paragraphEnd)),
    hit.restatement ? h('p', { className: 'search-hit-restatement' }, marked(hit.restatement, hit.ranges.restatement)) : null,
    h('p', { className: 'search-hit-quote' }, '«', marked(hit.snippet.text, hit.snippet.ranges), '»'),
    hit.noteSnippet ? h('p', { className: 'search-hit-note' }, h('span', { className: 'search-hit-note-label' }, 'Note: '), marked(hit.noteSnippet.text, hit.noteSnippet.ranges)) : null,
    hit.tags.length || hit.entities.length ? h('p', { className: 'search-hit-chips' },
      ...hit.tags.map((t, i) => h('span', { className: `chip chip-tag${hit.ranges.tags.includes(i) ? ' matched' : ''}` }, t)),
      ...hit.entities.map((n, i) => h('span', { className: `chip chip-entity${hit.ranges.entities.includes(i) ? ' matched' : ''}` }, n))) : null);
  li.style.setProperty('--claim-color', def.color);
  return li;
}

/** One paragraph of a document: source and paragraph, the text around the match. */
function passageRow(hit: PassageSearchHit): HTMLElement {
  const key = `${hit.documentId}#${hit.blockId}`;
  return h('li', { id: `search-hit-${hit.blockId}`, className: 'search-hit search-hit-passage', role: 'option', 'aria-selected': 'false', 'data-key': key, 'data-document-id': hit.documentId },
    h('div', { className: 'search-hit-meta' }, h('span', { className: 'search-hit-kind' }, 'Text'), source(h('span', { className: 'search-hit-title' }, hit.title || 'Untitled source'), hit.paragraph)),
    h('p', { className: 'search-hit-quote' }, marked(hit.snippet.text, hit.snippet.ranges)));
}

function source(title: HTMLElement, paragraph: number | null, paragraphEnd: number | null = paragraph): HTMLElement {
  return h('span', { className: 'search-hit-source' },
    title,
    paragraph === null ? null : h('span', { className: 'search-hit-locator' }, locator({ paragraph, paragraphEnd })));
}

/** "1 of 2 words" for a claim with only some of the words; "source title" when only the title had them. */
function partial(hit: ClaimSearchHit, wanted: number): HTMLElement | null {
  if (hit.matched >= wanted) return null;
  if (hit.matched === 0) return h('span', { className: 'search-hit-partial', title: 'Only the title of its source has the words' }, 'in the source title');
  if (wanted < 2) return null;
  return h('span', { className: 'search-hit-partial', title: 'This claim has only some of the words' }, `${hit.matched} of ${wanted} words`);
}

/** Text with its ranges in <mark> (as text nodes: a quote cannot inject markup). */
function marked(text: string, ranges: readonly TextRange[]): DocumentFragment {
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
