/**
 * Reading Web Annotations back (see web-annotation.ts for the format). Lenient about shape,
 * strict about substance: accepts our AnnotationCollection, a single Annotation, an
 * AnnotationPage, an array, W3C JSON-LD as Hypothesis serves it (`/api/annotations/ID.jsonld`:
 * TextualBody bodies, tags as `tagging` bodies, `creator`), a Hypothesis API search result
 * (`rows`) or Hypothesis API annotations (`uri`, `text`, `tags`, `user`, `target[].source`,
 * `target[].selector[]` of RangeSelector / TextPositionSelector / TextQuoteSelector). An item that
 * cannot be used (no target, no quote, no source, a selector of an unknown type and nothing else
 * to anchor) is skipped with a problem naming its row (1-based, in file order) and the reason.
 * Never throws.
 */
import type { EntityType, LinkRelation, TextPositionSelector, TextQuoteSelector } from '../api.ts';

/** One annotation as the importer understood it; the host anchors and stores it. */
export interface ImportedAnnotation {
  /** The claim id for our own exports (`urn:marginalia:claim:<id>` → `<id>`), else the annotation's id as given. */
  id?: string;
  /** Where it is in the file: 1-based row, and a label for messages ("Row 3 (https://hypothes.is/a/…)"). */
  row: number;
  label: string;
  /** IRI of the annotated document (the target's source, else Hypothesis `uri`). */
  source: string;
  /** Other addresses the annotation gives for the same document (Hypothesis `uri`, `document.link`), for matching. */
  alternateSources: string[];
  /** Another tool's id of this annotation (kept on the claim, exported again as `via`). */
  via?: string;
  /** Who made it: Hypothesis `user` (`acct:name@hypothes.is`), a W3C creator's id, name or nickname. */
  creator?: string;
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
  restatement: string;
  note: string;
  kind: string | null;
  tags: string[];
  entities: Array<{ name: string; type: EntityType | null; aliases: string[]; wikidata: string | null; description?: string }>;
  /** Links to other annotations, by their ids as in `id`. */
  links: Array<{ relation: LinkRelation; target: string }>;
  created?: string;
  modified?: string;
}

/** The annotations that could be read, and a sentence for each one that could not. */
export interface ImportResult { items: ImportedAnnotation[]; problems: string[] }

