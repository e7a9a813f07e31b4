import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CslItem } from '../api.ts';
import { assignCitekeys } from './citekeys.ts';
import { exportableItems } from './csl-export.ts';
import { toCslJson } from './csl-json.ts';
import { hardSources, SPECIAL_TITLE } from './testing/sources.ts';

const corpusSources = (): CslItem[] => JSON.parse(readFileSync(new URL('../../corpus/sources.json', import.meta.url), 'utf8'));

test('ids are citekeys; values, Unicode and special characters are kept exactly', () => {
  const ex = exportableItems(hardSources()).items;
  const keys = assignCitekeys(ex);
  const back = JSON.parse(toCslJson(ex, keys)) as CslItem[];
  assert.deepEqual(back.map((i) => i.id), ['yapici2017tariffs', 'smith2016central', 'deleonardis2016turkmenistan']);
  assert.equal(back[0]!.title, SPECIAL_TITLE);
  assert.deepEqual(back[0]!.author, [{ family: 'Yapıcı', given: 'Utku' }, { family: '张', given: '振国' }, { family: 'Leonardis', given: 'Fabio', 'non-dropping-particle': 'De' }]);
  assert.deepEqual(back[1]!.author, [{ literal: 'Smith, Jones & Partners' }, { literal: 'International Crisis Group' }]);
  assert.deepEqual({ ...back[2], id: ex[2]!.id }, ex[2], 'nothing but the id changes');
});

test('the corpus exports without provenance notes, untitled sources described', () => {
  const { items } = exportableItems(corpusSources(), (i) => ({ path: i.id }));
  const text = toCslJson(items, assignCitekeys(items));
  assert.doesNotMatch(text, /"note"|Original file/);
  const back = JSON.parse(text) as CslItem[];
  assert.equal(back.length, 5);
  assert.deepEqual(back.filter((i) => i.title?.startsWith('[Untitled')).map((i) => i.id), ['turkmenistanndneutrality', 'turkmenistanndrussia']);
  assert.ok(text.endsWith(']\n'));
});
