/**
 * Works cited behind the contract (issue 9): the references of the library's documents, the
 * user's corrections, promotion to metadata-only sources, and links between sources.
 *
 * References are computed from each document's model on first use and cached with the loaded
 * document (a re-read corpus makes new LoadedDocument objects, so the cache follows the text).
 * Only corrections and promotions are stored (references-repo.ts), keyed by the reference id,
 * which comes from the document id and the note's label: re-importing an unchanged file finds
 * them again; a note whose text changed keeps them and is flagged `textChanged`.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type Block, type CslItem, type Inline, type DocumentReference, type MetadataSource, type SourceField, type SourcePatch } from '../../core/api.ts';
import { checkSourcePatch, effectiveSource, mergeEdits, type SourceEdits } from '../../core/cite/source-patch.ts';
import { fnv1a64 } from '../../core/corpus/hash.ts';
import { referencesCitedIn } from '../../core/references/claims.ts';
import { extractReferences, type ExtractedReference } from '../../core/references/extract.ts';
import { prepareCandidates, type MatchCandidate } from '../../core/references/match.ts';
import { getClaims } from '../store/claims-repo.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from '../library/context.ts';
import { blockIndexAt, type LoadedDocument } from '../library/loaded-document.ts';
import { listMetadataSources as readSources, readCorrections, writeCorrection, writeMetadataSource, type Correction } from './references-repo.ts';

/** A document's references with their ids, as parsed (no corrections). */
interface Parsed extends ExtractedReference { id: string; documentId: string }

/** The source a reference names, and why. */
type Link = { id: string; kind: NonNullable<DocumentReference['sourceMatch']> } | null;

const cache = new WeakMap<LoadedDocument, Parsed[]>();

