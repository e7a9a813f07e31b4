/** The claim filter options shared by `claims` and `export`. */
import type { AnchorStatus, ClaimFilter } from '../../core/api.ts';
import { UsageError, type Values } from './verb.ts';

export const FILTER_OPTIONS = {
  document: { type: 'string' },
  entity: { type: 'string' },
  kind: { type: 'string' },
  tag: { type: 'string' },
  status: { type: 'string' },
} as const;

export const FILTER_HELP = [
  '  --document ID  only claims in this document',
  '  --entity ID    only claims tagged with this entity',
  '  --kind KIND    only claims of this kind (claim, evidence, question, definition, …)',
  '  --tag TAG      only claims with this tag',
  '  --status S     only claims anchored exact|moved|fuzzy|orphan',
].join('\n');

const STATUSES: readonly AnchorStatus[] = ['exact', 'moved', 'fuzzy', 'orphan'];

/** The ClaimFilter the options describe. */
export function filterFrom(values: Values): ClaimFilter {
  const f: ClaimFilter = {};
  if (typeof values.document === 'string') f.documentId = values.document;
  if (typeof values.entity === 'string') f.entityId = values.entity;
  if (typeof values.kind === 'string') f.kind = values.kind;
  if (typeof values.tag === 'string') f.tag = values.tag;
  if (typeof values.status === 'string') {
    if (!STATUSES.includes(values.status as AnchorStatus)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}.`);
    f.status = values.status as AnchorStatus;
  }
  return f;
}
