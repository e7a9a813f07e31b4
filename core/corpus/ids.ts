/**
 * Identifiers of documents and blocks.
 *
 * A document is named by its path inside the corpus, not by its content, so its id and IRI stay
 * the same when its text is edited (annotations then re-anchor instead of being lost).
 * A block is named by its content: document id + block kind + block text + how many blocks of
 * that kind with the same text came before it. Re-importing the same file gives the same ids,
 * and editing one paragraph changes that paragraph's id only.
 */
import { fnv1a64 } from './hash.ts';

/** `a\b/./c.txt` → `a/b/c.txt`: forward slashes, no leading `./` or `/`, NFC (macOS stores NFD). */
export function normalizeCorpusPath(path: string): string {
  return path.normalize('NFC').replace(/\\/g, '/').split('/').filter((seg) => seg !== '' && seg !== '.').join('/');
}

/** The document id for a file at `path` (relative to the corpus folder). */
export function documentId(path: string): string {
  return `doc-${fnv1a64(normalizeCorpusPath(path))}`;
}

/** The document's IRI: `urn:marginalia:doc:` + the percent-encoded path (slashes kept). */
export function documentIri(path: string): string {
  return `urn:marginalia:doc:${normalizeCorpusPath(path).split('/').map(encodeURIComponent).join('/')}`;
}

/** Block kinds that get ids. */
export type IdKind = 'heading' | 'paragraph' | 'item' | 'list' | 'section' | 'footnote';

/**
 * Hands out block ids for one document. Each call with the same (kind, text) pair gets the next
 * occurrence index, so two identical paragraphs still get different ids, in a stable order.
 */
export function blockIds(docId: string): (kind: IdKind, text: string) => string {
  const seen = new Map<string, number>();
  return (kind, text) => {
    const key = `${kind}\u0000${text}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return `${kind[0]}-${fnv1a64(`${docId}\u0000${key}\u0000${occurrence}`)}`;
  };
}
