/**
 * The Lunr index of everything a reader marked: one Lunr document per claim, with the claim's
 * quote, restatement, note, tags, kind, the names and aliases of its entities and the title of
 * its source. Built in the renderer from `listClaims()`, `listEntities()` and the library's
 * titles; serialisable with a format version so a large library's index can be cached and
 * loaded instead of rebuilt.
 *
 * Terms come from terms.ts on both sides (folding, stop words, stemming), so the index holds no
 * Lunr pipeline at all: a loaded index needs no registered pipeline functions, and the query
 * side (search-claims.ts) feeds Lunr finished terms.
 */
import lunr from 'lunr';
import type { Claim, ClaimKindDef, Entity } from '../api.ts';
import { FIELD_BOOSTS, fieldTexts, type IndexedClaim } from './fields.ts';
import { spellingKey, termOf, words } from './terms.ts';
import type { AnnotationIndex } from './built-index.ts';

export type { AnnotationIndex } from './built-index.ts';

export { searchClaims, type SearchHit, type SearchResult, type MatchRange } from './search-claims.ts';
export { FIELD_BOOSTS, TEXT_FIELDS, type IndexField, type IndexedClaim } from './fields.ts';
export { parseQuery, type ParsedQuery, type QueryPart, type QueryField } from './query-syntax.ts';


/** What an index is built from: the host's claims and entities and the library's titles. */
export interface IndexInput {
  claims: readonly Claim[];
  entities: readonly Entity[];
  documents: ReadonlyArray<{ id: string; title: string }>;
  /** Kind labels (settings); a kind without one is indexed by its id alone. */
  kinds?: readonly ClaimKindDef[];
}

/** Turns a field's text into finished terms (Lunr calls this as the builder's tokenizer). */
function fieldTokens(obj: unknown, metadata?: { fields?: string[] }): lunr.Token[] {
  if (obj === null || obj === undefined) return [];
  const spelling = metadata?.fields?.[0] === 'spelling';
  const out: lunr.Token[] = [];
  for (const { word } of words(String(obj))) {
    const term = spelling ? spellingKey(word) : termOf(word);
    if (term) out.push(new lunr.Token(term, {}));
  }
  return out;
}

/** What the index keeps of each claim. */
export function indexedClaims(input: IndexInput): IndexedClaim[] {
  const entities = new Map(input.entities.map((e) => [e.id, e]));
  const titles = new Map(input.documents.map((d) => [d.id, d.title]));
  const labels = new Map((input.kinds ?? []).map((k) => [k.id, k.label]));
  return input.claims.map((c) => {
    const es = c.entityIds.map((id) => entities.get(id)).filter((e): e is Entity => !!e);
    return {
      id: c.id, documentId: c.documentId, title: titles.get(c.documentId) ?? '', paragraph: c.paragraph,
      start: c.position.start, kind: c.kind, kindLabel: labels.get(c.kind) ?? c.kind,
      quote: c.quote.exact, restatement: c.restatement, note: c.note, tags: [...c.tags],
      entities: es.map((e) => e.name), aliases: es.map((e) => [...e.aliases]),
    };
  });
}

/**
 * Builds the index, synchronously. Lunr's own work dominates: about 0.25 ms a claim in Node 22
 * (10,000 claims of one corpus sentence each: ~2.5 s, where stock Lunr with its default pipeline
 * takes ~2.7 s on the same claims; see the 10,000-claim test), which is why
 * a UI should prefer `buildAnnotationIndexInSteps` and a cache for large libraries.
 */
export function buildAnnotationIndex(input: IndexInput): AnnotationIndex {
  const { builder, claims } = startBuilder(input);
  for (const c of claims) builder.add({ id: c.id, ...fieldTexts(c) });
  return { lunr: builder.build(), claims: new Map(claims.map((c) => [c.id, c])), stamp: indexStamp(input) };
}

/**
 * Builds the same index as `buildAnnotationIndex`, `batch` claims at a time, awaiting `pause()`
 * between batches so a UI thread can paint and take keys while a large library is indexed. Only
 * Lunr's last step (vectors and the term automaton, ~15% of the time) runs in one piece.
 * `isCancelled` lets a newer build make this one stop early (it then resolves to null).
 */
