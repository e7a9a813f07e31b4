/**
 * DocumentModel → ProseMirror document, built once per opened document.
 *
 * Long runs of paragraphs/lists without headings are grouped into headless `chunk` nodes, because
 * ProseMirror's DecorationSet is a tree over the node structure: on a flat 10,000-block document
 * adding one decoration next to 10,000 others took 12 ms (median), nested into groups of ~25
 * blocks 1 ms. Chunks add no text, so the plain text (core/corpus/plain-text.ts) is unchanged.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { Block, DocumentModel, Inline } from '../../core/api.ts';
import { schema } from './schema.ts';

/** A run of consecutive paragraphs/lists longer than this is split into chunks. */
export const CHUNK_MAX = 40;
/** Target chunk size when splitting (measured: groups of ~25–40 blocks keep decoration updates ~1 ms). */
export const CHUNK_TARGET = 32;

/** The editor document for a model. */
export function toProseMirror(model: Pick<DocumentModel, 'blocks' | 'footnotes'>): PMNode {
  const content = blocksToNodes(model.blocks);
  if (model.footnotes.length) {
    content.push(schema.nodes.footnotes!.create(null, model.footnotes.map((f) =>
      schema.nodes.footnote!.create({ id: f.id, label: f.label }, inlines(f.content)))));
  }
  return schema.nodes.doc!.create(null, content);
}

function blocksToNodes(blocks: Block[]): PMNode[] {
  const out: PMNode[] = [];
  let run: PMNode[] = [];
  const flush = (): void => {
    if (run.length > CHUNK_MAX) out.push(...chunked(run));
    else out.push(...run);
    run = [];
  };
  for (const b of blocks) {
    if (b.kind === 'section') {
      flush();
      out.push(schema.nodes.section!.create({ id: b.id }, [
        schema.nodes.heading!.create({ id: b.heading.id, level: b.heading.level }, inlines(b.heading.content)),
        ...blocksToNodes(b.children),
      ]));
    } else if (b.kind === 'list') {
      run.push(schema.nodes.list!.create({ id: b.id }, b.items.map((i) =>
        schema.nodes.list_item!.create({ id: i.id, n: i.n }, inlines(i.content)))));
    } else {
      run.push(schema.nodes.paragraph!.create({ id: b.id, n: b.n }, inlines(b.content)));
    }
  }
  flush();
  return out;
}

/** Splits a run into chunks of near-equal size around CHUNK_TARGET. */
function chunked(run: PMNode[]): PMNode[] {
  const count = Math.ceil(run.length / CHUNK_TARGET);
  const out: PMNode[] = [];
  for (let c = 0; c < count; c++) {
    const from = Math.round((c * run.length) / count);
    const to = Math.round(((c + 1) * run.length) / count);
    out.push(schema.nodes.chunk!.create(null, run.slice(from, to)));
  }
  return out;
}

function inlines(content: Inline[]): PMNode[] {
  const out: PMNode[] = [];
  for (const i of content) {
    if (i.t === 'text') { if (i.text) out.push(schema.text(i.text)); }
    else if (i.t === 'fnref') out.push(schema.nodes.fnref!.create({ label: i.label, note: i.note }));
    else out.push(schema.nodes.refmark!.create({ label: i.label }));
  }
  return out;
}
