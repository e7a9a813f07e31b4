import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropChromeLines, gluedPhraseJoins } from './chrome.ts';

const PROSE = 'This is the first real paragraph of the page, and it reads like prose.';

test('interface lines before the prose go; the line just before it (the title) stays', () => {
  const out = dropChromeLines(['Site Logo', 'Open search', '12 comments', 'Binary search', PROSE, 'No comments yet.']);
  assert.deepEqual(out, ['', '', '', 'Binary search', PROSE, '']);
});

test('repeated header lines: only the copy nearest the prose is kept', () => {
  assert.deepEqual(dropChromeLines(['Page Name', 'Menu', 'Page Name', PROSE]), ['', '', 'Page Name', PROSE]);
});

test('lines inside the body are never dropped for being short or repeated', () => {
  const lines = [PROSE, '√', '√', 'References', 'Share', 'Another long sentence that carries the body of the text onwards.', 'References'];
  assert.deepEqual(dropChromeLines(lines), lines);
});

test('a text with no prose line (a poem) is left alone', () => {
  const poem = ['The rain', 'The rain', 'falls on the plain', 'Menu of the day'];
  assert.deepEqual(dropChromeLines(poem), poem);
});

test('glued link lists are chrome anywhere; a glued table header is not', () => {
  assert.equal(gluedPhraseJoins('Revisions and contributorsEdit on WikipediaRead on Wikipedia'), 2);
  assert.equal(gluedPhraseJoins('MeetingDateLocation (Host)Key Focus Areas'), 0);
  const out = dropChromeLines([PROSE, 'Revisions and contributorsEdit on WikipediaRead on Wikipedia', 'from Wikipedia', PROSE + ' Again.']);
  assert.deepEqual(out, [PROSE, '', '', PROSE + ' Again.']);
});
