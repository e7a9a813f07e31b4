import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimLocator, pandocLocator, paragraphLocator } from './locator.ts';

test('one paragraph gives "3"; a span gives "3–4" with an en dash', () => {
  assert.deepEqual(paragraphLocator(3, 3), { label: 'paragraph', locator: '3' });
  assert.deepEqual(paragraphLocator(3, null), { label: 'paragraph', locator: '3' });
  assert.deepEqual(paragraphLocator(3, 4), { label: 'paragraph', locator: '3–4' });
  assert.deepEqual(claimLocator({ paragraph: 12, paragraphEnd: 15 }), { label: 'paragraph', locator: '12–15' });
});

test('an orphan or a claim in a heading has no locator; a backwards end is ignored', () => {
  assert.equal(paragraphLocator(null, null), null);
  assert.equal(claimLocator({ paragraph: null, paragraphEnd: 4 }), null);
  assert.equal(paragraphLocator(0, 2), null);
  assert.deepEqual(paragraphLocator(5, 2), { label: 'paragraph', locator: '5' });
});

test('Pandoc locators use the labels Pandoc reads', () => {
  assert.equal(pandocLocator(paragraphLocator(3, 3)!), 'para. 3');
  assert.equal(pandocLocator(paragraphLocator(3, 4)!), 'paras. 3–4');
});
