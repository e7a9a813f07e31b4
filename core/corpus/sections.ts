/**
 * From the flat block sequence of a format reader to the nested document model: ids, paragraph
 * numbers, lists and sections.
 *
 * A heading owns everything up to the next heading of the same or a higher level (a smaller
 * number); blocks before the first heading stay at the top level. Paragraphs and list items are
 * numbered from 1 in reading order; headings and footnotes are not. Blocks whose text is empty
 * once markers are read (a line that held only `[12]`) are kept only if they carry a marker.
 */
import type { Block, HeadingBlock, ListBlock, SectionBlock } from '../api.ts';
import type { FlatBlock } from './flat-block.ts';
import type { IdKind } from './ids.ts';
import { toInlines, type NoteLookup } from './inline.ts';
import { inlineText } from './plain-text.ts';

/** Nests `flat` into blocks; ids come from `idFor`, footnote markers are resolved by `notes`. */
export function nestBlocks(flat: FlatBlock[], idFor: (kind: IdKind, text: string) => string, notes: NoteLookup): Block[] {
  const root: Block[] = [];
  const open: Array<{ level: number; section: SectionBlock }> = [];
  const container = (): Block[] => (open.length ? open[open.length - 1]!.section.children : root);
  let n = 0;
  let list: { block: ListBlock; group: number } | null = null;

  for (const b of flat) {
    const content = toInlines(b.text, notes);
    if (content.length === 0) continue;
    const text = inlineText(content);
    if (b.kind !== 'item') list = null;
    if (b.kind === 'heading') {
      while (open.length && open[open.length - 1]!.level >= b.level) open.pop();
      const heading: HeadingBlock = { kind: 'heading', id: idFor('heading', text), level: b.level, content };
      const section: SectionBlock = { kind: 'section', id: idFor('section', text), heading, children: [] };
      container().push(section);
      open.push({ level: b.level, section });
    } else if (b.kind === 'paragraph') {
      container().push({ kind: 'paragraph', id: idFor('paragraph', text), n: ++n, content });
    } else {
      if (!list || list.group !== b.list) {
        list = { block: { kind: 'list', id: idFor('list', text), items: [] }, group: b.list };
        container().push(list.block);
      }
      list.block.items.push({ kind: 'item', id: idFor('item', text), n: ++n, content });
    }
  }
  return root;
}
