/**
 * The LIBRARY panel: the library's corpora (folders side by side, like Zotero's collections: the
 * open one marked, a missing one flagged, another opened with one click), the open corpus's
 * documents (title, author, year, word count, import problems), the files that were skipped and
 * why, and an "Open folder" field that adds a corpus.
 *
 * The list is a listbox with a roving tabindex: one Tab stop, arrows/Home/End move, Enter or a
 * click opens. It renders from a LibrarySnapshot and knows nothing about the transport.
 */
import type { CorpusSummary, DocumentSummary, LibrarySnapshot } from '../../core/api.ts';
import { errorMessage, h } from './dom.ts';
import { describeUntitled, requestEditSource } from '../sources/untitled.ts';

export interface LibraryPanelOptions {
  /** Open a document (the panel marks it once `setCurrent` is called). */
  open(id: string): void;
  /** Import a folder (add a corpus or switch to one); rejects with a readable message, shown under the field. */
  openCorpus(dir: string): Promise<void>;
}

/** The panel as the wiring sees it. */
export interface LibraryPanel {
  render(snapshot: LibrarySnapshot): void;
  /** Marks the open document. */
  setCurrent(id: string | null): void;
  /** Focuses the list (on the open document) or, with no documents, the folder field. */
  focus(): void;
  /** Focuses the folder field (the host's "Open folder…" command). */
  focusFolderField(): void;
}

const numberFormat = new Intl.NumberFormat('en');

/** A document's byline: author · year · N words (unknown parts left out). */
export function byline(d: Pick<DocumentSummary, 'author' | 'year' | 'wordCount'>): string {
  const parts = [d.author || null, d.year === null ? null : String(d.year), `${numberFormat.format(d.wordCount)} words`];
  return parts.filter(Boolean).join(' · ');
}

/** How a corpus reads in the list: "12 documents", "1 document · folder missing". */
export function corpusMeta(c: Pick<CorpusSummary, 'documentCount' | 'missing'>): string {
  const docs = `${numberFormat.format(c.documentCount)} document${c.documentCount === 1 ? '' : 's'}`;
  return c.missing ? `${docs} · folder missing` : docs;
}

