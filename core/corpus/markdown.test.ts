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

const numbered = (doc: ReturnType<typeof md>['doc']): string[] =>
  textBlocks(doc).map((b) => (b.kind === 'paragraph' || b.kind === 'item' ? `¶${b.n} ` : b.kind === 'footnote' ? `[${b.label}] ` : `H${b.level} `) + inlineText(b.content));

test('issue example: a footnote\'s unindented continuation line belongs to the note (lazy continuation), so numbering is unchanged', () => {
  const { doc, problems } = md(['# Notes', '', 'Body one.[^1]', '', '[^1]: First line.', 'second line.', '', 'Body two.']);
  assert.deepEqual(numbered(doc), ['H1 Notes', '¶1 Body one.', '¶2 Body two.', '[1] First line. second line.']);
  assert.deepEqual(problems, []);
});

test('footnotes: indented continuation, several paragraphs, named labels, a marker without a note', () => {
  const { doc, problems } = md(['Claim[^src] and another[^2] and a third[^nope].', '', '[^src]: Interview,', '    Ashgabat, 2019.', '',
    '    A second paragraph of the note.', '[^2]: Short.', '', 'After.']);
  assert.deepEqual(numbered(doc), ['¶1 Claim and another and a third.', '¶2 After.', '[src] Interview, Ashgabat, 2019. A second paragraph of the note.', '[2] Short.']);
  const refs = textBlocks(doc)[0]!.content.filter((i) => i.t === 'fnref').map((i) => i.t === 'fnref' && i.label);
  assert.deepEqual(refs, ['src', '2']);
  assert.deepEqual(problems, ['Footnote marker nope has no note; it is shown as a plain marker.']);
});

test('hard breaks stay line breaks inside the paragraph; tables are one paragraph per row; nested lists; HTML blocks keep their text', () => {
  const { doc } = md(['Line one  ', 'line two\\', 'line three', '', '| Country | Votes |', '|---|---|', '| Turkmenistan | 12 |', '',
    '- outer', '  - inner', '- outer two', '', '<div class="note">Raw <b>HTML</b> text</div>', '', '***', '', 'Last.']);
  assert.deepEqual(numbered(doc), ['¶1 Line one\nline two\nline three', '¶2 Country | Votes', '¶3 Turkmenistan | 12', '¶4 outer', '¶5 inner',
    '¶6 outer two', '¶7 Raw HTML text', '¶8 Last.']);
});

test('emphasis, code, links, autolinks, entities and escapes reduce to their text; numbered items keep their number', () => {
  const { doc } = md(['A *b* __c__ ~~d~~ `e` [f](http://x.example) <https://y.example> &amp; \\*g\\*.', '', '3. third', '4. fourth']);
  assert.deepEqual(numbered(doc), ['¶1 A b c d e f https://y.example & *g*.', '¶2 3. third', '¶3 4. fourth']);
});
