/**
 * Citations out (issue 6): turns an ExportRequest into a finished file. It picks the claims
 * (select-claims.ts), the sources they cite (or every source), cleans each source's CSL item for
 * export (core/cite/csl-export.ts), gives it a citekey computed over the WHOLE library (so a key
 * does not change with what is selected), and writes the format: data bibliographies through the
 * writers of core/cite, formatted ones and every in-text citation through citeproc-js in the
 * formatter's worker thread (host/cite). Nothing is written to disk here: the caller (CLI, Save
 * dialog) writes the text, atomically.
 */
import {
  ApiError, EXPORT_FORMATS, type Claim, type ClaimCitation, type CslItem, type DocumentSummary, type Entity, type ExportFormat,
  type ExportRequest, type ExportResult,
} from '../../core/api.ts';
import { toBibtex } from '../../core/cite/bibtex.ts';
import { assignCitekeys } from '../../core/cite/citekeys.ts';
import { claimsCsv, type CsvClaimRow } from '../../core/cite/claims-csv.ts';
import type { ClaimFacts } from '../../core/cite/claim-facts.ts';
import { exportableItem } from '../../core/cite/csl-export.ts';
import { toCslJson } from '../../core/cite/csl-json.ts';
import { paragraphLocator } from '../../core/cite/locator.ts';
import { notesMarkdown, type NoteEntry, type NoteGroup } from '../../core/cite/notes-markdown.ts';
import { toRis } from '../../core/cite/ris.ts';
import { claimLink } from '../../core/links.ts';
import type { CiteFormatter } from '../cite/formatter.ts';
import { listEntities } from '../store/entities-repo.ts';
import type { LibraryContext } from '../library/context.ts';
import { annotationCollectionOf } from '../library/interchange.ts';
import { listMetadataSources } from '../references/library-references.ts';
import { readSettings } from '../library/settings.ts';
import { exportContextOf, librarySummaries } from './export-context.ts';
import { claimParagraphs, selectClaims } from './select-claims.ts';

/** What an export needs besides the request. */
export interface ExportDeps {
  ctx: LibraryContext;
  /** The citeproc formatter (started on first use). */
  formatter: () => CiteFormatter;
  /** The library's search (host/search): ids of every claim a query finds, in rank order. */
  search: (query: string) => Promise<string[]>;
}

/** Style of the formatted bibliography formats. */
const FORMAT_STYLE: Partial<Record<ExportFormat, string>> = { apa: 'apa', chicago: 'chicago-author-date', mla: 'mla' };

/** A source of the library, ready to cite: a document, or a work added from a reference (no text). */
interface CitedSource { id: string; title: string; item: CslItem; key: string }

/**
 * Every source of the library with its exportable CSL item and citekey, and warnings per source:
 * present and removed documents, then the metadata-only sources promoted from references
 * (issue 9). Keys are assigned over all of them at once, so a key never depends on what an
 * export selects.
 */
function citableSources(ctx: LibraryContext): { byId: Map<string, CitedSource>; warnings: Map<string, string[]> } {
  const summaries: DocumentSummary[] = librarySummaries(ctx);
  const prepared = [
    ...summaries.map((summary) => ({ id: summary.id, title: summary.title, ...exportableItem(summary.csl ?? { id: summary.id, type: 'document' }, exportContextOf(ctx, summary)) })),
    ...listMetadataSources(ctx.store.db).map((m) => ({ id: m.id, title: m.csl.title ?? m.id, ...exportableItem({ ...m.csl, id: m.id }, { path: m.id }) })),
  ];
  const keys = assignCitekeys(prepared.map((p) => p.item));
  const byId = new Map<string, CitedSource>();
  const warnings = new Map<string, string[]>();
  for (const p of prepared) {
    const key = keys.get(p.item.id) ?? p.item.id;
    byId.set(p.id, { id: p.id, title: p.title, item: { ...p.item, id: key }, key });
    if (p.warnings.length) warnings.set(p.id, p.warnings);
  }
  return { byId, warnings };
}

/**
 * The CSL style of a formatted bibliography: the format's own (apa, chicago, mla), or a .csl file
 * the user names with `style`. Another built-in style than the format's is refused, so
 * `--format apa --style mla` never quietly prints APA.
 */
function bibliographyStyle(format: ExportFormat, style: string | undefined): string {
  const own = FORMAT_STYLE[format]!;
  if (style === undefined || style === own || (format === 'chicago' && style === 'chicago')) return own;
  if (/\.csl$/i.test(style)) return style;
  throw new ApiError('bad-input', `The ${format} format is formatted in its own style; "${style}" is a different one. Choose that format instead, or give a .csl file as the style.`);
}

