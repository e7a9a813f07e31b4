/**
 * The headings of an editor document: the table of contents and heading-to-heading navigation
 * both read this one list.
 */
import type { Node as PMNode } from 'prosemirror-model';

/** One heading: where it starts in the editor, its level and text. */
export interface HeadingEntry { id: string; level: number; text: string; pos: number }

/** Every heading in document order (pos is the heading node's position; content starts at pos+1). */
export function headingsOf(doc: PMNode): HeadingEntry[] {
  const out: HeadingEntry[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') {
      out.push({ id: node.attrs.id as string, level: node.attrs.level as number, text: node.textContent, pos });
      return false;
    }
    // only sections hold headings; skip the insides of everything else
    return node.type.name === 'section' || node.type.name === 'doc';
  });
  return out;
}

/** A heading in the table of contents, with the headings nested under it. */
export interface TocNode { heading: HeadingEntry; children: TocNode[] }

/** Nests headings by level: a heading owns the following headings of a deeper level. */
export function tocTree(headings: readonly HeadingEntry[]): TocNode[] {
  const root: TocNode[] = [];
  const stack: TocNode[] = [];
  for (const h of headings) {
    const node: TocNode = { heading: h, children: [] };
    while (stack.length && stack[stack.length - 1]!.heading.level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1]!.children : root).push(node);
    stack.push(node);
  }
  return root;
}

/**
 * The heading after (dir 1) or before (dir -1) the selection head. "Before" skips the heading the
 * caret is in, so repeated presses walk back through the headings.
 */
export function adjacentHeading(headings: readonly HeadingEntry[], head: number, dir: 1 | -1): HeadingEntry | null {
  if (dir > 0) return headings.find((h) => h.pos + 1 > head) ?? null;
  for (let i = headings.length - 1; i >= 0; i--) if (headings[i]!.pos + 1 < head) return headings[i]!;
  return null;
}
