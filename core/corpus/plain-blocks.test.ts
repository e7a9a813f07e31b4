import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../api.ts';
import { parseDocument } from './parse.ts';
import { inlineText, textBlocks } from './plain-text.ts';

const prose = (n: number): string => `Paragraph ${n} is written in ordinary prose and it is long enough to count as the body under a heading.`;
const parse = (lines: string[]) => parseDocument({ text: lines.join('\n'), format: 'txt', path: 'notes/t.txt' });
/** `H2 Title`, `P text`, `I text` for each text block in reading order. */
function outline(blocks: Block[]): string[] {
  return textBlocks({ blocks, footnotes: [] }).map((b) =>
    b.kind === 'heading' ? `H${b.level} ${inlineText(b.content)}` : `${b.kind === 'item' ? 'I' : 'P'} ${inlineText(b.content).slice(0, 20)}`);
}

test('numbered headings nest by their numbering; an unnumbered first line is the title', () => {
  const { doc } = parse(['A Study of Things', prose(0), '1. Introduction', prose(1), '1.1 Background', prose(2), '2. Method', prose(3)]);
  assert.equal(doc.title, 'A Study of Things');
  assert.deepEqual(outline(doc.blocks).filter((l) => l.startsWith('H')), ['H1 A Study of Things', 'H2 1. Introduction', 'H3 1.1 Background', 'H2 2. Method']);
});

test('numbered lines next to each other are a list, not headings', () => {
  const { doc } = parse([prose(0), '1. Buy milk', '2. Buy eggs', prose(1)]);
  assert.deepEqual(outline(doc.blocks), ['P Paragraph 0 is writt', 'I 1. Buy milk', 'I 2. Buy eggs', 'P Paragraph 1 is writt']);
  assert.equal(doc.blocks[1]!.kind, 'list');
});

test('bullets of each kind form one list; the marker is dropped', () => {
  const { doc } = parse([prose(0), '- one', '• two', '* three', '– four', prose(1)]);
  const list = doc.blocks[1]!;
  assert.equal(list.kind, 'list');
  assert.deepEqual(list.items.map((i) => inlineText(i.content)), ['one', 'two', 'three', 'four']);
});

test('a run of short lines (a table of contents) is not turned into a chain of headings', () => {
  const { doc } = parse([prose(0), '', 'Contents', 'Origins', 'Growth', 'Decline', 'Legacy', prose(1)]);
  const headings = outline(doc.blocks).filter((l) => l.startsWith('H'));
  assert.ok(headings.length <= 3, headings.join(', '));
  assert.ok(outline(doc.blocks).includes('P Contents'));
});

test('a heading directly over another heading opens a group', () => {
  const { doc } = parse([prose(0), 'History', 'Early years', prose(1), 'Later years', prose(2), 'Legacy and Memory', 'In Print', prose(3)]);
  assert.deepEqual(outline(doc.blocks).filter((l) => l.startsWith('H')), ['H2 History', 'H3 Early years', 'H3 Later years', 'H2 Legacy and Memory', 'H3 In Print']);
});

test('dialogue and exclamations are not headings', () => {
  const { doc } = parse([prose(0), 'Why did he go there?', prose(1), '“Run”', prose(2), 'Stop it now!', prose(3)]);
  assert.equal(outline(doc.blocks).filter((l) => l.startsWith('H')).length, 0);
});

test('hard-wrapped text: lines between blank lines are one paragraph', () => {
  const wrapped = [
    'It was the best of times, it was the worst of times, it was the age of',
    'wisdom, it was the age of foolishness, it was the epoch of belief, it',
    'was the epoch of incredulity, it was the season of Light, it was the',
    'season of Darkness.',
    '',
    'There were a king with a large jaw and a queen with a plain face, on the',
    'throne of England; there were a king with a large jaw and a queen with',
    'a fair face, on the throne of France.',
  ];
  const { doc } = parse(wrapped);
  const texts = textBlocks(doc).map((b) => inlineText(b.content));
  assert.equal(texts.length, 2);
  assert.ok(texts[0]!.includes('the age of wisdom, it was'));
});

test('one paragraph per line, and a broken line continues its paragraph', () => {
  const { doc } = parse([prose(0), prose(1), 'The sentence was broken', 'by a stray line break.']);
  assert.deepEqual(textBlocks(doc).map((b) => inlineText(b.content)).slice(2), ['The sentence was broken by a stray line break.']);
});

test('a 2 MB single line is one paragraph and parses quickly', () => {
  const line = 'word '.repeat(400_000).trim();
  const t0 = performance.now();
  const { doc, wordCount } = parseDocument({ text: line, format: 'txt', path: 'big.txt' });
  assert.equal(wordCount, 400_000);
  assert.equal(doc.blocks.length, 1);
  assert.ok(performance.now() - t0 < 2000);
});

test('a title stays the title when a short line is added under it; a short line elsewhere makes no heading', () => {
  const { doc } = parse(['Time to Revise the Policy', '', 'Updated in July.', '', prose(1), '', 'Short line', '', 'Tiny.']);
  assert.equal(doc.title, 'Time to Revise the Policy');
  assert.deepEqual(outline(doc.blocks), ['H1 Time to Revise the Policy', 'P Updated in July.', 'P Paragraph 1 is writt', 'P Short line', 'P Tiny.']);
  // "Introduction" is a section name, never a title: without body after it, it stays a paragraph
  assert.deepEqual(outline(parse(['Introduction', '', 'Tiny.']).doc.blocks), ['P Introduction', 'P Tiny.']);
});
