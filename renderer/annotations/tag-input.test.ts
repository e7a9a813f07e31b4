/** Tag suggestions and spelling, as the claim editor's tag field uses them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalTag, suggestTags } from './tag-input.ts';
import { renameLabel } from './tags-dialog.ts';

const IN_USE = [{ tag: 'russia', count: 5 }, { tag: 'neutrality', count: 3 }, { tag: 'gas pipeline', count: 2 }, { tag: 'Russian gas', count: 1 }, { tag: 'trans-caspian', count: 4 }];

test('suggestions: prefix before word-prefix before substring, most used first, without the claim\'s own tags', () => {
  assert.deepEqual(suggestTags('ru', IN_USE, []).map((t) => t.tag), ['russia', 'Russian gas']);
  assert.deepEqual(suggestTags('gas', IN_USE, []).map((t) => t.tag), ['gas pipeline', 'Russian gas']);
  assert.deepEqual(suggestTags('casp', IN_USE, []).map((t) => t.tag), ['trans-caspian']);
  assert.deepEqual(suggestTags('RU', IN_USE, ['Russia']).map((t) => t.tag), ['Russian gas'], 'a tag the claim has (any case) is not offered');
  assert.deepEqual(suggestTags('  ', IN_USE, []), []);
});

test('a tag typed in another case takes the spelling in use', () => {
  assert.equal(canonicalTag('Russia', IN_USE), 'russia');
  assert.equal(canonicalTag('Turkmen gas', IN_USE), 'Turkmen gas');
});

test('the manager says whether a rename is a merge', () => {
  assert.deepEqual(renameLabel('Russian gas', 'RUSSIA', IN_USE), { label: 'Merge into “russia”', merge: true, same: false, into: 'russia' });
  assert.deepEqual(renameLabel('russia', 'Russia', IN_USE), { label: 'Rename', merge: false, same: false }, 'a change of case renames');
  assert.equal(renameLabel('russia', ' russia ', IN_USE).same, true);
});
