/**
 * What `reanchor` reports (issue 10, item 3): not only what its own pass changed, but what
 * changed since the store last saw each file. The library re-anchors changed documents when it
 * opens a corpus (at start-up too); without this the command would report "20 exact, 0 moved"
 * right after that first pass had silently moved claims.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ReanchorChange, ReanchorSummary } from '../../core/api.ts';
import { getClaims } from '../store/claims-repo.ts';

/**
 * Fold the changes held since the last report (`unreported`, claim id → its first change this
 * run) into `summary`: each claim that is back at its old place drops out; one found exactly at
 * a place other than where the store had it counts as moved, not exact. `only`: the document
 * ids of the corpus just re-anchored (changes of other corpora wait for their own report).
 * Reported entries leave `unreported`. Returns the summary with `changes` in document, then
 * text order.
 */
export function reportSinceLastSeen(db: DatabaseSync, summary: ReanchorSummary, unreported: Map<string, ReanchorChange>, only?: Set<string>): ReanchorSummary {
  const mine = [...unreported.values()].filter((c) => !only || only.has(c.documentId));
  const current = new Map(getClaims(db, mine.map((c) => c.claimId)).map((c) => [c.id, c]));
  const changes: ReanchorChange[] = [];
  for (const first of mine) {
    unreported.delete(first.claimId);
    const now = current.get(first.claimId);
    if (!now) continue; // deleted since
    const after = { status: now.status, start: now.position.start, end: now.position.end, paragraph: now.paragraph };
    const b = first.before;
    if (b.status === after.status && b.start === after.start && b.end === after.end && b.paragraph === after.paragraph) continue;
    changes.push({ ...first, after });
    if (after.status === 'exact' && (b.start !== after.start || b.end !== after.end) && summary.exact > 0) {
      summary.exact -= 1;
      summary.moved += 1;
    }
  }
  changes.sort((x, y) => x.documentId.localeCompare(y.documentId) || x.after.start - y.after.start);
  return { ...summary, changes };
}

/** One line per change for the CLI: `¶ 3 → ¶ 4  moved  "quote…"`. */
export function describeChange(c: ReanchorChange): string {
  const at = (p: ReanchorChange['before']): string => (p.status === 'orphan' ? 'orphan' : p.paragraph === null ? `@${p.start}` : `¶ ${p.paragraph}`);
  const quote = c.quote.replace(/\s+/g, ' ').trim();
  const what = c.after.status === 'exact' ? 'moved' : c.after.status;
  return `${at(c.before)} → ${at(c.after)}  ${what}  "${quote.length > 60 ? `${quote.slice(0, 57)}…` : quote}"`;
}
