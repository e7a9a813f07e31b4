/** Where a phrase is highlighted in a hit's text: its folded words in a row, however the text writes them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phraseRanges } from './search-claims.ts';
import { foldWord } from './terms.ts';

const phrase = (q: string): string[] => q.split(' ').map(foldWord);
const shown = (text: string, q: string): string[] => phraseRanges(text, phrase(q)).map(([a, b]) => text.slice(a, b));

test('a phrase lights up whatever the case, ligatures, soft hyphens and accents of the text', () => {
  assert.deepEqual(shown('The State of the Union. the state of play.', 'the state'), ['The State', 'the state']);
  assert.deepEqual(shown('The head of\uFB01ce said so; the Of\u00ADfice agreed.', 'the office'), ['the Of\u00ADfice']);
  assert.deepEqual(shown('the head ofﬁce', 'head office'), ['head ofﬁce']);
  assert.deepEqual(shown('Émile Zola wrote; emile zola again', 'emile zola'), ['Émile Zola', 'emile zola']);
  assert.deepEqual(shown("the government's plan", 'government plan'), ["government's plan"]);
});

test('words in another order, or apart, are not the phrase', () => {
  assert.deepEqual(shown('the union of the state', 'state of the union'), []);
  assert.deepEqual(shown('state, and union', 'state union'), []);
  assert.deepEqual(shown('', 'the state'), []);
});
