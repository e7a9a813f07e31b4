/**
 * Claim commands behind the contract: create, edit (one or many), delete, link. Each is one
 * transaction and one undoable history action; input is checked before anything is written.
 */
import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { ApiError, type ActionResult, type Claim, type ClaimLink, type ClaimPatch, type LinkRelation, type NewClaim, type Settings } from '../../core/api.ts';
import { describeRange } from '../../core/annotations/selectors.ts';
import { getClaim, getClaims, listLinks, removeClaim, writeClaim, writeLink } from '../store/claims-repo.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import { paragraphSpan, type LoadedDocument } from './loaded-document.ts';
import { readSettings } from './settings.ts';
import * as check from './validate.ts';

/** Throw not-found for a claim id the library does not hold. */
function claimOrThrow(db: DatabaseSync, id: unknown): Claim {
  const c = typeof id === 'string' ? getClaim(db, id) : null;
  if (!c) throw new ApiError('not-found', `There is no claim with id "${String(id)}" (it may have been deleted).`);
  return c;
}

/** Entity ids, each of which must exist. */
function knownEntityIds(db: DatabaseSync, value: unknown): string[] {
  const ids = check.idList(value ?? [], 'entity ids');
  const found = new Set((db.prepare('SELECT id FROM entities WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as Array<{ id: string }>).map((r) => r.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) check.badInput(`Unknown entit${missing.length === 1 ? 'y' : 'ies'}: ${missing.join(', ')}.`);
  return ids;
}

/** Selectors, status and paragraph for a range the user selected (whitespace at either end trimmed). */
function placeRange(doc: LoadedDocument, range: { start: unknown; end: unknown }): Pick<Claim, 'quote' | 'position' | 'status' | 'paragraph' | 'paragraphEnd'> {
  const { start, end } = range;
  const len = doc.text.length;
  if (!Number.isInteger(start) || !Number.isInteger(end)) check.badInput('The selection must be given as whole-number start and end offsets.');
  let s = start as number;
  let e = end as number;
  if (s < 0 || e > len || s > e) check.badInput(`The selection ${s}–${e} lies outside "${doc.summary.title}" (0–${len}).`);
  while (s < e && /\s/.test(doc.text[s]!)) s++;
  while (e > s && /\s/.test(doc.text[e - 1]!)) e--;
  if (s === e) check.badInput('The selection is empty: select some text to make a claim.');
  const { quote, position } = describeRange(doc.text, s, e);
  return { quote, position, status: 'exact', ...paragraphSpan(doc, s, e) };
}

function documentOrThrow(ctx: LibraryContext, id: unknown): LoadedDocument {
  const doc = typeof id === 'string' ? ctx.documents.get(id) : null;
  if (!doc) {
    const gone = typeof id === 'string' && ctx.documents.removed.get(id);
    throw new ApiError('not-found', gone
      ? `"${gone.title}" is no longer in the corpus folder.`
      : `There is no document with id "${String(id)}" in the library.`);
  }
  return doc;
}

/** Create a claim on a range of a document's plain text. */
export function createClaim(ctx: LibraryContext, input: NewClaim): Claim {
  const db = writableDb(ctx);
  if (typeof input !== 'object' || input === null) check.badInput('A new claim needs a document and a range.');
  const doc = documentOrThrow(ctx, input.documentId);
  const placed = placeRange(doc, input);
  const settings: Settings = readSettings(db);
  const now = new Date().toISOString();
  const claim: Claim = {
    id: randomUUID(),
    documentId: doc.summary.id,
    ...placed,
    restatement: check.longText(input.restatement ?? '', 'restatement'),
    note: check.longText(input.note ?? '', 'note'),
    kind: check.kind(input.kind ?? settings.kinds[0]?.id ?? 'claim', settings),
    tags: check.nameList(input.tags, 'tags'),
    entityIds: knownEntityIds(db, input.entityIds),
    created: now,
    modified: now,
  };
  inAction(db, 'Create claim', (rec) => writeClaim(db, rec, claim));
  return claim;
}

/** Edit one claim; a `range` moves (or re-attaches) it. */
export function updateClaim(ctx: LibraryContext, id: string, patch: ClaimPatch): Claim {
  const db = writableDb(ctx);
  const old = claimOrThrow(db, id);
  if (typeof patch !== 'object' || patch === null) check.badInput('Nothing to change.');
  const next: Claim = { ...old };
  if (patch.restatement !== undefined) next.restatement = check.longText(patch.restatement, 'restatement');
  if (patch.note !== undefined) next.note = check.longText(patch.note, 'note');
  if (patch.kind !== undefined) next.kind = check.kind(patch.kind, readSettings(db));
  if (patch.tags !== undefined) next.tags = check.nameList(patch.tags, 'tags');
  if (patch.entityIds !== undefined) next.entityIds = knownEntityIds(db, patch.entityIds);
  if (patch.range !== undefined) {
    if (typeof patch.range !== 'object' || patch.range === null) check.badInput('The new range must have a start and an end.');
    Object.assign(next, placeRange(documentOrThrow(ctx, old.documentId), patch.range));
  } else if (patch.acceptText === true) {
    // The quote becomes what the claim covers now (issue 10, item 14); undo brings the old one back.
    if (old.status !== 'fuzzy') check.badInput('Only a fuzzy claim (its text changed) has new text to accept.');
    Object.assign(next, placeRange(documentOrThrow(ctx, old.documentId), old.position));
  }
  next.modified = new Date().toISOString();
  const label = patch.range !== undefined ? (old.status === 'orphan' ? 'Re-attach claim' : 'Move claim')
    : patch.acceptText === true ? 'Accept new text' : 'Edit claim';
  inAction(db, label, (rec) => writeClaim(db, rec, next));
  return getClaim(db, id)!;
}

/** The bulk edit of the claims panel: one kind for all, tags added/removed. */
export type BulkPatch = Pick<ClaimPatch, 'kind'> & { addTags?: string[]; removeTags?: string[] };

/** Edit many claims as one undoable action. */
export function updateClaims(ctx: LibraryContext, ids: string[], patch: BulkPatch): Claim[] {
  const db = writableDb(ctx);
  const wanted = check.idList(ids, 'claim ids');
  if (wanted.length === 0) check.badInput('Select at least one claim to edit.');
  const claims = wanted.map((id) => claimOrThrow(db, id));
  if (typeof patch !== 'object' || patch === null) check.badInput('Nothing to change.');
  const kind = patch.kind === undefined ? undefined : check.kind(patch.kind, readSettings(db));
  const add = check.nameList(patch.addTags, 'tags');
  const remove = new Set(check.nameList(patch.removeTags, 'tags').map((t) => t.toLowerCase()));
  const now = new Date().toISOString();
  inAction(db, `Edit ${claims.length} claim${claims.length === 1 ? '' : 's'}`, (rec) => {
    for (const c of claims) {
      const tags = c.tags.filter((t) => !remove.has(t.toLowerCase()));
      for (const t of add) if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
      const next: Claim = { ...c, kind: kind ?? c.kind, tags };
      if (next.kind !== c.kind || JSON.stringify(next.tags) !== JSON.stringify(c.tags)) writeClaim(db, rec, { ...next, modified: now });
    }
  });
  return getClaims(db, wanted);
}

/** Delete claims (with their tags and links) as one undoable action. */
export function deleteClaims(ctx: LibraryContext, ids: string[]): ActionResult {
  const db = writableDb(ctx);
  const wanted = check.idList(ids, 'claim ids');
  if (wanted.length === 0) check.badInput('Select at least one claim to delete.');
  for (const id of wanted) claimOrThrow(db, id);
  const action = `Delete ${wanted.length === 1 ? 'claim' : `${wanted.length} claims`}`;
  inAction(db, action, (rec) => { for (const id of wanted) removeClaim(db, rec, id); });
  return { action, undoable: true };
}

/** Link two claims; linking the same pair the same way again returns the existing link. */
export function linkClaims(ctx: LibraryContext, from: string, to: string, relation: LinkRelation): ClaimLink {
  const db = writableDb(ctx);
  claimOrThrow(db, from);
  claimOrThrow(db, to);
  const rel = check.linkRelation(relation);
  if (from === to) check.badInput('A claim cannot be linked to itself.');
  const existing = listLinks(db, from).find((l) => l.from === from && l.to === to && l.relation === rel);
  if (existing) return existing;
  const link: ClaimLink = { id: randomUUID(), from, to, relation: rel };
  inAction(db, 'Link claims', (rec) => writeLink(rec, link, new Date().toISOString()));
  return link;
}

/** Remove a link. */
export function unlinkClaims(ctx: LibraryContext, linkId: string): ActionResult {
  const db = writableDb(ctx);
  const found = typeof linkId === 'string' && db.prepare('SELECT 1 FROM claim_links WHERE id = ?').get(linkId);
  if (!found) throw new ApiError('not-found', `There is no link with id "${String(linkId)}".`);
  inAction(db, 'Unlink claims', (rec) => rec.remove('claim_links', { id: linkId }));
  return { action: 'Unlink claims', undoable: true };
}
