/**
 * The shape of a built annotation index, on its own so the builder (annotation-index.ts) and the
 * query side (search-claims.ts) both import it without importing each other.
 */
import type lunr from 'lunr';
import type { IndexedClaim } from './fields.ts';

/** A built or loaded index. */
export interface AnnotationIndex {
  readonly lunr: lunr.Index;
  readonly claims: ReadonlyMap<string, IndexedClaim>;
  /** Fingerprint of what it was built from (`indexStamp`): a cached index is fresh when it matches. */
  readonly stamp: string;
}
