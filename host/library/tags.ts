/**
 * Tags across the library: the tags in use with their counts (for autocomplete and the tag
 * manager), and renaming, merging and deleting a tag on every claim that carries it, each as one
 * undoable action. Tags are compared without regard to case, as the claims store keeps them
 * (validate.nameList keeps one of "Russia" / "russia" on a claim).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { ActionResult, Claim, TagCount } from '../../core/api.ts';
import { listClaims, writeClaim } from '../store/claims-repo.ts';
import { inAction } from '../store/transaction.ts';
import { writableDb, type LibraryContext } from './context.ts';
import * as check from './validate.ts';

const fold = (t: string): string => t.toLowerCase();

/**
 * Every tag in use with the number of claims carrying it, most used first (ties by name).
 * Spellings differing only in case count as one tag, shown as the most used spelling.
 */
export function listTags(db: DatabaseSync): TagCount[] {
  const rows = db.prepare(`SELECT t.value AS tag, COUNT(DISTINCT c.id) AS n FROM claims c, json_each(c.tags) t
    WHERE t.type = 'text' GROUP BY t.value`).all() as Array<{ tag: string; n: number }>;
  const byFold = new Map<string, { tag: string; count: number; best: number }>();
  for (const r of rows) {
    const k = fold(r.tag);
    const had = byFold.get(k);
    if (!had) byFold.set(k, { tag: r.tag, count: Number(r.n), best: Number(r.n) });
    else {
      had.count += Number(r.n);
      if (Number(r.n) > had.best) { had.best = Number(r.n); had.tag = r.tag; }
    }
  }
  return [...byFold.values()].map(({ tag, count }) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Claims carrying `tag` (any case). */
function claimsTagged(db: DatabaseSync, tag: string): Claim[] {
  const k = fold(tag);
  return listClaims(db, {}).filter((c) => c.tags.some((t) => fold(t) === k));
}

/**
 * Rename `from` to `to` on every claim (any case of `from`). When `to` is already in use this is
 * a merge into the spelling in use: a claim carrying both keeps one. One undoable action ("Rename tag" / "Merge tags").
 * Raises bad-input for an empty or over-long name, or a tag no claim carries.
 */
export function renameTag(ctx: LibraryContext, from: string, to: string): ActionResult {
  const db = writableDb(ctx);
  const src = check.name(from, 'tag');
  const dst = check.name(to, 'tag');
  const claims = claimsTagged(db, src);
  if (!claims.length) check.badInput(`No claim is tagged “${src}”.`);
  const merging = fold(src) !== fold(dst) && claimsTagged(db, dst).length > 0;
  const action = merging ? 'Merge tags' : 'Rename tag';
  // Merged into a tag in use, the claims take its spelling ("Russia" typed, "russia" in use).
  const target = merging ? listTags(db).find((x) => fold(x.tag) === fold(dst))?.tag ?? dst : dst;
  const now = new Date().toISOString();
  inAction(db, action, (rec) => {
    for (const c of claims) {
      const tags: string[] = [];
      for (const t of c.tags) {
        const next = fold(t) === fold(src) || fold(t) === fold(target) ? target : t;
        if (!tags.some((x) => fold(x) === fold(next))) tags.push(next);
      }
      if (JSON.stringify(tags) !== JSON.stringify(c.tags)) writeClaim(db, rec, { ...c, tags, modified: now });
    }
  });
  return { action, undoable: true };
}

/** Remove `tag` (any case) from every claim: one undoable action. Raises bad-input when no claim carries it. */
export function deleteTag(ctx: LibraryContext, tag: string): ActionResult {
  const db = writableDb(ctx);
  const t0 = check.name(tag, 'tag');
  const claims = claimsTagged(db, t0);
  if (!claims.length) check.badInput(`No claim is tagged “${t0}”.`);
  const now = new Date().toISOString();
  inAction(db, 'Delete tag', (rec) => {
    for (const c of claims) writeClaim(db, rec, { ...c, tags: c.tags.filter((t) => fold(t) !== fold(t0)), modified: now });
  });
  return { action: 'Delete tag', undoable: true };
}
