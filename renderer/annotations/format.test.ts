import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locator } from './format.ts';

test('a claim is located by its first and last paragraph: "¶ 3", "¶ 3–4" (en dash), nothing outside paragraphs', () => {
  assert.equal(locator({ paragraph: 3, paragraphEnd: 3 }), '¶ 3');
  assert.equal(locator({ paragraph: 3, paragraphEnd: 4 }), '¶ 3–4');
  assert.equal(locator({ paragraph: 12, paragraphEnd: 15 }), '¶ 12–15');
  assert.equal(locator({ paragraph: 3 }), '¶ 3', 'a claim from before paragraphEnd existed');
  assert.equal(locator({ paragraph: 3, paragraphEnd: null }), '¶ 3');
  assert.equal(locator({ paragraph: null, paragraphEnd: null }), '');
});
