/**
 * The text map on the real corpus: editor positions and plain-text offsets must agree exactly,
 * because claims and search store offsets and the reader shows positions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import type { DocumentModel, ParagraphBlock } from '../../core/api.ts';
import { parseDocument } from '../../core/corpus/parse.ts';
import { plainTextWithSpans } from '../../core/corpus/plain-text.ts';
import { blockAtPos, buildTextMap, plainOffsetAt, plainRange, posAtPlainOffset, type TextMap } from './text-map.ts';
import { CHUNK_MAX, toProseMirror } from './to-prosemirror.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

function load(file: string): { model: DocumentModel; doc: PMNode; map: TextMap } {
  const { doc: model } = parseDocument({ text: readFileSync(new URL(file, CORPUS), 'utf8'), format: 'txt', path: file });
  const doc = toProseMirror(model);
  return { model, doc, map: buildTextMap(doc) };
}

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 2 ** 32; };
}

test('the corpus has five texts to test on', () => {
  assert.equal(files.length, 5);
});

for (const file of files) {
  test(`${file}: the map's text and spans are the document's plain text`, () => {
    const { model, doc, map } = load(file);
    const expected = plainTextWithSpans(model);
    assert.ok(expected.text.length > 1000, 'a real document');
    assert.equal(map.text, expected.text);
    assert.deepEqual(map.blocks.map((b) => ({ id: b.id, start: b.start, end: b.end })), expected.spans);
    for (const b of map.blocks) {
      // the plain text at the mapped range equals the editor's text of the block
      const from = posAtPlainOffset(map, b.start, 1)!;
      const to = posAtPlainOffset(map, b.end, -1)!;
      assert.equal(doc.textBetween(from, to), map.text.slice(b.start, b.end), `block ${b.id}`);
      assert.equal(doc.textBetween(b.from, b.to), map.text.slice(b.start, b.end), `block ${b.id}`);
      assert.equal(doc.resolve(b.from).parent.attrs.id, b.id);
    }
  });

  test(`${file}: offset → position → offset is the identity inside blocks`, () => {
    const { map } = load(file);
    for (const b of map.blocks) {
      for (let o = b.start; o <= b.end; o++) {
        for (const side of [-1, 1] as const) {
          const pos = posAtPlainOffset(map, o, side)!;
          assert.equal(plainOffsetAt(map, pos), o, `offset ${o} side ${side} in ${b.id}`);
          assert.equal(blockAtPos(map, pos)?.id, b.id);
        }
      }
    }
  });

  test(`${file}: any editor range's text is the plain text of its mapped range`, () => {
    const { doc, map } = load(file);
    const next = rng(file.length);
    for (let i = 0; i < 400; i++) {
      const a = map.blocks[Math.floor(next() * map.blocks.length)]!;
      const b = map.blocks[Math.min(map.blocks.length - 1, map.blocks.indexOf(a) + Math.floor(next() * 4))]!;
      const from = a.from + Math.floor(next() * (a.to - a.from + 1));
      const to = b === a ? from + Math.floor(next() * (a.to - from + 1)) : b.from + Math.floor(next() * (b.to - b.from + 1));
      const { start, end } = plainRange(map, from, to);
      assert.equal(map.text.slice(start, end), doc.textBetween(from, to, '\n\n'), `range ${from}–${to}`);
    }
  });
}

test('footnote markers take a position but no text; `side` chooses which side of them', () => {
  const { doc, map } = load(files.find((f) => readFileSync(new URL(f, CORPUS), 'utf8').includes('[footnoteRef:'))!);
  let checked = 0;
  doc.descendants((node, pos) => {
    if (node.type.name !== 'fnref') return true;
    const before = plainOffsetAt(map, pos);
    assert.equal(plainOffsetAt(map, pos + 1), before, 'the marker adds no text');
    assert.equal(posAtPlainOffset(map, before, -1), pos, 'side -1 stays before the marker');
    assert.equal(posAtPlainOffset(map, before, 1), pos + 1, 'side 1 goes after the marker');
    checked++;
    return false;
  });
  assert.ok(checked >= 10, `the article has footnote markers (found ${checked})`);
});

test('offsets between blocks go to the edge of the block on the chosen side', () => {
  const { map } = load(files[0]!);
  const [a, b] = [map.blocks[0]!, map.blocks[1]!];
  assert.equal(posAtPlainOffset(map, a.end + 1, -1), a.to);
  assert.equal(posAtPlainOffset(map, a.end + 1, 1), b.from);
  assert.equal(posAtPlainOffset(map, -1), null);
  assert.equal(posAtPlainOffset(map, map.text.length + 1), null);
  assert.equal(posAtPlainOffset(map, map.text.length, -1), map.blocks.at(-1)!.to);
});

test('long runs without headings are grouped into chunks without changing the text', () => {
  const words = readFileSync(new URL(files[0]!, CORPUS), 'utf8').split(/\s+/).filter(Boolean);
  const blocks: ParagraphBlock[] = [];
  for (let i = 0; i * 12 < words.length; i++) {
    blocks.push({ kind: 'paragraph', id: `p${i}`, n: i + 1, content: [{ t: 'text', text: words.slice(i * 12, i * 12 + 12).join(' ') }] });
  }
  const model = { blocks, footnotes: [] };
  const doc = toProseMirror(model);
  const sizes: number[] = [];
  doc.forEach((child) => { assert.equal(child.type.name, 'chunk'); sizes.push(child.childCount); });
  assert.ok(blocks.length > 500 && sizes.length > 10);
  assert.ok(sizes.every((s) => s >= 20 && s <= CHUNK_MAX), `chunk sizes ${sizes.join(',')}`);
  assert.equal(sizes.reduce((x, y) => x + y, 0), blocks.length);
  assert.equal(buildTextMap(doc).text, plainTextWithSpans(model).text);
});
