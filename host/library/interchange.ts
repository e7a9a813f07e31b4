/**
 * Export and import of claims as a W3C Web Annotation collection (core/annotations/web-annotation.ts).
 * Import anchors each annotation in the document whose IRI is its `source`, creates the entities
 * it names that the library lacks, keeps what it cannot place as orphans, and is one undoable
 * action. Annotations it cannot use are listed as problems, never silently dropped.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type Claim, type ClaimFilter, type Entity, type LinkRelation, type ReanchorSummary } from '../../core/api.ts';
import { fromAnnotationCollection, toAnnotationCollection, type ImportedAnnotation } from '../../core/annotations/web-annotation.ts';
import { exportableItem } from '../../core/cite/csl-export.ts';
import { exportContextOf, librarySummaries } from '../export/export-context.ts';
import { getClaim, listClaims, listLinks, writeClaim, writeLink } from '../store/claims-repo.ts';
import { listEntities, writeEntity } from '../store/entities-repo.ts';
import type { RowRecorder } from '../store/history.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import { emptySummary, placeClaims } from './reanchor.ts';
import { sourceMatcher, type SourceMatch } from './source-match.ts';
import { readSettings, writeSettings } from './settings.ts';
import * as check from './validate.ts';

/** Colour given to a kind that arrives with an import and is not in the settings yet. */
const IMPORTED_KIND_COLOR = '#b0b0b0';

/** The claims matching `filter` as a JSON-LD AnnotationCollection. */
export function exportAnnotations(ctx: LibraryContext, filter: ClaimFilter): string {
  const db = ctx.store.db;
  return annotationCollectionOf(ctx, db ? listClaims(db, filter) : []);
}

/**
 * These claims as a JSON-LD AnnotationCollection; each target names its source with the
 * source's exportable CSL item (title, creators, date, URL: core/cite/csl-export.ts).
 */
export function annotationCollectionOf(ctx: LibraryContext, claims: Claim[]): string {
  const db = ctx.store.db;
  const ids = new Set(claims.map((c) => c.id));
  const documents = librarySummaries(ctx)
    .map((d) => ({ id: d.id, iri: d.iri, title: d.title, csl: exportableItem(d.csl ?? { id: d.id, type: 'document' }, exportContextOf(ctx, d)).item }));
  const collection = toAnnotationCollection({
    claims,
    documents,
    entities: db ? listEntities(db) : [],
    links: db ? listLinks(db).filter((l) => ids.has(l.from) && ids.has(l.to)) : [],
    generated: new Date().toISOString(),
  });
  return JSON.stringify(collection, null, 2);
}

