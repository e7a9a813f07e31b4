import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiError } from '../api.ts';
import { CONTEXT_CHARS, describeRange } from './selectors.ts';

const text = readFileSync(new URL('../../../shared/corpus/004_d79f82da22736ce2.txt', import.meta.url), 'utf8');

test('a range is described by its words, 32 characters either side, and its offsets', () => {
  const phrase = 'multi-national defense organizations';
  const at = text.indexOf(phrase);
  const { quote, position } = describeRange(text, at, at + phrase.length);
  assert.equal(quote.exact, phrase);
  assert.equal(quote.prefix.length, CONTEXT_CHARS);
  assert.equal(quote.suffix.length, CONTEXT_CHARS);
  assert.equal(quote.prefix + quote.exact + quote.suffix, text.slice(at - 32, at + phrase.length + 32));
  assert.deepEqual(position, { type: 'TextPositionSelector', start: at, end: at + phrase.length });
});

test('context is cut short at the ends of the text', () => {
  const { quote } = describeRange(text, 0, 7);
  assert.equal(quote.prefix, '');
  assert.equal(describeRange(text, text.length - 5, text.length).quote.suffix, '');
});

test('ranges that cannot be a claim are refused with a readable message', () => {
  const refused = (start: number, end: number, message: RegExp) =>
    assert.throws(() => describeRange(text, start, end), (e: unknown) => e instanceof ApiError && e.code === 'bad-input' && message.test(e.message));
  refused(10, 10, /empty/);
  refused(20, 10, /ends \(10\) before it starts \(20\)/);
  refused(-1, 5, /outside the document/);
  refused(0, text.length + 1, /outside the document/);
  refused(1.5, 4, /whole characters/);
  const gap = text.indexOf('\n\n');
  refused(gap, gap + 2, /only spaces or line breaks/);
});
