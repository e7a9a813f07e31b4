/**
 * Search at 1,000 / 10,000 / 100,000 claims (issue 11): the host's index (host/search/) against
 * MiniSearch 7 (dev dependency, reference only) on the same claims, in this process.
 *
 * Claims are real text: the Brown corpus is the library's corpus (500 documents); claim i quotes
 * one of its sentences, with a restatement (the first words of another sentence), a note
 * (another whole sentence), 0–3 tags from a pool of 40 and 0–2 entities from a pool of 150 whose
 * names are capitalised words of the corpus. Claims are written straight into the store in one
 * transaction (the API's one-action-per-claim path would take minutes at 100,000 and is measured
 * elsewhere); everything measured then goes through the same code the app runs.
 *
 * Measured per level: index build, persisted size, cold load (file present), query p50/p95 for
 * one word, two words, a phrase, a prefix as typed, a fuzzy word, a field filter and a negation
 * and create→findable, edit→findable, delete→gone, all through the contract as the app runs
 * them (library.search: the round trip to the search worker included), and the index's heap.
 * Each query row's note also gives the engine alone, timed in this thread like MiniSearch
 * (ranking a page of ids and scores, without the round trip and the page of hits with highlight
 * ranges and snippets), so the two engines compare like for like. `MARGINALIA_BENCH_SEARCH_MAX`
 * (default 10000) caps the levels: set it to 100000 for the full run (about two minutes).
 *
 * The 100,000 level carries the goals (GOALS_100K), so its rows say ok or MISS. Wall
 * time is the row's value; on a shared machine it measures the load as much as the code, so each
 * timed row also gives the process's CPU time and the load average. That CPU time counts every
 * thread of the process (Node 22 has no per-thread clock): the host and the search worker
 * together, and V8's concurrent collector threads, so it can exceed the wall time.
 * The heap rows are measured after a forced collection (the collector is exposed for this run
 * through V8's flags when node was not started with --expose-gc): heap plus ArrayBuffers (the
 * index's postings and word sequences are ArrayBuffers) retained by the index.
 *
 * Standalone: `node scripts/bench/search-metrics.ts [maxClaims]` prints the table.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import type { Claim, Entity } from '../../core/api.ts';
import { plainTextWithSpans } from '../../core/corpus/plain-text.ts';
import { createLibrary, type Library } from '../../host/library.ts';
import { claimRow } from '../../host/store/claims-repo.ts';
import { INDEX_FILE } from '../../host/search/persist.ts';
import { SearchIndex, type OpenReport } from '../../host/search/search-index.ts';
import { parseQuery } from '../../core/search/query-syntax.ts';
import { brownDir, brownFiles, stripBrownTags, writeBrownCorpus } from './brown-corpus.ts';
import { formatTable, type Row } from './report.ts';
import { median, percentile } from './stats.ts';

/** Levels measured; those above MARGINALIA_BENCH_SEARCH_MAX are skipped. */
export const SEARCH_LEVELS = [1_000, 10_000, 100_000] as const;
/** Queries of each kind per level. */
const QUERIES = 60;
/** Changes timed for create/edit/delete → findable. */
const CHANGES = 15;
/** Targets at 100,000 claims (issue 11). */
const GOALS_100K = { queryMs: 10, findableMs: 50, loadS: 1, heapMB: 400, sizeMB: 60 };

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sentences of every Brown text (for restatements and notes). */
export async function brownSentences(): Promise<string[]> {
  const out: string[] = [];
  for (const f of await brownFiles()) {
    for (const line of stripBrownTags(await readFile(join(brownDir(), f), 'utf8')).split('\n')) if (line.split(' ').length >= 6) out.push(line);
  }
  return out;
}

/** The claims of one level, as the store holds them, and a plain copy for MiniSearch. */
export interface Fixture { claims: Claim[]; entityNames: Map<string, string>; words: string[]; names: string[] }

