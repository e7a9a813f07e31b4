/**
 * What the entities UI says about an entity's fields, in one place: the types a person can pick
 * (with labels), a first guess at the type of a new name, the Wikidata id check the form runs
 * before the host does, and how aliases are typed (one per line). Pure: no DOM, tested in Node.
 */
import type { Entity, EntityType } from '../../../core/api.ts';

/** Every entity type in menu order, with the label people read. */
export const ENTITY_TYPES: readonly { id: EntityType; label: string }[] = [
  { id: 'person', label: 'Person' },
  { id: 'organisation', label: 'Organisation' },
  { id: 'state', label: 'State' },
  { id: 'place', label: 'Place' },
  { id: 'event', label: 'Event' },
  { id: 'concept', label: 'Concept' },
  { id: 'other', label: 'Other' },
];

/** The label of a type ("Organisation"); an unknown type reads as itself. */
export function typeLabel(type: EntityType): string {
  return ENTITY_TYPES.find((t) => t.id === type)?.label ?? type;
}

/** The type `steps` places after `type` in menu order, wrapping around (arrow keys in the picker). */
export function cycleType(type: EntityType, steps: number): EntityType {
  const i = Math.max(0, ENTITY_TYPES.findIndex((t) => t.id === type));
  const n = ENTITY_TYPES.length;
  return ENTITY_TYPES[(((i + steps) % n) + n) % n]!.id;
}

/**
 * Words that give a name's type away. The lists hold the words that head names of that type in
 * the sample corpus (treaties, unions, ministries, republics); anything else is a person, the
 * type most often tagged while reading political texts. It is only a default: the picker lets
 * you change it before creating.
 */
const TYPE_WORDS: ReadonlyArray<[EntityType, RegExp]> = [
  ['organisation', /\b(union|organi[sz]ation|ministry|council|party|company|corporation|bank|agency|committee|commission|assembly|parliament|court|army|forces|group|alliance|nato|un|csto|sco|cis|eu|gazprom|institute|university)\b/i],
  ['state', /\b(republic|kingdom|federation|emirate|empire|state|states)\b|stan$|^(russia|china|iran|turkey|afghanistan|india|pakistan|georgia|azerbaijan|armenia|ukraine|germany|france|japan|mongolia)$/i],
  ['event', /\b(war|summit|treaty|revolution|crisis|conference|agreement|accord|visit|election|elections|referendum|talks|protocol)\b|\b(1[89]|20)\d\d\b/i],
  ['place', /\b(sea|river|lake|mountains?|valley|desert|region|province|city|gulf|basin|pipeline|field|border|strait|ashgabat|moscow|beijing|tashkent|astana|baku)\b/i],
  ['concept', /\b(neutrality|policy|doctrine|integration|security|sovereignty|ism)\b|ism$/i],
];

/** A first guess at the type of a name typed into the picker. */
export function guessEntityType(name: string): EntityType {
  const s = name.trim();
  for (const [type, words] of TYPE_WORDS) if (words.test(s)) return type;
  return 'person';
}

/**
 * The type guess for a name still being typed: from its finished words only (those followed by
 * a space or punctuation), so the guess does not jump with every letter ("Un" would read as the
 * UN, "Kazakhs" as a person before "Kazakhstan" is a state). Null while no word is finished:
 * keep the guess shown. The picker takes the whole name's guess once typing pauses.
 */
export function guessWhileTyping(partial: string): EntityType | null {
  const finished = /[\s,.;:)]$/u.test(partial) ? partial : partial.replace(/[\p{L}\p{N}'’-]+$/u, '');
  return finished.trim() ? guessEntityType(finished) : null;
}

/**
 * Whether typed text looks like a name worth creating an entity for: at least two letters or digits and a
 * word that starts with a capital letter or holds a digit ("Serdar", "G7", "al-Assad Bashar").
 * "berdym", typed to find something, does not: the picker asks before creating it.
 */
export function looksLikeName(s: string): boolean {
  const t = s.trim();
  return (t.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2 && /(^|[\s\p{Pd}'’])[\p{Lu}\p{Lt}\p{N}]/u.test(t);
}

/** A Wikidata item id as the form reads it: empty means "none". */
export type WikidataCheck = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Checks a typed Wikidata id: `Q` followed by digits (case and spaces forgiven, a pasted item URL
 * accepted), so the mistake is explained at the field rather than by the host after submitting.
 */
export function checkWikidata(input: string): WikidataCheck {
  const s = input.trim();
  if (s === '') return { ok: true, value: null };
  const fromUrl = /^https?:\/\/(?:www\.|m\.)?wikidata\.org\/(?:wiki|entity)\/(Q\d+)\/?$/i.exec(s);
  const id = (fromUrl ? fromUrl[1]! : s).toUpperCase();
  if (/^Q[1-9]\d*$/.test(id)) return { ok: true, value: id };
  return { ok: false, message: `“${s}” is not a Wikidata id. An id is Q followed by digits, like Q9382 (find it on wikidata.org).` };
}

/** The Wikidata page of an item. */
export function wikidataUrl(id: string): string {
  return `https://www.wikidata.org/wiki/${encodeURIComponent(id)}`;
}

/** Aliases typed one per line (commas are part of names like “Berdimuhamedov, Gurbanguly”). */
export function parseAliases(text: string, name = ''): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const a = line.replace(/\s+/g, ' ').trim();
    if (!a || seen.has(a.toLowerCase())) continue;
    seen.add(a.toLowerCase());
    out.push(a);
  }
  return out;
}

/** Entities in the order a list shows them: by name, ignoring case and accents. */
export function byName(a: Pick<Entity, 'name'>, b: Pick<Entity, 'name'>): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
}
