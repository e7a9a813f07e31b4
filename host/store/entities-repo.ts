/** Entity rows and their conversion to the contract's Entity; writes are undoable. */
import type { DatabaseSync } from 'node:sqlite';
import type { Entity, EntityType } from '../../core/api.ts';
import type { RowRecorder } from './history.ts';

interface EntityRow {
  id: string; name: string; type: string; aliases: string; description: string; wikidata: string | null;
  created: string; modified: string;
}

function toEntity(r: EntityRow): Entity {
  let aliases: string[] = [];
  try { const v = JSON.parse(r.aliases) as unknown; if (Array.isArray(v)) aliases = v.filter((a): a is string => typeof a === 'string'); } catch { /* keep [] */ }
  return { id: r.id, name: r.name, type: r.type as EntityType, aliases, description: r.description, wikidata: r.wikidata };
}

/** Every entity, by name. */
export function listEntities(db: DatabaseSync): Entity[] {
  return (db.prepare('SELECT * FROM entities ORDER BY name COLLATE NOCASE, id').all() as unknown as EntityRow[]).map(toEntity);
}

/** One entity, or null. */
export function getEntity(db: DatabaseSync, id: string): Entity | null {
  const r = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as unknown as EntityRow | undefined;
  return r ? toEntity(r) : null;
}

/** When an entity row was created (kept across edits), or null for a new one. */
export function entityCreated(db: DatabaseSync, id: string): string | null {
  const r = db.prepare('SELECT created FROM entities WHERE id = ?').get(id) as { created: string } | undefined;
  return r?.created ?? null;
}

/** Write an entity row. */
export function writeEntity(rec: RowRecorder, e: Entity, created: string, modified: string): void {
  rec.put('entities', {
    id: e.id, name: e.name, type: e.type, aliases: JSON.stringify(e.aliases), description: e.description,
    wikidata: e.wikidata, created, modified,
  });
}

/** Ids of claims tagged with an entity. */
export function claimIdsTagged(db: DatabaseSync, entityId: string): string[] {
  return (db.prepare('SELECT claim_id FROM claim_entities WHERE entity_id = ? ORDER BY claim_id').all(entityId) as Array<{ claim_id: string }>)
    .map((r) => r.claim_id);
}
