/**
 * How the UI marks a source without a title (issue 6, item 1): the library panel, the document
 * header and the item pane show the importer's fallback title (the file name read as words, or
 * the text's first line) in italics with this mark, until the user gives a title.
 */
import type { DocumentSummary } from '../../core/api.ts';

/** "untitled — file name" / "untitled — first line of the text"; null for a source with a title. */
export function describeUntitled(s: Pick<DocumentSummary, 'untitled' | 'title' | 'path'>): string | null {
  if (!s.untitled) return null;
  return fromFileName(s.title, s.path) ? 'untitled — file name' : 'untitled — first line of the text';
}

/** Whether a title is the file name read as words (core/corpus/parse.ts `fileTitle`; not imported, it would bring the importer into the page). */
function fromFileName(title: string, path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  const words = (s: string): string => s.replace(/[-_\s]+/g, ' ').trim().toLowerCase();
  return words(name) === words(title);
}

/** The event a button dispatches (bubbling, `detail`: the document id) to open a source's item pane. */
export const EDIT_SOURCE_EVENT = 'marginalia:edit-source';

/** Asks the item pane to show (and focus) the source of document `id`. */
export function requestEditSource(from: Element, id: string): void {
  from.dispatchEvent(new CustomEvent(EDIT_SOURCE_EVENT, { bubbles: true, detail: id }));
}