/** Finds entities by Wikidata id or any of their names, creating the ones the library lacks. */
class EntityResolver {
  readonly #byWikidata = new Map<string, Entity>();
  readonly #byName = new Map<string, Entity>();
  constructor(existing: Entity[]) { for (const e of existing) this.#index(e); }

  #index(e: Entity): void {
    if (e.wikidata) this.#byWikidata.set(e.wikidata, e);
    for (const n of [e.name, ...e.aliases]) if (!this.#byName.has(n.toLowerCase())) this.#byName.set(n.toLowerCase(), e);
  }

  resolve(rec: RowRecorder, want: ImportedAnnotation['entities'][number], problems: string[]): string | null {
    let wikidata: string | null = null;
    try { wikidata = check.wikidata(want.wikidata); } catch { problems.push(`"${String(want.wikidata)}" is not a Wikidata id; ${want.name} was imported without one.`); }
    const names = [want.name, ...(Array.isArray(want.aliases) ? want.aliases : [])].filter((n): n is string => typeof n === 'string');
    const hit = (wikidata && this.#byWikidata.get(wikidata)) || names.map((n) => this.#byName.get(n.trim().toLowerCase())).find(Boolean);
    if (hit) return hit.id;
    let name: string;
    try { name = check.name(want.name, 'entity name'); } catch { problems.push('An entity without a name was left out.'); return null; }
    const type = check.ENTITY_TYPES.includes(want.type as Entity['type']) ? want.type as Entity['type'] : 'other';
    const aliases = check.nameList(Array.isArray(want.aliases) ? want.aliases.filter((a) => typeof a === 'string') : [], 'aliases')
      .filter((a) => a.toLowerCase() !== name.toLowerCase());
    const description = typeof want.description === 'string' ? want.description.slice(0, check.NOTE_LIMIT_BYTES) : '';
    const entity: Entity = { id: randomUUID(), name, type, aliases, description, wikidata };
    const now = new Date().toISOString();
    writeEntity(rec, entity, now, now);
    this.#index(entity);
    return entity.id;
  }
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/** A claim id to keep from the file: our own ids survive a round trip; anything else gets a new one. */
function claimIdFrom(db: DatabaseSync, id: string | undefined): { id: string; duplicate: boolean } {
  const bare = id?.replace(/^urn:uuid:/i, '');
  if (bare && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(bare)) {
    return { id: bare, duplicate: getClaim(db, bare) !== null };
  }
  return { id: randomUUID(), duplicate: false };
}

/** The claim imported before from the annotation `via` (another tool's id), or null. */
function claimVia(db: DatabaseSync, via: string): string | null {
  const row = db.prepare('SELECT id FROM claims WHERE via = ?').get(via) as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * Import W3C Web Annotations (our JSON-LD, Hypothesis JSON-LD or Hypothesis API JSON) as one
 * undoable action. Each annotation goes to the document its source names (source-match.ts);
 * what cannot be used is listed in `problems`, one line per row with the reason; when none
 * could be imported nothing is written (`imported` 0; the CLI then exits 1). Throws
 * ApiError('bad-input') for a file that holds no usable annotation at all.
 */
export function importAnnotations(ctx: LibraryContext, jsonld: string): { imported: number; summary: ReanchorSummary; problems: string[] } {
  const db = writableDb(ctx);
  if (typeof jsonld !== 'string' || jsonld.trim() === '') check.badInput('The file to import is empty.');
  const parsed = fromAnnotationCollection(jsonld);
  if (parsed.items.length === 0) {
    throw new ApiError('bad-input', parsed.problems.length
      ? `Nothing could be imported:\n${parsed.problems.join('\n')}`
      : 'The file holds no annotations.');
  }
  const problems = [...parsed.problems];
  const summary = emptySummary();
  // Which document each annotation is about: IRI, then URL/DOI, then a quote in one document only.
  const match = sourceMatcher(ctx);
  const matches = new Map<ImportedAnnotation, SourceMatch>(parsed.items.map((item) => [item, match(item)]));
  let imported = 0;
  const settings = readSettings(db);
  // Anchor per document, so each document's text is indexed once.
  const placements = new Map<ImportedAnnotation, ReturnType<typeof placeClaims>[number]>();
  const byDocument = new Map<string, ImportedAnnotation[]>();
  for (const item of parsed.items) {
    const documentId = matches.get(item)!.documentId;
    if (!documentId) continue;
    const list = byDocument.get(documentId);
    if (list) list.push(item); else byDocument.set(documentId, [item]);
  }
  for (const [documentId, items] of byDocument) {
    // Another tool's offsets are over its own copy of the text: only a match by IRI uses them.
    const placed = placeClaims(ctx.documents.get(documentId), items.map((i) => {
      const m = matches.get(i)!;
      return { quote: i.quote, position: m.documentId !== null && m.by === 'iri' ? i.position : undefined };
    }));
    items.forEach((item, k) => placements.set(item, placed[k]!));
  }
  inAction(db, 'Import annotations', (rec) => {
    const resolver = new EntityResolver(listEntities(db));
    /** Claim id in the library of each annotation id in the file (for links between them). */
    const idMap = new Map<string, string>();
    const linksToMake: Array<{ from: string; target: string; relation: LinkRelation }> = [];
    for (const item of parsed.items) {
      const label = `${item.label} "${short(item.quote.exact)}"`;
      const matched = matches.get(item)!;
      if (matched.documentId === null) { problems.push(matched.reason); continue; }
      const documentId = matched.documentId;
      const { id, duplicate } = claimIdFrom(db, item.id);
      if (item.id) idMap.set(item.id, id);
      if (duplicate) { problems.push(`${label}: already in the library; skipped.`); continue; }
      const before = item.via ? claimVia(db, item.via) : null;
      if (before) { problems.push(`${label}: imported before (claim ${before}); skipped.`); continue; }
      if (matched.assumption) problems.push(matched.assumption);
      let fields: Pick<Claim, 'restatement' | 'note' | 'tags'>;
      try {
        fields = {
          restatement: check.longText(item.restatement ?? '', 'restatement'),
          note: check.longText(item.note ?? '', 'note'),
          tags: check.nameList(item.tags, 'tags'),
        };
      } catch (err) {
        problems.push(`${label}: ${(err as Error).message} Skipped.`);
        continue;
      }
      const kind = item.kind?.trim() || settings.kinds[0]?.id || 'claim';
      if (!settings.kinds.some((k) => k.id === kind)) settings.kinds.push({ id: kind, label: kind, color: IMPORTED_KIND_COLOR });
      const placed = placements.get(item)!;
      summary[placed.status] += 1;
      const entityIds = [...new Set(item.entities.flatMap((e) => { const r = resolver.resolve(rec, e, problems); return r ? [r] : []; }))];
      const now = new Date().toISOString();
      writeClaim(db, rec, {
        id, documentId, quote: item.quote, ...placed, ...fields, kind, entityIds, created: item.created ?? now, modified: item.modified ?? now,
        ...(item.via ? { via: item.via } : {}), ...(item.creator ? { creator: item.creator } : {}),
      });
      for (const l of item.links) linksToMake.push({ from: id, target: l.target, relation: l.relation });
      imported += 1;
    }
    const existing = new Set(listLinks(db).map((l) => `${l.from} ${l.to} ${l.relation}`));
    for (const l of linksToMake) {
      const to = idMap.get(l.target) ?? (getClaim(db, l.target) ? l.target : null);
      if (!to || to === l.from) { problems.push(`A link to ${l.target} was left out: that claim is not in the library.`); continue; }
      if (existing.has(`${l.from} ${to} ${l.relation}`)) continue;
      existing.add(`${l.from} ${to} ${l.relation}`);
      writeLink(rec, { id: randomUUID(), from: l.from, to, relation: l.relation }, new Date().toISOString());
    }
    writeSettings(db, settings);
  });
  // In file order: what the reader could not parse and what found no document, row by row.
  const rowOf = (p: string): number => Number(/^Row (\d+)/.exec(p)?.[1] ?? 0);
  problems.sort((a, b) => rowOf(a) - rowOf(b));
  return { imported, summary, problems };
}
