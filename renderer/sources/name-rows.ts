/**
 * The rows of the creators list as plain data (no DOM), so the person/organisation switch and
 * the row → CSL name reading are tested in Node: renderer/sources/names-editor.ts draws them.
 */
import type { CslName } from '../../core/api.ts';

/** One row of the creators list while it is edited. */
export interface NameRow { kind: 'person' | 'organisation'; family: string; given: string; literal: string }

/** A stored CSL name as a row. */
export function rowOf(n: CslName): NameRow {
  return n.literal !== undefined
    ? { kind: 'organisation', family: '', given: '', literal: n.literal }
    : { kind: 'person', family: n.family ?? '', given: n.given ?? '', literal: '' };
}

/** A row as a CSL name; an empty row gives null (the host drops empty names too). */
export function nameOf(r: NameRow): CslName | null {
  if (r.kind === 'organisation') return r.literal.trim() ? { literal: r.literal.trim() } : null;
  const family = r.family.trim();
  const given = r.given.trim();
  if (!family && !given) return null;
  return given ? { family, given } : { family };
}

/**
 * The switch of the toggle button, keeping what was typed: a person becomes one name "Given
 * Family"; an organisation's name becomes a person with the last word as the family name and
 * the words before it as given names (as Zotero does when switching to two fields).
 */
export function switchKind(r: NameRow): NameRow {
  if (r.kind === 'person') {
    return { kind: 'organisation', family: '', given: '', literal: [r.given, r.family].map((s) => s.trim()).filter(Boolean).join(' ') };
  }
  const words = r.literal.trim().split(/\s+/).filter(Boolean);
  const family = words.pop() ?? '';
  return { kind: 'person', family, given: words.join(' '), literal: '' };
}