/** The parsed references of a loaded document, computed once per loaded text. */
export function parsedReferences(doc: LoadedDocument): Parsed[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const seen = new Map<string, number>();
  const out = extractReferences(doc.model).map((r) => {
    const base = `${doc.summary.id}:${r.origin === 'footnote' ? 'n' : 'l'}${r.label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...r, id: n === 1 ? base : `${base}~${n}`, documentId: doc.summary.id };
  });
  cache.set(doc, out);
  return out;
}

/** The document id inside a reference id. */
function documentOf(referenceId: string): string {
  return referenceId.slice(0, referenceId.indexOf(':'));
}

/** Sources a reference may name: the other documents of the library and the metadata-only sources. */
function candidates(ctx: LibraryContext, sources: MetadataSource[]): MatchCandidate[] {
  return [
    ...ctx.documents.summaries.map((s) => ({ id: s.id, csl: s.csl, title: s.title, year: s.year })),
    ...sources.map((s) => ({ id: s.id, csl: s.csl })),
  ];
}

/** The wire form: parsed fields, corrections on top, confidence, link. */
function toWire(p: Parsed, c: Correction | undefined, link: Link): DocumentReference {
  const seed: CslItem = { id: p.id, ...p.item, type: String(p.item.type ?? 'document') };
  const fields: SourceEdits = c?.fields ?? {};
  const csl = effectiveSource(seed, fields, p.id).csl ?? seed;
  if (typeof p.item.note === 'string') csl.note = p.item.note;
  const corrected = Object.keys(fields) as SourceField[];
  const confidence: Record<string, number> = { ...(p.confidence as Record<string, number>) };
  for (const f of corrected) { if (fields[f] === null) delete confidence[f]; else confidence[f] = 1; }
  return {
    id: p.id, documentId: p.documentId, origin: p.origin, label: p.label, position: p.position, raw: p.raw, csl, confidence,
    correctedFields: corrected, textChanged: !!c && c.raw !== p.raw,
    sourceId: link?.id ?? null, sourceMatch: link?.kind ?? null,
  };
}

/** Wire references of some documents, linked to the library's sources. */
function wireAll(ctx: LibraryContext, docs: LoadedDocument[]): DocumentReference[] {
  const db = ctx.store.db;
  const sources = db ? readSources(db) : [];
  const promoted = new Map(sources.map((s) => [s.referenceId, s.id]));
  const cands = prepareCandidates(candidates(ctx, sources));
  const out: DocumentReference[] = [];
  for (const doc of docs) {
    const corrections = db ? readCorrections(db, doc.summary.id) : new Map<string, Correction>();
    for (const p of parsedReferences(doc)) {
      const unlinked = toWire(p, corrections.get(p.id), null);
      const own = promoted.get(p.id);
      const link = own ? { id: own, kind: 'promoted' as const } : cands.match(unlinked.csl, doc.summary.id);
      out.push(link ? { ...unlinked, sourceId: link.id, sourceMatch: link.kind } : unlinked);
    }
  }
  return out;
}

/** The references of a document (in order), or of every present document. */
export function listReferences(ctx: LibraryContext, documentId?: string): DocumentReference[] {
  if (documentId === undefined) return wireAll(ctx, ctx.documents.all());
  const doc = typeof documentId === 'string' ? ctx.documents.get(documentId) : null;
  return doc ? wireAll(ctx, [doc]) : [];
}

function referenceOrThrow(ctx: LibraryContext, id: unknown): { doc: LoadedDocument; parsed: Parsed } {
  const doc = typeof id === 'string' && id.includes(':') ? ctx.documents.get(documentOf(id)) : null;
  const parsed = doc ? parsedReferences(doc).find((p) => p.id === id) : undefined;
  if (!doc || !parsed) throw new ApiError('not-found', `There is no reference "${String(id)}" in the library (its document may have left the corpus).`);
  return { doc, parsed };
}

function oneReference(ctx: LibraryContext, doc: LoadedDocument, id: string): DocumentReference {
  return wireAll(ctx, [doc]).find((r) => r.id === id)!;
}

/**
 * Correct fields of a reference (SourcePatch semantics, seeded by the parsed item); one undoable
 * action. When the reference was added to the library, its metadata-only source follows.
 */
export function updateReference(ctx: LibraryContext, id: string, patch: SourcePatch): DocumentReference {
  const db = writableDb(ctx);
  const { doc, parsed } = referenceOrThrow(ctx, id);
  const checked = checkSourcePatch(patch);
  if (checked.problems.length) throw new ApiError('bad-input', checked.problems.map((p) => p.message).join(' '));
  const seed: CslItem = { id: parsed.id, ...parsed.item, type: String(parsed.item.type ?? 'document') };
  const current = readCorrections(db, doc.summary.id).get(parsed.id);
  const fields = mergeEdits(current?.fields ?? {}, checked.patch, seed);
  // Saving what is already there is no action (a field's Enter and change both save it).
  if (JSON.stringify(fields) === JSON.stringify(current?.fields ?? {})) return oneReference(ctx, doc, parsed.id);
  const promoted = readSources(db).find((m) => m.referenceId === parsed.id);
  inAction(db, 'Correct reference', (rec) => {
    writeCorrection(rec, { id: parsed.id, documentId: doc.summary.id, raw: parsed.raw, fields, modified: new Date().toISOString() });
    // A reference already added to the library carries its correction to its source (same action).
    if (promoted) {
      const csl: CslItem = { ...(effectiveSource(seed, fields, parsed.id).csl ?? seed), id: promoted.id };
      delete csl.note;
      writeMetadataSource(rec, { ...promoted, csl });
    }
  });
  return oneReference(ctx, doc, parsed.id);
}

/** "Add to library as a source": one metadata-only source per work; one undoable action. */
export function promoteReference(ctx: LibraryContext, id: string): { source: MetadataSource; created: boolean; reference: DocumentReference } {
  const db = writableDb(ctx);
  const { doc, parsed } = referenceOrThrow(ctx, id);
  const ref = oneReference(ctx, doc, parsed.id);
  if (ref.sourceId) {
    const existing = readSources(db).find((s) => s.id === ref.sourceId);
    if (existing) return { source: existing, created: false, reference: ref };
    const title = ctx.documents.summary(ref.sourceId)?.title ?? ref.sourceId;
    throw new ApiError('bad-input', `This work is already in the library: "${title}".`);
  }
  const sourceId = `src-${fnv1a64(parsed.id)}`;
  const csl: CslItem = { ...ref.csl, id: sourceId };
  delete csl.note;
  const source: MetadataSource = { id: sourceId, csl, referenceId: parsed.id, created: new Date().toISOString() };
  inAction(db, 'Add reference to library', (rec) => writeMetadataSource(rec, source));
  return { source, created: true, reference: oneReference(ctx, doc, parsed.id) };
}

/** The metadata-only sources, oldest first ([] without a store). */
export function listMetadataSources(db: DatabaseSync | null): MetadataSource[] {
  return db ? readSources(db) : [];
}

/**
 * The references a claim cites: those whose markers stand in the paragraphs the claim touches
 * (see core/references/claims.ts). For exports that cite a claim "as cited in" its source.
 * [] for an unknown claim, an orphan, or a document that is gone.
 */
export function referencesForClaim(ctx: LibraryContext, claimId: string): DocumentReference[] {
  const db = ctx.store.db;
  const claim = db ? getClaims(db, [claimId])[0] : undefined;
  if (!claim || claim.status === 'orphan') return [];
  const doc = ctx.documents.get(claim.documentId);
  if (!doc) return [];
  const first = blockIndexAt(doc.spans, claim.position.start);
  const last = blockIndexAt(doc.spans, Math.max(claim.position.start, claim.position.end - 1));
  if (first < 0) return [];
  const ids = new Set(doc.spans.slice(first, last + 1).map((s) => s.id));
  const blocks: Array<{ id: string; content: Inline[] }> = [];
  const walk = (bs: Block[]): void => {
    for (const b of bs) {
      if (b.kind === 'section') { if (ids.has(b.heading.id)) blocks.push(b.heading); walk(b.children); }
      else if (b.kind === 'list') { for (const it of b.items) if (ids.has(it.id)) blocks.push(it); }
      else if (ids.has(b.id)) blocks.push(b);
    }
  };
  walk(doc.model.blocks);
  const cited = new Set(referencesCitedIn(blocks, parsedReferences(doc)).map((p) => p.id));
  const all = wireAll(ctx, [doc]);
  return [...cited].map((rid) => all.find((r) => r.id === rid)!).filter(Boolean);
}
