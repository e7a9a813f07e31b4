/**
 * A line break inside a paragraph (HTML `<br>` in a `<p>`, a Markdown hard break) reaches the
 * editor as a "\n" in a text node: one paragraph node, one number, and the editor's text map
 * agrees with the plain text claims are measured in (issue 10, item 7). ProseMirror's
 * `white-space: pre-wrap` (renderer/styles.css) shows the "\n" as a line break.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeRange } from '../../core/annotations/selectors.ts';
import { anchor } from '../../core/annotations/anchor.ts';
import { parseDocument } from '../../core/corpus/parse.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { buildTextMap, plainRange, posAtPlainOffset } from './text-map.ts';
import { toProseMirror } from './to-prosemirror.ts';

for (const [format, text] of [
  ['html', '<p>Embassy of Turkmenistan<br>Moscow, Russia</p><p>The ambassador presented his credentials in May.</p>'],
  ['md', 'Embassy of Turkmenistan\\\nMoscow, Russia\n\nThe ambassador presented his credentials in May.\n'],
] as const) {
  test(`${format}: a hard break is one paragraph node with "\\n" in its text; positions and offsets agree across it`, () => {
    const { doc: model } = parseDocument({ text, format, path: `letter.${format}` });
    const doc = toProseMirror(model);
    const paragraphs: Array<{ n: number; text: string }> = [];
    doc.descendants((node) => { if (node.type.name === 'paragraph') paragraphs.push({ n: node.attrs.n as number, text: node.textContent }); return true; });
    assert.deepEqual(paragraphs, [{ n: 1, text: 'Embassy of Turkmenistan\nMoscow, Russia' }, { n: 2, text: 'The ambassador presented his credentials in May.' }]);
    const map = buildTextMap(doc);
    assert.equal(map.text, plainText(model));
    // A claim across the break: the editor range and the plain-text range are the same text.
    const start = map.text.indexOf('Turkmenistan'), end = map.text.indexOf('Moscow') + 'Moscow'.length;
    const from = posAtPlainOffset(map, start)!, to = posAtPlainOffset(map, end)!;
    assert.equal(doc.textBetween(from, to), 'Turkmenistan\nMoscow');
    assert.deepEqual(plainRange(map, from, to), { start, end });
    const { quote, position } = describeRange(map.text, start, end);
    assert.deepEqual(anchor(map.text, { quote, position }), { status: 'exact', start, end, score: 1 });
  });
}