/** Builds the panel inside `host`. */
export function createLibraryPanel(host: HTMLElement, opts: LibraryPanelOptions): LibraryPanel {
  const corpora = h('ul', { className: 'corpus-list', 'aria-label': 'Corpora' });
  const missingNote = h('p', { className: 'corpus-missing-note', role: 'status' });
  const list = h('ul', { className: 'library-list', role: 'listbox', 'aria-label': 'Documents' });
  const empty = h('p', { className: 'panel-empty' }, 'No documents yet. Open a folder of .txt, .md or .html files.');
  const skipped = h('details', { className: 'skipped' });
  const input = h('input', {
    type: 'text', id: 'corpus-path', className: 'text-field', spellcheck: 'false', autocomplete: 'off',
    placeholder: '/path/to/a/folder', 'aria-describedby': 'corpus-error',
  });
  const button = h('button', { type: 'submit', className: 'button' }, 'Open');
  const error = h('p', { id: 'corpus-error', className: 'field-error', role: 'alert' });
  const form = h('form', { className: 'open-folder', 'aria-label': 'Open a folder' },
    h('label', { for: 'corpus-path', className: 'field-label' }, 'Open folder'),
    h('div', { className: 'field-row' }, input, button), error);
  host.append(corpora, missingNote, list, empty, skipped, form);

  let current: string | null = null;
  let items: HTMLLIElement[] = [];
  /** The folder the field was last filled with (the open corpus's), to tell it from a path the user typed. */
  let filledWith = '';

  const switchTo = (c: CorpusSummary, button: HTMLButtonElement): void => {
    error.textContent = '';
    button.disabled = true;
    opts.openCorpus(c.dir)
      .catch((err: unknown) => { console.error('Could not open the corpus:', err); error.textContent = errorMessage(err); })
      .finally(() => { button.disabled = false; });
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const dir = input.value.trim();
    if (!dir) { error.textContent = 'Type the path of a folder first.'; input.focus(); return; }
    error.textContent = '';
    button.disabled = true;
    button.textContent = 'Opening…';
    opts.openCorpus(dir)
      .then(() => { if (input.value.trim() === dir) filledWith = input.value; })
      .catch((err: unknown) => { console.error('Could not open the folder:', err); error.textContent = errorMessage(err); input.focus(); })
      .finally(() => { button.disabled = false; button.textContent = 'Open'; });
  });

  const focusItem = (i: number): void => {
    const target = items[Math.max(0, Math.min(items.length - 1, i))];
    if (!target) return;
    for (const it of items) it.tabIndex = it === target ? 0 : -1;
    target.focus();
  };
  list.addEventListener('keydown', (e) => {
    const at = items.indexOf(e.target as HTMLLIElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    if (e.key in moves && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); focusItem(moves[e.key]!); }
    // (Alt+Enter shows the entry's source metadata: renderer/sources/index.ts)
    else if ((e.key === 'Enter' && !e.altKey) || e.key === ' ') { e.preventDefault(); opts.open(items[at]!.dataset.id!); }
  });
  list.addEventListener('click', (e) => {
    const li = (e.target as Element).closest<HTMLLIElement>('li[role=option]');
    if (li?.dataset.id) opts.open(li.dataset.id);
  });

  const mark = (): void => {
    for (const it of items) {
      const on = it.dataset.id === current;
      it.setAttribute('aria-selected', String(on));
    }
    if (!items.some((it) => it.tabIndex === 0)) {
      const sel = items.find((it) => it.dataset.id === current) ?? items[0];
      if (sel) sel.tabIndex = 0;
    }
  };

  return {
    render(snapshot) {
      // The field shows the open corpus's folder, and follows a switch to another corpus unless
      // the user has typed something else into it meanwhile.
      if (snapshot.corpusDir && (!input.value || input.value === filledWith)) input.value = filledWith = snapshot.corpusDir;
      // One corpus needs no list: the documents are the library. Two or more: one click switches.
      corpora.hidden = snapshot.corpora.length < 2;
      corpora.replaceChildren(...snapshot.corpora.map((c) => {
        const open = c.id === snapshot.corpusId;
        const button = h('button', {
          type: 'button', className: 'corpus-button', title: c.dir, 'data-corpus': c.id,
          'aria-current': open ? 'true' : 'false',
        },
        h('span', { className: 'corpus-name' }, c.name),
        h('span', { className: `corpus-meta${c.missing ? ' corpus-missing' : ''}` }, corpusMeta(c)));
        if (!open) button.addEventListener('click', () => switchTo(c, button));
        return h('li', {}, button);
      }));
      const openCorpus = snapshot.corpora.find((c) => c.id === snapshot.corpusId);
      missingNote.hidden = !openCorpus?.missing;
      missingNote.title = openCorpus?.dir ?? '';
      missingNote.textContent = openCorpus?.missing
        ? `Folder not found (is the drive connected?): its documents are shown as last read; claims are kept.`
        : '';
      items = snapshot.documents.map((d) => h('li', { role: 'option', tabindex: -1, 'data-id': d.id, title: d.path },
        h('span', { className: `doc-title${d.untitled ? ' untitled' : ''}` }, d.title || d.path),
        h('span', { className: 'doc-meta' }, describeUntitled(d) ? h('span', { className: 'untitled-mark' }, describeUntitled(d)) : null, byline(d)),
        // the item pane of this source (keyboard: Alt+Enter on the entry); not a Tab stop inside the option
        h('button', { type: 'button', className: 'doc-source-button', tabindex: -1, title: 'Source metadata (Alt+Enter)', 'aria-label': `Source metadata of ${d.title || d.path}`,
          onClick: (e: Event) => { e.stopPropagation(); requestEditSource(e.currentTarget as Element, d.id); } }, 'i'),
        d.problems.length ? h('ul', { className: 'doc-problems', 'aria-label': 'Import problems' },
          ...d.problems.map((p) => h('li', {}, p))) : null));
      list.replaceChildren(...items);
      list.hidden = items.length === 0;
      empty.hidden = items.length > 0;
      skipped.hidden = snapshot.problems.length === 0;
      skipped.replaceChildren(
        h('summary', {}, `Skipped files (${snapshot.problems.length})`),
        h('ul', {}, ...snapshot.problems.map((p) => h('li', {}, h('span', { className: 'skip-path' }, p.path), ' — ', p.reason))));
      mark();
    },
    setCurrent(id) {
      current = id;
      const sel = items.find((it) => it.dataset.id === id);
      if (sel) for (const it of items) it.tabIndex = it === sel ? 0 : -1;
      mark();
    },
    focus() {
      const at = items.findIndex((it) => it.tabIndex === 0);
      if (items.length) focusItem(at < 0 ? 0 : at); else input.focus();
    },
    focusFolderField() { input.focus(); input.select(); },
  };
}
