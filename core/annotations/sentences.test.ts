import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extendBySentence, sentenceAround, sentencesIn } from './sentences.ts';

const PARA = 'In March 2022, Serdar Berdimuhamedow became president. Later he attended the summit in St. Petersburg. Mr. Putin awarded him a medal.';
const TEXT = `Title\n\n${PARA}\n\nNext paragraph. Its second sentence.`;
const at = (s: string): number => TEXT.indexOf(s);
const cut = (r: { start: number; end: number }): string => TEXT.slice(r.start, r.end);

test('the sentence around a name is the whole sentence, without trailing space', () => {
  const name = at('Serdar');
  assert.equal(cut(sentenceAround(TEXT, name, name + 'Serdar Berdimuhamedow'.length)), 'In March 2022, Serdar Berdimuhamedow became president.');
});

test('abbreviations such as "St." and "Mr." do not end a sentence', () => {
  assert.equal(cut(sentenceAround(TEXT, at('summit'))), 'Later he attended the summit in St. Petersburg.');
  assert.equal(cut(sentenceAround(TEXT, at('Putin'))), 'Mr. Putin awarded him a medal.');
  const block = { start: at('In March'), end: at('In March') + PARA.length };
  assert.equal(sentencesIn(TEXT, block).length, 3);
});

test('a range across two sentences gets both; a sentence never crosses a paragraph break', () => {
  assert.equal(cut(sentenceAround(TEXT, at('president'), at('Later') + 3)),
    'In March 2022, Serdar Berdimuhamedow became president. Later he attended the summit in St. Petersburg.');
  assert.equal(cut(sentenceAround(TEXT, at('Next'))), 'Next paragraph.');
  assert.equal(cut(sentenceAround(TEXT, at('Title') + 2)), 'Title');
});

test('extending by sentence grows forward and backward, and stops at the paragraph edge', () => {
  const first = sentenceAround(TEXT, at('Serdar'));
  const two = extendBySentence(TEXT, first, 1);
  assert.equal(cut(two), 'In March 2022, Serdar Berdimuhamedow became president. Later he attended the summit in St. Petersburg.');
  const three = extendBySentence(TEXT, two, 1);
  assert.ok(cut(three).endsWith('awarded him a medal.'));
  assert.deepEqual(extendBySentence(TEXT, three, 1), three, 'the next paragraph is not taken');
  const last = sentenceAround(TEXT, at('Putin'));
  assert.equal(cut(extendBySentence(TEXT, last, -1)), 'Later he attended the summit in St. Petersburg. Mr. Putin awarded him a medal.');
});