const FORMAT_VERSION = 1; // = web-annotation.ts FORMAT_VERSION (not imported: that module imports this one)
const CLAIM_IRI_PREFIX = 'urn:marginalia:claim:';
const WIKIDATA_RE = /^https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/(Q\d+)$/;
const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'state', 'place', 'event', 'concept', 'other'];
const RELATIONS: readonly LinkRelation[] = ['supports', 'contradicts', 'elaborates'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const hasType = (v: Json, t: string): boolean => asArray(v.type).includes(t);

/** The selector types of the W3C model (https://www.w3.org/TR/annotation-model/#selectors). */
const KNOWN_SELECTORS = new Set(['TextQuoteSelector', 'TextPositionSelector', 'RangeSelector', 'XPathSelector', 'CssSelector',
  'FragmentSelector', 'DataPositionSelector', 'SvgSelector']);
/** Our own claims' ids, as exported (web-annotation.ts). */
const OWN_ID = /^(?:urn:marginalia:claim:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A creator as one string: an IRI or account, else a name. */
function creatorOf(v: unknown): string | undefined {
  for (const c of asArray(v)) {
    if (typeof c === 'string' && c.trim()) return c.trim();
    if (isObject(c)) {
      const s = str(c.id) ?? str(c.name) ?? str(c.nickname);
      if (s?.trim()) return s.trim();
    }
  }
  return undefined;
}

/**
 * Reads annotations from parsed JSON or from JSON text. Items that cannot be used are left out
 * and described in `problems`; so are collection pages that are only links.
 */
export function fromAnnotationCollection(json: unknown): ImportResult {
  const problems: string[] = [];
  let data = json;
  if (typeof json === 'string') {
    try { data = JSON.parse(json); } catch (err) {
      return { items: [], problems: [`The file is not valid JSON (${(err as Error).message}).`] };
    }
  }
  const raw: unknown[] = [];
  if (Array.isArray(data)) raw.push(...data);
  else if (isObject(data) && hasType(data, 'AnnotationCollection')) {
    const version = data['marginalia:formatVersion'];
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      problems.push(`The file was written by a newer Marginalia (format ${version}); only what this version understands was read.`);
    }
    raw.push(...asArray(data.items));
    let page: unknown = data.first;
    for (let n = 0; page !== undefined && n < 10_000; n++) {
      if (typeof page === 'string') { problems.push(`A page of the collection is only a link (${page}); include the annotations in the file to import them.`); break; }
      if (!isObject(page)) break;
      raw.push(...asArray(page.items));
      page = page.next;
    }
  } else if (isObject(data) && hasType(data, 'AnnotationPage')) raw.push(...asArray(data.items));
  else if (isObject(data) && Array.isArray(data.rows)) raw.push(...data.rows); // Hypothesis API search result
  else if (isObject(data)) raw.push(data);
  else return { items: [], problems: ['The file holds no annotations (expected a JSON object or array).'] };

  const items: ImportedAnnotation[] = [];
  raw.forEach((a, i) => {
    const item = readAnnotation(a, i + 1, problems);
    if (item) items.push(item);
  });
  return { items, problems };
}

function bareId(id: string): string {
  return id.startsWith(CLAIM_IRI_PREFIX) ? id.slice(CLAIM_IRI_PREFIX.length) : id;
}

function readAnnotation(a: unknown, n: number, problems: string[]): ImportedAnnotation | null {
  if (!isObject(a)) { problems.push(`Row ${n} is not an annotation object; skipped.`); return null; }
  const rawId = str(a.id);
  const label = rawId ? `Row ${n} (${rawId})` : `Row ${n}`;
  if (a.target === undefined || a.target === null || (Array.isArray(a.target) && a.target.length === 0)) {
    problems.push(`${label} has no target (the passage it annotates), so there is nothing to anchor; skipped.`);
    return null;
  }
  // The target with a quote: W3C allows several targets; Hypothesis sends an array of one.
  let source: string | undefined;
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  const unknownTypes = new Set<string>();
  let untyped = 0;
  let hasSelector = false;
  for (const t of asArray(a.target)) {
    if (typeof t === 'string') { source ??= t; continue; }
    if (!isObject(t)) continue;
    const s = str(t.source) ?? (isObject(t.source) ? str(t.source.id) : undefined);
    const selectors = asArray(t.selector).filter(isObject);
    hasSelector ||= selectors.length > 0;
    for (const x of selectors) {
      const type = str(x.type);
      if (type === undefined) untyped += 1;
      else if (!KNOWN_SELECTORS.has(type)) unknownTypes.add(type);
    }
    const q = selectors.find((x) => x.type === 'TextQuoteSelector');
    if (q && typeof q.exact === 'string' && q.exact.length > 0) {
      source = s ?? source;
      quote = { type: 'TextQuoteSelector', exact: q.exact, prefix: str(q.prefix) ?? '', suffix: str(q.suffix) ?? '' };
      const p = selectors.find((x) => x.type === 'TextPositionSelector');
      if (p && Number.isInteger(p.start) && Number.isInteger(p.end) && (p.start as number) >= 0 && (p.start as number) < (p.end as number)) {
        position = { type: 'TextPositionSelector', start: p.start as number, end: p.end as number };
      }
      break;
    }
    source ??= s;
  }
  const strange = [...unknownTypes].map((x) => `"${x}"`).join(', ');
  if (!quote) {
    const why = strange ? `its selector type ${strange} is not one this reader knows (TextQuoteSelector, TextPositionSelector, RangeSelector…)`
      : untyped ? 'its selector has no type'
      : !hasSelector && asArray(a.references).length ? 'it is a reply to another annotation, with no passage of its own'
      : !hasSelector ? 'it is a page note: its target names no passage'
      : 'its target has no TextQuoteSelector with text';
    problems.push(`${label}: ${why}, so there is nothing to anchor; skipped.`);
    return null;
  }
  if (strange) problems.push(`${label}: selector type ${strange} is not one this reader knows; it was ignored (the quote was used).`);
  const uri = str(a.uri); // Hypothesis
  source ??= uri;
  if (!source) { problems.push(`${label} does not say which document it annotates (no target source or uri); skipped.`); return null; }
  const alternateSources = [uri, ...asArray(isObject(a.document) ? a.document.link : undefined).map((l) => (isObject(l) ? str(l.href) : str(l)))]
    .filter((x): x is string => typeof x === 'string' && x !== '' && x !== source);

  const item: ImportedAnnotation = {
    row: n, label, source, alternateSources: [...new Set(alternateSources)], quote, restatement: '', note: '', kind: null, tags: [], entities: [], links: [],
  };
  if (rawId) item.id = bareId(rawId);
  // Another tool's id is kept as where the claim came from; ours says `via` itself when it has one.
  const via = rawId && !OWN_ID.test(rawId) ? (isObject(a.links) && str(a.links.html)) || rawId : str(a.via);
  if (via) item.via = via;
  const creator = creatorOf(a.creator) ?? str(a.user);
  if (creator) item.creator = creator;
  if (position) item.position = position;
  const created = str(a.created), modified = str(a.modified) ?? str(a.updated);
  if (created) item.created = created;
  if (modified) item.modified = modified;

  const notes: string[] = [], restatements: string[] = [];
  const defaultPurpose = str(asArray(a.motivation)[0]);
  if (typeof a.bodyValue === 'string' && a.bodyValue) notes.push(a.bodyValue);
  if (typeof a.text === 'string' && a.text) notes.push(a.text); // Hypothesis
  for (const t of asArray(a.tags)) if (typeof t === 'string' && t.trim()) addTag(item, t.trim()); // Hypothesis
  for (const b of asArray(a.body)) readBody(b, defaultPurpose, item, notes, restatements, label, problems);
  item.note = notes.join('\n\n');
  item.restatement = restatements.join('\n\n');
  return item;
}

function addTag(item: ImportedAnnotation, tag: string): void {
  if (!item.tags.includes(tag)) item.tags.push(tag);
}

function readBody(b: unknown, defaultPurpose: string | undefined, item: ImportedAnnotation, notes: string[], restatements: string[], label: string, problems: string[]): void {
  if (typeof b === 'string') {
    const q = WIKIDATA_RE.exec(b);
    if (q) item.entities.push({ name: q[1], type: null, aliases: [], wikidata: q[1] });
    else problems.push(`${label}: a body that is only a link (${b}) was not kept.`);
    return;
  }
  if (!isObject(b)) return;
  const purpose = str(asArray(b.purpose)[0]) ?? defaultPurpose;
  const value = str(b.value) ?? str(b.chars);
  const sourceIri = str(b.source) ?? (isObject(b.source) ? str(b.source.id) : undefined) ?? str(b.id);
  const wikidata = sourceIri ? WIKIDATA_RE.exec(sourceIri)?.[1] ?? null : null;
  const ext = isObject(b['marginalia:entity']) ? b['marginalia:entity'] : null;

  if (purpose === 'linking') {
    const relation = str(b['marginalia:relation']) as LinkRelation | undefined;
    if (sourceIri && relation && RELATIONS.includes(relation)) item.links.push({ relation, target: bareId(sourceIri) });
    else problems.push(`${label}: a link to ${sourceIri ?? 'an unnamed resource'} without a known relation was not kept.`);
    return;
  }
  if (purpose === 'identifying' || purpose === 'classifying' || wikidata || ext) {
    const name = (ext && str(ext.name)?.trim()) || value?.trim() || str(b.label)?.trim() || wikidata;
    if (!name) { problems.push(`${label}: an entity without a name or Wikidata id was not kept.`); return; }
    const type = ext && ENTITY_TYPES.includes(ext.type as EntityType) ? ext.type as EntityType : null;
    const aliases = ext ? asArray(ext.aliases).filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
    const entity: ImportedAnnotation['entities'][number] = { name, type, aliases, wikidata };
    const description = ext ? str(ext.description) : undefined;
    if (description) entity.description = description;
    item.entities.push(entity);
    return;
  }
  if (value === undefined || value.trim() === '') return;
  if (purpose === 'tagging') {
    if (b['marginalia:role'] === 'kind' || value.startsWith('kind:')) item.kind ??= value.replace(/^kind:/, '').trim() || null;
    else addTag(item, value.trim());
  } else if (purpose === 'describing') restatements.push(value);
  else notes.push(value); // commenting, replying, no purpose, or one we do not model
}
