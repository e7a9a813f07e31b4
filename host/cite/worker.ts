/**
 * The cite worker (a node:worker_threads Worker started by formatter.ts): loads styles, keeps the
 * most recently used citeproc-js engines built, and answers one request at a time.
 *
 * Messages in: {@link CiteRequest}; out: {@link CiteReply} with the same `seq`. Errors become
 * `{ code, message }` values: 'bad-input' for what the caller can fix (unknown style, broken
 * .csl file, a cite of an item that was not given), 'internal' for the rest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CslItem } from '../../core/api.ts';
import { StyleEngine, type CiteOutput, type CiteRef } from './engine.ts';
import { BUILT_IN_STYLES, StyleError, canonicalStyleId, loadStyle, type StyleInfo } from './styles.ts';

/** What the formatter asks of the worker. */
export type CiteRequest =
  | { seq: number; op: 'bibliography'; items: CslItem[]; style: string; output: CiteOutput }
  | { seq: number; op: 'citations'; items: CslItem[]; cites: CiteRef[][]; style: string; output: CiteOutput }
  | { seq: number; op: 'styles' }
  | { seq: number; op: 'warm'; style: string };

/** The worker's answer to one request. */
export type CiteReply =
  | { seq: number; ok: true; value: unknown }
  | { seq: number; ok: false; error: { code: 'bad-input' | 'internal'; message: string } };

/** Data the formatter gives the worker at start. */
export interface CiteWorkerData {
  /** Folders holding the shipped `<style>.json` files (dist/cite/styles), tried in order. */
  stylesDirs: string[];
  /** How many engines to keep built (least recently used goes first). */
  maxEngines: number;
  /** Directory relative .csl paths are resolved against (the caller's working directory). */
  cwd: string;
}

/** An error the caller can fix, reported as 'bad-input'. */
class BadInput extends Error {}

const data = workerData as CiteWorkerData;
/** Built engines by canonical style id, in least-recently-used order (Map keeps insertion order). */
const engines = new Map<string, StyleEngine>();
/** Titles of user .csl styles used in this session, for listStyles. */
const userStyles = new Map<string, string>();

async function engineFor(style: string): Promise<StyleEngine> {
  const id = canonicalStyleId(style, data.cwd);
  const cached = engines.get(id);
  const loaded = cached && !isUserPath(id) ? cached.style : await loadStyle(id, data.stylesDirs);
  // A user's .csl file is read again on each request: an edited file gets a new engine.
  if (cached && cached.style.source === loaded.source) {
    engines.delete(id);
    engines.set(id, cached);
    return cached;
  }
  const engine = new StyleEngine(loaded);
  if (isUserPath(id)) userStyles.set(id, loaded.title);
  engines.delete(id);
  engines.set(id, engine);
  while (engines.size > Math.max(1, data.maxEngines)) engines.delete(engines.keys().next().value!);
  return engine;
}

function isUserPath(id: string): boolean {
  return !BUILT_IN_STYLES.some((s) => s.id === id);
}

/** A readable name for an item in a warning: its title, else its id. */
function itemLabel(item: CslItem | undefined, id: string): string {
  return item?.title ? `"${item.title}"` : id;
}

function checkItems(items: unknown): CslItem[] {
  if (!Array.isArray(items)) throw new BadInput('The sources to format must be a list of CSL items.');
  const seen = new Set<string>();
  for (const [n, item] of items.entries()) {
    const id = (item as CslItem | null)?.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new BadInput(`Source ${n + 1} has no id.`);
    if (seen.has(String(id))) throw new BadInput(`Two sources share the id "${id}".`);
    seen.add(String(id));
  }
  return items as CslItem[];
}

/** The locator labels CSL 1.0.2 defines (a citeproc-js engine prints an unknown one as a bare number). */
export const LOCATOR_LABELS = new Set(['act', 'appendix', 'article-locator', 'book', 'canon', 'chapter', 'column', 'elocation', 'equation', 'figure', 'folio', 'issue', 'line', 'note', 'opus', 'page', 'paragraph', 'part', 'rule', 'scene', 'section', 'sub-verbo', 'supplement', 'table', 'timestamp', 'title-locator', 'verse', 'version', 'volume']);

function checkCites(cites: unknown): CiteRef[][] {
  if (!Array.isArray(cites)) throw new BadInput('The citations must be a list, each a list of cites.');
  for (const [n, cluster] of cites.entries()) {
    if (!Array.isArray(cluster) || !cluster.length) throw new BadInput(`Citation ${n + 1} cites nothing: give at least one source id.`);
    for (const c of cluster as CiteRef[]) {
      if (c?.label !== undefined && !LOCATOR_LABELS.has(c.label)) throw new BadInput(`Citation ${n + 1}: unknown locator label "${c.label}"; use one of ${[...LOCATOR_LABELS].join(', ')}.`);
    }
  }
  return cites as CiteRef[][];
}

async function handle(req: CiteRequest): Promise<unknown> {
  switch (req.op) {
    case 'styles': {
      const list: StyleInfo[] = BUILT_IN_STYLES.map((s) => ({ id: s.id, title: s.title }));
      for (const [id, title] of userStyles) list.push({ id, title });
      return list;
    }
    case 'warm': {
      const engine = await engineFor(req.style);
      return { style: engine.style.id, buildMs: engine.buildMs };
    }
    case 'bibliography':
    case 'citations': {
      const items = checkItems(req.items);
      const cites = req.op === 'citations' ? checkCites(req.cites) : [];
      const engine = await engineFor(req.style);
      let out;
      try {
        out = engine.format(items, cites, req.output);
      } catch (err) {
        throw new BadInput((err as Error).message);
      }
      const byId = new Map(items.map((i) => [String(i.id), i]));
      const warnings = out.unprinted.map((id) => `${itemLabel(byId.get(id), id)}: ${engine.style.title} prints no bibliography entry for this source (it lacks what the style needs, such as a title or an author).`);
      out.citations.forEach((c, n) => {
        if (c.includes('CSL STYLE ERROR')) warnings.push(`Citation ${n + 1} (${cites[n]!.map((r) => itemLabel(byId.get(r.id), r.id)).join('; ')}) has no printed form in ${engine.style.title}.`);
      });
      return req.op === 'bibliography'
        ? { entries: out.entries, warnings }
        : { citations: out.citations, bibliography: out.entries, warnings };
    }
    default:
      throw new Error(`Unknown request ${(req as { op: string }).op}.`);
  }
}

/** Requests run one at a time, in order: a citeproc-js engine holds one processor state. */
let queue: Promise<unknown> = Promise.resolve();

parentPort!.on('message', (req: CiteRequest) => {
  queue = queue.then(async () => {
    let reply: CiteReply;
    try {
      reply = { seq: req.seq, ok: true, value: await handle(req) };
    } catch (err) {
      const known = err instanceof StyleError || err instanceof BadInput;
      const message = known ? (err as Error).message : `Formatting failed: ${(err as Error)?.message ?? String(err)}`;
      reply = { seq: req.seq, ok: false, error: { code: known ? 'bad-input' : 'internal', message } };
    }
    try {
      parentPort!.postMessage(reply);
    } catch (err) {
      parentPort!.postMessage({ seq: req.seq, ok: false, error: { code: 'internal', message: `The result could not be sent back: ${(err as Error).message}` } } satisfies CiteReply);
    }
  });
});
