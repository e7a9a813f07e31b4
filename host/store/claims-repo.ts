/**
 * Claim, tag (claim_entities) and link rows, and their conversion to the contract's types.
 * Writes go through a RowRecorder so every change is undoable.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { ApiError, type AnchorStatus, type Claim, type ClaimFilter, type ClaimLink, type LinkRelation } from '../../core/api.ts';
import type { Row, RowRecorder } from './history.ts';

interface ClaimRow {
  id: string; document_id: string; quote_exact: string; quote_prefix: string; quote_suffix: string;
  pos_start: number; pos_end: number; status: string; paragraph: number | null; restatement: string;
  note: string; kind: string; tags: string; created: string; modified: string;
  paragraph_end: number | null; via: string | null; creator: string | null;
}

function parseTags(text: string): string[] {
  try { const v = JSON.parse(text) as unknown; return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []; } catch { return []; }
}

function toClaim(row: ClaimRow, entityIds: string[]): Claim {
  return {
    id: row.id,
    documentId: row.document_id,
    quote: { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
    position: { type: 'TextPositionSelector', start: row.pos_start, end: row.pos_end },
    status: row.status as AnchorStatus,
    paragraph: row.paragraph,
    paragraphEnd: row.paragraph_end ?? row.paragraph,
    restatement: row.restatement,
    note: row.note,
    kind: row.kind,
    tags: parseTags(row.tags),
    entityIds,
    created: row.created,
    modified: row.modified,
    ...(row.via ? { via: row.via } : {}),
    ...(row.creator ? { creator: row.creator } : {}),
  };
}

/** The claims row image of a claim (tags as JSON; entity ids live in claim_entities). */
export function claimRow(c: Claim): Row {
  return {
    id: c.id, document_id: c.documentId, quote_exact: c.quote.exact, quote_prefix: c.quote.prefix,
    quote_suffix: c.quote.suffix, pos_start: c.position.start, pos_end: c.position.end, status: c.status,
    paragraph: c.paragraph, restatement: c.restatement, note: c.note, kind: c.kind,
    tags: JSON.stringify(c.tags), created: c.created, modified: c.modified,
    paragraph_end: c.paragraphEnd, via: c.via ?? null, creator: c.creator ?? null,
  };
}

function entityIdsByClaim(db: DatabaseSync, claimIds: string[] | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = (claimIds === null
    ? db.prepare('SELECT claim_id, entity_id FROM claim_entities ORDER BY claim_id, ord').all()
    : db.prepare(`SELECT claim_id, entity_id FROM claim_entities WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, ord`)
      .all(JSON.stringify(claimIds))) as Array<{ claim_id: string; entity_id: string }>;
  for (const r of rows) {
    const list = out.get(r.claim_id);
    if (list) list.push(r.entity_id); else out.set(r.claim_id, [r.entity_id]);
  }
  return out;
}

/** The SQL conditions (over `claims c`) and their arguments for a filter; none for `{}`. */
function claimWhere(filter: ClaimFilter): { where: string[]; args: SQLInputValue[] } {
  const where: string[] = [];
  const args: SQLInputValue[] = [];
  if (filter.documentId !== undefined) { where.push('c.document_id = ?'); args.push(filter.documentId); }
  if (filter.corpusId !== undefined) {
    where.push('c.document_id IN (SELECT d.id FROM documents d WHERE d.corpus_id = ?)');
    args.push(filter.corpusId);
  }
  if (filter.kind !== undefined) { where.push('c.kind = ?'); args.push(filter.kind); }
  if (filter.status !== undefined) { where.push('c.status = ?'); args.push(filter.status); }
  if (filter.tag !== undefined) { where.push('EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = ?)'); args.push(filter.tag); }
  if (filter.entityId !== undefined) {
    where.push('EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND ce.entity_id = ?)');
    args.push(filter.entityId);
  }
  if (filter.overlaps !== undefined) {
    const { start, end } = filter.overlaps ?? {};
    if (!Number.isFinite(start) || !Number.isFinite(end)) throw new ApiError('bad-input', 'overlaps needs a start and an end (plain-text offsets).');
    where.push('c.pos_end > ? AND c.pos_start < ?');
    args.push(start!, end!);
  }
  return { where, args };
}

