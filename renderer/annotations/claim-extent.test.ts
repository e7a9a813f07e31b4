/** "Select sentence" on the sample corpus's kind of text: a caret, then again and again. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSetExtentKey, nextSentenceRange, sentenceKey, snapToWords } from './claim-extent.ts';

const TEXT = 'Heading\n\nIn March 2022, Serdar Berdimuhamedow became president. He visited St. Petersburg in June. Talks followed.\n\nNext.';
const cut = (r: { start: number; end: number }): string => TEXT.slice(r.start, r.end);

test('a caret selects its sentence; pressed again, the next sentence is added, never the next paragraph', () => {
  const caret = TEXT.indexOf('Serdar');
  const one = nextSentenceRange(TEXT, caret, caret, 1);
  assert.equal(cut(one), 'In March 2022, Serdar Berdimuhamedow became president.');
  const two = nextSentenceRange(TEXT, one.start, one.end, 1);
  assert.equal(cut(two), 'In March 2022, Serdar Berdimuhamedow became president. He visited St. Petersburg in June.');
  const three = nextSentenceRange(TEXT, two.start, two.end, 1);
  assert.ok(cut(three).endsWith('Talks followed.'));
  assert.deepEqual(nextSentenceRange(TEXT, three.start, three.end, 1), three);
});

test('a partial selection grows to whole sentences first; backward adds the sentence before', () => {
  const a = TEXT.indexOf('visited'), b = TEXT.indexOf('Talks') + 3;
  assert.equal(cut(nextSentenceRange(TEXT, a, b, 1)), 'He visited St. Petersburg in June. Talks followed.');
  const last = nextSentenceRange(TEXT, TEXT.indexOf('Talks'), TEXT.indexOf('Talks'), 1);
  assert.equal(cut(nextSentenceRange(TEXT, last.start, last.end, -1)), 'He visited St. Petersburg in June. Talks followed.');
});

test('the keys: Ctrl+Shift+S forward, with Alt backward; Alt+Shift+E sets the extent', () => {
  const k = (o: Partial<KeyboardEvent>) => ({ key: 'S', code: 'KeyS', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...o });
  assert.equal(sentenceKey(k({ ctrlKey: true, shiftKey: true })), 1);
  assert.equal(sentenceKey(k({ ctrlKey: true, shiftKey: true, altKey: true })), -1);
  assert.equal(sentenceKey(k({ ctrlKey: true })), null);
  assert.ok(isSetExtentKey(k({ key: 'E', code: 'KeyE', altKey: true, shiftKey: true })));
  assert.ok(!isSetExtentKey(k({ key: 'E', code: 'KeyE', ctrlKey: true, shiftKey: true })));
});

test('a dragged end inside a word takes the whole word', () => {
  const t = 'Minister Sergei Shoigu in Ashgabat';
  assert.equal(t.slice(...Object.values(snapToWords(t, { start: t.indexOf('ergei'), end: t.indexOf('Shoigu') + 5 })) as [number, number]), 'Sergei Shoigu');
  assert.deepEqual(snapToWords(t, { start: 0, end: 8 }), { start: 0, end: 8 }, 'whole words stay');
});
