/**
 * The search engine behind `ReaderApi.search`: one index of every claim (and one of every
 * paragraph) held by the host's search worker (worker.ts). Lunr stays the engine's vocabulary:
 * its tokenizer rules, stop words and Porter stemmer (core/search/terms.ts), its BM25 scoring
 * (k1 = 1.2, b = 0.75, Lunr's idf), its one-edit fuzzy matching (the same terms as Lunr's
 * `term~1`, found without its automaton: term-expander.ts says why). What is not Lunr's is the
 * storage, the phrase check and the query loop, for the reasons measured in issue 11
 * (Lunr at 100,000 claims: 33 s build, 112 MB serialized, 5.7 s load, 1.5 GB heap, 100–330 ms
 * queries, and an immutable index that must be rebuilt whole for one new claim).
 *
 * ## Freshness: segments, tombstones, global statistics
 * Lunr's indexes are immutable, and so are this engine's persisted ones. The index is a list of
 * segments (segment.ts): a large base (persisted next to the store, persist.ts) and a small live
 * segment at the end that takes every created or edited claim. An edited claim is appended to
 * the live segment and its old entry marked dead (a tombstone, one byte); a deleted claim only
 * gets the tombstone. So a change costs one claim's indexing (~50 µs) and is in the next query.
 *
 * Scores stay comparable across segments because BM25's statistics are global: the number of
 * live claims, each term's document frequency and each field's average length are summed over
 * all segments at query time (a handful of additions), never taken from one segment alone as
 * separate Lunr indexes would. Trade-off: a dead entry still counts in its term's document
 * frequency until compaction (a few edits of a 100,000-claim library move idf by < 0.1%).
 *
 * Entities, kinds and sources are indexed by id and matched by name at query time
 * (side-tables.ts): renames cost nothing. Trade-off: those fields have no length normalisation
 * and an entity's words are matched against its name in full (fine for names of a few words).
 *
 * ## Compaction
 * When the live segment passes `LIVE_MAX` claims, or dead entries pass a quarter of the index,
 * `compact()` merges every segment but the newest into one, copying postings without re-reading
 * claims (varint gaps renumbered, dead entries dropped). It runs in slices between requests;
 * changes made meanwhile go to a fresh live segment and their tombstones are applied to the
 * merged segment before it replaces the old ones. The worker then persists the new base.
 *
 * ## Start (search-index.ts, persist.ts, worker.ts)
 * The persisted base is read whole (numeric sections as views of the file, no copies) and
 * checked against the store by one digest of every claim's stamp, saved with it: equal, nothing
 * to patch; different (a write by another process, or a VACUUM), claim by claim, and changed
 * claims re-indexed. The passage index (every paragraph of the corpus) is not persisted: the
 * worker builds it in 15 ms slices after the claim index answers, since at Brown's size (1M
 * words) it takes ~4 s of CPU and had held the first claim search back that long.
 *
 * ## Phrases: word sequences, not positions
 * A phrase is its folded words in a row within one field, stop words included and word forms as
 * written ("the state", not "the states"; "permanent neutrality", not "permanently neutral"). The
 * postings cannot say that (they hold stems and no stop words), and until November 2026 every
 * candidate's texts were read back from the store and scanned: at 100,000 claims a phrase of
 * common words had thousands of candidates, so only the best 1,000 were checked (a wrong total)
 * and still took up to 100 ms. Each segment now keeps every document's own fields as sequences
 * of 32-bit hashes of their folded words (word-sequence.ts), and a phrase is checked in memory:
 * the postings of its rarest word give the candidates and say which fields have that word, and
 * only those fields' sequences are scanned for the phrase's hashes. Stop words have postings of
 * their own for this (side terms, never scored), so "the other" starts from the claims with
 * "other", not from all of them. Word positions in the postings (Lucene's way) were the other
 * design: they match stems, so every candidate would still need its text read to check stop
 * words and word forms. Trade-offs: 4 bytes a word in memory and on disk (~20 MB at 100,000
 * Brown claims); two folded words sharing a hash (one chance in 2^32 per comparison) could let
 * a phrase match where it is not (its hit would show no highlighted phrase); the scan reads
 * memory at random (one or two cache lines per candidate), ~1 ms for 6,000 candidates.
 *
 * ## Tags are matched whole
 * `tag:oil` finds the claims tagged "oil", not those tagged "oil field": each tag is a side term
 * of its own (index-docs.ts `tagTerm`: lower case, spaces collapsed, as the tag suggestions merge
 * tags), besides its words in the tags field, which unfielded words still find and score.
 *
 * ## Bounded query work
 * Every posting of every query term is scored (so `total` is exact), into flat typed arrays (a
 * term's postings are first decoded into shared arrays, `Segment.decode`, so the scoring loop
 * makes no call per posting), and the page is picked with a bounded heap (top `offset + limit`),
 * not a sort of every match.
 * Expansions are bounded: fuzzy (one edit, terms ≥ 6 letters) to the 24 most frequent terms,
 * prefixes of the word being typed to the `PREFIX_MAX_TERMS` most frequent. A query has at most
 * `MAX_UNITS` words; longer input is cut with a message. Nothing here throws on odd input.
 */
