/**
 * Editor positions ⇄ offsets in the document's plain text (core/corpus/plain-text.ts).
 *
 * Claims, search and find are measured in plain-text offsets; the editor speaks in ProseMirror
 * positions. The two differ in three ways: node boundaries take positions but no text, block
 * gaps are BLOCK_SEPARATOR in the text, and atoms (fnref, refmark) take one position but no
 * text. The map is built once per document from the editor doc alone (no DOM), in O(nodes).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { BLOCK_SEPARATOR } from '../../core/corpus/plain-text.ts';
import { TEXT_BLOCKS } from './schema.ts';

/** One text block: its content range in the editor and its span in the plain text. */
export interface MappedBlock {
  /** The model block id. */
  id: string;
  /** Node type name: heading, paragraph, list_item or footnote. */
  type: string;
  /** Paragraph number (`n`) of paragraphs and list items, else null. */
  n: number | null;
  /** Editor positions of the block's content start and end. */
  from: number;
  to: number;
  /** Plain-text span [start, end). */
  start: number;
  end: number;
  /** For each atom in the block, in order: how many text chars of the block precede it. */
  atoms: number[];
}

/** The mapping for one editor document. */
export interface TextMap {
  /** The document's plain text; equals plainText(model) for the model it was built from. */
  text: string;
  blocks: MappedBlock[];
}

/** Builds the map of an editor document (see schema.ts for which nodes are text blocks). */
export function buildTextMap(doc: PMNode): TextMap {
  const blocks: MappedBlock[] = [];
  const parts: string[] = [];
  let offset = 0;
  doc.descendants((node, pos) => {
    if (!TEXT_BLOCKS.has(node.type.name)) return true;
    if (blocks.length) { parts.push(BLOCK_SEPARATOR); offset += BLOCK_SEPARATOR.length; }
    const atoms: number[] = [];
    let len = 0;
    node.forEach((child) => {
      if (child.isText) { parts.push(child.text!); len += child.text!.length; }
      else atoms.push(len);
    });
    const n = node.attrs.n;
    blocks.push({
      id: node.attrs.id as string, type: node.type.name, n: typeof n === 'number' ? n : null,
      from: pos + 1, to: pos + 1 + node.content.size, start: offset, end: offset + len, atoms,
    });
    offset += len;
    return false;
  });
  return { text: parts.join(''), blocks };
}

/** Index of the last element for which `before(el)` holds (elements sorted so it holds on a prefix), or -1. */
function lastWhere<T>(arr: readonly T[], before: (el: T, i: number) => boolean): number {
  let lo = 0, hi = arr.length; // first index where `before` fails
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(arr[mid]!, mid)) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** The text block whose content range holds `pos`, or null (between blocks, on an atom-free gap). */
export function blockAtPos(map: TextMap, pos: number): MappedBlock | null {
  const b = map.blocks[lastWhere(map.blocks, (x) => x.from <= pos)];
  return b && pos <= b.to ? b : null;
}

/**
 * The plain-text offset of an editor position. A position between text blocks maps to the start
 * of the next text block (or the end of the text); a position just after an atom maps to the
 * offset right after the text preceding the atom.
 */
export function plainOffsetAt(map: TextMap, pos: number): number {
  const i = lastWhere(map.blocks, (x) => x.from <= pos);
  if (i < 0) return 0;
  const b = map.blocks[i]!;
  if (pos > b.to) return map.blocks[i + 1]?.start ?? map.text.length;
  const rel = pos - b.from;
  // atom k sits at relative position atoms[k] + k; count atoms that end at or before `rel`.
  const before = lastWhere(b.atoms, (a, k) => a + k < rel) + 1;
  return b.start + rel - before;
}

/**
 * The editor position of a plain-text offset, or null outside the text. Where several positions
 * share one offset, `side` chooses: -1 hugs the text before (before atoms; the end of the previous
 * block for an offset inside a block separator), 1 hugs the text after (after atoms; the start of
 * the next block). Range starts want 1, range ends -1.
 */
export function posAtPlainOffset(map: TextMap, offset: number, side: -1 | 1 = 1): number | null {
  if (!(offset >= 0 && offset <= map.text.length) || map.blocks.length === 0) return null;
  const i = lastWhere(map.blocks, (x) => x.start <= offset);
  const b = map.blocks[Math.max(0, i)]!;
  if (offset > b.end) {
    const next = map.blocks[i + 1];
    return side < 0 || !next ? b.to : next.from;
  }
  const rel = offset - b.start;
  const atomsBefore = side < 0
    ? lastWhere(b.atoms, (a) => a < rel) + 1
    : lastWhere(b.atoms, (a) => a <= rel) + 1;
  return b.from + rel + atomsBefore;
}

/** The text map as the annotations plugin wants it (plugins/annotations.ts `OffsetToPos`). */
export function offsetToPos(map: TextMap): { posAt(offset: number, side: -1 | 1): number | null } {
  return { posAt: (offset, side) => posAtPlainOffset(map, offset, side) };
}

/** An editor range as a plain-text range (start ≤ end). */
export function plainRange(map: TextMap, from: number, to: number): { start: number; end: number } {
  const a = plainOffsetAt(map, Math.min(from, to));
  const b = plainOffsetAt(map, Math.max(from, to));
  return { start: a, end: Math.max(a, b) };
}
