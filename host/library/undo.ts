/**
 * Undo and redo over the store's history, per client: a window undoes its own last action, never
 * another window's or the command line's (issue 8, item 17). After the row images are put back,
 * the claims they touched are re-anchored against the current text: an image taken before the
 * corpus changed must not put a claim back on a passage that has since moved.
 *
 * When a later change from elsewhere altered what the step would put back (another window edited
 * the same claim's note, deleted the claim…), nothing is written: the answer names the action,
 * who changed what since, and the step number the user can confirm with `{ anyway }`. Asking,
 * rather than refusing outright, because both wishes are reasonable (keep the other window's
 * text, or really go back), and a refusal would leave every older action of this window out of
 * reach behind it. A change of another field of the same claim is no conflict: an update puts
 * back only the columns it changed (host/store/history.ts).
 */
import { ApiError, type HistoryConflict, type HistoryStepOptions, type HistoryStepResult, type Claim } from '../../core/api.ts';
import { clientWords } from '../store/acting-client.ts';
import { getClaims } from '../store/claims-repo.ts';
import { redoNext, undoLast, type Row, type RowConflict, type StepOptions, type SteppedAction } from '../store/history.ts';
import { inTransaction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import { reanchorClaims } from './reanchor.ts';
import type { DatabaseSync } from 'node:sqlite';

function reanchorTouched(ctx: LibraryContext, step: SteppedAction): void {
  const db = ctx.store.db!;
  const ids = [...new Set(step.changes.filter((c) => c.table === 'claims').map((c) => String(c.key.id)))];
  const byDoc = new Map<string, Claim[]>();
  for (const c of getClaims(db, ids)) {
    const list = byDoc.get(c.documentId);
    if (list) list.push(c); else byDoc.set(c.documentId, [c]);
  }
  for (const [docId, claims] of byDoc) reanchorClaims(db, ctx.documents.get(docId), claims);
}

/** Longest quote shown when a message names a claim, in characters (one line of a toast). */
const QUOTE_CHARS = 60;

/** The user's words for the columns a conflict names. */
const COLUMN_WORDS: Record<string, string> = {
  restatement: 'restatement', note: 'note', kind: 'kind', tags: 'tags',
  quote_exact: 'extent', quote_prefix: 'extent', quote_suffix: 'extent', document_id: 'document',
  name: 'name', type: 'type', aliases: 'aliases', description: 'description', wikidata: 'Wikidata id',
  ord: 'entities', relation: 'relation', fields: 'fields', raw: 'text', csl: 'metadata',
};

function quoted(text: unknown): string {
  const t = String(text ?? '').replace(/\s+/g, ' ').trim();
  if (t.length <= QUOTE_CHARS) return `“${t}”`;
  const cut = t.slice(0, QUOTE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `“${(space > QUOTE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…”`; // at a word's end when one is near
}

/** "the claim “Since 1991 …”", "the entity “Niyazov”", … for the row a conflict is about. */
function thingWords(db: DatabaseSync, c: RowConflict): string {
  const claimQuote = (id: unknown): string => {
    const row = db.prepare('SELECT quote_exact FROM claims WHERE id = ?').get(String(id)) as { quote_exact: string } | undefined;
    return row ? `the claim ${quoted(row.quote_exact)}` : 'a claim';
  };
  const image: Row = c.image;
  switch (c.table) {
    case 'claims': return `the claim ${quoted(image.quote_exact)}`;
    case 'claim_entities': return claimQuote(c.key.claim_id);
    case 'claim_links': return 'a link between claims';
    case 'entities': return `the entity ${quoted(image.name)}`;
    case 'source_edits': return 'the source metadata of a document';
    case 'reference_corrections': return 'a reference';
    case 'metadata_sources': return 'a source added from a reference';
  }
}

/** "the note and tags of the claim “…”", or for entity tags "the entities of the claim “…”". */
function whatWords(db: DatabaseSync, c: RowConflict): string {
  const thing = thingWords(db, c);
  if (c.kind === 'deleted') return thing;
  // rows pointing at this one are named by what they are to it: a claim's entities and links, an entity's claims
  const word = (col: string): string => col === 'claim_entities' ? (c.table === 'entities' ? 'claims' : 'entities')
    : col === 'claim_links' ? 'links' : COLUMN_WORDS[col] ?? col.replace(/_/g, ' ');
  const words = c.table === 'claim_entities' ? ['entities'] : [...new Set(c.columns.map(word))];
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words[0];
  return `the ${list} of ${thing}`;
}

/** The conflict as the contract carries it: the first row named, the others counted. */
function describe(db: DatabaseSync, seq: number, conflicts: RowConflict[]): HistoryConflict {
  const first = conflicts.find((c) => c.table !== 'claim_entities' && c.table !== 'claim_links') ?? conflicts[0]!;
  const more = conflicts.length - 1;
  const what = `${whatWords(db, first)}${more > 0 ? ` and ${more} more` : ''}`;
  const known = conflicts.find((c) => c.by !== null || c.byLabel !== null);
  const by = known ? clientWords(known.by) : null;
  const byAction = known?.byLabel ?? null;
  const verb = first.kind === 'deleted' ? 'deleted' : 'changed';
  const message = by
    ? `${by[0]!.toUpperCase()}${by.slice(1)} ${verb} ${what} since${byAction ? ` (${byAction})` : ''}.`
    : `${what[0]!.toUpperCase()}${what.slice(1)} ${first.kind === 'deleted' ? 'was deleted' : 'changed'} since.`;
  return { step: seq, kind: first.kind, by, byAction, what, message };
}

function checkedOptions(options: unknown): StepOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object') throw new ApiError('bad-input', 'Undo and redo take no options but { anyway: step }.');
  const anyway = (options as HistoryStepOptions).anyway;
  if (anyway !== undefined && !(Number.isSafeInteger(anyway) && anyway > 0)) {
    throw new ApiError('bad-input', `"anyway" must be the step number a conflict reported, not ${JSON.stringify(anyway)}.`);
  }
  return anyway === undefined ? {} : { anyway };
}

function step(ctx: LibraryContext, move: typeof undoLast, options: unknown): HistoryStepResult | null {
  const opts = checkedOptions(options);
  const db = writableDb(ctx);
  return inTransaction(db, (): HistoryStepResult | null => {
    const s = move(db, opts);
    if (!s) return null;
    if (s.conflicts) return { action: s.label, undoable: true, conflict: describe(db, s.seq, s.conflicts) };
    reanchorTouched(ctx, s);
    return { action: s.label, undoable: true };
  });
}

/**
 * Revert the calling client's last action (host/store/acting-client.ts); null when it has none.
 * With a conflict nothing changes (see HistoryStepResult). Rejects with 'bad-input' for odd
 * options, 'store-unavailable' without a store.
 */
export function undo(ctx: LibraryContext, options?: HistoryStepOptions): HistoryStepResult | null {
  return step(ctx, undoLast, options);
}

/** Re-apply the calling client's last undone action; null when there is none. As `undo`. */
export function redo(ctx: LibraryContext, options?: HistoryStepOptions): HistoryStepResult | null {
  return step(ctx, redoNext, options);
}