function checkRequest(request: ExportRequest): void {
  if (!request || typeof request !== 'object') throw new ApiError('bad-input', 'Say what to export.');
  if (!(EXPORT_FORMATS as readonly string[]).includes(request.format)) {
    throw new ApiError('bad-input', `Unknown export format "${String(request.format)}"; known: ${EXPORT_FORMATS.join(', ')}.`);
  }
  if (request.group !== undefined && request.group !== 'source' && request.group !== 'entity') throw new ApiError('bad-input', 'Group notes by "source" or "entity".');
  if (request.citations !== undefined && request.citations !== 'formatted' && request.citations !== 'pandoc') throw new ApiError('bad-input', 'Citations are "formatted" or "pandoc".');
}

/** "¶ 3" / "¶ 3–4" for a claim, empty for an orphan. */
function placeLabel(first: number | null, last: number | null): string {
  if (first === null) return '';
  return last !== null && last !== first ? `¶ ${first}–${last}` : `¶ ${first}`;
}

/** A CSL cite of a claim: its source's key and its paragraph locator. */
function citeOf(ctx: LibraryContext, claim: Claim, source: CitedSource): { id: string; locator?: string; label?: string } {
  const [first, last] = claimParagraphs(ctx, claim);
  const loc = paragraphLocator(first, last);
  return loc ? { id: source.key, locator: loc.locator, label: loc.label } : { id: source.key };
}

/** The Pandoc form of a claim's citation: `[@key, para. 3]`. */
function pandocCite(ctx: LibraryContext, claim: Claim, source: CitedSource): string {
  const [first, last] = claimParagraphs(ctx, claim);
  if (first === null) return `[@${source.key}]`;
  return last !== null && last !== first ? `[@${source.key}, paras. ${first}–${last}]` : `[@${source.key}, para. ${first}]`;
}

/** Source-level warnings for the cited sources (each names its source's path). */
function sourceWarnings(sources: CitedSource[], warnings: Map<string, string[]>): string[] {
  return sources.flatMap((s) => warnings.get(s.id) ?? []);
}

/** Runs one export. Rejects with ApiError('bad-input') for a request it cannot do. */
export async function runExport(deps: ExportDeps, request: ExportRequest): Promise<ExportResult> {
  checkRequest(request);
  const { ctx } = deps;
  const db = ctx.store.db;
  const { claims, warnings: selectionWarnings } = await selectClaims(ctx, request.selection, deps.search);
  const { byId, warnings } = citableSources(ctx);
  const cited: CitedSource[] = [];
  const seen = new Set<string>();
  const sourceIds = request.allSources ? [...byId.keys()] : claims.map((c) => c.documentId);
  for (const id of sourceIds) {
    const s = byId.get(id);
    if (s && !seen.has(id)) { seen.add(id); cited.push(s); }
  }
  const items = cited.map((s) => s.item);
  const base = { claims: claims.length, sources: cited.length };
  const warn = [...selectionWarnings, ...sourceWarnings(cited, warnings)];
  const style = request.style ?? 'apa';
  const f = request.format;

  switch (f) {
    case 'bibtex': case 'biblatex':
      return { ...base, text: toBibtex(items, keysOf(cited), { dialect: f }), filename: 'marginalia-sources.bib', mime: 'application/x-bibtex', warnings: warn };
    case 'ris':
      return { ...base, text: toRis(items, keysOf(cited)), filename: 'marginalia-sources.ris', mime: 'application/x-research-info-systems', warnings: warn };
    case 'csl-json':
      return { ...base, text: toCslJson(items, keysOf(cited)), filename: 'marginalia-sources.json', mime: 'application/vnd.citationstyles.csl+json', warnings: warn };
    case 'apa': case 'chicago': case 'mla': {
      const output = request.output ?? 'text';
      const bib = await deps.formatter().formatBibliography(items, bibliographyStyle(f, request.style), output);
      const text = output === 'html'
        ? `<div class="csl-bib-body">\n${bib.entries.map((e) => e.text.trim()).join('\n')}\n</div>\n`
        : bib.entries.map((e) => e.text.trim()).join('\n\n') + '\n';
      return { ...base, text, filename: `marginalia-bibliography-${f}.${output === 'html' ? 'html' : 'txt'}`, mime: output === 'html' ? 'text/html' : 'text/plain', warnings: [...warn, ...bib.warnings] };
    }
    case 'jsonld': // annotations need no title or date: the sources' gaps are not reported here
      return { ...base, text: annotationCollectionOf(ctx, claims), filename: 'marginalia-annotations.jsonld', mime: 'application/ld+json', warnings: selectionWarnings };
    case 'markdown': case 'csv': {
      const entities = new Map((db ? listEntities(db) : []).map((e) => [e.id, e]));
      const kinds = new Map(readSettings(db).kinds.map((k) => [k.id, k.label]));
      const pandoc = f === 'markdown' && request.citations === 'pandoc';
      const citable = claims.filter((c) => byId.has(c.documentId));
      let citations: string[];
      let bibliography: string[] = [];
      if (pandoc) {
        citations = citable.map((c) => pandocCite(ctx, c, byId.get(c.documentId)!));
      } else {
        const out = await deps.formatter().formatCitations(items, citable.map((c) => [citeOf(ctx, c, byId.get(c.documentId)!)]), style, 'text');
        citations = out.citations;
        bibliography = out.bibliography.map((b) => b.text);
      }
      const citationOf = new Map(citable.map((c, i) => [c.id, citations[i] ?? '']));
      const facts = (c: Claim): ClaimFacts => ({
        quote: c.quote.exact, restatement: c.restatement, note: c.note, kind: kinds.get(c.kind) ?? c.kind,
        entities: c.entityIds.map((id) => entities.get(id)?.name ?? '').filter(Boolean), tags: c.tags,
        citation: citationOf.get(c.id) ?? '', link: claimLink(c.id),
      });
      if (f === 'csv') {
        const rows = citable.map((c): CsvClaimRow => {
          const s = byId.get(c.documentId)!;
          const [first, last] = claimParagraphs(ctx, c);
          return {
            ...facts(c), source: s.item.title ?? s.title, citekey: s.key,
            paragraphs: first === null ? '' : last !== null && last !== first ? `${first}–${last}` : String(first),
          };
        });
        return { ...base, text: claimsCsv(rows), filename: 'marginalia-claims.csv', mime: 'text/csv', warnings: warn };
      }
      const entry = (c: Claim): NoteEntry => {
        const [first, last] = claimParagraphs(ctx, c);
        return { ...facts(c), place: placeLabel(first, last) };
      };
      const groups = request.group === 'entity' ? groupByEntity(citable, entities, entry) : groupBySource(citable, byId, entry);
      const bibFile = bibNameFor(request.filename);
      const text = notesMarkdown({
        title: 'Marginalia notes', groups, citations: pandoc ? 'pandoc' : 'formatted', bibliography, generated: new Date().toISOString(),
        ...(pandoc ? { bibFile } : {}),
      });
      const result: ExportResult = { ...base, text, filename: 'marginalia-notes.md', mime: 'text/markdown', warnings: warn };
      if (pandoc) result.companion = { filename: bibFile, text: toBibtex(items, keysOf(cited), { dialect: 'biblatex' }), mime: 'application/x-bibtex' };
      return result;
    }
  }
}

