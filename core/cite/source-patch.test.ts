import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CslItem } from '../api.ts';
import {
  checkSourcePatch, effectiveSource, formatDateText, formatNamesText, mergeEdits, parseDateText, parseNamesText,
} from './source-patch.ts';

const seed = (extra: Partial<CslItem> = {}): CslItem => ({ id: 'brief.txt', type: 'webpage', title: 'Neutrality', note: 'From the file name.', ...extra });

test('names typed on one line: "Family, Given" is a person, the rest organisations, braces keep commas', () => {
  assert.deepEqual(parseNamesText('Yapıcı, Utku; International Crisis Group'),
    [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'International Crisis Group' }]);
  assert.deepEqual(parseNamesText('{Teachers, Parents and Friends}; 张, 振国 ;'),
    [{ literal: 'Teachers, Parents and Friends' }, { family: '张', given: '振国' }]);
  const names = [{ family: 'De Leonardis', given: 'Fabio' }, { literal: 'Friends, Inc.' }, { literal: 'OSCE' },
    { family: 'King', suffix: 'Jr.', given: 'Martin Luther' }, { 'non-dropping-particle': 'van der', family: 'Berg', given: 'Jan' }, { family: 'Berg' }];
  assert.deepEqual(parseNamesText(formatNamesText(names)), names);
  // the same rule as the References tab: particles and suffixes are read, not folded into the family name
  assert.deepEqual(parseNamesText('van der Berg, Jan; King, Jr., Martin Luther'),
    [{ 'non-dropping-particle': 'van der', family: 'Berg', given: 'Jan' }, { family: 'King', suffix: 'Jr.', given: 'Martin Luther' }]);
  assert.throws(() => parseNamesText('a, b, c, d'), /more than two commas/);
});

test('dates: year, year-month, year-month-day; impossible dates are refused with the field named', () => {
  assert.deepEqual(parseDateText('2016-07'), { 'date-parts': [[2016, 7]] });
  assert.deepEqual(parseDateText(' 2017/5/24 '), { 'date-parts': [[2017, 5, 24]] });
  assert.deepEqual(parseDateText('July 2016'), { 'date-parts': [[2016, 7]] });
  assert.equal(parseDateText(''), null);
  assert.match((parseDateText('2023-02-29', 'accessed') as { message: string }).message, /^Accessed: February 2023 has no day 29/);
  assert.match((parseDateText('03/04/2016') as { message: string }).message, /^Date: .*day\/month or month\/day/);
  assert.equal(formatDateText({ 'date-parts': [[2016, 7, 4]] }), '2016-07-04');
});

test('a patch is normalised: DOI prefix, page range dash, white space, empty values clear', () => {
  const { patch, problems } = checkSourcePatch({
    DOI: 'https://doi.org/10.1080/02634937.2018.1454398', page: '12 - 34', title: '  Time  to\nrevise ', publisher: '',
    author: [{ family: ' Yapıcı ', given: 'Utku' }, { family: '', given: '' }], issued: '2016-07',
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(patch, {
    title: 'Time to revise', author: [{ family: 'Yapıcı', given: 'Utku' }], issued: { 'date-parts': [[2016, 7]] },
    publisher: null, page: '12-34', DOI: '10.1080/02634937.2018.1454398',
  });
});

test('bad values give one message per field, each starting with the field label', () => {
  const { problems } = checkSourcePatch({
    DOI: '10.12/x', URL: 'example dot org', type: 'blog', language: 'Englisch!', author: [{ given: 'Utku' }],
    issued: { 'date-parts': [[2016, 13]] }, colour: 'red',
  });
  const byField = Object.fromEntries(problems.map((p) => [p.field, p.message]));
  assert.match(byField.DOI!, /^DOI: “10\.12\/x” is not a DOI/);
  assert.match(byField.URL!, /^URL: A URL has no spaces/);
  assert.match(byField.type!, /^Item type: “blog” is not a CSL item type/);
  assert.match(byField.language!, /^Language: “Englisch!” is not a language code/);
  assert.match(byField.author!, /^Authors: .*no family name/);
  assert.match(byField.issued!, /^Date: Month 13 does not exist/);
  assert.match(byField.colour!, /"colour" is not a source field/);
  assert.match(checkSourcePatch({ author: [{ family: 'A', literal: 'B' }] }).problems[0]!.message, /both a person and an organisation/);
});

test('edits sit on top of sources.json; its note stays apart; equal-to-seed edits drop out', () => {
  const s = seed({ issued: { 'date-parts': [[2016, 7]] } });
  let edits = mergeEdits({}, { title: 'Revised', note: 'Mine.', issued: null }, s);
  const eff = effectiveSource(s, edits, 'brief.txt');
  assert.equal(eff.csl!.title, 'Revised');
  assert.equal(eff.csl!.note, 'Mine.');
  assert.equal(eff.csl!.issued, undefined, 'a cleared date stays cleared over sources.json');
  assert.equal(eff.sourcesNote, 'From the file name.');
  assert.deepEqual(eff.editedFields, ['title', 'issued', 'note']);
  edits = mergeEdits(edits, { title: 'Neutrality', issued: { 'date-parts': [[2016, 7]] } }, s);
  assert.deepEqual(edits, { note: 'Mine.' }, 'values equal to sources.json are no longer edits');
  assert.equal(effectiveSource(s, {}, 'brief.txt').csl!.note, undefined, 'the provenance note is never the item note');
});

test('revert drops a field\'s edit, so sources.json shows again; a field cannot be set and reverted at once', () => {
  const s = seed();
  const checked = checkSourcePatch({ revert: ['title', 'DOI'] });
  assert.deepEqual(checked.problems, []);
  const edits = mergeEdits({ title: 'Mine', DOI: '10.1234/x', note: 'Kept.' }, checked.patch, s, checked.revert);
  assert.deepEqual(edits, { note: 'Kept.' });
  assert.equal(effectiveSource(s, edits, 'brief.txt').csl!.title, 'Neutrality');
  assert.match(checkSourcePatch({ title: 'x', revert: ['title'] }).problems[0]!.message, /^Title: is both set and reverted/);
  assert.match(checkSourcePatch({ revert: ['colour'] }).problems[0]!.message, /"revert" lists fields/);
});

test('a file without a sources.json item gets an item of its own once edited', () => {
  assert.equal(effectiveSource(null, {}, 'a.txt').csl, null);
  const eff = effectiveSource(null, { title: 'Given' }, 'a.txt');
  assert.deepEqual(eff.csl, { id: 'a.txt', type: 'document', title: 'Given' });
});
