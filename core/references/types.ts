/**
 * Internal types of reference parsing (core/references). The wire type the library returns is
 * `DocumentReference` in core/api.ts; these are what the pure parser hands to it.
 */
import type { CslItem } from '../api.ts';

/** The CSL-JSON fields a parsed reference can fill, by their CSL names. */
export const REFERENCE_FIELDS = [
  'type', 'author', 'title', 'container-title', 'publisher', 'publisher-place', 'issued', 'accessed',
  'volume', 'issue', 'page', 'URL', 'DOI', 'language', 'translator', 'editor',
] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

/** A CSL item without its id: what a parsed reference string says. */
export type ReferenceItem = Omit<CslItem, 'id'>;

/**
 * How sure the parser is of each field it filled, from 0 to 1. These are rule strengths, not
 * measured probabilities: 0.95 for a field the text marks explicitly (a URL, `《title》`, `vol.`),
 * about 0.8 for a field placed by the usual order of a reference (title after the authors and a
 * full stop), about 0.6 for a guess from a weaker cue (a comma), 0.3 or less for a fallback.
 * The UI marks fields below LOW_CONFIDENCE.
 */
export type FieldConfidence = Partial<Record<ReferenceField, number>>;

/** Fields below this confidence are marked for the reader to check (and count as "unsure"). */
export const LOW_CONFIDENCE = 0.7;

/** One reference string, parsed. `raw` is the text as found, never altered. */
export interface ParsedReference {
  raw: string;
  item: ReferenceItem;
  confidence: FieldConfidence;
}

/** A CSL name: a person (family/given) or an organisation (literal). */
export type CslName = { family?: string; given?: string; literal?: string };