/** Claims matching the filter, in document then reading order. */
export function listClaims(db: DatabaseSync, filter: ClaimFilter = {}): Claim[] {
  const { where, args } = claimWhere(filter);
  const sql = `SELECT c.* FROM claims c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.document_id, c.pos_start, c.created, c.id`;
  const rows = db.prepare(sql).all(...args) as unknown as ClaimRow[];
  const tags = entityIdsByClaim(db, where.length ? rows.map((r) => r.id) : null);
  return rows.map((r) => toClaim(r, tags.get(r.id) ?? []));
}

/**
 * How many claims matching the filter carry each entity (`by: 'entity'`) or stand in each
 * document (`by: 'document'`): one SQL GROUP BY, no claim rows read out. Keys with no claim are
 * absent. A claim tagged with two entities counts once for each.
 */
export function countClaims(db: DatabaseSync, by: 'entity' | 'document', filter: ClaimFilter = {}): Record<string, number> {
  const { where, args } = claimWhere(filter);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const sql = by === 'entity'
    ? `SELECT ce.entity_id AS k, COUNT(*) AS n FROM claims c JOIN claim_entities ce ON ce.claim_id = c.id ${cond} GROUP BY ce.entity_id`
    : `SELECT c.document_id AS k, COUNT(*) AS n FROM claims c ${cond} GROUP BY c.document_id`;
  const out: Record<string, number> = {};
  for (const r of db.prepare(sql).all(...args) as Array<{ k: string; n: number | bigint }>) out[r.k] = Number(r.n);
  return out;
}

/** Claims by id, in the order asked; unknown ids are left out. */
export function getClaims(db: DatabaseSync, ids: string[]): Claim[] {
  const rows = db.prepare('SELECT * FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as unknown as ClaimRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tags = entityIdsByClaim(db, ids);
  return ids.flatMap((id) => { const r = byId.get(id); return r ? [toClaim(r, tags.get(id) ?? [])] : []; });
}

/** One claim, or null. */
export function getClaim(db: DatabaseSync, id: string): Claim | null {
  return getClaims(db, [id])[0] ?? null;
}

/** Write a claim and its entity tags (tags not in `entityIds` any more are removed). */
export function writeClaim(db: DatabaseSync, rec: RowRecorder, claim: Claim): void {
  rec.put('claims', claimRow(claim));
  const current = db.prepare('SELECT entity_id FROM claim_entities WHERE claim_id = ?').all(claim.id) as Array<{ entity_id: string }>;
  for (const r of current) if (!claim.entityIds.includes(r.entity_id)) rec.remove('claim_entities', { claim_id: claim.id, entity_id: r.entity_id });
  claim.entityIds.forEach((entityId, ord) => rec.put('claim_entities', { claim_id: claim.id, entity_id: entityId, ord }));
}

/** Delete a claim, its entity tags and every link to or from it. */
export function removeClaim(db: DatabaseSync, rec: RowRecorder, id: string): void {
  for (const r of db.prepare('SELECT entity_id FROM claim_entities WHERE claim_id = ?').all(id) as Array<{ entity_id: string }>) {
    rec.remove('claim_entities', { claim_id: id, entity_id: r.entity_id });
  }
  for (const r of db.prepare('SELECT id FROM claim_links WHERE from_id = ? OR to_id = ?').all(id, id) as Array<{ id: string }>) {
    rec.remove('claim_links', { id: r.id });
  }
  rec.remove('claims', { id });
}

/** Update where the anchoring layer last placed a claim. Not a user action: no history. */
export function writeAnchor(db: DatabaseSync, id: string, status: AnchorStatus, start: number, end: number, paragraph: number | null, paragraphEnd: number | null = paragraph): void {
  db.prepare('UPDATE claims SET status = ?, pos_start = ?, pos_end = ?, paragraph = ?, paragraph_end = ? WHERE id = ?').run(status, start, end, paragraph, paragraphEnd, id);
}

interface LinkRow { id: string; from_id: string; to_id: string; relation: string }

/** Links touching a claim (either end), or all links. */
export function listLinks(db: DatabaseSync, claimId?: string): ClaimLink[] {
  const rows = (claimId === undefined
    ? db.prepare('SELECT * FROM claim_links ORDER BY created, id').all()
    : db.prepare('SELECT * FROM claim_links WHERE from_id = ? OR to_id = ? ORDER BY created, id').all(claimId, claimId)) as unknown as LinkRow[];
  return rows.map((r) => ({ id: r.id, from: r.from_id, to: r.to_id, relation: r.relation as LinkRelation }));
}

/** Write a new link. */
export function writeLink(rec: RowRecorder, link: ClaimLink, created: string): void {
  rec.put('claim_links', { id: link.id, from_id: link.from, to_id: link.to, relation: link.relation, created });
}
