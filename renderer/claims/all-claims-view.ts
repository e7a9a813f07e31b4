/**
 * Every claim in the library, with filters by source, entity, kind and tag (they combine: a claim
 * must pass all of them), and bulk actions on the rows selected: add a tag, remove a tag, set the
 * kind, delete. Each bulk action is ONE step in the host's history, so one Undo (toast button or
 * Ctrl/Cmd+Z) reverts it for every claim. Selection as in a file manager (row-selection.ts):
 * click, Shift+click, Ctrl/Cmd+A in the list, "Select all N".
 *
 * The page holds no copy of the library's claims: the list is pages of the host's search index
 * (`reader.search('', { filter, offset, limit })`, an empty query with a filter lists every claim
 * that passes it), and "Select all N" asks the host once for the ids of all N (`allIds`), which
 * the bulk actions send back.
 */
import type { ClaimFilter, ClaimKindDef, ClaimSearchHit, DocumentSummary, Entity, ReaderBridge, SearchPage } from '../../core/api.ts';
import { h, isTextField } from '../annotations/dom.ts';
import { errorMessage, locator, snippet } from '../annotations/format.ts';
import { confirmAction } from '../annotations/entities/confirm-dialog.ts';
import type { EntitiesData } from '../annotations/entities/entities-data.ts';
import { byName } from '../annotations/entities/entity-types.ts';
import { kindLabel, statusLabel } from '../annotations/entities/entity-view.ts';
import { createInterchangeControls } from '../annotations/entities/interchange-controls.ts';
import { openExportDialog } from '../export/export-dialog.ts';
import { RowSelection } from '../annotations/entities/row-selection.ts';
import type { UndoToast } from '../annotations/entities/undo-toast.ts';
import { createCorpusScope, openClaimInItsCorpus, sourceLabel, sourceLabelElement } from '../search/corpus-scope.ts';

/** Rows asked of the host at once; "Show more" asks for the next page. */
const PAGE_ROWS = 200;

/** The view, and a way for others (an entity page) to show it filtered. */
export interface AllClaimsView {
  el: HTMLElement;
  /** Replaces the filters (absent keys mean "any") and shows the result. */
  setFilter(filter: ClaimFilter): void;
  /** Whether the view is on screen: a hidden view lists nothing, and catches up when shown. */
  setVisible(visible: boolean): void;
  dispose(): void;
}

const plural = (n: number, one: string): string => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;
type FilterKey = 'documentId' | 'entityId' | 'kind' | 'tag';