async function makeFixture(lib: Library, n: number, sentences: string[]): Promise<Fixture> {
  const rand = rng(n);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
  const docs = (await lib.getLibrary()).documents;
  const spans: Array<{ documentId: string; text: string; start: number; end: number }> = [];
  for (const d of docs) {
    const { text, spans: s } = plainTextWithSpans(await lib.getDocument(d.id));
    for (const x of s) if (x.end - x.start > 30) spans.push({ documentId: d.id, text, start: x.start, end: x.end });
  }
  const names = [...new Set(sentences.join(' ').match(/\b[A-Z][a-z]{4,}\b/g) ?? [])].slice(0, 400);
  const entities: Entity[] = [];
  for (let i = 0; i < 150; i++) entities.push(await lib.createEntity({ name: `${names[i * 2]} ${names[i * 2 + 1]}`, type: 'person' }));
  const tags = Array.from({ length: 40 }, (_, i) => names[300 + (i % 100)]!.toLowerCase());
  const claims: Claim[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const s = spans[Math.floor((i * spans.length) / n) % spans.length]!;
    const exact = s.text.slice(s.start, s.end);
    const rest = pick(sentences).split(' ').slice(0, 10).join(' ');
    claims.push({
      id: `bench-${n}-${i}`, documentId: s.documentId,
      quote: { type: 'TextQuoteSelector', exact, prefix: s.text.slice(Math.max(0, s.start - 32), s.start), suffix: s.text.slice(s.end, s.end + 32) },
      position: { type: 'TextPositionSelector', start: s.start, end: s.end }, status: 'exact', paragraph: 1,
      restatement: rest, note: rand() < 0.7 ? pick(sentences) : '', kind: pick(['claim', 'evidence', 'question', 'definition']),
      tags: Array.from({ length: Math.floor(rand() * 4) }, () => pick(tags)).filter((t, j, a) => a.indexOf(t) === j),
      entityIds: Array.from({ length: Math.floor(rand() * 3) }, () => pick(entities).id).filter((t, j, a) => a.indexOf(t) === j),
      created: now, modified: now,
      ...({ paragraphEnd: 1, via: null, creator: null } as object),
    } as Claim);
  }
  const words = [...new Set(claims.slice(0, 2000).flatMap((c) => c.quote.exact.toLowerCase().match(/\b[a-z]{5,12}\b/g) ?? []))];
  return { claims, entityNames: new Map(entities.map((e) => [e.id, e.name])), words, names: entities.map((e) => e.name) };
}

