/**
 * Search and the All-claims list over one corpus or over all of them (issue 10, item 13), around
 * the host's one search index (host/search/, whose public `search` this wraps and does not change).
 *
 * - `filter.corpusId` keeps the claims of that corpus's documents. The index knows documents,
 *   not corpora, so the corpus becomes a filter of its document ids (`documentIds`, applied
 *   inside the index: host/search/engine.ts); the page, its total and `allIds` come back
 *   already scoped in one call. (Until November 2026 every matching id came back in rank order
 *   and was filtered here: at 100,000 claims in two corpora that sorted and sent every match.)
 * - Every claim hit says which corpus holds its document (`corpusId`), and a document of a corpus
 *   that is not open gets its title from the store (with the user's source edits): the index
 *   only knows the open corpus's titles. Only a document no corpus holds is "gone".
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SearchHit, SearchOptions, SearchPage } from '../../core/api.ts';
import { storedDocumentsByIds } from '../store/documents-repo.ts';
import type { LibraryContext } from './context.ts';

/** The search this wraps, and what it returns: `ReaderApi.search`. */
export type SearchFn = (query: string, options?: SearchOptions) => Promise<SearchPage>;

/** `in:text` in the box searches passages (the same rule as host/search/search-index.ts). */
const IN_TEXT = /(^|\s)in:text(\s|$)/i;

/** `search` wrapped: `filter.corpusId` honoured, every claim hit labelled with its corpus and title. */
export function corpusScopedSearch(ctx: LibraryContext, search: SearchFn): SearchFn {
  /**
   * Each corpus's document ids and how many claims they hold, valid while the store's change
   * counters stay as they were (total_changes(): this connection's writes; data_version: another
   * connection's, the CLI's).
   */
  let members: { key: string; byCorpus: Map<string, { documents: string[]; claims: number }> } | null = null;
  const corpusOf = (db: DatabaseSync, corpusId: string): { documents: string[]; claims: number } => {
    const key = changeKey(db);
    if (members?.key !== key) members = { key, byCorpus: new Map() };
    let scope = members.byCorpus.get(corpusId);
    if (!scope) {
      const rows = db.prepare(`SELECT d.id, (SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id) AS n FROM documents d WHERE d.corpus_id = ?`).all(corpusId) as Array<{ id: string; n: number }>;
      scope = { documents: rows.map((r) => r.id), claims: rows.reduce((n, r) => n + r.n, 0) };
      members.byCorpus.set(corpusId, scope);
    }
    return scope;
  };

  /**
   * Corpus and title of the documents labelled so far, kept while nothing could have changed
   * them: the same open corpus's document list (a re-read, a switch or a source edit replaces
   * it: host/library/context.ts) and no write to the store since (total_changes: this
   * connection; data_version: another process). Reading the rows again for every query cost
   * ~0.5 ms of the host's thread per search at 100,000 claims (the bench's search rows).
   */
  let labels: { key: string; list: unknown; removed: unknown; byId: Map<string, { corpusId: string | null; title: string } | null> } | null = null;
  const labelsFor = (db: DatabaseSync, ids: string[]): Map<string, { corpusId: string | null; title: string } | null> => {
    const key = changeKey(db);
    if (!labels || labels.key !== key || labels.list !== ctx.documents.summaries || labels.removed !== ctx.documents.removed) {
      labels = { key, list: ctx.documents.summaries, removed: ctx.documents.removed, byId: new Map() };
    }
    const byId = labels.byId;
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) {
      const rows = storedDocumentsByIds(db, missing);
      const edited = new Map(ctx.documents.overlay(rows.map((r) => r.summary)).map((s) => [s.id, s]));
      for (const id of missing) byId.set(id, null);
      for (const r of rows) byId.set(r.summary.id, { corpusId: r.corpusId, title: edited.get(r.summary.id)?.title ?? r.summary.title });
    }
    return byId;
  };

  /** Every claim hit gets its corpus, and a title from the store when the index had none for it. */
  const label = (page: SearchPage): SearchPage => {
    const db = ctx.store.db;
    const ids = [...new Set(page.hits.filter((x) => x.type === 'claim').map((x) => x.documentId))];
    if (!db || !ids.length) return page;
    const byId = labelsFor(db, ids);
    const hits = page.hits.map((x): SearchHit => {
      if (x.type !== 'claim') return x;
      const doc = byId.get(x.documentId);
      if (!doc) return { ...x, corpusId: null };
      // a document no corpus holds (a row from before corpora) still belongs to the open library
      return { ...x, corpusId: doc.corpusId ?? ctx.corpusId, title: x.title || doc.title };
    });
    return { ...page, hits };
  };

  return async (query, options = {}) => {
    const filter = options && typeof options.filter === 'object' && options.filter ? options.filter : undefined;
    const corpusId = filter?.corpusId;
    if (corpusId === undefined) return label(await search(query, options));
    const { corpusId: _drop, ...rest } = filter!;
    const unscoped: SearchOptions = { ...options, filter: rest };
    const db = ctx.store.db;
    const offset = Math.max(0, Math.floor(Number(options.offset ?? 0)) || 0);
    const none = (message: string | null, indexed = 0): SearchPage => ({
      scope: 'claims', total: 0, indexed, offset, hits: [], wanted: 0, message, ...(options.allIds ? { allIds: [] } : {}),
    });
    if (typeof corpusId !== 'string' || !db) return none(db ? 'The corpus to search is not named right.' : null);
    if (options.scope === 'passages' || (typeof query === 'string' && IN_TEXT.test(query))) {
      // The text index holds the open corpus's paragraphs only.
      if (corpusId === ctx.corpusId) return search(query, unscoped);
      return { ...none('The text of a corpus that is not open is not searched: open that corpus first, or search your claims.'), scope: 'passages' };
    }
    const known = db.prepare('SELECT 1 FROM corpora WHERE id = ?').get(corpusId);
    if (!known) return none('There is no such corpus in the library.');
    const scope = corpusOf(db, corpusId);
    if (!scope.claims) return none(null);
    if (typeof rest.documentId === 'string' && !scope.documents.includes(rest.documentId)) return none(null, scope.claims);
    // The index keeps the claims of the corpus's documents itself (a document filter): one call,
    // however the corpus's claims rank among the others'.
    const scoped = { ...options, filter: { ...rest, documentIds: scope.documents } } as SearchOptions;
    const page = await search(query, scoped);
    return page.scope === 'claims' ? label({ ...page, indexed: scope.claims }) : page;
  };
}

/**
 * A key that changes whenever the store may have: this connection's writes (total_changes())
 * and another connection's (PRAGMA data_version), as "n:v".
 */
function changeKey(db: DatabaseSync): string {
  let st = CHANGE_STATEMENTS.get(db);
  if (!st) { st = [db.prepare('SELECT total_changes() AS n'), db.prepare('PRAGMA data_version')]; CHANGE_STATEMENTS.set(db, st); }
  return `${(st[0].get() as { n: number }).n}:${(st[1].get() as { data_version: number }).data_version}`;
}
/** The two statements of `changeKey`, prepared once per connection. */
const CHANGE_STATEMENTS = new WeakMap<DatabaseSync, [StatementSync, StatementSync]>();
