/**
 * How claims read in the panels: quote snippets, locators, relation wording, status badges.
 * Kept in one place so the editor, the list, the links and the tooltip say things the same way.
 */
import type { AnchorStatus, Claim, ClaimKindDef, LinkRelation } from '../../core/api.ts';

/** Longest snippet shown for a quote in lists (about one line of the side panel). */
const SNIPPET_CHARS = 90;

/** A quote shortened at a word boundary, in «guillemets». */
export function snippet(text: string, max = SNIPPET_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `«${flat}»`;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `«${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…»`;
}

/**
 * The citation locator of a claim: "¶ 4", "¶ 3–4" (en dash) for one that ends in a later
 * paragraph, or "" when it does not start in a paragraph.
 */
export function locator(claim: Pick<Claim, 'paragraph'> & { paragraphEnd?: number | null }): string {
  if (claim.paragraph === null) return '';
  const last = claim.paragraphEnd ?? claim.paragraph;
  return last > claim.paragraph ? `¶ ${claim.paragraph}–${last}` : `¶ ${claim.paragraph}`;
}

/** Words for a relation, seen from the claim that holds the link (→) or the one it points at (←). */
export function relationLabel(relation: LinkRelation, outgoing: boolean): string {
  if (outgoing) return `${relation} →`;
  const passive: Record<LinkRelation, string> = { supports: 'supported by', contradicts: 'contradicted by', elaborates: 'elaborated by' };
  return `← ${passive[relation]}`;
}

/** Every relation a user can pick, in menu order. */
export const RELATIONS: readonly LinkRelation[] = ['supports', 'contradicts', 'elaborates'];

/** A badge for a claim that is not where it was made, or null when it is. */
export function statusBadge(status: AnchorStatus): { text: string; title: string } | null {
  switch (status) {
    case 'exact': return null;
    case 'moved': return { text: 'moved', title: 'The text moved; the claim followed it.' };
    case 'fuzzy': return { text: 'fuzzy', title: 'The text changed; the claim sits on the closest match.' };
    case 'orphan': return { text: 'orphan', title: 'The quoted text is no longer in the document.' };
  }
}

/** The kind's definition, or a neutral stand-in for a kind the settings no longer list. */
export function kindDef(kinds: readonly ClaimKindDef[], id: string): ClaimKindDef {
  return kinds.find((k) => k.id === id) ?? { id, label: id, color: '#9a9a9a' };
}

/** A timestamp the way people read it, in their locale. */
export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The message of a rejected host call, for a person. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