export async function buildAnnotationIndexInSteps(
  input: IndexInput, opts: { pause: () => Promise<void>; batch?: number; isCancelled?: () => boolean },
): Promise<AnnotationIndex | null> {
  const batch = Math.max(1, opts.batch ?? 200);
  const { builder, claims } = startBuilder(input);
  for (let i = 0; i < claims.length; i++) {
    builder.add({ id: claims[i]!.id, ...fieldTexts(claims[i]!) });
    if ((i + 1) % batch === 0) {
      await opts.pause();
      if (opts.isCancelled?.()) return null;
    }
  }
  return { lunr: builder.build(), claims: new Map(claims.map((c) => [c.id, c])), stamp: indexStamp(input) };
}

function startBuilder(input: IndexInput): { builder: lunr.Builder; claims: IndexedClaim[] } {
  const builder = new lunr.Builder();
  builder.ref('id');
  for (const [name, boost] of Object.entries(FIELD_BOOSTS)) builder.field(name, { boost });
  builder.tokenizer = Object.assign(fieldTokens, { separator: lunr.tokenizer.separator }) as typeof lunr.tokenizer;
  return { builder, claims: indexedClaims(input) };
}

/**
 * A fingerprint of the input: changes when a claim, an entity or a title changes (claims carry
 * their `modified` time; entities and titles are hashed whole). FNV-1a, 32 bits, plus counts.
 */
export function indexStamp(input: IndexInput): string {
  let h = 0x811c9dc5;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    h ^= 0x1f; h = Math.imul(h, 0x01000193);
  };
  for (const c of input.claims) { feed(c.id); feed(c.modified); feed(c.documentId); feed(String(c.position.start)); feed(String(c.paragraph)); }
  for (const e of input.entities) { feed(e.id); feed(e.name); for (const a of e.aliases) feed(a); }
  for (const d of input.documents) { feed(d.id); feed(d.title); }
  for (const k of input.kinds ?? []) { feed(k.id); feed(k.label); }
  return `${input.claims.length}-${input.entities.length}-${input.documents.length}-${(h >>> 0).toString(16)}`;
}

/** Name of the serialised format. */
export const INDEX_FORMAT = 'marginalia-annotation-index';
/**
 * Version of the serialised format. Bump it when the fields, the boosts or the term rules of
 * terms.ts change: a cached index made under other rules would answer differently.
 */
export const INDEX_FORMAT_VERSION = 2;

interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  version: number;
  lunrVersion: string;
  stamp: string;
  claims: IndexedClaim[];
  lunr: object;
}

/** The index as JSON text, for a cache. */
export function serializeIndex(index: AnnotationIndex): string {
  const out: SerializedIndex = {
    format: INDEX_FORMAT, version: INDEX_FORMAT_VERSION, lunrVersion: lunr.version, stamp: index.stamp,
    claims: [...index.claims.values()], lunr: index.lunr.toJSON(),
  };
  return JSON.stringify(out);
}

/** A loaded index, or why the cached one cannot be used (then build a new one). */
export type LoadIndexResult = { ok: true; index: AnnotationIndex } | { ok: false; reason: string };

/**
 * Loads a serialised index. Refuses, with a reason a person can read, text that is not one, an
 * index of another format version or Lunr version, and (given `expectStamp`) a stale one.
 */
export function loadIndex(text: string, opts: { expectStamp?: string } = {}): LoadIndexResult {
  let data: Partial<SerializedIndex>;
  try { data = JSON.parse(text) as Partial<SerializedIndex>; } catch {
    return { ok: false, reason: 'The cached search index is not valid JSON.' };
  }
  if (!data || typeof data !== 'object' || data.format !== INDEX_FORMAT) return { ok: false, reason: 'The cached file is not a Marginalia search index.' };
  if (data.version !== INDEX_FORMAT_VERSION) {
    return { ok: false, reason: `The cached search index has format version ${String(data.version)}; this version reads ${INDEX_FORMAT_VERSION}.` };
  }
  if (data.lunrVersion !== lunr.version) return { ok: false, reason: `The cached search index was made by Lunr ${String(data.lunrVersion)}, not ${lunr.version}.` };
  if (opts.expectStamp !== undefined && data.stamp !== opts.expectStamp) return { ok: false, reason: 'The cached search index is out of date.' };
  if (!Array.isArray(data.claims) || !data.lunr || typeof data.stamp !== 'string') return { ok: false, reason: 'The cached search index is incomplete.' };
  try {
    const index = lunr.Index.load(data.lunr);
    return { ok: true, index: { lunr: index, claims: new Map(data.claims.map((c) => [c.id, c])), stamp: data.stamp } };
  } catch (err) {
    return { ok: false, reason: `The cached search index could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
