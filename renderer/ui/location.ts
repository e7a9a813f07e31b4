/**
 * Which document is open lives in the URL hash (`#doc=<id>`), so back/forward move between
 * documents and a reload reopens the same one; localStorage remembers the last one across
 * sessions (Electron reloads the page without the hash).
 */

const KEY = 'marginalia:last-document';

/** The document id in a hash such as `#doc=abc`, or null. */
export function docIdFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('doc');
  return id ? id : null;
}

/** The hash for a document id. */
export function hashForDoc(id: string): string {
  return `#${new URLSearchParams({ doc: id }).toString()}`;
}

/** The last document opened in an earlier session, if storage is available. */
export function lastDocument(): string | null {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

/** Remembers the open document for the next session. */
export function rememberDocument(id: string): void {
  try { localStorage.setItem(KEY, id); } catch { /* storage disabled: the hash still works */ }
}
