/**
 * The claims of one entity, for its page, in pages from the host: the list is the host's search
 * index filtered by the entity (`search('', { filter: { entityId }, offset, limit })`, which lists
 * every claim that carries it in source-title then text order), and each source's count comes
 * from `claimCounts('document', { entityId })`. The page holds only the rows it has shown, never
 * the library's claims.
 *
 * Calls run one after another: `more()` appends the next page to what is listed, `reload()`
 * (after a change anywhere) fetches again as many rows as are listed, so a list the person had
 * extended with "Show more" keeps its length, and a list shown whole stays whole when claims
 * were added (up to a page more). Reloads asked for while one waits its turn share it.
 * No DOM here: entity-page.ts draws the state.
 */
import type { ClaimSearchHit, ReaderBridge } from '../../../core/api.ts';

/** Rows asked of the host at once, as the All claims view pages (the host allows up to 500). */
export const ENTITY_CLAIM_ROWS = 200;

/** Rows per request when a reload asks again for what is listed: the host's largest page (SearchOptions.limit ≤ 500). */
const RELOAD_ROWS = 500;

/** The claims of the entity listed so far in one source, with how many it has there in all. */
export interface EntityClaimGroup {
  documentId: string;
  /** The source's title as the host's index has it; '' when the document left the library. */
  title: string;
  /** The corpus holding the document (as ClaimSearchHit.corpusId: null when none does any more). */
  corpusId?: string | null;
  /** Claims of the entity in this source, listed or not (0 while the count is unknown). */
  count: number;
  /** The rows listed so far, in text order. */
  hits: ClaimSearchHit[];
}

/** What the page shows. */
export interface EntityClaimsState {
  /** Whether a first answer came. */
  loaded: boolean;
  /** Claims carrying the entity in all (the host's total, listed or not). */
  total: number;
  /** Rows listed so far (≤ total). */
  listed: number;
  /** The listed rows by source, in the host's order (source title, then text position). */
  groups: EntityClaimGroup[];
}

/** The paged claims of one entity. */
export interface EntityClaims {
  state(): EntityClaimsState;
  /** Asks again for the rows listed now (at least one page) and the per-source counts. */
  reload(): Promise<EntityClaimsState>;
  /** Appends the next page; nothing when all are listed. */
  more(): Promise<EntityClaimsState>;
}

/** The host calls it makes (a ReaderBridge has them). */
export type EntityClaimsReader = Pick<ReaderBridge, 'search' | 'claimCounts'>;

/**
 * Creates the list for `entityId`; nothing is fetched until `reload()`. Host errors reject the
 * call and leave the state as it was.
 */
export function createEntityClaims(reader: EntityClaimsReader, entityId: string, pageRows = ENTITY_CLAIM_ROWS): EntityClaims {
  let rows: ClaimSearchHit[] = [];
  let total = 0;
  let perDocument: Record<string, number> = {};
  let loaded = false;
  let queue: Promise<unknown> = Promise.resolve();
  let pendingReload: Promise<EntityClaimsState> | null = null;

  const page = async (offset: number, limit: number): Promise<{ hits: ClaimSearchHit[]; total: number }> => {
    const p = await reader.search('', { filter: { entityId }, offset, limit });
    return { hits: p.hits.filter((x): x is ClaimSearchHit => x.type === 'claim'), total: p.total };
  };

  const state = (): EntityClaimsState => ({ loaded, total, listed: rows.length, groups: group(rows, perDocument) });

  /** Runs `work` after every call queued before it. */
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const doReload = async (): Promise<EntityClaimsState> => {
    pendingReload = null;
    // as many rows as are listed; a list shown whole asks for up to a page more (claims added)
    const whole = loaded && rows.length >= total;
    const want = whole ? rows.length + pageRows : Math.max(pageRows, rows.length);
    // asked at once, in the host's largest pages: one round trip, not one per page shown
    const chunks: Array<Promise<{ hits: ClaimSearchHit[]; total: number }>> = [];
    for (let offset = 0; offset < want; offset += RELOAD_ROWS) chunks.push(page(offset, Math.min(RELOAD_ROWS, want - offset)));
    const [counts, ...pages] = await Promise.all([reader.claimCounts('document', { entityId }), ...chunks]);
    // a change between two chunks may shift a row into both: ids are kept unique
    const seen = new Set<string>();
    rows = pages.flatMap((p) => p.hits).filter((h) => !seen.has(h.claimId) && !!seen.add(h.claimId));
    total = pages[0]!.total;
    perDocument = counts;
    loaded = true;
    return state();
  };

  const doMore = async (): Promise<EntityClaimsState> => {
    if (loaded && rows.length >= total) return state();
    const next = await page(rows.length, pageRows);
    const seen = new Set(rows.map((h) => h.claimId));
    rows = [...rows, ...next.hits.filter((h) => !seen.has(h.claimId))];
    total = next.total;
    loaded = true;
    return state();
  };

  return {
    state,
    reload: () => (pendingReload ??= enqueue(doReload)),
    more: () => enqueue(doMore),
  };
}

/** Consecutive rows of one source as a group (the host lists a source's claims together). */
function group(rows: readonly ClaimSearchHit[], perDocument: Record<string, number>): EntityClaimGroup[] {
  const out: EntityClaimGroup[] = [];
  for (const h of rows) {
    const last = out[out.length - 1];
    if (last && last.documentId === h.documentId) { last.hits.push(h); continue; }
    const count = Object.hasOwn(perDocument, h.documentId) ? perDocument[h.documentId]! : 0;
    out.push({ documentId: h.documentId, title: h.title, corpusId: h.corpusId, count, hits: [h] });
  }
  // a source's count is at least what is listed of it (the index can answer before the store's count catches up)
  for (const g of out) g.count = Math.max(g.count, g.hits.length);
  return out;
}
