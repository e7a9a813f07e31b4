import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './parse.ts';
import { inlineText, plainText, textBlocks } from './plain-text.ts';

const md = (lines: string[]) => parseDocument({ text: lines.join('\n'), format: 'md', path: 'notes/file.md' });

test('headings keep their level, paragraphs join soft line breaks, the first # is the title', () => {
  const { doc } = md(['# The *Title*', '', 'First line', 'second line.', '', '## Part', '', 'Setext', '======', '', 'Body.']);
  assert.equal(doc.title, 'The Title');
  const outline = textBlocks(doc).map((b) => (b.kind === 'heading' ? `H${b.level} ` : '') + inlineText(b.content));
  assert.deepEqual(outline, ['H1 The Title', 'First line second line.', 'H2 Part', 'H1 Setext', 'Body.']);
});

test('front matter is not text, and its title wins', () => {
  const { doc } = md(['---', 'title: "From Front Matter"', 'author: X', '---', '# Heading', 'Text.']);
  assert.equal(doc.title, 'From Front Matter');
  assert.ok(!plainText(doc).includes('author'));
});

test('inline syntax is reduced to its text', () => {
  const { doc } = md(['Some **bold**, _em_, `code`, a [link](http://a.example "t"), an ![image](x.png) and snake_case_word.']);
  assert.equal(plainText(doc), 'Some bold, em, code, a link, an and snake_case_word.');
});

test('lists: items with continuation lines; a new marker starts a new list; quotes and code read as paragraphs', () => {
  const { doc } = md(['- one', '  more', '- two', '', '1. first', '2. second', '', '> quoted', '', '```', 'x = 1', '```', '', '[ref]: http://example.com']);
  const kinds = doc.blocks.map((b) => (b.kind === 'list' ? `list(${b.items.map((i) => inlineText(i.content)).join(';')})` : (b.kind === 'paragraph' ? inlineText(b.content) : b.kind)));
  assert.deepEqual(kinds, ['list(one more;two)', 'list(1. first;2. second)', 'quoted', 'x = 1']);
});
