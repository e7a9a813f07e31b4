/**
 * Entity commands behind the contract: create, edit, merge, delete, and finding the passages
 * that name an entity but are not yet in a claim tagged with it.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type ActionResult, type Entity, type Mention, type NewEntity } from '../../core/api.ts';
import { mentionPassages } from '../../core/annotations/mention-passages.ts';
import { foldName } from '../../core/annotations/names.ts';
import { listClaims } from '../store/claims-repo.ts';
import { claimIdsTagged, entityCreated, getEntity, listEntities, writeEntity } from '../store/entities-repo.ts';
import type { RowRecorder } from '../store/history.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import { paragraphAt } from './loaded-document.ts';
import * as check from './validate.ts';

function entityOrThrow(db: DatabaseSync, id: unknown): Entity {
  const e = typeof id === 'string' ? getEntity(db, id) : null;
  if (!e) throw new ApiError('not-found', `There is no entity with id "${String(id)}" (it may have been merged or deleted).`);
  return e;
}

/** Refuse a name another entity already has (ignoring case). */
function assertNameFree(db: DatabaseSync, name: string, except: string | null): void {
  const clash = listEntities(db).find((e) => e.id !== except && e.name.toLowerCase() === name.toLowerCase());
  if (clash) check.badInput(`There is already an entity called "${clash.name}". Merge the two, or choose another name.`);
}

/** Aliases without the entity's own name. */
function aliasesBesides(name: string, aliases: string[]): string[] {
  return aliases.filter((a) => a.toLowerCase() !== name.toLowerCase());
}

/** Checked entity fields (the id is the caller's). */
function checkedEntity(id: string, input: Partial<NewEntity>): Entity {
  const name = check.name(input.name, 'entity name');
  return {
    id,
    name,
    type: check.entityType(input.type),
    aliases: aliasesBesides(name, check.nameList(input.aliases, 'aliases')),
    description: check.longText(input.description ?? '', 'description'),
    wikidata: check.wikidata(input.wikidata),
  };
}

/** Create an entity. */
export function createEntity(ctx: LibraryContext, input: NewEntity): Entity {
  const db = writableDb(ctx);
  if (typeof input !== 'object' || input === null) check.badInput('A new entity needs a name and a type.');
  const entity = checkedEntity(randomUUID(), input);
  assertNameFree(db, entity.name, null);
  const now = new Date().toISOString();
  inAction(db, 'Create entity', (rec) => writeEntity(rec, entity, now, now));
  return entity;
}

/**
 * Edit an entity (renaming included). A rename keeps the old name as an alias (texts and
 * readers still use it), in the same undoable action; a change of case or diacritics only
 * ("Turkmenbasy" → "Türkmenbaşy") does not add one.
 */
export function updateEntity(ctx: LibraryContext, id: string, patch: Partial<Omit<Entity, 'id'>>): Entity {
  const db = writableDb(ctx);
  const old = entityOrThrow(db, id);
  if (typeof patch !== 'object' || patch === null) check.badInput('Nothing to change.');
  const renamed = typeof patch.name === 'string' && foldName(patch.name) !== foldName(old.name);
  const aliases = patch.aliases ?? old.aliases;
  const keepOld = renamed && Array.isArray(aliases) && !aliases.some((a) => typeof a === 'string' && foldName(a) === foldName(old.name));
  const next = checkedEntity(id, { ...old, ...patch, ...(keepOld ? { aliases: [...aliases, old.name] } : {}) });
  assertNameFree(db, next.name, id);
  const label = next.name !== old.name ? 'Rename entity' : 'Edit entity';
  inAction(db, label, (rec) => writeEntity(rec, next, entityCreated(db, id)!, new Date().toISOString()));
  return next;
}

/** Move every tag of `fromId` to `intoId` (a claim tagged with both keeps one tag). */
function repointTags(db: DatabaseSync, rec: RowRecorder, intoId: string, fromId: string): void {
  const already = new Set(claimIdsTagged(db, intoId));
  for (const claimId of claimIdsTagged(db, fromId)) {
    const row = db.prepare('SELECT ord FROM claim_entities WHERE claim_id = ? AND entity_id = ?').get(claimId, fromId) as { ord: number };
    rec.remove('claim_entities', { claim_id: claimId, entity_id: fromId });
    if (!already.has(claimId)) rec.put('claim_entities', { claim_id: claimId, entity_id: intoId, ord: row.ord });
  }
}

/** Merge `fromId` into `intoId`: names combine as aliases, tags re-point, `fromId` goes. */
export function mergeEntities(ctx: LibraryContext, intoId: string, fromId: string): Entity {
  const db = writableDb(ctx);
  const into = entityOrThrow(db, intoId);
  const from = entityOrThrow(db, fromId);
  if (intoId === fromId) check.badInput('An entity cannot be merged into itself.');
  const seen = new Set([into.name.toLowerCase()]);
  const aliases: string[] = [];
  for (const a of [...into.aliases, from.name, ...from.aliases]) {
    if (seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    aliases.push(a);
  }
  const merged: Entity = {
    ...into,
    aliases,
    description: into.description || from.description,
    wikidata: into.wikidata ?? from.wikidata,
  };
  inAction(db, 'Merge entities', (rec) => {
    repointTags(db, rec, intoId, fromId);
    rec.remove('entities', { id: fromId });
    writeEntity(rec, merged, entityCreated(db, intoId)!, new Date().toISOString());
  });
  return merged;
}

/** Delete an entity; the claims tagged with it stay, without the tag. */
export function deleteEntity(ctx: LibraryContext, id: string): ActionResult {
  const db = writableDb(ctx);
  entityOrThrow(db, id);
  inAction(db, 'Delete entity', (rec) => {
    for (const claimId of claimIdsTagged(db, id)) rec.remove('claim_entities', { claim_id: claimId, entity_id: id });
    rec.remove('entities', { id });
  });
  return { action: 'Delete entity', undoable: true };
}

/**
 * Passages (sentences) in every present document naming the entity, outside the claims tagged
 * with it, judged against the rest of the registry (core/annotations/mention-passages.ts):
 * whole names, and surnames marked ambiguous with the other candidates.
 */
export function findMentions(ctx: LibraryContext, entityId: string): Mention[] {
  const db = ctx.store.db;
  if (!db) throw new ApiError('not-found', `There is no entity with id "${String(entityId)}" (the library store is unavailable).`);
  const entity = entityOrThrow(db, entityId);
  const others = listEntities(db).filter((e) => e.id !== entity.id);
  const tagged = listClaims(db, { entityId }).filter((c) => c.status !== 'orphan');
  const out: Mention[] = [];
  for (const doc of ctx.documents.all()) {
    const claims = tagged.filter((c) => c.documentId === doc.summary.id);
    const outside = (m: { start: number; end: number }): boolean => !claims.some((c) => m.start < c.position.end && c.position.start < m.end);
    for (const p of mentionPassages(doc.text, entity, others, outside)) {
      out.push({ documentId: doc.summary.id, ...p, paragraph: paragraphAt(doc, p.start) });
    }
  }
  return out;
}
