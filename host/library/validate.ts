/**
 * Checks on input that crossed the contract. Each failure is an ApiError('bad-input') whose
 * message says what to fix; nothing is written before every check has passed.
 */
import { ApiError, type ClaimKindDef, type EntityType, type LinkRelation, type Settings } from '../../core/api.ts';

/** Notes above this many UTF-8 bytes are refused (a note is prose, not a pasted book). */
export const NOTE_LIMIT_BYTES = 100 * 1024;
/** Names, tags and labels above this many characters are refused. */
export const NAME_LIMIT = 500;

export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'state', 'place', 'event', 'concept', 'other'];
export const LINK_RELATIONS: readonly LinkRelation[] = ['supports', 'contradicts', 'elaborates'];
/** Wikidata item ids: Q followed by a number without leading zeros. */
export const WIKIDATA_ID = /^Q[1-9]\d*$/;

/** Throw bad-input with `message`. */
export function badInput(message: string): never {
  throw new ApiError('bad-input', message);
}

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A restatement or note: a string within the size limit. */
export function longText(value: unknown, field: string): string {
  if (typeof value !== 'string') badInput(`The ${field} must be text.`);
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > NOTE_LIMIT_BYTES) badInput(`The ${field} is too long (${sizeLabel(bytes)}); the limit is ${NOTE_LIMIT_BYTES / 1024} KB.`);
  return value;
}

/** A non-empty single-line name, trimmed. */
export function name(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') badInput(`The ${field} cannot be empty.`);
  const t = value.trim().replace(/\s+/g, ' ');
  if (t.length > NAME_LIMIT) badInput(`The ${field} is too long (${t.length} characters; the limit is ${NAME_LIMIT}).`);
  return t;
}

/** A list of names, trimmed, empties dropped, duplicates (ignoring case) collapsed. */
export function nameList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) badInput(`The ${field} must be a list.`);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string') badInput(`Each of the ${field} must be text.`);
    if (v.trim() === '') continue;
    const t = name(v, field.replace(/s$/, ''));
    if (seen.has(t.toLowerCase())) continue;
    seen.add(t.toLowerCase());
    out.push(t);
  }
  return out;
}

/** A list of ids, duplicates dropped. */
export function idList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) badInput(`The ${field} must be a list of ids.`);
  return [...new Set(value as string[])];
}

/** A kind known to the settings. */
export function kind(value: unknown, settings: Settings): string {
  if (typeof value !== 'string' || !settings.kinds.some((k) => k.id === value)) {
    badInput(`Unknown kind "${String(value)}"; the kinds are ${settings.kinds.map((k) => k.id).join(', ')}.`);
  }
  return value;
}

export function entityType(value: unknown): EntityType {
  if (!ENTITY_TYPES.includes(value as EntityType)) badInput(`Unknown entity type "${String(value)}"; use one of ${ENTITY_TYPES.join(', ')}.`);
  return value as EntityType;
}

export function linkRelation(value: unknown): LinkRelation {
  if (!LINK_RELATIONS.includes(value as LinkRelation)) badInput(`Unknown link "${String(value)}"; use one of ${LINK_RELATIONS.join(', ')}.`);
  return value as LinkRelation;
}

/** A Wikidata id or null (empty means none). */
export function wikidata(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const t = typeof value === 'string' ? value.trim() : '';
  if (!WIKIDATA_ID.test(t)) badInput(`"${String(value)}" is not a Wikidata id. Wikidata ids look like Q123.`);
  return t;
}

/** Settings as patched by the user: a theme and a non-empty list of well-formed kinds. */
export function settingsPatch(patch: unknown, current: Settings): Settings {
  if (typeof patch !== 'object' || patch === null) badInput('Settings must be an object.');
  const p = patch as Partial<Settings>;
  const next: Settings = { ...current };
  if (p.theme !== undefined) {
    if (!['light', 'dark', 'system'].includes(p.theme)) badInput(`Unknown theme "${String(p.theme)}"; use light, dark or system.`);
    next.theme = p.theme;
  }
  if (p.kinds !== undefined) {
    if (!Array.isArray(p.kinds) || p.kinds.length === 0) badInput('There must be at least one kind.');
    const seen = new Set<string>();
    next.kinds = p.kinds.map((k: ClaimKindDef) => {
      const id = name(k?.id, 'kind id');
      if (seen.has(id)) badInput(`The kind "${id}" is listed twice.`);
      seen.add(id);
      if (typeof k.color !== 'string' || !/^#[0-9a-f]{6}$/i.test(k.color)) badInput(`The colour of "${id}" must look like #f5c542.`);
      return { id, label: name(k.label, 'kind label'), color: k.color.toLowerCase() };
    });
  }
  return next;
}