/** Writes the claims into the store (one transaction). */
function insertClaims(dbPath: string, claims: readonly Claim[]): void {
  const db = new DatabaseSync(dbPath);
  try {
    db.exec('BEGIN');
    const first = claimRow(claims[0]!);
    const cols = Object.keys(first);
    const ins = db.prepare(`INSERT INTO claims (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const tag = db.prepare('INSERT INTO claim_entities (claim_id, entity_id, ord) VALUES (?, ?, ?)');
    for (const c of claims) {
      const row = claimRow(c);
      ins.run(...cols.map((k) => row[k] ?? null));
      c.entityIds.forEach((e, i) => tag.run(c.id, e, i));
    }
    db.exec('COMMIT');
  } finally { db.close(); }
}

/** Moves every other document (by path) to a second corpus, through a connection of its own. */
function splitCorpus(dbPath: string): void {
  const db = new DatabaseSync(dbPath);
  try {
    db.exec(`INSERT OR IGNORE INTO corpora (id, dir, name, scoped, added_at) VALUES ('bench-second-corpus', '${join(tmpdir(), 'marginalia-bench-second-corpus')}', 'Second', 1, '2026-01-01T00:00:00Z')`);
    const docs = db.prepare('SELECT id FROM documents ORDER BY path').all() as Array<{ id: string }>;
    const move = db.prepare(`UPDATE documents SET corpus_id = 'bench-second-corpus' WHERE id = ?`);
    db.exec('BEGIN');
    docs.forEach((d, i) => { if (i % 2 === 0) move.run(d.id); });
    db.exec('COMMIT');
  } finally { db.close(); }
}

/** The query mix: [kind, queries] over words that occur in the claims. */
export function queryMix(f: Fixture): Array<[string, string[]]> {
  const rand = rng(7);
  const w = (): string => f.words[Math.floor(rand() * f.words.length)]!;
  const many = (make: () => string): string[] => Array.from({ length: QUERIES }, make);
  // two words standing together in a quote, at least one of them not a stop word
  const phrases = f.claims.slice(0, 500).flatMap((c) => {
    const ws = c.quote.exact.split(' ');
    for (let i = 0; i + 1 < ws.length; i++) if (/^[A-Za-z]{3,}$/.test(ws[i]!) && /^[A-Za-z]{5,}$/.test(ws[i + 1]!)) return [`${ws[i]} ${ws[i + 1]}`];
    return [];
  });
  return [
    ['one word', many(() => w())],
    ['two words', many(() => `${w()} ${w()}`)],
    ['phrase', many(() => `"${phrases[Math.floor(rand() * phrases.length)]}"`)],
    ['prefix (as typed)', many(() => { const x = w(); return x.slice(0, Math.max(3, x.length - 2)); })],
    ['fuzzy', many(() => { const x = w() + 'ing'; return x.slice(0, 3) + x.slice(4); })],
    ['fielded', many(() => `${w()} tag:${f.claims[Math.floor(rand() * 200)]!.tags[0] ?? 'x'}`)],
    ['negated', many(() => `${w()} -${w()}`)],
  ];
}

/** MiniSearch over the same claims, with its own prefix/fuzzy options per query kind. */
function miniSearchOf(f: Fixture): MiniSearch {
  const ms = new MiniSearch({ fields: ['quote', 'restatement', 'note', 'tags', 'entities', 'kind'], storeFields: ['documentId'], searchOptions: { boost: { restatement: 3, entities: 3, tags: 2, note: 1.5 } } });
  ms.addAll(f.claims.map((c) => ({ id: c.id, documentId: c.documentId, quote: c.quote.exact, restatement: c.restatement, note: c.note, tags: c.tags.join(' '), entities: c.entityIds.map((e) => f.entityNames.get(e) ?? '').join(' '), kind: c.kind })));
  return ms;
}

function miniQuery(ms: MiniSearch, kind: string, q: string): number {
  if (kind === 'prefix (as typed)') return ms.search(q, { prefix: true }).length;
  if (kind === 'fuzzy') return ms.search(q, { fuzzy: 1 }).length;
  if (kind === 'fielded') { const [w, tag] = q.split(' tag:'); return ms.search(w!, { filter: (r) => true && r.id !== tag }).length; }
  if (kind === 'negated') { const [a, b] = q.split(' -'); return ms.search({ combineWith: 'AND_NOT', queries: [a!, b!] }).length; }
  if (kind === 'phrase') return ms.search(q.replaceAll('"', ''), { combineWith: 'AND' }).length;
  return ms.search(q).length;
}

/** The collector: node's when started with --expose-gc, else exposed now through V8's flags (a new context's `gc`). */
const collect: () => void = (() => {
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return own;
  try { setFlagsFromString('--expose-gc'); return runInNewContext('gc') as () => void; } catch { return () => undefined; }
})();

/** Heap and ArrayBuffers in use after a full collection, in MB. */
function heapMB(): number {
  collect(); collect();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1_048_576;
}

/** CPU time of this process (every thread) since `start`, in ms. */
const cpuMs = (start: NodeJS.CpuUsage): number => { const d = process.cpuUsage(start); return (d.user + d.system) / 1000; };
/** "load 2.1/2.5/2.7": the 1, 5 and 15 minute load averages, for reading wall times. */
const load = (): string => `load ${loadavg().map((v) => v.toFixed(1)).join('/')}`;

/** A data folder holding a library with `n` claims over the Brown corpus. */
export async function prepareLevel(data: string, n: number, corpusDir: string, sentences: string[]): Promise<Fixture> {
  const lib = await createLibrary({ dataDir: data, corpusDir, transport: 'web', version: 'bench' });
  const f = await makeFixture(lib, n, sentences);
  lib.close();
  insertClaims(join(data, 'marginalia.sqlite'), f.claims);
  return f;
}

/** Rows for one level. */
async function measureLevel(n: number, corpusDir: string, sentences: string[], log: (m: string) => void): Promise<Row[]> {
  const rows: Row[] = [];
  const at = `${n.toLocaleString('en')} claims`;
  const goal = n === 100_000 ? GOALS_100K : null;
  const data = await mkdtemp(join(tmpdir(), `marginalia-search-${n}-`));
  try {
    const f = await prepareLevel(data, n, corpusDir, sentences);
    let lib: Library;
    log(`search: ${at} written`);

    // build (no index file yet), size, heap
    const { built, buildMs, buildCpu, heapBuilt } = buildIndex(data);
    const size = (await stat(join(data, INDEX_FILE))).size / 1_048_576;
    rows.push({ metric: `search index build, ${at}`, value: buildMs / 1000, unit: 's', note: `${built.source}; CPU ${(buildCpu / 1000).toFixed(1)} s; ${load()}` });
    rows.push({ metric: `search index persisted size, ${at}`, value: size, unit: 'MB', goal: goal?.sizeMB });

    // cold load: the file is there
    const h1 = heapMB();
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const index = new SearchIndex({ dbPath: join(data, 'marginalia.sqlite'), dataDir: data });
    const loaded = index.open();
    index.claims.expander.warm();
    const loadMs = performance.now() - t1;
    const loadCpu = cpuMs(c1);
    const heapLoaded = heapMB() - h1;
    rows.push({ metric: `search index heap, ${at}`, value: Math.max(heapBuilt, heapLoaded), unit: 'MB', goal: goal?.heapMB,
      note: `heap + ArrayBuffers after gc: ${heapBuilt.toFixed(0)} MB as built, ${heapLoaded.toFixed(0)} MB as loaded from the file` });
    rows.push({ metric: `search index cold load, ${at}`, value: loadMs / 1000, unit: 's', goal: goal?.loadS, note: `${loaded.source}; CPU ${(loadCpu / 1000).toFixed(2)} s; ${load()}` });

    // The engine alone, in this thread as MiniSearch is timed below: ranking a page (ids and
    // scores, the same work as a MiniSearch search), without the worker round trip and without
    // the page of hits (rows from the store, highlight ranges, snippets) that the contract returns.
    const mix = queryMix(f);
    for (const w of f.words.slice(-40)) index.claims.rank(parseQuery(w), { offset: 0, limit: 20, all: false, tags: () => [] });
    for (let round = 0; round < 2; round++) for (const q of index.warmUpQueries()) index.search(q, { limit: 20 }); // as the worker does after opening
    const engineByKind = mix.map(([, queries]) => {
      collect();
      return queries.map((q) => { const b = performance.now(); index.claims.rank(parseQuery(q), { offset: 0, limit: 20, all: false, tags: () => [] }); return performance.now() - b; });
    });
    index.close();

    // Our queries through the contract, as the app runs them (round trip to the search worker
    // included): the worker holds the index in a heap of its own. Run in this thread, they had
    // paid for collecting the bench's 100,000 claim objects and MiniSearch's 200+ MB, which the
    // app's worker never holds. MiniSearch is built and timed afterwards, in this thread.
    const oursByKind: Array<{ ours: number[]; cpu: number[]; found: number; load: string }> = [];
    const fresh: Row[] = [];
    lib = await createLibrary({ dataDir: data, corpusDir, transport: 'web', version: 'bench' });
    try {
      await lib.search('warm');
      // the passages (every paragraph of the corpus) are indexed in the background after a start;
      // a passage search finishes them, so what follows is timed in the steady state
      await lib.search('warm', { scope: 'passages' });
      for (const w of f.words.slice(-40)) await lib.search(w, { limit: 20 }); // warm-up (JIT, caches) on other words
      // the worker's own warm-up after opening (a query of each kind, run between requests) is
      // over a moment after start in the app; here the queries above kept it waiting: let it end
      await lib.flushSearch();
      for (const [, queries] of mix) {
        const ours: number[] = [], cpu: number[] = [];
        let found = 0;
        collect();
        for (const q of queries) {
          const c = process.cpuUsage();
          const a = performance.now(); const page = await lib.search(q, { limit: 20 }); ours.push(performance.now() - a);
          cpu.push(cpuMs(c));
          found += page.total;
        }
        oursByKind.push({ ours, cpu, found, load: load() });
      }

      // freshness through the contract
      const doc = (await lib.getLibrary()).documents[0]!;
      const { spans } = plainTextWithSpans(await lib.getDocument(doc.id));
      const create: number[] = [], edit: number[] = [], del: number[] = [];
      const cpu = { create: [] as number[], edit: [] as number[], del: [] as number[] };
      for (let i = 0; i < CHANGES; i++) {
        const s = spans[i]!;
        const word = `zqx${i}findme`;
        const c = await lib.createClaim({ documentId: doc.id, start: s.start, end: s.end, note: word });
        let t = performance.now(), u = process.cpuUsage();
        if ((await lib.search(word)).total !== 1) throw new Error('a new claim was not found');
        create.push(performance.now() - t); cpu.create.push(cpuMs(u));
        await lib.updateClaim(c.id, { note: `${word}edited` });
        t = performance.now(); u = process.cpuUsage();
        if ((await lib.search(`${word}edited`)).total !== 1) throw new Error('an edited claim was not found');
        edit.push(performance.now() - t); cpu.edit.push(cpuMs(u));
        await lib.deleteClaims([c.id]);
        t = performance.now(); u = process.cpuUsage();
        if ((await lib.search(`${word}edited`)).total !== 0) throw new Error('a deleted claim was still found');
        del.push(performance.now() - t); cpu.del.push(cpuMs(u));
      }
      const cpuNote = (a: number[]): string => `CPU p95 ${percentile(a, 95).toFixed(2)} ms (process: host + worker); ${load()}`;
      fresh.push({ metric: `create → findable, ${at} (p95)`, value: percentile(create, 95), unit: 'ms', goal: goal?.findableMs, samples: create, note: `first query after createClaim resolved; ${cpuNote(cpu.create)}` });
      fresh.push({ metric: `edit → findable, ${at} (p95)`, value: percentile(edit, 95), unit: 'ms', goal: goal?.findableMs, samples: edit, note: cpuNote(cpu.edit) });
      fresh.push({ metric: `delete → gone, ${at} (p95)`, value: percentile(del, 95), unit: 'ms', goal: goal?.findableMs, samples: del, note: cpuNote(cpu.del) });

      // "This corpus" with two corpora (the Search tab's default once a library has two): every
      // other document is moved to a second corpus by another connection, as the command line
      // would write, and the open corpus is searched and listed alone.
      const corpusId = (await lib.getLibrary()).corpusId!;
      splitCorpus(join(data, 'marginalia.sqlite'));
      const scoped = { filter: { corpusId } };
      const words1 = mix[0]![1];
      for (const w of f.words.slice(-20)) await lib.search(w, { limit: 20, ...scoped });
      const inCorpus: number[] = [], listed: number[] = [];
      let foundScoped = 0, listedTotal = 0;
      collect();
      for (const q of words1) { const a = performance.now(); foundScoped += (await lib.search(q, { limit: 20, ...scoped })).total; inCorpus.push(performance.now() - a); }
      for (let i = 0; i < 20; i++) { const a = performance.now(); listedTotal = (await lib.search('', { limit: 50, offset: i * 50, ...scoped })).total; listed.push(performance.now() - a); }
      fresh.push({ metric: `search one word in one corpus of two, ${at} (p95)`, value: percentile(inCorpus, 95), unit: 'ms', goal: goal?.queryMs, samples: inCorpus,
        note: `"This corpus", half the claims; p50 ${median(inCorpus).toFixed(2)} ms; ${Math.round(foundScoped / words1.length)} hits avg; ${load()}` });
      fresh.push({ metric: `list one corpus of two, a page of 50, ${at} (p95)`, value: percentile(listed, 95), unit: 'ms', goal: goal?.queryMs, samples: listed,
        note: `All claims, "This corpus", pages 1–20 of ${listedTotal.toLocaleString('en')} claims; p50 ${median(listed).toFixed(2)} ms` });
    } finally { lib.close(); }

    // MiniSearch on the same claims
    const m0 = heapMB();
    const tm = performance.now();
    const ms = miniSearchOf(f);
    const msBuild = performance.now() - tm;
    const msHeap = heapMB() - m0;
    const json = JSON.stringify(ms);
    const tl = performance.now();
    MiniSearch.loadJSON(json, { fields: ['quote', 'restatement', 'note', 'tags', 'entities', 'kind'] });
    const msLoad = performance.now() - tl;
    rows.push({ metric: `MiniSearch build / load / size / heap, ${at}`, value: msBuild / 1000, unit: 's', note: `load ${(msLoad / 1000).toFixed(2)} s, ${(json.length / 1_048_576).toFixed(0)} MB, heap ${msHeap.toFixed(0)} MB; ours/MiniSearch build ${(buildMs / msBuild).toFixed(2)}×` });
    for (const w of f.words.slice(-40)) ms.search(w);
    mix.forEach(([kind, queries], i) => {
      const theirs: number[] = [];
      collect();
      for (const q of queries) { const b = performance.now(); miniQuery(ms, kind, q); theirs.push(performance.now() - b); }
      const { ours, cpu, found, load: busy } = oursByKind[i]!;
      const p95 = percentile(ours, 95), mp95 = percentile(theirs, 95), ep95 = percentile(engineByKind[i]!, 95);
      rows.push({ metric: `search ${kind}, ${at} (p95)`, value: p95, unit: 'ms', goal: goal?.queryMs, samples: ours,
        note: `CPU p95 ${percentile(cpu, 95).toFixed(2)} ms; p50 ${median(ours).toFixed(2)} ms; MiniSearch p95 ${mp95.toFixed(2)} ms (ours/MS ${(p95 / mp95).toFixed(2)}×; engine alone, in this thread, p95 ${ep95.toFixed(2)} ms: ${(ep95 / mp95).toFixed(2)}×); ${Math.round(found / queries.length)} hits avg; ${busy}` });
    });
    rows.push(...fresh);
  } finally {
    await rm(data, { recursive: true, force: true });
  }
  return rows;
}

/** Builds the index from the store (no file yet) and saves it; the built index is dropped on return, so the next heap reading counts one index. */
function buildIndex(data: string): { built: OpenReport; buildMs: number; buildCpu: number; heapBuilt: number } {
  const h0 = heapMB();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const builder = new SearchIndex({ dbPath: join(data, 'marginalia.sqlite'), dataDir: data });
  const built = builder.open();
  const buildMs = performance.now() - t0;
  const buildCpu = cpuMs(c0);
  const heapBuilt = heapMB() - h0;
  builder.close();
  return { built, buildMs, buildCpu, heapBuilt };
}

/** Every level up to `max` claims (default: MARGINALIA_BENCH_SEARCH_MAX, else 10,000). */
export async function measureSearch(root: string, log: (m: string) => void, max = Number(process.env.MARGINALIA_BENCH_SEARCH_MAX ?? 10_000)): Promise<Row[]> {
  const corpusDir = join(root, 'search-brown');
  await writeBrownCorpus(corpusDir);
  const sentences = await brownSentences();
  const rows: Row[] = [];
  for (const n of SEARCH_LEVELS) {
    if (n > max) { log(`search: ${n.toLocaleString('en')} claims skipped (MARGINALIA_BENCH_SEARCH_MAX=${max})`); continue; }
    rows.push(...(await measureLevel(n, corpusDir, sentences, log)));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = await mkdtemp(join(tmpdir(), 'marginalia-search-bench-'));
  try {
    const rows = await measureSearch(root, (m) => process.stderr.write(`${m}\n`), Number(process.argv[2] ?? 10_000));
    console.log(formatTable(rows));
  } finally { await rm(root, { recursive: true, force: true }); }
}
