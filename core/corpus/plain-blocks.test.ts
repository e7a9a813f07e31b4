import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../api.ts';
import { parseDocument } from './parse.ts';
import { inlineText, plainText, textBlocks } from './plain-text.ts';

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

test('a 2 MB single line is one paragraph with every word (import speed: npm run bench)', () => {
  const line = 'word '.repeat(400_000).trim();
  const { doc, wordCount } = parseDocument({ text: line, format: 'txt', path: 'big.txt' });
  assert.equal(wordCount, 400_000);
  assert.equal(doc.blocks.length, 1);
});

test('a title stays the title when a short line is added under it; a short line elsewhere makes no heading', () => {
  const { doc } = parse(['Time to Revise the Policy', '', 'Updated in July.', '', prose(1), '', 'Short line', '', 'Tiny.']);
  assert.equal(doc.title, 'Time to Revise the Policy');
  assert.deepEqual(outline(doc.blocks), ['H1 Time to Revise the Policy', 'P Updated in July.', 'P Paragraph 1 is writt', 'P Short line', 'P Tiny.']);
  // "Introduction" is a section name, never a title: without body after it, it stays a paragraph
  assert.deepEqual(outline(parse(['Introduction', '', 'Tiny.']).doc.blocks), ['P Introduction', 'P Tiny.']);
});

/** `¶n text` for paragraphs and items, `Hn text` for headings, in reading order. */
function numbered(blocks: Block[]): string[] {
  return textBlocks({ blocks, footnotes: [] }).map((b) => (b.kind === 'heading' ? `H${b.level} ` : b.kind === 'footnote' ? `[${b.label}] ` : `¶${b.n} `) + inlineText(b.content));
}

const TABLE_HEAD = ['Exports', '', prose(0), 'Partner Gas (bcm) Share Rank'];
const TABLE_ROWS = ['China 31.5 (1st) 78% (1st)', 'Russia 5.1 (2nd) 12% (2nd)', 'Iran 2.0 (3rd) 5% (3rd)'];

test('issue example class: a table flattened to lines is one paragraph per row, however its cells were split', () => {
  const whole = parse([...TABLE_HEAD, ...TABLE_ROWS, 'Total 38.6 95%', '', prose(1)]);
  // The same table with the Total row's cells one per line, as the scraped wiki page has it.
  const split = parse([...TABLE_HEAD, ...TABLE_ROWS, 'Total', '38.6', '(12th)', '95%', '', prose(1)]);
  // And with a row whose figures ran onto the next line.
  const wrapped = parse([...TABLE_HEAD, 'China 31.5 (1st)', '78% (1st)', ...TABLE_ROWS.slice(1), 'Total 38.6 95%', '', prose(1)]);
  const expected = ['H1 Exports', `¶1 ${prose(0)}`, '¶2 Partner Gas (bcm) Share Rank', '¶3 China 31.5 (1st) 78% (1st)', '¶4 Russia 5.1 (2nd) 12% (2nd)',
    '¶5 Iran 2.0 (3rd) 5% (3rd)', '¶6 Total 38.6 95%', `¶7 ${prose(1)}`];
  assert.deepEqual(numbered(whole.doc.blocks), expected);
  assert.deepEqual(numbered(split.doc.blocks), [...expected.slice(0, 6), '¶6 Total 38.6 (12th) 95%', expected[7]]);
  assert.deepEqual(numbered(wrapped.doc.blocks), expected);
});

test('a table of amounts and ranks under a heading; prose, lists and a short line between figures are not tables', () => {
  const money = parse(['Budget', '', prose(0), 'Item 2023 2024', 'Defence $1.2 billion $1.4 billion', 'Health $0.8 billion $0.9 billion', '$0.1 billion', '', prose(1)]);
  assert.deepEqual(numbered(money.doc.blocks).slice(2), ['¶2 Item 2023 2024', '¶3 Defence $1.2 billion $1.4 billion', '¶4 Health $0.8 billion $0.9 billion $0.1 billion', `¶5 ${prose(1)}`]);
  // Sentences with numbers stay paragraphs; a single figure line is not a table.
  const sentences = ['In 2019 exports rose by 12% to 31.5 bcm.', 'In 2020 they fell by 3% to 30.6 bcm.', 'In 2021 they recovered.'];
  assert.deepEqual(numbered(parse([prose(0), ...sentences]).doc.blocks).slice(1), sentences.map((s, i) => `¶${i + 2} ${s}`));
  assert.deepEqual(numbered(parse([prose(0), 'Population', '6,118,000', prose(1)]).doc.blocks).length, 4);
  // Bullet and numbered items with numbers stay lists.
  const list = parse([prose(0), '- 12 members', '- 3 observers', '- 2 candidates', prose(1)]);
  assert.equal(list.doc.blocks[1]!.kind, 'list');
  const ordered = parse([prose(0), '1. 12 members', '2. 3 observers', '3. 2 candidates', prose(1)]);
  assert.deepEqual(numbered(ordered.doc.blocks).slice(1, 4), ['¶2 1. 12 members', '¶3 2. 3 observers', '¶4 3. 2 candidates']);
  // A line of an address that starts with a number is not the rest of the line above.
  const address = parse([prose(0), 'Embassy of Turkmenistan', 'Filippovsky Lane 22', '119200 Moscow', 'Tel 495 691', prose(1)]);
  assert.deepEqual(numbered(address.doc.blocks).slice(1, 5), ['¶2 Embassy of Turkmenistan', '¶3 Filippovsky Lane 22', '¶4 119200 Moscow', '¶5 Tel 495 691']);
});

test('headings that each carry their own [edit] link are siblings; one without keeps the usual nesting', () => {
  const wiki = parse(['Central Union', '', prose(0), 'History', '', '[edit]', '', 'Origins', '', '[edit]', prose(1), 'See also', '[edit]', 'References[edit]', '',
    'Further reading', prose(2)]);
  assert.deepEqual(numbered(wiki.doc.blocks).filter((l) => l.startsWith('H')), ['H1 Central Union', 'H2 History', 'H2 Origins', 'H2 See also', 'H2 References', 'H3 Further reading']);
  const plain = parse(['Central Union', '', prose(0), 'History', 'Origins', prose(1)]);
  assert.deepEqual(numbered(plain.doc.blocks).filter((l) => l.startsWith('H')), ['H1 Central Union', 'H2 History', 'H3 Origins']);
});

test('"from Wikipedia" / "from Grokipedia": chrome before the first article, a part heading between two', () => {
  const { doc } = parse(['Central Union', 'from Wikipedia', prose(0), 'History', prose(1), 'References', '[edit]',
    'From Grokipedia, the free encyclopedia', prose(2), 'Background', prose(3)]);
  assert.deepEqual(numbered(doc.blocks).map((l) => l.slice(0, 24)), ['H1 Central Union', '¶1 Paragraph 0 is writte', 'H2 History', '¶2 Paragraph 1 is writte',
    'H2 References', 'H1 Grokipedia', '¶3 Paragraph 2 is writte', 'H2 Background', '¶4 Paragraph 3 is writte']);
  assert.equal(doc.blocks.length, 2, 'two articles side by side at the top level');
  assert.ok(!plainText(doc).includes('from Wikipedia') && !plainText(doc).includes('free encyclopedia'));
});
