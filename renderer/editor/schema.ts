/**
 * The reader's ProseMirror schema: the document model of core/api.ts as editor nodes.
 *
 * doc      → (section | chunk | paragraph | list)* footnotes?
 * section  → heading (section | chunk | paragraph | list)*
 * chunk    → (paragraph | list)+        a headless group of consecutive blocks (see to-prosemirror.ts)
 * list     → list_item+
 * footnotes→ footnote+
 * Text blocks (heading, paragraph, list_item, footnote) carry the model's block `id`, so editor
 * positions can be tied to the document's plain text (text-map.ts). Inline atoms (fnref, refmark)
 * take one editor position and add nothing to the plain text.
 *
 * This module has no DOM dependency at import time (toDOM is only called by the view), so the
 * text map and its tests can run in Node.
 */
import { Schema, type DOMOutputSpec, type Node as PMNode } from 'prosemirror-model';

const blockAttrs = { id: { default: '' } };

/** DOM id for a text block, so `aria-describedby` and links can point at it. */
export function blockDomId(id: string): string {
  return `b-${id}`;
}

const numbered = (tag: 'p' | 'li', cls: string) => (node: PMNode): DOMOutputSpec => [
  tag,
  { id: blockDomId(node.attrs.id as string), class: cls, 'data-n': String(node.attrs.n ?? '') },
  0,
];

/** The one schema of the reader. */
export const schema = new Schema({
  nodes: {
    doc: { content: '(section | chunk | paragraph | list)* footnotes?' },
    section: {
      content: 'heading (section | chunk | paragraph | list)*',
      attrs: blockAttrs,
      defining: true,
      toDOM: (node) => ['section', { class: 'section', 'data-section': node.attrs.id as string }, 0],
      parseDOM: [{ tag: 'section.section' }],
    },
    chunk: {
      content: '(paragraph | list)+',
      toDOM: () => ['div', { class: 'chunk' }, 0],
      parseDOM: [{ tag: 'div.chunk' }],
    },
    heading: {
      content: 'inline*',
      attrs: { ...blockAttrs, level: { default: 1 } },
      defining: true,
      toDOM: (node) => {
        const level = Math.min(6, Math.max(1, (node.attrs.level as number) + 1));
        return [`h${level}`, { id: blockDomId(node.attrs.id as string), class: 'heading', 'data-level': String(node.attrs.level) }, 0];
      },
      parseDOM: [1, 2, 3, 4, 5, 6].map((l) => ({ tag: `h${l}`, attrs: { level: Math.max(1, l - 1) } })),
    },
    paragraph: {
      content: 'inline*',
      attrs: { ...blockAttrs, n: { default: 0 } },
      toDOM: numbered('p', 'para'),
      parseDOM: [{ tag: 'p' }],
    },
    list: {
      content: 'list_item+',
      attrs: blockAttrs,
      toDOM: () => ['ul', { class: 'list' }, 0],
      parseDOM: [{ tag: 'ul' }],
    },
    list_item: {
      content: 'inline*',
      attrs: { ...blockAttrs, n: { default: 0 } },
      defining: true,
      toDOM: numbered('li', 'item'),
      parseDOM: [{ tag: 'li' }],
    },
    footnotes: {
      content: 'footnote+',
      toDOM: () => ['section', { class: 'footnotes', 'aria-label': 'Notes' }, ['ol', { class: 'footnote-list' }, 0]],
      parseDOM: [{ tag: 'section.footnotes', contentElement: 'ol' }],
    },
    footnote: {
      content: 'inline*',
      attrs: { ...blockAttrs, label: { default: '' } },
      toDOM: (node) => ['li', {
        id: blockDomId(node.attrs.id as string), class: 'footnote', 'data-label': node.attrs.label as string,
      }, 0],
      parseDOM: [{ tag: 'li.footnote' }],
    },
    text: { group: 'inline' },
    fnref: {
      inline: true,
      group: 'inline',
      atom: true,
      selectable: false,
      attrs: { label: { default: '' }, note: { default: '' } },
      // The reader uses a node view (fnref-view.ts) for the popover; this is the fallback.
      toDOM: (node) => ['sup', { class: 'fnref', 'data-note': node.attrs.note as string }, node.attrs.label as string],
      parseDOM: [{ tag: 'sup.fnref' }],
    },
    refmark: {
      inline: true,
      group: 'inline',
      atom: true,
      selectable: false,
      attrs: { label: { default: '' } },
      toDOM: (node) => ['sup', { class: 'refmark' }, `[${node.attrs.label as string}]`],
      parseDOM: [{ tag: 'sup.refmark' }],
    },
  },
  marks: {},
});

/** Names of the nodes that hold text (one per model text block). */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(['heading', 'paragraph', 'list_item', 'footnote']);