import type { Entity, ClaimKindDef } from '../../core/api.ts';
import { FIELD_BOOSTS } from '../../core/search/fields.ts';
import type { ParsedQuery, QueryField, QueryPart } from '../../core/search/query-syntax.ts';
import { foldWord, spellingKey, termOf, words } from '../../core/search/terms.ts';
import { DocumentTable, SIDE, SurfaceWords, documentTerm, entityTerm, hashOf, kindTerm, stopTerm, tagKey, tagTerm } from './index-docs.ts';
import { DECODED, F, NF, Segment, type IndexDoc } from './segment.ts';
import { SideTables, type WordProbe } from './side-tables.ts';
import { TermExpander } from './term-expander.ts';

/** Longest stretch of compaction between two requests, in ms (a query waits at most about this long behind it). */
const COMPACT_SLICE_MS = 10;
/** Claims in the live segment before compaction is due (indexing 5,000 claims takes ~0.3 s). */
export const LIVE_MAX = 5_000;
/** Share of dead entries that makes compaction due. */
const DEAD_SHARE = 0.25;
/** Most words a query searches (an "A OR B" pair is one). */
export const MAX_UNITS = 32;
/** Most terms a prefix expands to, by document frequency. */
export const PREFIX_MAX_TERMS = 48;
/** Shortest word that is also matched one edit away; longest matched loosely (see search-claims.ts). */
const FUZZY_MIN_LENGTH = 6;
/**
 * Shortest written word matched one edit from the written words of the claims ("pilar" →
 * "pillar"); below it one edit is a different word too often ("cat" → "cut", "hat", "car").
 * Elasticsearch's AUTO fuzziness allows one edit from 3 letters; 5 keeps the noise low here,
 * where a fuzzy match is listed with the exact ones.
 */
const WORD_FUZZY_MIN_LENGTH = 5;
const LOOSE_MAX_LENGTH = 32;
const FUZZY_WEIGHT = 0.25;
const PREFIX_WEIGHT = 0.5;
const K1 = 1.2, B = 0.75;

/** Boost per segment field (FIELD_BOOSTS of core/search/fields.ts; side terms carry their own). */
const BOOST = [FIELD_BOOSTS.restatement, FIELD_BOOSTS.tags, FIELD_BOOSTS.note, FIELD_BOOSTS.quote, FIELD_BOOSTS.spelling, 1];
/** Field bits. */
const OWN = (1 << F.restatement) | (1 << F.tags) | (1 << F.note) | (1 << F.quote);
const BIT = (f: number): number => 1 << f;
/** Every field bit (a posting in any field). */
const ALL_FIELDS = (1 << NF) - 1;
/** The own fields, each with a word sequence (word-sequence.ts). */
const OWN_FIELDS = [F.restatement, F.note, F.quote, F.tags];

/** What a ranked query gives the caller, who turns it into hits. */
export interface Ranked {
  /** Ids of this page's documents, best first. */
  page: string[];
  /** Scores and matched counts of the page, parallel to `page`. */
  scores: number[];
  matched: number[];
  total: number;
  wanted: number;
  /** Every match in rank order, when asked. */
  all?: string[];
  /** Every index term the query matched (for lighting up words), and the spelling keys. */
  terms: Set<string>;
  keys: Set<string>;
  /** Folded words of the phrases that light up. */
  phrases: string[][];
  message: string | null;
}

/** How to rank: the page, whether every id is wanted, how the library's tags are listed, an id filter. */
export interface RankOptions {
  offset: number;
  limit: number;
  all: boolean;
  /** The library's tags, most used first (listed by `tag:` alone or a tag no claim has). */
  tags?: () => string[];
  passages?: boolean;
  /**
   * Only documents passing this (side terms by id; a whole tag, as `tag:`); with no query parts,
   * every one that passes. `documentIds`: claims of any of these documents (one corpus's, from
   * host/library/corpus-scope.ts; marked from each document's postings, ~1 ms for 50,000 claims).
   */
  filter?: { documentId?: string; documentIds?: readonly string[]; entityId?: string; kind?: string; tag?: string };
}

/** One unit of scoring: words that together count as one ("A OR B" is one unit). */
interface Unit { words: string[]; prefixLast: boolean }

/** The engine: segments, side tables and the query loop. */
export class Engine {
  segments: Segment[] = [new Segment()];
  readonly documents = new DocumentTable();
  readonly surfaces = new SurfaceWords();
  readonly side = new SideTables();
  readonly expander = new TermExpander();
  #compacting = false;
  /** Ids changed while a compaction runs: killed in its result. */
  #changedDuring: string[] | null = null;

  /** Replaces everything with these documents (one base segment). */
  replaceAll(docs: Iterable<IndexDoc>): void {
    const base = new Segment();
    for (const d of docs) base.add(d);
    this.segments = [base, new Segment()];
    this.settle();
  }

  /** Sorts the vocabulary after a build, a load or a compaction. */
  settle(): void {
    this.surfaces.settle();
    const segments = this.segments;
    this.expander.reset((function* () { for (const s of segments) for (const t of s.terms()) if (!t.startsWith(SIDE)) yield t; })());
  }

  get live(): Segment { return this.segments[this.segments.length - 1]!; }
  /** Live documents over all segments. */
  get count(): number { return this.segments.reduce((n, s) => n + s.liveCount, 0); }

  /** Adds or replaces a document. */
  upsert(d: IndexDoc): void {
    for (const s of this.segments) s.killId(d.id);
    this.live.add(d);
    for (const t of d.terms.keys()) if (!t.startsWith(SIDE)) this.expander.addRecent(t);
    this.#changedDuring?.push(d.id);
  }

