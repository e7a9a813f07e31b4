/**
 * Claims as W3C Web Annotations (JSON-LD), the interchange format other annotation tools read
 * (Hypothesis, Recogito, IIIF viewers). Export writes an AnnotationCollection whose first
 * (and only) AnnotationPage holds the items, as the W3C model lays out collections; import
 * (web-annotation-import.ts) reads that back, and also single annotations, arrays and
 * Hypothesis-style annotations.
 *
 * What does not fit the W3C vocabulary travels in `marginalia:` extension properties, declared
 * by a second @context entry after the W3C one (the model asks extension contexts to follow it):
 * - `marginalia:formatVersion` on the collection (FORMAT_VERSION), so future readers can migrate;
 * - `marginalia:status` / `marginalia:paragraph` on an annotation (where it was last anchored);
 * - `marginalia:entity` on entity bodies: the entity's name, type, aliases and description, so a
 *   round trip restores the entity and not only its label;
 * - `marginalia:role: "kind"` on the tagging body that carries the claim's kind (value `kind:<id>`);
 * - `marginalia:relation` on linking bodies. Links between claims (supports / contradicts /
 *   elaborates) are bodies with purpose `linking` whose `source` is the other claim's IRI: a
 *   W3C reader sees "this annotation links to that one", ours also sees how.
 */
import type { Claim, ClaimLink, CslItem, Entity } from '../api.ts';

export { fromAnnotationCollection } from './web-annotation-import.ts';
export type { ImportedAnnotation, ImportResult } from './web-annotation-import.ts';

/** Version of the export format; bump it (and teach the importer) when the shape changes. */
export const FORMAT_VERSION = 1;
/** The W3C Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** IRI prefix of the `marginalia:` extension terms. */
export const MARGINALIA_VOCAB = 'urn:marginalia:vocab:';
/** IRI prefix of a claim: `urn:marginalia:claim:<id>`. */
export const CLAIM_IRI_PREFIX = 'urn:marginalia:claim:';
/** Wikidata entity IRIs, as Wikidata publishes them for linked data. */
export const WIKIDATA_IRI_PREFIX = 'http://www.wikidata.org/entity/';

/** A body of an annotation, as written. */
export type AnnotationBodyJson = { type: 'TextualBody' | 'SpecificResource'; purpose: string; [key: string]: unknown };

/** One annotation, as written. */
export interface AnnotationJson {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'highlighting';
  created: string;
  modified: string;
  body?: AnnotationBodyJson[];
  target: { source: string | SourceResourceJson; selector: [Claim['quote'], Claim['position']] };
  'marginalia:status': Claim['status'];
  'marginalia:paragraph'?: number;
  /** The last paragraph of a claim over several (¶ 3–4 → 4); absent when it is `marginalia:paragraph`. */
  'marginalia:paragraphEnd'?: number;
  /** The id of the annotation an imported claim came from (W3C `via`: https://www.w3.org/TR/annotation-model/#other-identities). */
  via?: string;
  /** Who made the imported annotation (its account or name), as the tool gave it. */
  creator?: string;
}

