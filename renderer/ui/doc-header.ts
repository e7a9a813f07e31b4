/**
 * The title block above the text: the document's title, author and year (what is known; unknown
 * parts are left out rather than invented) and its word count.
 */
import type { DocumentModel, DocumentSummary } from '../../core/api.ts';
import { append, h } from './dom.ts';
import { byline } from './library-panel.ts';
import { describeUntitled, requestEditSource } from '../sources/untitled.ts';

/** Fills `el` for a document; `summary` is absent when the library does not list it (yet). */
export function renderDocHeader(el: HTMLElement, model: DocumentModel, summary: DocumentSummary | undefined): void {
  const title = summary?.title || model.title || summary?.path || 'Untitled document';
  const container = typeof summary?.csl?.['container-title'] === 'string' ? summary.csl['container-title'] : '';
  el.replaceChildren();
  append(el,
    h('h1', { className: `doc-title-main${summary?.untitled ? ' untitled' : ''}`, id: 'doc-title' }, title),
    summary ? h('p', { className: 'doc-byline' },
      summary.author ? h('span', { className: 'doc-author' }, summary.author) : h('span', { className: 'doc-author unknown' }, 'Author unknown'),
      summary.year !== null ? h('span', { className: 'doc-year' }, String(summary.year)) : null,
      container ? h('span', { className: 'doc-container' }, container) : null,
      h('span', { className: 'doc-words' }, byline({ author: '', year: null, wordCount: summary.wordCount }))) : null,
    // source metadata: the untitled mark and the way to the item pane (renderer/sources/)
    summary ? h('p', { className: 'doc-source-line' },
      describeUntitled(summary) ? h('span', { className: 'untitled-mark' }, `${describeUntitled(summary)}: no title yet`) : null,
      h('button', { type: 'button', className: 'doc-source-edit', onClick: (e: Event) => requestEditSource(e.currentTarget as Element, summary.id) },
        'Edit source…')) : null,
    summary?.problems.length ? h('ul', { className: 'doc-problems' }, ...summary.problems.map((p) => h('li', {}, p))) : null,
  );
}