  /** Removes a document (tombstone). */
  remove(id: string): void {
    for (const s of this.segments) s.killId(id);
    this.#changedDuring?.push(id);
  }

  /** Stamps of every live document (what a persisted base is checked against). */
  stamps(): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of this.segments) for (const [id, n] of s.byId) out.set(id, s.stamps[n]!);
    return out;
  }

  /** Whether compaction is due. */
  needsCompaction(): boolean {
    if (this.#compacting) return false;
    const size = this.segments.reduce((n, s) => n + s.size, 0);
    const dead = this.segments.reduce((n, s) => n + s.deadCount, 0);
    return this.live.size > LIVE_MAX || this.segments.length > 2 || (size > 1000 && dead / size > DEAD_SHARE);
  }

  /**
   * Merges every segment but a fresh live one into one base, in slices of about `sliceMs`
   * (awaiting `pause()` between them so requests are served: a query waits at most one slice).
   * Resolves when the merged base is in place.
   */
  async compact(pause: () => Promise<void>, sliceMs = COMPACT_SLICE_MS): Promise<void> {
    if (this.#compacting) return;
    this.#compacting = true;
    this.#changedDuring = [];
    const old = this.segments;
    this.segments = [...old, new Segment()];
    try {
      const merged = new Segment();
      const remap: Int32Array[] = [];
      let sliceStart = performance.now(), n = 0;
      const slice = async (): Promise<void> => {
        if (++n % 64 === 0 && performance.now() - sliceStart > sliceMs) { await pause(); sliceStart = performance.now(); }
      };
      for (const s of old) {
        const m = new Int32Array(s.size).fill(-1);
        for (let i = 0; i < s.size; i++) {
          if (s.dead[i]) continue;
          m[i] = merged.appendDocument(s.ids[i]!, s.stamps[i]!, s.docRefs[i]!, s.starts[i]!, s.lengths.subarray(i * NF, (i + 1) * NF), [0, 1, 2, 3].map((k) => s.seq.field(i, k)));
          await slice();
        }
        remap.push(m);
      }
      const terms = new Set<string>();
      for (const s of old) for (const t of s.terms()) terms.add(t);
      const tf = new Array<number>(NF);
      for (const t of terms) {
        old.forEach((s, si) => s.forEach(t, (doc, _mask, f) => {
          const to = remap[si]![doc]!;
          if (to < 0) return;
          for (let k = 0; k < NF; k++) tf[k] = f[k]!;
          merged.appendPosting(t, to, tf);
        }));
        await slice();
      }
      for (const id of this.#changedDuring) merged.killId(id);
      this.segments = [merged, ...this.segments.slice(old.length)];
      this.settle();
    } finally {
      this.#compacting = false;
      this.#changedDuring = null;
    }
  }

  setEntities(list: readonly Entity[]): void { this.side.setEntities(list); }
  setKinds(list: readonly ClaimKindDef[]): void { this.side.setKinds(list); }
  setTitles(list: ReadonlyArray<readonly [string, string]>): void { this.side.setTitles(list); this.#titleRanks = null; }

  #titleRanks: number[] | null = null;
  /** Rank of each document ref by its source's title (ties between claims break by title, then position); cached. */
  titleRanks(): number[] {
    const ids = this.documents.ids;
    if (this.#titleRanks?.length === ids.length) return this.#titleRanks;
    const order = ids.map((id, i) => [this.side.title(id), i] as const).sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
    const out = new Array<number>(ids.length);
    order.forEach(([, i], r) => { out[i] = r; });
    this.#titleRanks = out;
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Queries
  // -------------------------------------------------------------------------------------------

  /**
   * Ranks the documents for a parsed query: claims with more of the words first, then BM25, then
   * source title and position. `tags` lists the library's tags (for `tag:` alone).
   */
  rank(query: ParsedQuery, opts: RankOptions): Ranked {
    const q = new QueryRun(this, opts.passages ?? false);
    return q.run(query, opts);
  }

  #scratch: { score: Float64Array; matched: Uint16Array; seen: Int32Array; hit: Uint8Array } | null = null;
  /**
   * Per-document arrays a query scores into, kept between queries (at 100,000 claims they are
   * 1.5 MB: allocating them per query made the collector run every few queries). A query leaves
   * them clean (`release`): only the documents it touched are reset.
   */
  scratch(size: number): { score: Float64Array; matched: Uint16Array; seen: Int32Array; hit: Uint8Array } {
    if (!this.#scratch || this.#scratch.score.length < size) {
      const n = Math.max(size, Math.ceil((this.#scratch?.score.length ?? 0) * 1.5), 1024);
      this.#scratch = { score: new Float64Array(n), matched: new Uint16Array(n), seen: new Int32Array(n).fill(-1), hit: new Uint8Array(n) };
    }
    return this.#scratch;
  }

  #listOrder: { key: string; ranks: number[]; order: Int32Array } | null = null;
  /**
   * Every document of the segments but the live one, as query keys (`offsets[segment]` +
   * number, as QueryRun numbers them), in list order: source title (titleRanks), then position in
   * the text. Sorted once (~50 ms at 100,000 claims) and kept until one of those segments or a
   * title changes: a change goes to the live segment, which a list sorts itself.
   */
  listOrder(offsets: readonly number[]): Int32Array {
    const fixed = this.segments.length - 1;
    const ranks = this.titleRanks();
    const key = `${this.segments.slice(0, fixed).map((s) => s.size).join(',')}|${offsets.slice(0, fixed).join(',')}`;
    if (this.#listOrder?.key === key && this.#listOrder.ranks === ranks) return this.#listOrder.order;
    let n = 0;
    for (let si = 0; si < fixed; si++) n += this.segments[si]!.size;
    const order = new Int32Array(n);
    const sortKey = new Float64Array(n);
    let at = 0;
    for (let si = 0; si < fixed; si++) {
      const seg = this.segments[si]!, off = offsets[si]!;
      // rank below 2^21 documents, start below 2^31 characters: exact in a double
      for (let d = 0; d < seg.size; d++, at++) { order[at] = off + d; sortKey[at] = (ranks[seg.docRefs[d]!] ?? 0) * 2 ** 31 + seg.starts[d]!; }
    }
    const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => sortKey[a]! - sortKey[b]! || a - b);
    const sorted = Int32Array.from(idx, (i) => order[i]!);
    this.#listOrder = { key, ranks, order: sorted };
    return sorted;
  }

  #documentsMask: { key: string; mask: Uint8Array } | null = null;
  /**
   * The claims of a set of documents (a corpus's, asked with every scoped query) as a mask over
   * every segment, made by `make` and kept while the same documents are asked and no segment
   * changed (a change appends to the live segment or kills an entry: sizes and dead counts say).
   * Marking 250 documents' postings took ~1.4 ms of a 100,000-claim query.
   */
  documentsMask(ids: readonly string[], make: () => Uint8Array): Uint8Array {
    const key = `${this.segments.map((s) => `${s.size}.${s.deadCount}`).join(',')}|${ids.join('\n')}`;
    if (this.#documentsMask?.key !== key) this.#documentsMask = { key, mask: make() };
    return this.#documentsMask.mask;
  }

  /** Live documents with the term over all segments (`df` counts tombstoned entries until compaction). */
  liveDf(term: string): number {
    let n = 0;
    for (const s of this.segments) n += s.decode(term, ALL_FIELDS);
    return n;
  }

  /** Document frequency over all segments. */
  df(term: string): number {
    let n = 0;
    for (const s of this.segments) n += s.df(term);
    return n;
  }
}

/** One query's work: flat arrays over every document of every segment. */
class QueryRun {
  readonly e: Engine;
  readonly offsets: number[] = [];
  readonly size: number;
  readonly score: Float64Array;
  readonly matched: Uint16Array;
  /** Last unit counted per document (a unit counts once however many of its terms match). */
  readonly seen: Int32Array;
  /** 1 once a document has any score (it is then in `touched`). */
  readonly hit: Uint8Array;
  readonly touched: number[] = [];
  readonly n: number;
  readonly avg: number[];
  readonly terms = new Set<string>();
  readonly keys = new Set<string>();
  readonly passages: boolean;
  message: string[] = [];

  constructor(e: Engine, passages: boolean) {
    this.e = e;
    this.passages = passages;
    let size = 0;
    const sums = new Array<number>(NF).fill(0);
    for (const s of e.segments) { this.offsets.push(size); size += s.size; for (let f = 0; f < NF; f++) sums[f]! += s.lengthSums[f]!; }
    this.size = size;
    const scratch = e.scratch(size);
    this.score = scratch.score;
    this.matched = scratch.matched;
    this.seen = scratch.seen;
    this.hit = scratch.hit;
    this.n = Math.max(1, e.count);
    this.avg = sums.map((v) => (size ? v / size : 1) || 1);
  }

  idf(term: string): number {
    const df = this.e.df(term);
    return Math.log(1 + Math.abs((this.n - df + 0.5) / (df + 0.5)));
  }

  /** Scores a term's postings in the allowed fields; `unit` >= 0 counts a match for that unit. */
  scoreTerm(term: string, weight: number, allowed: number, unit: number, sideBoost = 0): void {
    const w = weight * this.idf(term);
    const { score, hit, seen, matched, touched, avg } = this;
    const segments = this.e.segments;
    for (let si = 0; si < segments.length; si++) {
      const s = segments[si]!, off = this.offsets[si]!, lengths = s.lengths;
      const n = s.decode(term, allowed);
      const { docs, masks, tfs } = DECODED;
      for (let i = 0; i < n; i++) {
        const doc = docs[i]!, m = masks[i]! & allowed;
        let sc = 0;
        for (let f = 0; f < NF; f++) {
          if (!(m & (1 << f))) continue;
          if (f === F.side) { sc += sideBoost; continue; }
          const tf = tfs[i * NF + f]!;
          sc += BOOST[f]! * (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * lengths[doc * NF + f]! / avg[f]!));
        }
        const key = off + doc;
        if (!hit[key]) { hit[key] = 1; touched.push(key); }
        score[key]! += w * sc;
        if (unit >= 0 && seen[key] !== unit) { seen[key] = unit; matched[key]!++; }
      }
    }
  }

  /** Keys of documents with the term in the allowed fields, marked into `into`. */
  mark(term: string, allowed: number, into: Uint8Array): void {
    const segments = this.e.segments;
    for (let si = 0; si < segments.length; si++) {
      const off = this.offsets[si]!;
      const n = segments[si]!.decode(term, allowed);
      const docs = DECODED.docs;
      for (let i = 0; i < n; i++) into[off + docs[i]!] = 1;
    }
  }

  /** A word as the side tables and the postings are asked for it; `fuzzy`: also its terms one edit away (scoring only). */
  probe(word: string, prefix: boolean, fuzzy = true): WordProbe {
    const term = termOf(word);
    const folded = foldWord(word);
    let near: string[] = [];
    if (fuzzy && folded.length <= LOOSE_MAX_LENGTH) {
      const df = (t: string): number => this.e.df(t);
      const set = new Set<string>();
      if (term.length >= FUZZY_MIN_LENGTH) for (const t of this.e.expander.fuzzy(term, df)) set.add(t);
      if (folded.length >= WORD_FUZZY_MIN_LENGTH) for (const t of this.e.expander.fuzzyWord(folded, (w) => this.e.surfaces.termOf(w), df)) set.add(t);
      set.delete(term);
      near = [...set];
    }
    return { term, folded, key: spellingKey(word), prefix: prefix && folded.length >= 2 && folded.length <= LOOSE_MAX_LENGTH, fuzzy: near };
  }

  prefixTerms(folded: string, exclude: string): string[] {
    const found = new Set<string>();
    this.e.surfaces.termsWithPrefix(folded, found);
    found.delete(exclude);
    const list = [...found];
    if (list.length <= PREFIX_MAX_TERMS) return list;
    return list.map((t) => [t, this.e.df(t)] as const).sort((a, b) => b[1] - a[1]).slice(0, PREFIX_MAX_TERMS).map(([t]) => t);
  }

  /** Scores one unit (its words are alternatives). */
  scoreUnit(u: Unit, unit: number): void {
    u.words.forEach((word, i) => {
      const p = this.probe(word, u.prefixLast && i === u.words.length - 1);
      if (p.term) { this.scoreTerm(p.term, 1, OWN, unit); this.terms.add(p.term); }
      for (const t of p.fuzzy) { this.scoreTerm(t, FUZZY_WEIGHT, OWN, unit); this.terms.add(t); }
      if (p.prefix) for (const t of this.prefixTerms(p.folded, p.term)) { this.scoreTerm(t, PREFIX_WEIGHT, OWN, unit); this.terms.add(t); }
      if (p.key) { this.scoreTerm(p.key, 1, BIT(F.spelling), unit); this.keys.add(p.key); }
      if (this.passages) { for (const d of this.e.side.documentsMatching(p)) this.scoreTerm(documentTerm(d), 1, BIT(F.side), -1, FIELD_BOOSTS.title); return; }
      for (const id of this.e.side.entitiesMatching(p)) this.scoreTerm(entityTerm(id), 1, BIT(F.side), unit, FIELD_BOOSTS.entities);
      for (const id of this.e.side.kindsMatching(p)) this.scoreTerm(kindTerm(id), 1, BIT(F.side), unit, FIELD_BOOSTS.kind);
      for (const d of this.e.side.documentsMatching(p)) this.scoreTerm(documentTerm(d), 1, BIT(F.side), -1, FIELD_BOOSTS.title);
    });
  }

  /** Documents passing a field filter (a whole tag; every word of another field's value); a message when it names nothing. */
  filter(p: QueryPart): Uint8Array {
    if (p.field === 'tag') return this.tagFilter(p.text);
    let acc: Uint8Array | null = null;
    for (const word of p.words) {
      const set = new Uint8Array(this.size);
      const pr = this.probe(word, ['tag', 'entity', 'kind', 'source'].includes(p.field!), false);
      const field = p.field!;
      if (field === 'entity' || field === 'kind' || field === 'source') {
        const ids = field === 'entity' ? this.e.side.entitiesMatching(pr) : field === 'kind' ? this.e.side.kindsMatching(pr) : this.e.side.documentsMatching(pr);
        const make = field === 'entity' ? entityTerm : field === 'kind' ? kindTerm : documentTerm;
        for (const id of ids) this.mark(make(id), BIT(F.side), set);
        if (!ids.length) this.message.push(noneNamed(field, word, this.e.side.kinds()));
      } else {
        const bit = BIT(FIELD_OF[field]);
        if (pr.term) { this.mark(pr.term, bit, set); this.terms.add(pr.term); }
        if (pr.prefix) for (const t of this.prefixTerms(pr.folded, pr.term)) { this.mark(t, bit, set); this.terms.add(t); }
      }
      acc = acc ? and(acc, set) : set;
    }
    return acc ?? new Uint8Array(this.size);
  }

  /**
   * Documents tagged `tag` (the whole tag, in any case: tagKey). A tag typed with punctuation
   * glued on (`tag:energy,`) that no claim has is tried without it. A tag no claim has gets a
   * message listing the tags there are.
   */
  tagFilter(tag: string): Uint8Array {
    const set = new Uint8Array(this.size);
    // live counts: a tag renamed or removed a moment ago still has tombstoned entries
    let key = tagKey(tag);
    if (!this.e.liveDf(tagTerm(key))) {
      const bare = key.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, '');
      if (bare && this.e.liveDf(tagTerm(bare))) key = bare;
    }
    const term = tagTerm(key);
    if (!this.e.liveDf(term)) {
      const tags = this.tagList?.() ?? [];
      this.message.push(`No claim is tagged “${tag}”.${tags.length ? ` Tags: ${tags.join(', ')}.` : ''}`);
      return set;
    }
    this.mark(term, BIT(F.side), set);
    for (const w of words(key)) { const t = termOf(w.word); if (t) this.terms.add(t); }
    return set;
  }
  /** The library's tags (for messages), set by `run`. */
  tagList: (() => string[]) | undefined;

  /**
   * Documents having a phrase (its folded words in a row in one field) among `within`, or among
   * those with every stem of it: each candidate's word sequence (word-sequence.ts) is scanned
   * for the phrase's hashes, in memory, without reading a text back.
   */
  phrase(p: QueryPart, within: Uint8Array | null): Uint8Array {
    const folded = p.words.map(foldWord);
    const out = new Uint8Array(this.size);
    // names: entities (unfielded too, as their names are the claim's words), kinds, source titles
    const named = (which: 'entity' | 'kind' | 'source', make: (id: string) => string): void => {
      for (const id of this.e.side.withPhrase(which, folded)) this.mark(make(id), BIT(F.side), out);
    };
    if (!this.passages && (!p.field || p.field === 'entity')) named('entity', entityTerm);
    if (p.field === 'kind') named('kind', kindTerm);
    if (p.field === 'source') named('source', documentTerm);
    if (!p.field || p.field === 'note' || p.field === 'quote' || p.field === 'restatement') {
      const fieldBits = p.field ? BIT(FIELD_OF[p.field]) : OWN;
      const hashes = Int32Array.from(p.words, hashOf);
      const fields = p.field ? [FIELD_OF[p.field]] : OWN_FIELDS;
      // The rarest word of the phrase gives the candidates (a stop word by its own postings, kept
      // for this: stopTerm); every other word is checked in the sequence itself. A word with no
      // term at all (nothing left once folded) leaves one pass over every sequence.
      let rare = '', rareDf = Infinity, rareBits = fieldBits;
      for (const word of p.words) {
        const folded = foldWord(word);
        if (!folded) continue;
        const stem = termOf(word);
        const t = stem || stopTerm(folded);
        const d = this.e.df(t);
        if (d < rareDf) { rare = t; rareDf = d; rareBits = stem ? fieldBits : BIT(F.side); }
      }
      this.e.segments.forEach((s, si) => {
        const off = this.offsets[si]!;
        // a stem's postings say which fields have it: only those are scanned
        const check = (doc: number, mask: number): void => {
          const key = off + doc;
          if (out[key] || (within && !within[key])) return;
          for (const f of fields) if (mask & BIT(f) && s.seq.has(doc, f, hashes)) { out[key] = 1; return; }
        };
        if (rare) s.forEach(rare, (doc, mask) => { if (mask & rareBits) check(doc, rareBits === fieldBits ? mask : OWN); });
        else s.seq.find(hashes, fields, (doc) => { if (!s.dead[doc] && (!within || within[off + doc])) out[off + doc] = 1; });
      });
    }
    return within ? and(out, within) : out;
  }

  /** Documents with a word in the claim's own fields (not the title): what `-word` removes. */
  exclusion(p: QueryPart, within: Uint8Array): Uint8Array {
    if (p.field === 'tag') return this.filter(p);
    if (p.phrase) return this.phrase(p, within);
    if (p.field) return this.filter(p);
    const out = new Uint8Array(this.size);
    for (const word of p.words) {
      const pr = this.probe(word, false, false);
      if (pr.term) this.mark(pr.term, OWN, out);
      if (this.passages) continue;
      const strict = { ...pr, fuzzy: [], key: '' };
      for (const id of this.e.side.entitiesMatching(strict)) this.mark(entityTerm(id), BIT(F.side), out);
      for (const id of this.e.side.kindsMatching(strict)) this.mark(kindTerm(id), BIT(F.side), out);
    }
    return out;
  }

  /** Documents passing an id filter (every condition given). */
  idFilter(f: NonNullable<RankOptions['filter']>): Uint8Array {
    let acc: Uint8Array = new Uint8Array(this.size);
    this.everyLive(acc);
    const side = (term: string): void => { const m = new Uint8Array(this.size); this.mark(term, BIT(F.side), m); acc = and(acc, m); };
    if (typeof f.documentId === 'string') side(documentTerm(f.documentId));
    if (Array.isArray(f.documentIds)) acc = and(acc, this.e.documentsMask(f.documentIds, () => {
      const m = new Uint8Array(this.size);
      for (const id of f.documentIds!) if (typeof id === 'string') this.mark(documentTerm(id), BIT(F.side), m);
      return m;
    }));
    if (typeof f.entityId === 'string') side(entityTerm(f.entityId));
    if (typeof f.kind === 'string') side(kindTerm(f.kind));
    if (typeof f.tag === 'string') side(tagTerm(f.tag));
    return acc;
  }

  everyLive(into: Uint8Array): void {
    this.e.segments.forEach((s, si) => { const off = this.offsets[si]!; for (let i = 0; i < s.size; i++) if (!s.dead[i]) into[off + i] = 1; });
  }

  idOf(key: number): { id: string; seg: Segment; doc: number } {
    let si = this.offsets.length - 1;
    while (this.offsets[si]! > key) si--;
    const seg = this.e.segments[si]!;
    return { id: seg.ids[key - this.offsets[si]!]!, seg, doc: key - this.offsets[si]! };
  }

  forMarked(set: Uint8Array, visit: (key: number, id: string) => void): void {
    for (let k = 0; k < set.length; k++) if (set[k]) visit(k, this.idOf(k).id);
  }

  run(query: ParsedQuery, opts: RankOptions): Ranked {
    try { return this.#run(query, opts); } finally { this.release(); }
  }

  /**
   * The first `want` documents marked in `cand`, in list order: the cached order of every
   * segment but the live one (Engine.listOrder) merged with the live segment's marked documents,
   * sorted here (at most LIVE_MAX). `cmp` is the query's order (title, then position, here).
   */
  listed(cand: Uint8Array, want: number, cmp: (a: number, b: number) => number): number[] {
    const fixed = this.e.listOrder(this.offsets);
    const liveAt = this.offsets[this.offsets.length - 1]!;
    const live: number[] = [];
    for (let k = liveAt; k < cand.length; k++) if (cand[k]) live.push(k);
    live.sort(cmp);
    const out: number[] = [];
    let i = 0, j = 0;
    while (out.length < want) {
      while (i < fixed.length && !cand[fixed[i]!]) i++;
      const a = i < fixed.length ? fixed[i]! : -1, b = j < live.length ? live[j]! : -1;
      if (a < 0 && b < 0) break;
      if (b < 0 || (a >= 0 && cmp(a, b) <= 0)) { out.push(a); i++; } else { out.push(b); j++; }
    }
    return out;
  }

  /** Leaves the shared scratch arrays clean (phrase bumps touch only documents that are also in `touched` or in the pool). */
  release(): void {
    for (const k of this.touched) { this.score[k] = 0; this.matched[k] = 0; this.seen[k] = -1; this.hit[k] = 0; }
    for (const k of this.bumped) this.matched[k] = 0;
  }
  /** Documents whose `matched` a phrase raised without scoring them. */
  readonly bumped: number[] = [];

  #run(query: ParsedQuery, opts: RankOptions): Ranked {
    this.tagList = opts.tags;
    const { units, filters, phrases, negated, cut } = plan(query);
    if (cut) this.message.push(`Only the first ${MAX_UNITS} words were searched.`);
    if (query.emptyFields.includes('kind') && !this.passages) this.message.push(`Kinds: ${this.e.side.kinds().map((k) => k.id === k.label.toLowerCase() ? k.label : `${k.label} (${k.id})`).join(', ')}.`);
    if (query.emptyFields.includes('tag') && !this.passages) {
      const tags = opts.tags?.() ?? [];
      this.message.push(tags.length ? `Tags: ${tags.join(', ')}.` : 'No claim has a tag yet.');
    }
    // words too common to index ("the", "a", "of"): only names and titles can match them, which
    // read as a wrong answer unless said
    const common = units.flatMap((u) => u.words).filter((w) => !termOf(w) && foldWord(w));
    if (units.length && common.length === units.reduce((n, u) => n + u.words.length, 0) && !phrases.length) {
      const shown = [...new Set(common.map((w) => `“${w}”`))].join(', ');
      this.message.push(`${shown} ${common.length > 1 ? 'are words' : 'is a word'} too common to search for alone: add another word, or put ${common.length > 1 ? 'them' : 'it'} in a "phrase" with others.`);
    }
    units.forEach((u, i) => this.scoreUnit(u, i));
    let cand: Uint8Array | null = null;
    // words alone (the common case): the candidates are the documents scored, no per-document pass
    const wordsOnly = units.length > 0 && !filters.length && !phrases.length && !negated.length && !opts.filter;
    if (units.length && !wordsOnly) { cand = new Uint8Array(this.size); for (const k of this.touched) cand[k] = 1; }
    for (const group of filters) {
      let union: Uint8Array | null = null;
      for (const p of group) { const f = this.filter(p); union = union ? or(union, f) : f; }
      cand = cand ? and(cand, union!) : union!;
    }
    // a phrase's words score like words (not counted: the phrase counts once it is checked), so its
    // best matches are checked first and rank first
    for (const p of phrases) {
      const bits = !p.field ? OWN : p.field === 'note' || p.field === 'quote' || p.field === 'restatement' ? BIT(FIELD_OF[p.field]) : 0;
      if (bits) for (const w of p.words) { const t = termOf(w); if (t) { this.scoreTerm(t, 1, bits, -1); this.terms.add(t); } }
    }
    const phraseWords: string[][] = [];
    for (const p of phrases) {
      const set = this.phrase(p, cand);
      cand = set;
      for (let k = 0; k < set.length; k++) if (set[k]) { this.matched[k]!++; if (!this.hit[k]) this.bumped.push(k); }
      if (!p.field || p.field === 'quote' || p.field === 'note' || p.field === 'restatement') phraseWords.push(p.words.map(foldWord));
    }
    if (opts.filter) {
      const mask = this.idFilter(opts.filter);
      cand = cand ? and(cand, mask) : mask;
    }
    if (!cand && negated.length) { cand = new Uint8Array(this.size); this.everyLive(cand); }
    for (const p of negated) { const ex = this.exclusion(p, cand!); for (let k = 0; k < ex.length; k++) if (ex[k]) cand![k] = 0; }
    const titleRank = this.e.titleRanks();
    const cmp = (a: number, b: number): number => {
      const d = this.matched[b]! - this.matched[a]! || this.score[b]! - this.score[a]!;
      if (d) return d;
      const A = this.idOf(a), Bb = this.idOf(b);
      return (titleRank[A.seg.docRefs[A.doc]!] ?? 0) - (titleRank[Bb.seg.docRefs[Bb.doc]!] ?? 0) || A.seg.starts[A.doc]! - Bb.seg.starts[Bb.doc]!;
    };
    const want = opts.offset + opts.limit;
    // A list with no words to rank by (the All claims view, an entity page, filters alone): every
    // match ties on score, so the order is the list order the engine keeps (listOrder), walked
    // until the page is full, instead of a heap over every match (at 100,000 claims a page of
    // one corpus of two took 9 ms, 8 of them in the heap's comparisons).
    if (!units.length && !phrases.length && cand) {
      let total = 0;
      for (let k = 0; k < cand.length; k++) total += cand[k]!;
      const top = this.listed(cand, opts.all ? Infinity : want, cmp);
      const page = top.slice(opts.offset, want);
      return {
        page: page.map((k) => this.idOf(k).id), scores: page.map(() => 0), matched: page.map(() => 0),
        total, wanted: 0, all: opts.all ? top.map((k) => this.idOf(k).id) : undefined,
        terms: this.terms, keys: this.keys, phrases: [], message: this.message.length ? this.message.join(' ') : null,
      };
    }
    const keys: number[] = wordsOnly ? [...this.touched] : [];
    if (cand) for (let k = 0; k < cand.length; k++) if (cand[k]) keys.push(k);
    const top = opts.all || keys.length <= want * 4 ? keys.sort(cmp) : topK(keys, want, cmp);
    const page = top.slice(opts.offset, want);
    const wanted = units.length + phrases.length;
    return {
      page: page.map((k) => this.idOf(k).id), scores: page.map((k) => this.score[k]!), matched: page.map((k) => this.matched[k]!),
      total: keys.length, wanted, all: opts.all ? top.map((k) => this.idOf(k).id) : undefined,
      terms: this.terms, keys: this.keys, phrases: phraseWords, message: this.message.length ? this.message.join(' ') : null,
    };
  }

}

const FIELD_OF: Record<Exclude<QueryField, 'entity' | 'kind' | 'source'>, number> = { tag: F.tags, note: F.note, quote: F.quote, restatement: F.restatement };

/** The query's parts sorted into scoring units, filter groups (OR-joined filters are one group), phrases and exclusions. */
function plan(query: ParsedQuery): { units: Unit[]; filters: QueryPart[][]; phrases: QueryPart[]; negated: QueryPart[]; cut: boolean } {
  const units: Unit[] = [];
  const filters: QueryPart[][] = [];
  const phrases: QueryPart[] = [];
  const negated: QueryPart[] = [];
  const last = query.parts[query.parts.length - 1];
  let cut = false;
  query.parts.forEach((p, i) => {
    const prefix = query.typing && p === last;
    if (p.negated) { negated.push(p); return; }
    if (p.phrase && p.field !== 'tag') { phrases.push(p); return; } // tag:"oil field" is a whole tag: a filter
    if (p.field) {
      if (p.orWithPrevious && filters.length && query.parts[i - 1]?.field) filters[filters.length - 1]!.push(p);
      else filters.push([p]);
      return;
    }
    const prev = query.parts[i - 1];
    if (p.orWithPrevious && prev && !prev.field && !prev.phrase && !prev.negated && units.length) {
      const u = units[units.length - 1]!;
      u.words.push(...p.words);
      u.prefixLast = prefix;
      return;
    }
    for (const [j, w] of p.words.entries()) {
      if (units.length >= MAX_UNITS) { cut = true; return; }
      units.push({ words: [w], prefixLast: prefix && j === p.words.length - 1 });
    }
  });
  return { units, filters, phrases: phrases.slice(0, MAX_UNITS), negated: negated.slice(0, MAX_UNITS), cut: cut || phrases.length > MAX_UNITS || negated.length > MAX_UNITS };
}

function noneNamed(field: QueryField, word: string, kinds: Array<{ id: string; label: string }>): string {
  if (field === 'kind') return `“${word}” is not a kind. Kinds: ${kinds.map((k) => k.label).join(', ')}.`;
  if (field === 'entity') return `No entity is called “${word}”.`;
  return `No source title has “${word}”.`;
}

function and(a: Uint8Array, b: Uint8Array): Uint8Array { for (let i = 0; i < a.length; i++) a[i] = a[i]! & b[i]!; return a; }
function or(a: Uint8Array, b: Uint8Array): Uint8Array { for (let i = 0; i < a.length; i++) a[i] = a[i]! | b[i]!; return a; }

/** The `k` best keys in order, with a bounded binary heap (worst of the best at the top). */
function topK(keys: number[], k: number, cmp: (a: number, b: number) => number): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number): boolean => cmp(a, b) > 0;
  const up = (i: number): void => { while (i > 0) { const p = (i - 1) >> 1; if (!worse(heap[i]!, heap[p]!)) break; [heap[i], heap[p]] = [heap[p]!, heap[i]!]; i = p; } };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const key of keys) {
    if (heap.length < k) { heap.push(key); up(heap.length - 1); }
    else if (k > 0 && cmp(key, heap[0]!) < 0) { heap[0] = key; down(0); }
  }
  return heap.sort(cmp);
}