/** The .bib beside Pandoc notes: the notes' own name with .bib (a bare file name, never a path). */
function bibNameFor(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  return `${base || 'marginalia-notes'}.bib`;
}

function keysOf(sources: CitedSource[]): Map<string, string> {
  return new Map(sources.map((s) => [s.key, s.key]));
}

function groupBySource(claims: Claim[], byId: Map<string, CitedSource>, entry: (c: Claim) => NoteEntry): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  for (const c of claims) {
    const s = byId.get(c.documentId)!;
    let g = groups.get(s.id);
    if (!g) { g = { heading: s.item.title ?? s.title, entries: [] }; groups.set(s.id, g); }
    g.entries.push(entry(c));
  }
  return [...groups.values()];
}

/** One section per entity (a claim with several entities appears under each), then "No entity". */
function groupByEntity(claims: Claim[], entities: Map<string, Entity>, entry: (c: Claim) => NoteEntry): NoteGroup[] {
  const groups = new Map<string, NoteGroup>();
  const none: NoteGroup = { heading: 'No entity', entries: [] };
  for (const c of claims) {
    const named = c.entityIds.filter((id) => entities.has(id));
    if (!named.length) { none.entries.push(entry(c)); continue; }
    for (const id of named) {
      let g = groups.get(id);
      if (!g) { g = { heading: entities.get(id)!.name, entries: [] }; groups.set(id, g); }
      g.entries.push(entry(c));
    }
  }
  const sorted = [...groups.values()].sort((a, b) => a.heading.localeCompare(b.heading));
  return none.entries.length ? [...sorted, none] : sorted;
}

/** One claim as quote + in-text citation for the clipboard. Rejects for an unknown claim. */
export async function citeClaim(deps: ExportDeps, claimId: string, style = 'apa'): Promise<ClaimCitation> {
  const { claims } = await selectClaims(deps.ctx, { claimIds: [claimId] }, deps.search);
  const claim = claims[0];
  if (!claim) throw new ApiError('not-found', 'That claim is no longer in the library.');
  const { byId } = citableSources(deps.ctx);
  const source = byId.get(claim.documentId);
  if (!source) throw new ApiError('not-found', 'The source of that claim is no longer in the library.');
  const cite = [[citeOf(deps.ctx, claim, source)]];
  const [text, html] = await Promise.all([
    deps.formatter().formatCitations([source.item], cite, style, 'text'),
    deps.formatter().formatCitations([source.item], cite, style, 'html'),
  ]);
  const citation = text.citations[0] ?? '';
  const link = claimLink(claim.id);
  const quote = claim.quote.exact;
  return {
    citation, link,
    text: `“${quote}” ${citation}`,
    html: `<blockquote>${quote.split(/\n+/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</blockquote><p>${html.citations[0] ?? escapeHtml(citation)} <a href="${escapeHtml(link)}">Open in Marginalia</a></p>`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