/** A whole export, as written. */
export interface AnnotationCollectionJson {
  '@context': [typeof ANNO_CONTEXT, { marginalia: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  'marginalia:formatVersion': number;
  generated: string;
  generator: { type: 'Software'; name: string };
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: AnnotationJson[] };
}

/**
 * A target's source described with what a citation needs (issue 6, item 6), as the W3C model's
 * External Web Resource: its IRI as `id`, Dublin Core title and date (the `dcterms:` prefix is
 * declared by the W3C context), creators as agents (`creator`, `name`, Person / Organization),
 * the original's URL as `schema:url` and DOI as `dcterms:identifier`; the whole CSL-JSON item in
 * `marginalia:csl`, so the file stands on its own. Importers read `id` (web-annotation-import.ts).
 */
export interface SourceResourceJson {
  id: string;
  type: 'Text';
  'dcterms:title'?: string;
  creator?: Array<{ type: 'Person' | 'Organization'; name: string }>;
  'dcterms:issued'?: string;
  'schema:url'?: string;
  'dcterms:identifier'?: string;
  'marginalia:csl'?: CslItem;
}

/** The source description of a document from its CSL item; null when the item says nothing a citation needs. */
export function sourceResource(iri: string, csl: CslItem | null | undefined): SourceResourceJson | null {
  if (!csl) return null;
  const out: SourceResourceJson = { id: iri, type: 'Text' };
  if (typeof csl.title === 'string' && csl.title) out['dcterms:title'] = csl.title;
  const creators = (csl.author ?? []).flatMap((a): Array<{ type: 'Person' | 'Organization'; name: string }> => {
    if (a.literal) return [{ type: 'Organization', name: a.literal }];
    const name = [a.given, a.family].filter(Boolean).join(' ');
    return name ? [{ type: 'Person', name }] : [];
  });
  if (creators.length) out.creator = creators;
  const parts = csl.issued?.['date-parts']?.[0];
  if (parts && parts.length && Number.isFinite(parts[0])) out['dcterms:issued'] = parts.map((p, i) => (i === 0 ? String(p).padStart(4, '0') : String(p).padStart(2, '0'))).join('-');
  if (typeof csl.URL === 'string' && csl.URL) out['schema:url'] = csl.URL;
  if (typeof csl.DOI === 'string' && csl.DOI) out['dcterms:identifier'] = `https://doi.org/${csl.DOI}`;
  out['marginalia:csl'] = csl;
  return out;
}

/** What an export needs: the claims, and the documents, entities and links they refer to. */
export interface ExportInput {
  claims: Claim[];
  /** `csl`: the source's exportable CSL item; when given, each target names its source with it. */
  documents: Array<{ id: string; iri: string; title?: string; csl?: CslItem | null }>;
  entities: Entity[];
  links?: ClaimLink[];
  /** ISO 8601 time of the export (passed in: core code does not read the clock). */
  generated: string;
}

/**
 * The claims as one W3C AnnotationCollection. A claim whose document is not in `documents`
 * still exports, with `urn:marginalia:document:<id>` as its source, so nothing is dropped;
 * entity ids not in `entities` and links to claims not exported are left out.
 */
export function toAnnotationCollection(input: ExportInput): AnnotationCollectionJson {
  const iriOf = new Map(input.documents.map((d) => [d.id, d.iri]));
  const described = new Map(input.documents.flatMap((d) => { const r = sourceResource(d.iri, d.csl); return r ? [[d.id, r] as const] : []; }));
  const entityOf = new Map(input.entities.map((e) => [e.id, e]));
  const exported = new Set(input.claims.map((c) => c.id));
  const linksFrom = new Map<string, ClaimLink[]>();
  for (const l of input.links ?? []) {
    if (!exported.has(l.to)) continue;
    const list = linksFrom.get(l.from);
    if (list) list.push(l); else linksFrom.set(l.from, [l]);
  }
  const id = `urn:marginalia:export:${input.generated}`;
  const items = input.claims.map((c) => toAnnotation(c, described.get(c.documentId) ?? iriOf.get(c.documentId) ?? `urn:marginalia:document:${c.documentId}`, entityOf, linksFrom.get(c.id) ?? []));
  return {
    '@context': [ANNO_CONTEXT, { marginalia: MARGINALIA_VOCAB }],
    id,
    type: 'AnnotationCollection',
    label: 'Marginalia claims',
    'marginalia:formatVersion': FORMAT_VERSION,
    generated: input.generated,
    generator: { type: 'Software', name: 'Marginalia' },
    total: items.length,
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

function toAnnotation(c: Claim, source: string | SourceResourceJson, entityOf: Map<string, Entity>, links: ClaimLink[]): AnnotationJson {
  const body: AnnotationBodyJson[] = [];
  const text = (purpose: string, value: string): AnnotationBodyJson => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });
  if (c.restatement) body.push(text('describing', c.restatement));
  if (c.note) body.push(text('commenting', c.note));
  if (c.kind) body.push({ type: 'TextualBody', purpose: 'tagging', value: `kind:${c.kind}`, 'marginalia:role': 'kind' });
  for (const tag of c.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  for (const eid of c.entityIds) {
    const e = entityOf.get(eid);
    if (!e) continue;
    const ext = { name: e.name, type: e.type, aliases: e.aliases, ...(e.description ? { description: e.description } : {}) };
    body.push(e.wikidata
      ? { type: 'SpecificResource', purpose: 'identifying', source: WIKIDATA_IRI_PREFIX + e.wikidata, 'marginalia:entity': ext }
      : { type: 'TextualBody', purpose: 'classifying', value: e.name, 'marginalia:entity': ext });
  }
  for (const l of links) {
    body.push({ type: 'SpecificResource', purpose: 'linking', source: CLAIM_IRI_PREFIX + l.to, 'marginalia:relation': l.relation, 'marginalia:link': l.id });
  }
  const a: AnnotationJson = {
    id: CLAIM_IRI_PREFIX + c.id,
    type: 'Annotation',
    motivation: c.note ? 'commenting' : 'highlighting',
    created: c.created,
    modified: c.modified,
    target: { source, selector: [{ ...c.quote }, { ...c.position }] },
    'marginalia:status': c.status,
  };
  if (body.length) a.body = body;
  if (c.paragraph !== null) a['marginalia:paragraph'] = c.paragraph;
  if (c.paragraphEnd !== null && c.paragraph !== null && c.paragraphEnd > c.paragraph) a['marginalia:paragraphEnd'] = c.paragraphEnd;
  if (c.via) a.via = c.via;
  if (c.creator) a.creator = c.creator;
  return a;
}
