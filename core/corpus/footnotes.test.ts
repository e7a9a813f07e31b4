import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from './parse.ts';
import { inlineText, plainText, textBlocks } from './plain-text.ts';

const parse = (text: string, format: 'txt' | 'md' = 'txt') => parseDocument({ text, format, path: 'test.txt' });
const LONG = 'This sentence is long enough to read as the body of a paragraph of ordinary prose text.';

test('a marker without a note stays a marker and is reported; a note without a marker is kept and reported', () => {
  const { doc, problems } = parse(`${LONG}[footnoteRef:0] More.[footnoteRef:1] [0:  The first note.] [2:  A stray note.]`);
  assert.deepEqual(doc.footnotes.map((f) => [f.label, inlineText(f.content)]), [['1', 'The first note.'], ['3', 'A stray note.']]);
  const inlines = textBlocks(doc)[0]!.content;
  assert.deepEqual(inlines.filter((i) => i.t !== 'text'), [
    { t: 'fnref', label: '1', note: doc.footnotes[0]!.id },
    { t: 'refmark', label: '2' },
  ]);
  assert.equal(problems.length, 2);
  assert.match(problems.join('\n'), /marker 2 has no note/);
  assert.match(problems.join('\n'), /Footnote 3 is not referenced/);
});

test('numbering that starts at 1 keeps its labels', () => {
  const { doc } = parse(`${LONG}[footnoteRef:1] [1: Note one.]`);
  assert.equal(doc.footnotes[0]!.label, '1');
});

test('bracketed "[3: …]" in a text without footnote markers stays text', () => {
  assert.match(plainText(parse(`See verse [3: 16] of the text. ${LONG}`).doc), /\[3: 16\]/);
});

test('wiki markers become markers; editorial [sic] and shortcode-looking text are handled apart', () => {
  const { doc } = parse(`[vc_row][vc_column]${LONG} It was so[citation needed] and thus[12][a] he wrote "teh" [sic].[/vc_column][/vc_row]`);
  const block = textBlocks(doc)[0]!;
  assert.deepEqual(block.content.filter((i) => i.t === 'refmark').map((i) => (i as { label: string }).label), ['citation needed', '12', 'a']);
  assert.ok(inlineText(block.content).endsWith('he wrote "teh" [sic].'));
  assert.ok(!plainText(doc).includes('vc_'));
});

test('Markdown footnotes: [^x] markers and [^x]: notes with continuation lines', () => {
  const { doc, problems } = parse(`Text with a note.[^n1]\n\n[^n1]: The note\n    goes on.\n`, 'md');
  assert.deepEqual(problems, []);
  assert.equal(doc.footnotes.length, 1);
  assert.equal(inlineText(doc.footnotes[0]!.content), 'The note goes on.');
  assert.deepEqual(textBlocks(doc)[0]!.content[1], { t: 'fnref', label: 'n1', note: doc.footnotes[0]!.id });
});
