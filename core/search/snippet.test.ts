import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { snippetAround } from './snippet.ts';
import type { MatchRange } from './search-claims.ts';

const report = readFileSync(new URL('../../../shared/corpus/003_ff57205195f0504e.txt', import.meta.url), 'utf8');
/** A long paragraph of the report: the one that names Gazprom's stop in 2016. */
const para = report.split('\n').find((l) => l.includes('In 2016, Gazprom completely stopped'))!;
const rangeOf = (text: string, word: string, from = 0): MatchRange => { const i = text.indexOf(word, from); return [i, i + word.length]; };

test('a long quote is cut around its first match, which stays emphasised', () => {
  assert.ok(para.length > 600, 'the fixture paragraph is long');
  const at = rangeOf(para, 'Gazprom completely');
  const s = snippetAround(para, [at], 160);
  assert.ok(s.text.length <= 162, `about the window: ${s.text.length}`);
  assert.ok(s.text.startsWith('…'), 'text before the window is marked as left out');
  assert.deepEqual(s.ranges.map(([a, b]) => s.text.slice(a, b)), ['Gazprom completely']);
  // the window starts at a word: no half word after the ellipsis
  assert.match(s.text, /^…\S/);
  assert.ok(para.includes(s.text.slice(1, 40)));
});

test('a short quote is shown whole with its whitespace made single spaces', () => {
  const text = 'Turkmenistan   obtained some\nrelief';
  const s = snippetAround(text, [rangeOf(text, 'relief')]);
  assert.equal(s.text, 'Turkmenistan obtained some relief');
  assert.deepEqual(s.ranges.map(([a, b]) => s.text.slice(a, b)), ['relief']);
});

test('matches outside the window are dropped, matches it cuts are clipped', () => {
  const first = rangeOf(para, 'Gazprom');
  const last = rangeOf(para, 'Turkmenistan', para.length - 200);
  const s = snippetAround(para, [first, last], 120);
  assert.equal(s.ranges.length, 1, 'the far match is not in a 120-character window');
  assert.equal(s.text.slice(...s.ranges[0]!), 'Gazprom');
});
