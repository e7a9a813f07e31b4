/**
 * `marginalia search "QUERY" [--json] [--passages] [--limit N] [--offset N]`: the same search as
 * the reader's Search tab (host/search/, query syntax of core/search/query-syntax.ts), ranked.
 * With `--passages` (or `in:text` in the query) it searches every paragraph of the corpus.
 */
import type { ClaimSearchHit, PassageSearchHit } from '../../core/api.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, cell, withLibrary, type Verb } from './verb.ts';

/** Default number of results printed. */
const DEFAULT_LIMIT = 20;

/** One printed result (the --json shape). */
interface Row {
  rank: number;
  score: number;
  type: 'claim' | 'passage';
  claimId: string | null;
  documentId: string;
  path: string | null;
  title: string;
  paragraph: number | null;
  /** [first, last] paragraph the claim or passage covers (as `claims --json`), null in headings and for orphans. */
  paragraphs: [number, number] | null;
  /** The claim's quote, or the paragraph's text (cut to about 180 / 240 characters around the first match). */
  quote: string;
  restatement: string | null;
  start: number;
  end: number;
}

function count(v: unknown, name: string, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}.`);
  return n;
}

export const searchVerb: Verb = {
  name: 'search',
  summary: 'search claims (or --passages: the text) and print ranked results',
  usage: `search "QUERY" [--json] [--passages] [--limit N] [--offset N] [--corpus DIR] [--data DIR]

  QUERY          words, "a phrase", tag:… entity:… kind:… source:… note:… quote:…, -word, A OR B
  --json         print JSON: { query, scope, total, message, results: [{ rank, score, type, claimId,
                 documentId, path, title, paragraph, paragraphs, quote, restatement, start, end }] }
  --passages     search every paragraph of the corpus instead of the claims (same as in:text)
  --limit N      results to print (default ${DEFAULT_LIMIT}, at most 500)
  --offset N     skip the first N results
${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' }, passages: { type: 'boolean' }, limit: { type: 'string' }, offset: { type: 'string' } },
  positionals: true,
  run: (values, positionals, io) => {
    if (positionals.length === 0) throw new UsageError('Give a query, e.g. search "permanent neutrality".');
    const query = positionals.join(' ');
    const limit = Math.min(500, count(values.limit, 'limit', DEFAULT_LIMIT, 1));
    const offset = count(values.offset, 'offset', 0, 0);
    return withLibrary(values, async (library) => {
      const [page, snap] = await Promise.all([
        library.search(query, { limit, offset, scope: values.passages ? 'passages' : 'claims' }), library.getLibrary(),
      ]);
      const paths = new Map(snap.documents.map((d) => [d.id, d.path]));
      const rows: Row[] = page.hits.map((h, i) => h.type === 'claim' ? claimRow(h, i, offset, paths) : passageRow(h, i, offset, paths));
      if (values.json) {
        io.out(JSON.stringify({ query, scope: page.scope, total: page.total, message: page.message, results: rows }, null, 2));
        return 0;
      }
      if (page.message) io.err(page.message);
      const shown = !rows.length ? (offset > 0 && page.total > 0 ? `, none from ${offset + 1} on` : '') : page.total > rows.length ? `, showing ${offset + 1}–${offset + rows.length}` : '';
      io.out(`${page.total} ${page.scope === 'passages' ? 'paragraph' : 'claim'}(s)${shown}`);
      for (const r of rows) {
        io.out(`${String(r.rank).padStart(3)}. ${r.score.toFixed(2).padStart(7)}  ${cell(r.path ?? r.documentId, 34)} ¶${String(r.paragraph ?? '–').padEnd(4)} ${r.claimId ?? ''}`);
        io.out(`      “${cell(r.quote, 100).trimEnd()}”${r.restatement ? `\n      → ${cell(r.restatement, 100).trimEnd()}` : ''}`);
      }
      return 0;
    }, { readOnly: true });
  },
};

function claimRow(h: ClaimSearchHit, i: number, offset: number, paths: Map<string, string>): Row {
  return {
    rank: offset + i + 1, score: h.score, type: 'claim', claimId: h.claimId, documentId: h.documentId, path: paths.get(h.documentId) ?? null,
    title: h.title, paragraph: h.paragraph, paragraphs: h.paragraph === null ? null : [h.paragraph, h.paragraphEnd ?? h.paragraph],
    quote: h.snippet.text, restatement: h.restatement, start: h.start, end: h.end,
  };
}

function passageRow(h: PassageSearchHit, i: number, offset: number, paths: Map<string, string>): Row {
  return {
    rank: offset + i + 1, score: h.score, type: 'passage', claimId: null, documentId: h.documentId, path: paths.get(h.documentId) ?? null,
    title: h.title, paragraph: h.paragraph, paragraphs: h.paragraph === null ? null : [h.paragraph, h.paragraph],
    quote: h.snippet.text, restatement: null, start: h.start, end: h.end,
  };
}
