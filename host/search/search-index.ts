/**
 * The search index of one library: the claim engine (fed from the store through a read-only
 * connection of its own) and the passage engine (every paragraph of every present document),
 * with persistence of the claim index and the assembly of result pages. The worker (worker.ts)
 * runs one of these; tests and the CLI may run one in-process. Never throws on a query.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { join } from 'node:path';
import type { ClaimKindDef, ClaimSearchHit, PassageSearchHit, SearchOptions, SearchPage } from '../../core/api.ts';
import { plainTextWithSpans, textBlocks } from '../../core/corpus/plain-text.ts';
import { positionsOf } from '../../core/search/search-claims.ts';
import { parseQuery } from '../../core/search/query-syntax.ts';
import { words } from '../../core/search/terms.ts';
import { snippetAround } from '../../core/search/snippet.ts';
import { getClaims, listClaims } from '../store/claims-repo.ts';
import { readDocumentModel } from '../store/documents-repo.ts';
import { listEntities } from '../store/entities-repo.ts';
import { Engine, type Ranked } from './engine.ts';
import { claimDoc, passageDoc, tagKey, tagTerm } from './index-docs.ts';
import { INDEX_FILE, digest, readIndexFile, writeIndexFile, writeIndexFileAsync, type PersistedIndex } from './persist.ts';
import { Segment } from './segment.ts';

/** Tags listed in a message (`tag:` alone, a tag no claim has). */
const TAGS_LISTED = 40;
/** Claims read per step when the tags are counted again in the background. */
const TAG_ROWS = 5_000;
/** Longest query read, in characters: a longer paste is cut (with a message), so junk stays fast. */
export const MAX_QUERY_CHARS = 1_000;
/** Largest page. */
export const MAX_LIMIT = 500;
/** Bytes of the store the worker's read-only connection maps into memory (see the constructor). */
const MMAP_BYTES = 1 << 30;
/** Changed claims above which a persisted index is rebuilt rather than patched. */
const PATCH_MAX = 20_000;

/** How the index came to be, for logs and the bench. */
export interface OpenReport { source: 'file' | 'built' | 'empty'; claims: number; patched: number; reason: string | null; ms: number }

/** See the module comment. */
export class SearchIndex {
  readonly claims = new Engine();
  /** The passage index: replaced whole when a build (`setPassages`, `buildPassages`) completes. */
  passages = new Engine();
  readonly #db: DatabaseSync | null;
  readonly #file: string | null;
  #passageTexts = new Map<string, PassageText>();
  /** The library's tags as last read from the store (`#tagList`), and tags of claims changed since. */
  #tags: string[] | null = null;
  #tagsStale = false;
  readonly #recentTags = new Map<string, string>();
  /** Changes since the index was last written. */
  dirty = false;

  /** `dbPath`: the store (null: no store, nothing to index); `dataDir`: where the index file lives (null: not persisted). */
  constructor(opts: { dbPath: string | null; dataDir: string | null }) {
    let db: DatabaseSync | null = null;
    if (opts.dbPath) {
      try {
        db = new DatabaseSync(opts.dbPath, { readOnly: true });
        db.exec('PRAGMA busy_timeout = 5000');
        // Hit rows are read by id from all over the file: through a memory map they cost no read()
        // call each (20 rows at 100,000 claims: 1.9 ms through the page cache, 0.9 ms mapped).
        // The map is address space, not heap; SQLite caps it at its own compile-time maximum.
        db.exec(`PRAGMA mmap_size = ${MMAP_BYTES}`);
      } catch { db = null; }
    }
    this.#db = db;
    this.#file = opts.dataDir ? join(opts.dataDir, INDEX_FILE) : null;
  }

