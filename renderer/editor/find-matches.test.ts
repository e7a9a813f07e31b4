/**
 * Find in document on the journal article: matches ignore case and diacritics, land on the
 * matched words in the plain text, and become highlight decorations through the find plugin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EditorState, type Command } from 'prosemirror-state';
import type { Decoration, DecorationSet } from 'prosemirror-view';
import { parseDocument } from '../../core/corpus/parse.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { findMatches, fold, foldText } from './find-matches.ts';
import { find, findResults, matchIndexFrom, setFindCurrent, setFindMatches } from './plugins/find.ts';
import { buildTextMap, posAtPlainOffset } from './text-map.ts';
import { toProseMirror } from './to-prosemirror.ts';

const FILE = '000_7c096543f307bd3a.txt';
const model = parseDocument({
  text: readFileSync(new URL(`../../../shared/corpus/${FILE}`, import.meta.url), 'utf8'), format: 'txt', path: FILE,
}).doc;
const text = plainText(model);
const folded = foldText(text);

test('matches ignore case and land exactly on the words', () => {
  const matches = findMatches(folded, 'NEUTRALITY');
  const expected = [...text.matchAll(/neutrality/gi)].map((m) => m.index);
  assert.ok(expected.length > 10);
  assert.deepEqual(matches.map((m) => m.start), expected);
  for (const m of matches) assert.equal(text.slice(m.start, m.end).toLowerCase(), 'neutrality');
});

test('matches ignore diacritics both ways', () => {
  const plain = findMatches(folded, 'turkmenbasy');
  assert.ok(plain.length >= 1, 'the article names Türkmenbaşy');
  for (const m of plain) assert.equal(fold(text.slice(m.start, m.end)), 'turkmenbasy');
  assert.ok(plain.some((m) => text.slice(m.start, m.end) !== text.slice(m.start, m.end).normalize('NFD').replace(/\p{M}/gu, '')),
    'at least one match has accents in the text');
  assert.deepEqual(findMatches(folded, 'TÜRKMENBAŞY'), plain);
});

test('white space in the query matches any run of white space; an empty query matches nothing', () => {
  const two = findMatches(folded, 'central   asian integration');
  assert.ok(two.length > 5);
  for (const m of two) assert.match(text.slice(m.start, m.end), /^central\s+asian\s+integration$/i);
  assert.deepEqual(findMatches(folded, '   '), []);
  assert.deepEqual(findMatches(folded, 'qwxzjv'), []);
});

test('the find plugin highlights every match and moves the current one around the ends', () => {
  const doc = toProseMirror(model);
  const map = buildTextMap(doc);
  const ranges = findMatches(folded, 'neutrality').map((r) => ({ from: posAtPlainOffset(map, r.start, 1)!, to: posAtPlainOffset(map, r.end, -1)! }));
  const plugin = find();
  let state = EditorState.create({ doc, plugins: [plugin] });
  const decorations = (): Decoration[] => (plugin.props.decorations!.call(plugin, state) as DecorationSet).find();
  const run = (cmd: Command): void => {
    assert.ok(cmd(state, (tr) => { state = state.apply(tr); }));
  };
  run(setFindMatches(ranges, 0));
  assert.equal(findResults(state).matches.length, ranges.length);
  assert.equal(decorations().length, ranges.length);
  const current = () => decorations().filter((d) => (d.spec as { current: boolean }).current);
  assert.deepEqual(current().map((d) => d.from), [ranges[0]!.from]);
  for (const r of ranges) assert.equal(doc.textBetween(r.from, r.to).toLowerCase(), 'neutrality');
  run(setFindCurrent(-1));
  assert.equal(findResults(state).current, ranges.length - 1, 'previous from the first wraps to the last');
  run(setFindCurrent(ranges.length));
  assert.equal(findResults(state).current, 0, 'next from the last wraps to the first');
  run(setFindCurrent(2));
  assert.deepEqual(current().map((d) => d.from), [ranges[2]!.from], 'exactly one current highlight');
  assert.equal(decorations().length, ranges.length);
  assert.equal(matchIndexFrom(state, ranges[3]!.from), 3);
  assert.equal(matchIndexFrom(state, doc.content.size), 0);
  run(setFindMatches([]));
  assert.equal(findResults(state).matches.length, 0);
  assert.equal(decorations().length, 0);
  assert.equal(setFindCurrent(1)(state), false, 'nothing to step through');
});

test('invisible and compatibility characters neither split nor hide a word (soft hyphen, zero-width space, ligature, note digits)', () => {
  const t = foldText('mainte\u00ADnance of the pipe\u200Bline by the of\uFB01ce, agreed ahead\u00B9 of 2016.\u00B2 talks; a \uFB02ow');
  for (const [q, exact] of [['maintenance', 'mainte\u00ADnance'], ['pipeline', 'pipe\u200Bline'], ['office', 'of\uFB01ce'], ['ahead', 'ahead'], ['2016', '2016'], ['flow', '\uFB02ow']] as const) {
    const found = findMatches(t, q);
    assert.equal(found.length, 1, `"${q}" is found once`);
    assert.equal(t.text.slice(found[0]!.start, found[0]!.end), exact, `and covers "${exact}" in the text`);
  }
  assert.equal(findMatches(t, 'of\uFB01ce').length, 1, 'the query is folded the same way');
});