/** Creates the view. */
export function createAllClaimsView(deps: {
  reader: ReaderBridge;
  /** The entities panel's data: refreshed after a bulk action (this view draws nothing from it). */
  data: EntitiesData;
  undoToast: UndoToast;
  toast(message: string): void;
  openClaim(claim: { documentId: string; id: string }): void;
}): AllClaimsView {
  const { reader, data } = deps;
  /** What the filters offer: sources, entities and kinds (small; fetched with each list). */
  let lookups: { documents: DocumentSummary[]; entities: Entity[]; kinds: ClaimKindDef[] } = { documents: [], entities: [], kinds: [] };
  const loadLookups = async (): Promise<void> => {
    const [lib, entities, settings] = await Promise.all([reader.getLibrary(), reader.listEntities(), reader.getSettings()]);
    lookups = { documents: lib.documents, entities, kinds: settings.kinds };
  };
  const selection = new RowSelection();
  /** Rows drawn so far (pages of the host's answer), and how many pass the filters in all. */
  let rows: ClaimSearchHit[] = [];
  let total = 0;
  /** Ids of every claim passing the filters, in list order: asked for when all are selected. */
  let allIds: string[] | null = null;
  let seq = 0;

  // --- filters ------------------------------------------------------------------------------
  const select = (key: FilterKey, label: string): HTMLSelectElement =>
    h('select', { class: 'all-claims-filter', 'data-filter': key, 'aria-label': `Filter by ${label}` });
  const filters: Record<FilterKey, HTMLSelectElement> = {
    documentId: select('documentId', 'source'), entityId: select('entityId', 'entity'), kind: select('kind', 'kind'), tag: select('tag', 'tag'),
  };
  // One corpus or all (issue 10, item 13): lists, bulk actions and exports follow it.
  const corpus = createCorpusScope(reader, 'all-claims', () => loadIfShown());
  const filterRow = h('div', { class: 'all-claims-filters', role: 'group', 'aria-label': 'Filters' },
    corpus.el,
    ...(['documentId', 'entityId', 'kind', 'tag'] as const).map((k) =>
      h('label', { class: 'all-claims-filter-field' }, h('span', {}, { documentId: 'Source', entityId: 'Entity', kind: 'Kind', tag: 'Tag' }[k]), filters[k])));
  /** The filters the person chose (the corpus scope aside). */
  const chosen = (): ClaimFilter => {
    const f: ClaimFilter = {};
    for (const k of Object.keys(filters) as FilterKey[]) if (filters[k].value) f[k] = filters[k].value;
    return f;
  };
  /** What the host is asked for: the chosen filters within the corpus scope. */
  const filter = (): ClaimFilter => {
    const corpusId = corpus.corpusId();
    return corpusId ? { ...chosen(), corpusId } : chosen();
  };
  /** The library's tags (from the host's `tag:` answer, most used first), for the tag filter and the bulk tag field. */
  let tags: string[] = [];
  const fillOptions = (): void => {
    const fill = (sel: HTMLSelectElement, any: string, options: Array<[string, string]>, absent = '(no longer in the library)'): void => {
      const keep = sel.value;
      sel.replaceChildren(h('option', { value: '' }, any), ...options.map(([v, l]) => h('option', { value: v }, l)));
      // A filtered value that disappeared (entity merged away) stays selectable until changed.
      if (keep && !options.some(([v]) => v === keep)) sel.append(h('option', { value: keep }, absent));
      sel.value = keep;
    };
    // the sources offered are the open corpus's; one chosen in another corpus stays, so named
    fill(filters.documentId, 'All sources', lookups.documents.map((d) => [d.id, d.title]), '(a source of another corpus)');
    fill(filters.entityId, 'Any entity', [...lookups.entities].sort(byName).map((e) => [e.id, e.name]));
    fill(filters.kind, 'Any kind', lookups.kinds.map((k) => [k.id, k.label]));
    fill(filters.tag, 'Any tag', [...tags].sort((a, b) => a.localeCompare(b)).map((t) => [t, t]));
  };
  const loadTags = async (): Promise<void> => {
    const page = await reader.search('tag:', { limit: 1 });
    const m = /^Tags: (.*)\.$/.exec(page.message ?? '');
    tags = m ? m[1]!.split(', ') : [];
  };

  // --- selection header and bulk actions -------------------------------------------------------
  const count = h('p', { class: 'all-claims-count', 'aria-live': 'polite' });
  const selectAll = h('button', { type: 'button', class: 'entities-button small' }, 'Select all shown');
  const addTag = h('input', { type: 'text', class: 'bulk-tag-input', placeholder: 'tag', 'aria-label': 'Tag to add', list: 'all-claims-tags', autocomplete: 'off' });
  const tagList = h('datalist', { id: 'all-claims-tags' });
  const addTagButton = h('button', { type: 'button', class: 'entities-button small' }, 'Add tag');
  const removeTag = h('select', { class: 'bulk-remove-tag', 'aria-label': 'Tag to remove' });
  const removeTagButton = h('button', { type: 'button', class: 'entities-button small' }, 'Remove tag');
  const setKind = h('select', { class: 'bulk-kind', 'aria-label': 'Kind to set' });
  const setKindButton = h('button', { type: 'button', class: 'entities-button small' }, 'Set kind');
  const deleteButton = h('button', { type: 'button', class: 'entities-button small danger' }, 'Delete…');
  const bulk = h('div', { class: 'all-claims-bulk', role: 'group', 'aria-label': 'Bulk actions on the selected claims' },
    h('div', { class: 'bulk-row' }, addTag, tagList, addTagButton),
    h('div', { class: 'bulk-row' }, removeTag, removeTagButton),
    h('div', { class: 'bulk-row' }, setKind, setKindButton, deleteButton));

  const list = h('ul', { class: 'all-claims-list', tabindex: 0, 'aria-label': 'Claims in the library' });
  const more = h('button', { type: 'button', class: 'link-button all-claims-more', hidden: true, onclick: () => { void loadPage(true); } });
  // Export (bibliography, notes) of the claims the filters list: the Export dialog's default scope.
  const exportListed = h('button', {
    type: 'button', class: 'entities-button', title: 'A bibliography or annotated notes of the claims listed (Ctrl+Shift+E: the whole library)',
    onclick: () => {
      const f = filter();
      const label = Object.keys(chosen()).length ? `the ${total} claim${total === 1 ? '' : 's'} listed${corpus.inWords()}`
        : f.corpusId ? `every claim${corpus.inWords()}` : 'every claim in the library';
      void openExportDialog(reader, { selection: { filter: f }, label }, deps.toast);
    },
  }, 'Export bibliography or notes…');
  const el = h('div', { class: 'all-claims-view' },
    h('div', { class: 'interchange-buttons' }, exportListed),
    createInterchangeControls({ reader, filter, toast: deps.toast }),
    filterRow,
    h('div', { class: 'all-claims-head' }, count, selectAll),
    bulk, list, more);

  const syncSelection = (): void => {
    for (const cb of list.querySelectorAll<HTMLInputElement>('input.claim-select')) {
      const on = selection.has(cb.dataset.claimId!);
      cb.checked = on;
      cb.closest('li')?.classList.toggle('selected', on);
    }
    const n = selection.size;
    const listed = rows.length < total ? ` (first ${rows.length.toLocaleString('en')} listed)` : '';
    count.textContent = `${plural(total, 'claim')} shown${listed}${n ? ` · ${n.toLocaleString('en')} selected` : ''}`;
    selectAll.textContent = selection.all && n === total ? 'Clear selection' : rows.length < total ? `Select all ${total.toLocaleString('en')}` : 'Select all shown';
    selectAll.disabled = total === 0;
    for (const b of [addTagButton, removeTagButton, setKindButton, deleteButton]) b.disabled = n === 0;
    // tags to remove: those of the selected rows on screen, or every tag when all are selected
    const chosenTags = selection.all ? tags : [...new Set(rows.filter((c) => selection.has(c.claimId)).flatMap((c) => c.tags))];
    const sorted = [...chosenTags].sort((a, b) => a.localeCompare(b));
    const keepTag = removeTag.value;
    removeTag.replaceChildren(...(sorted.length ? sorted.map((t) => h('option', { value: t }, t)) : [h('option', { value: '' }, 'no tags')]));
    if (sorted.includes(keepTag)) removeTag.value = keepTag;
    removeTagButton.disabled = n === 0 || !sorted.length;
    const keepKind = setKind.value;
    setKind.replaceChildren(...lookups.kinds.map((k) => h('option', { value: k.id }, k.label)));
    if (keepKind) setKind.value = keepKind;
    tagList.replaceChildren(...tags.map((t) => h('option', { value: t })));
    bulk.classList.toggle('idle', n === 0);
  };

  const row = (c: ClaimSearchHit): HTMLElement => {
    const where = locator(c);
    const cb = h('input', { type: 'checkbox', class: 'claim-select', 'data-claim-id': c.claimId, 'aria-label': `Select ${snippet(c.restatement || c.snippet.text, 60)}` });
    cb.addEventListener('click', (e) => {
      if (e.shiftKey) selection.extendTo(c.claimId, cb.checked); else selection.toggle(c.claimId, cb.checked);
      syncSelection();
    });
    const library = corpus.library();
    const source = h('a', { href: `#doc=${encodeURIComponent(c.documentId)}&claim=${encodeURIComponent(c.claimId)}`, class: 'all-claim-source' },
      sourceLabelElement(sourceLabel(c, library), 'all-claim-title'), where ? ` · ${where}` : '');
    source.addEventListener('click', (e) => {
      if (e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      void openClaimInItsCorpus(reader, c, corpus.library(), (documentId, id) => deps.openClaim({ documentId, id }), deps.toast);
    });
    return h('li', { class: 'all-claim', 'data-claim-id': c.claimId },
      cb,
      h('div', { class: 'all-claim-body' },
        h('div', { class: 'all-claim-meta' }, kindLabel(lookups.kinds, c.kind), statusLabel({ status: c.status } as never), source),
        c.restatement ? h('p', { class: 'all-claim-restatement' }, c.restatement) : null,
        h('p', { class: 'all-claim-quote' }, snippet(c.snippet.text, 160)),
        c.tags.length || c.entities.length ? h('p', { class: 'all-claim-chips' },
          ...c.tags.map((t) => h('span', { class: 'chip chip-tag' }, t)),
          ...c.entities.map((n) => h('span', { class: 'chip chip-entity' }, n))) : null));
  };

  /** Asks the host for the first page (or, with `append`, the next one). */
  const loadPage = async (append = false): Promise<void> => {
    const mine = ++seq;
    if (!append) list.setAttribute('aria-busy', 'true');
    let page: SearchPage;
    try {
      page = await reader.search('', { filter: filter(), offset: append ? rows.length : 0, limit: PAGE_ROWS });
    } catch (err) {
      if (mine !== seq) return;
      deps.toast(`Could not list the claims: ${errorMessage(err)}`);
      return;
    }
    if (mine !== seq) return;
    const hits = page.hits.filter((x): x is ClaimSearchHit => x.type === 'claim');
    if (!append) {
      rows = [];
      total = page.total;
      allIds = null;
      selection.setRows([]);
      list.replaceChildren(...(total ? []
        : [h('li', { class: 'panel-empty' }, Object.keys(chosen()).length ? 'No claim passes these filters.'
          : corpus.corpusId() ? 'No claims in this corpus yet: select text in the reader to make one, or choose “All corpora”.' : 'No claims yet: select text in the reader to make one.')]));
      list.removeAttribute('aria-busy');
    }
    rows.push(...hits);
    list.append(...hits.map(row));
    // shift-click ranges run over the rows drawn; "Select all N" swaps in every id (selectEvery)
    if (!allIds) selection.setRows(rows.map((c) => c.claimId));
    const left = total - rows.length;
    more.hidden = left <= 0;
    more.textContent = left > 0 ? `Show ${Math.min(PAGE_ROWS, left)} more (${left.toLocaleString('en')} not listed yet)` : '';
    syncSelection();
  };
  const load = async (): Promise<void> => {
    await Promise.all([loadTags(), loadLookups()]).catch((err: unknown) => deps.toast(`Could not read the library: ${errorMessage(err)}`));
    fillOptions();
    await loadPage(false);
  };

  /** Selects every claim passing the filters: the host sends their ids once. */
  const selectEvery = async (): Promise<void> => {
    if (!allIds) {
      const mine = seq;
      const page = await reader.search('', { filter: filter(), limit: 1, allIds: true });
      if (mine !== seq) return;
      allIds = page.allIds ?? [];
      total = page.total;
    }
    selection.setRows(allIds);
    selection.selectAll();
    syncSelection();
  };

  // --- bulk actions: one host call each, so one undo step -------------------------------------
  const bulkRun = async (what: string, call: (ids: string[]) => Promise<unknown>, done: (n: number) => string): Promise<void> => {
    const ids = selection.ids();
    if (!ids.length) return;
    try {
      await call(ids);
      deps.undoToast.show(done(ids.length));
      await data.refresh();
    } catch (err) {
      deps.toast(`Could not ${what}: ${errorMessage(err)}`);
    }
  };
  const runAddTag = (): void => {
    const tag = addTag.value.trim();
    if (!tag) { addTag.focus(); deps.toast('Type the tag to add first.'); return; }
    void bulkRun('add the tag', (ids) => reader.updateClaims(ids, { addTags: [tag] }), (n) => `Tagged ${plural(n, 'claim')} “${tag}”.`)
      .then(() => { addTag.value = ''; });
  };
  addTagButton.addEventListener('click', runAddTag);
  addTag.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); runAddTag(); } });
  removeTagButton.addEventListener('click', () => {
    const tag = removeTag.value;
    if (tag) void bulkRun('remove the tag', (ids) => reader.updateClaims(ids, { removeTags: [tag] }), (n) => `Removed “${tag}” from ${plural(n, 'claim')}.`);
  });
  setKindButton.addEventListener('click', () => {
    const kind = setKind.value;
    const label = lookups.kinds.find((k) => k.id === kind)?.label ?? kind;
    void bulkRun('set the kind', (ids) => reader.updateClaims(ids, { kind }), (n) => `Made ${plural(n, 'claim')} “${label}”.`);
  });
  deleteButton.addEventListener('click', async () => {
    const n = selection.size;
    if (!n || !await confirmAction({
      title: `Delete ${plural(n, 'claim')}?`,
      body: 'Their highlights, notes, tags and links go. The source text is not touched. You can undo this.',
      confirm: `Delete ${plural(n, 'claim')}`, danger: true,
    })) return;
    await bulkRun('delete', (ids) => reader.deleteClaims(ids), (k) => `Deleted ${plural(k, 'claim')}.`);
    list.focus();
  });

  selectAll.addEventListener('click', () => {
    if (selection.all && selection.size === total) { selection.clear(); syncSelection(); } else void selectEvery();
  });
  list.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a' && !isTextField(document.activeElement)) {
      e.preventDefault();
      e.stopPropagation();
      void selectEvery();
    }
  });
  for (const sel of Object.values(filters)) sel.addEventListener('change', () => void loadPage(false));

  // A hidden view does not fetch: a change marks it stale, and it loads when shown again.
  let visible = false;
  let stale = true;
  const loadIfShown = (): void => { stale = true; if (visible) { stale = false; void load(); } };
  const offs = [
    reader.on('onDidChangeAnnotations', loadIfShown), reader.on('onDidChangeLibrary', loadIfShown), reader.on('onDidChangeSettings', loadIfShown),
  ];

  return {
    el,
    setFilter: (f) => {
      fillOptions();
      for (const k of Object.keys(filters) as FilterKey[]) {
        const v = f[k] ?? '';
        if (v && ![...filters[k].options].some((o) => o.value === v)) filters[k].append(h('option', { value: v }, v));
        filters[k].value = v;
      }
      loadIfShown();
    },
    setVisible: (v) => { visible = v; if (v && stale) loadIfShown(); },
    dispose: () => { for (const off of offs) off(); corpus.dispose(); },
  };
}