  /** Loads the persisted index (checked against the store, changes patched in) or builds one. */
  open(): OpenReport {
    const t0 = performance.now();
    const db = this.#db;
    if (!db) { this.claims.replaceAll([]); return { source: 'empty', claims: 0, patched: 0, reason: 'no store', ms: performance.now() - t0 }; }
    this.claims.setEntities(listEntities(db));
    let reason: string | null = null;
    if (this.#file) {
      const read = readIndexFile(this.#file);
      if (read.ok) {
        const text = storeStamps(db);
        const base = Segment.fromParts(read.index.segment);
        // The store's stamps digest as when the index was saved: nothing changed (one hash of
        // ~5 MB at 100,000 claims instead of 100,000 look-ups); otherwise claim by claim.
        let changed: string[] = [];
        if (!read.index.stampsDigest || digest(text) !== read.index.stampsDigest) {
          const diff = stampsDiff(base, text);
          changed = diff.changed;
          for (const n of diff.gone) base.kill(n);
        }
        if (changed.length <= PATCH_MAX) {
          for (const id of read.index.documents) this.claims.documents.ref(id);
          for (const [s, t] of read.index.surfaces) this.claims.surfaces.add(s, t);
          this.claims.segments = [base, new Segment()];
          this.claims.settle();
          this.update(changed);
          this.dirty = changed.length > 0;
          return { source: 'file', claims: this.claims.count, patched: changed.length, reason: null, ms: performance.now() - t0 };
        }
        reason = `${changed.length} claims changed since the index was saved`;
      } else reason = read.reason;
    }
    this.rebuild();
    return { source: 'built', claims: this.claims.count, patched: 0, reason, ms: performance.now() - t0 };
  }

  /** Indexes every claim of the store afresh and saves the index. */
  rebuild(): void {
    const db = this.#db;
    if (!db) return;
    const claims = listClaims(db);
    this.claims.replaceAll(claims.map((c) => claimDoc(c, this.claims.documents, this.claims.surfaces)));
    this.#tags = null;
    this.#recentTags.clear();
    this.save();
  }

  /** Re-reads these claims from the store: changed ones re-indexed, deleted ones tombstoned. */
  update(ids: readonly string[]): void {
    const db = this.#db;
    if (!db || ids.length === 0) return;
    const found = new Map(getClaims(db, [...new Set(ids)]).map((c) => [c.id, c]));
    for (const id of new Set(ids)) {
      const c = found.get(id);
      if (c) { this.claims.upsert(claimDoc(c, this.claims.documents, this.claims.surfaces)); for (const t of c.tags) this.#recentTags.set(tagKey(t), t); }
      else this.claims.remove(id);
    }
    this.#tagsStale = true;
    this.dirty = true;
    this.#updates++;
  }

  /** Re-reads the entities (names and aliases are matched at query time: no claim is re-indexed). */
  refreshEntities(): void { if (this.#db) this.claims.setEntities(listEntities(this.#db)); }
  setKinds(kinds: readonly ClaimKindDef[]): void { this.claims.setKinds(kinds); }
  setTitles(titles: ReadonlyArray<readonly [string, string]>): void { this.#titles = titles; this.claims.setTitles(titles); this.passages.setTitles(titles); }
  #titles: ReadonlyArray<readonly [string, string]> = [];

  /**
   * Asks for every paragraph, list item and heading of these documents to be indexed (read from
   * the store). The work is not done here: `buildPassages` does it in slices (the worker runs
   * them between requests), and a passage search finishes it first. Why: the Brown corpus (500
   * documents, 1M words) takes ~4 s of CPU to index, and done at start it held every claim
   * search back that long.
   */
  setPassages(documentIds: readonly string[]): void {
    this.#passageBuild = { ids: [...documentIds], next: 0, segment: new Segment(), engine: new Engine(), texts: new Map() };
  }
  #passageBuild: { ids: string[]; next: number; segment: Segment; engine: Engine; texts: Map<string, PassageText> } | null = null;

  /** Whether passages are waiting to be indexed. */
  get passagesPending(): boolean { return this.#passageBuild !== null; }

  /**
   * Indexes pending passages for about `budgetMs` (whole documents; Infinity: all of them); when
   * the last document is done the new passage index replaces the old one. Returns whether any
   * work is left.
   */
  buildPassages(budgetMs = Infinity): boolean {
    const b = this.#passageBuild;
    if (!b) return false;
    const db = this.#db;
    const until = performance.now() + budgetMs;
    while (b.next < b.ids.length && performance.now() < until) {
      const documentId = b.ids[b.next++]!;
      const model = db ? readDocumentModel(db, documentId) : null;
      if (!model) continue;
      const { text, spans } = plainTextWithSpans(model);
      const blocks = textBlocks(model);
      spans.forEach((span, i) => {
        const block = blocks[i];
        const key = `${documentId}#${span.id}`;
        const paragraph = block && 'n' in block ? block.n : null;
        const t = text.slice(span.start, span.end);
        if (!t.trim()) return;
        b.texts.set(key, { documentId, blockId: span.id, paragraph, text: t, start: span.start, end: span.end });
        b.segment.add(passageDoc({ key, documentId, text: t, start: span.start }, b.engine.documents, b.engine.surfaces));
      });
    }
    if (b.next < b.ids.length) return true;
    b.engine.segments = [b.segment, new Segment()];
    b.engine.settle();
    b.engine.setTitles(this.#titles);
    this.passages = b.engine;
    this.#passageTexts = b.texts;
    this.#passageBuild = null;
    return false;
  }

  /**
   * Writes the claim index, if it is compacted (one base segment). A file that cannot be written
   * (a read-only or full disk, a folder where the file should be) is logged once and left: the
   * index in memory answers as before, and the next start builds it again.
   */
  save(): void {
    const file = this.#file;
    const base = this.#compactedBase();
    if (!file || !base) return;
    try {
      writeIndexFile(file, this.#persisted(base, this.#stampsDigest(base)));
      this.dirty = false;
    } catch (err) { this.#saveFailed(err); }
  }

  /** Why the index could not be saved, logged the first time (the worker's stderr is the host's). */
  #saveFailed(err: unknown): void {
    const message = `The search index could not be saved to ${this.#file} (${(err as Error).message}); search works, and the next start builds it again.`;
    if (message !== this.saveProblem) console.error(`marginalia: ${message}`);
    this.saveProblem = message;
  }
  /** The last failure to save the index, or null. */
  saveProblem: string | null = null;

  /**
   * The same in steps, awaiting `pause()` between them so requests are answered meanwhile (at
   * 100,000 claims the whole save is ~0.3 s of CPU); the file is written off the thread. A change
   * arriving in between is safe: the digest describes the store as it was when taken, so any
   * later write to the store makes the next load check claim by claim.
   */
  async saveInSteps(pause: () => Promise<void>): Promise<void> {
    const file = this.#file;
    let base = this.#compactedBase();
    if (!file || !base) return;
    const updates = this.#updates;
    const stampsDigest = this.#stampsDigest(base);
    await pause();
    base = this.#compactedBase();
    if (!base) return; // compaction started meanwhile: it saves when done
    const index = this.#persisted(base, stampsDigest);
    await pause();
    try { await writeIndexFileAsync(file, index); } catch (err) { this.#saveFailed(err); return; }
    if (this.#updates === updates) this.dirty = false; // a change meanwhile is still to be saved
  }
  /** Calls of `update` so far (a save in steps tells whether one came meanwhile). */
  #updates = 0;

  #compactedBase(): Segment | null {
    const [base, ...rest] = this.claims.segments;
    return base && !rest.some((s) => s.size > 0) ? base : null;
  }

  #persisted(base: Segment, stampsDigest: string): PersistedIndex {
    return { documents: this.claims.documents.ids, surfaces: this.claims.surfaces.entries(), segment: base.toParts(), stampsDigest };
  }

  /**
   * The digest of the store's stamps, when the segment is exactly what the store holds now, else
   * '' (a change the worker has not been told of yet: the next load then checks claim by claim).
   */
  #stampsDigest(base: Segment): string {
    if (!this.#db) return '';
    const text = storeStamps(this.#db);
    const diff = stampsDiff(base, text);
    return !diff.changed.length && !diff.gone.length ? digest(text) : '';
  }

  /**
   * Compacts the claim index when due (or, when `idle`, whenever it has changes), then saves it;
   * `pause` lets requests in between slices. Resolves to whether anything was done.
   */
  async maintain(pause: () => Promise<void>): Promise<boolean> {
    const due = this.claims.needsCompaction() || (this.#idle && this.dirty);
    if (!due) return false;
    const [base, ...rest] = this.claims.segments;
    if ((base?.deadCount ?? 0) > 0 || rest.some((s) => s.size > 0)) await this.claims.compact(pause);
    if (this.claims.segments.slice(1).every((s) => s.size === 0)) await this.saveInSteps(pause);
    return true;
  }
  /** Set by the worker when no request came for a while: compaction may then run for a small live segment too. */
  #idle = false;
  set idle(v: boolean) { this.#idle = v; }

  /** A page of results. Never throws: odd input gives a message. */
  search(query: string, options: SearchOptions = {}): SearchPage {
    const scope = options.scope === 'passages' ? 'passages' : 'claims';
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(options.limit ?? 50)) || 50));
    const offset = Math.max(0, Math.floor(Number(options.offset ?? 0)) || 0);
    const empty = (message: string | null): SearchPage => ({ scope, total: 0, indexed: (scope === 'passages' ? this.passages : this.claims).count, offset, hits: [], wanted: 0, message, ...(options.allIds ? { allIds: [] } : {}) });
    if (typeof query !== 'string') return empty('Type something to search for.');
    let text = query;
    const notes: string[] = [];
    if (text.length > MAX_QUERY_CHARS) { text = text.slice(0, MAX_QUERY_CHARS); notes.push(`Only the first ${MAX_QUERY_CHARS} characters were searched.`); }
    // `in:text` anywhere in the box searches the passages.
    let useScope: 'claims' | 'passages' = scope;
    if (/(^|\s)in:text(\s|$)/i.test(text)) { useScope = 'passages'; text = text.replace(/(^|\s)in:text(?=\s|$)/gi, ' '); }
    const parsed = parseQuery(text);
    const filter = useScope === 'claims' && options.filter && typeof options.filter === 'object' ? options.filter : undefined;
    // Nothing searchable: a blank box with a filter lists what passes it (the All claims view);
    // typed text with no word in it (a lone "¶", "’" or "–") is said so, filter or not.
    if (!parsed.parts.length && !parsed.emptyFields.length && (!filter || text.trim())) {
      return { ...empty(text.trim() ? `Nothing to search for in “${text.trim().slice(0, 40)}${text.trim().length > 40 ? '…' : ''}”: type words, a "phrase", or a field such as tag:…` : null), scope: useScope, indexed: (useScope === 'passages' ? this.passages : this.claims).count };
    }
    try {
      if (useScope === 'passages') {
        // The text of the documents has no tags, kinds, entities or notes: such filters are left
        // out and said so (they answered "No claim is tagged …" of tags in use).
        const claimOnly = parsed.parts.filter((p) => p.field !== null && p.field !== 'source');
        if (claimOnly.length || parsed.emptyFields.some((f) => f !== 'source')) {
          const named = [...new Set([...claimOnly.map((p) => p.field), ...parsed.emptyFields.filter((f) => f !== 'source')])].map((f) => `${f}:`).join(', ');
          notes.push(`${named} ${claimOnly.length + parsed.emptyFields.length > 1 ? 'filter claims' : 'filters claims'}, not the text of the documents: left out here (source: works on both).`);
          parsed.parts = parsed.parts.filter((p) => !claimOnly.includes(p));
          parsed.emptyFields = parsed.emptyFields.filter((f) => f === 'source');
          if (!parsed.parts.length) return { ...empty(notes.join(' ')), scope: 'passages', indexed: this.passages.count };
        }
        this.buildPassages(); // pending passages are indexed first
        const ranked = this.passages.rank(parsed, { offset, limit, all: false, passages: true });
        return this.#page('passages', ranked, offset, notes, false);
      }
      const ranked = this.claims.rank(parsed, { offset, limit, all: !!options.allIds, tags: () => this.#tagList(), filter });
      return this.#page('claims', ranked, offset, notes, !!options.allIds);
    } catch (err) {
      return empty(`The search could not run (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  #page(scope: 'claims' | 'passages', r: Ranked, offset: number, notes: string[], allIds: boolean): SearchPage {
    const message = [...notes, ...(r.message ? [r.message] : [])].join(' ') || null;
    const hits = scope === 'claims' ? this.#claimHits(r) : this.#passageHits(r);
    return { scope, total: r.total, indexed: (scope === 'passages' ? this.passages : this.claims).count, offset, hits, wanted: r.wanted, message, ...(allIds ? { allIds: r.all ?? [] } : {}) };
  }

  #claimHits(r: Ranked): ClaimSearchHit[] {
    if (!r.page.length) return [];
    const byId = new Map(this.#rows(r.page).map((c) => [c.id, c]));
    const fields = new Map<string, Set<string>>([['quote', r.terms], ['restatement', r.terms], ['note', r.terms], ['tags', r.terms], ['entities', r.terms], ['spelling', r.keys]]);
    const out: ClaimSearchHit[] = [];
    r.page.forEach((id, i) => {
      const c = byId.get(id);
      if (!c) return;
      const entities = parseList(c.ents).map((e) => this.claims.side.entityName(e)).filter((n): n is string => n !== undefined);
      const tags = parseList(c.tags);
      const title = this.claims.side.title(c.doc);
      const indexed = {
        id: c.id, documentId: c.doc, title, paragraph: c.paragraph, start: c.start, kind: c.kind, kindLabel: c.kind,
        quote: c.quote, restatement: c.restatement, note: c.note, tags, entities, aliases: entities.map(() => []),
      };
      const pos = positionsOf(indexed, fields, r.phrases);
      out.push({
        type: 'claim', claimId: c.id, documentId: c.doc, title, paragraph: c.paragraph, paragraphEnd: c.paragraphEnd ?? c.paragraph, start: c.start, end: c.end,
        kind: c.kind, status: c.status, score: round(r.scores[i]!), matched: r.matched[i]!, restatement: c.restatement, tags, entities,
        ranges: pos, snippet: snippetAround(c.quote, pos.quote, 180),
        noteSnippet: c.note && pos.note.length ? snippetAround(c.note, pos.note, 140) : null,
      });
    });
    return out;
  }

  #passageHits(r: Ranked): PassageSearchHit[] {
    return r.page.flatMap((key, i) => {
      const p = this.#passageTexts.get(key);
      if (!p) return [];
      const indexed = { id: key, documentId: p.documentId, title: '', paragraph: p.paragraph, start: p.start, kind: '', kindLabel: '', quote: p.text, restatement: '', note: '', tags: [], entities: [], aliases: [] };
      const pos = positionsOf(indexed, new Map([['quote', r.terms], ['spelling', r.keys]]), r.phrases);
      return [{
        type: 'passage' as const, documentId: p.documentId, title: this.passages.side.title(p.documentId), paragraph: p.paragraph, blockId: p.blockId,
        start: p.start, end: p.end, score: round(r.scores[i]!), matched: r.matched[i]!, snippet: snippetAround(p.text, pos.quote, 240),
      }];
    });
  }

  #rowsStatement: StatementSync | null = null;
  /** Claims' rows with what results and phrase checks need (one prepared statement, reused). */
  #rows(ids: string[]): HitRow[] {
    if (!this.#db || !ids.length) return [];
    this.#rowsStatement ??= this.#db.prepare(`SELECT c.id, c.document_id AS doc, c.quote_exact AS quote, c.pos_start AS start, c.pos_end AS end,
      c.paragraph, c.paragraph_end AS paragraphEnd, c.status, c.restatement, c.note, c.kind, c.tags,
      (SELECT json_group_array(entity_id) FROM (SELECT entity_id FROM claim_entities ce WHERE ce.claim_id = c.id ORDER BY ord)) AS ents
      FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`);
    const out: HitRow[] = [];
    for (let i = 0; i < ids.length; i += 2_000) out.push(...(this.#rowsStatement.all(JSON.stringify(ids.slice(i, i + 2_000))) as unknown as HitRow[]));
    return out;
  }

  /**
   * The library's tags, most used first (listed by `tag:` alone and by a tag no claim has), at
   * most `TAGS_LISTED`. Counting them reads every claim's tags (~80 ms at 100,000 claims), so a
   * change does not count them again at once: the tags of claims changed since are listed first,
   * and the worker recounts when the library is quiet (`refreshTags`). A tag removed meanwhile
   * may stay listed until then; a new one is listed at once.
   */
  #tagList(): string[] {
    if (!this.#tags) this.refreshTags(true);
    const listed = new Set((this.#tags ?? []).map(tagKey));
    const recent = [...this.#recentTags].filter(([k]) => !listed.has(k)).map(([, t]) => t);
    // a tag renamed or removed since the count is left out at once (its live claims, from the index)
    const live = (t: string): boolean => this.claims.liveDf(tagTerm(tagKey(t))) > 0;
    return [...recent, ...(this.#tags ?? [])].filter(live).slice(0, TAGS_LISTED);
  }

  /** Counts the library's tags now (one statement: ~80 ms at 100,000 claims). */
  refreshTags(force = false): void {
    if (!this.#db || (!force && !this.#tagsStale)) return;
    const rows = this.#db.prepare(`SELECT t.value AS tag, count(*) AS n FROM claims c, json_each(c.tags) t GROUP BY t.value ORDER BY n DESC, t.value LIMIT ${TAGS_LISTED}`).all() as Array<{ tag: string }>;
    this.#tags = rows.map((r) => r.tag);
    this.#tagsStale = false;
    this.#recentTags.clear();
  }

  /**
   * Counts the library's tags again if claims changed since they were counted, `TAG_ROWS` claims
   * at a time, awaiting `pause()` between them (a request waits at most one step, ~5 ms, where
   * the one statement held the worker ~80 ms at 100,000 claims). A change meanwhile leaves the
   * count to the next quiet moment.
   */
  async refreshTagsInSteps(pause: () => Promise<void>): Promise<void> {
    const db = this.#db;
    if (!db || !this.#tagsStale) return;
    const updates = this.#updates;
    const counts = new Map<string, number>();
    const page = db.prepare(`SELECT rowid AS r, tags FROM claims WHERE rowid > ? ORDER BY rowid LIMIT ${TAG_ROWS}`);
    for (let last = 0; ;) {
      const rows = page.all(last) as Array<{ r: number; tags: string }>;
      if (!rows.length) break;
      for (const row of rows) for (const t of new Set(parseList(row.tags))) counts.set(t, (counts.get(t) ?? 0) + 1);
      last = rows[rows.length - 1]!.r;
      await pause();
      if (this.#updates !== updates || this.#db !== db) return;
    }
    this.#tags = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, TAGS_LISTED).map(([t]) => t);
    this.#tagsStale = false;
    this.#recentTags.clear();
  }

  /**
   * Queries of every kind (words, two words, a phrase, a word being typed, a misspelling, a tag,
   * a tag no claim has, an exclusion, OR) made of the words of a few of the library's own claims:
   * the worker runs them once after opening, in the background, so that the first search of
   * each kind a user makes runs compiled code over warm data instead of paying for it (the
   * first phrase searches at 100,000 claims took 10–20 ms before, 2–4 ms after). Empty when the
   * library has no claims.
   */
  warmUpQueries(): string[] {
    if (!this.#db) return [];
    const rows = this.#db.prepare('SELECT quote_exact AS quote, tags FROM claims LIMIT 8').all() as Array<{ quote: string; tags: string }>;
    const out: string[] = [];
    for (const r of rows) {
      const ws = words(r.quote).map((w) => w.word).filter((w) => w.length >= 3);
      if (ws.length < 2) continue;
      const [a, b] = [ws[0]!, ws[1]!];
      const long = ws.find((w) => w.length >= 6) ?? a;
      const tag = parseList(r.tags)[0];
      out.push(a, `${a} ${b} `, `"${a} ${b}"`, long.slice(0, Math.max(3, long.length - 2)), `${long.slice(0, 2)}${long.slice(3)} `,
        `${a} -${b}`, `${a} OR ${b} `, `${a} tag:"${tag ?? a}"`, 'tag:"marginalia warm-up"');
    }
    return out;
  }

  close(): void { try { this.#db?.close(); } catch { /* already closed */ } }
}

function round(n: number): number { return Math.round(n * 1000) / 1000; }

/**
 * Every claim's stamp in one string, "id\tmodified|start" lines in the table's order: one row
 * object, not 100,000, and no sort (the order only has to repeat while the store is unchanged;
 * if a VACUUM renumbers rows, the digest differs and the claims are checked one by one).
 */
function storeStamps(db: DatabaseSync): string {
  const row = db.prepare(`SELECT group_concat(id || char(9) || modified || '|' || pos_start, char(10)) AS s FROM claims`).get() as { s: string | null };
  return row.s ?? '';
}

/** Claims of the store (`storeStamps`) new or changed against a segment, and the segment's documents the store no longer has. */
function stampsDiff(base: Segment, text: string): { changed: string[]; gone: number[] } {
  const changed: string[] = [];
  const seen = new Uint8Array(base.size);
  for (const line of text ? text.split('\n') : []) {
    const tab = line.indexOf('\t');
    const id = line.slice(0, tab);
    const n = base.byId.get(id);
    if (n === undefined) { changed.push(id); continue; }
    seen[n] = 1;
    if (base.stamps[n] !== line.slice(tab + 1)) changed.push(id);
  }
  const gone: number[] = [];
  for (const [, n] of base.byId) if (!seen[n]) gone.push(n);
  return { changed, gone };
}

/** A passage as its hit shows it. */
interface PassageText { documentId: string; blockId: string; paragraph: number | null; text: string; start: number; end: number }

/** A claim's row as results and phrase checks read it. */
interface HitRow { id: string; doc: string; quote: string; start: number; end: number; paragraph: number | null; paragraphEnd: number | null; status: ClaimSearchHit['status']; restatement: string; note: string; kind: string; tags: string; ents: string }

/** A JSON list of strings from a column ([] for anything else). */
function parseList(text: string): string[] {
  try { const v = JSON.parse(text) as unknown; return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []; } catch { return []; }
}
