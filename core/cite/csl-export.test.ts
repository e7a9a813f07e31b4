import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CslItem } from '../api.ts';
import { exportableItem, exportableItems, untitledDescription } from './csl-export.ts';
import { date, org, person, source } from './testing/sources.ts';

const corpusSources = (): CslItem[] => JSON.parse(readFileSync(new URL('../../corpus/sources.json', import.meta.url), 'utf8'));

test('the provenance note of sources.json never leaves the app; a note the person wrote does', () => {
  for (const item of corpusSources()) {
    assert.ok(item.note, 'the fixture has a provenance note');
    assert.equal(exportableItem(item, { path: item.id }).item.note, undefined, item.id);
  }
  const edited = source('a.txt', { title: 'T', note: 'Read for chapter 2.' });
  assert.equal(exportableItem(edited, { userFields: ['note', 'title'] }).item.note, 'Read for chapter 2.');
  assert.equal(exportableItem(edited, { userFields: ['title'] }).item.note, undefined);
});

test('an untitled source gets a bracketed description and a warning that says so', () => {
  const report = corpusSources().find((s) => s.id === 'turkmenistan-russia-relations-report.txt')!;
  const r = exportableItem(report, { path: report.id });
  assert.equal(r.item.title, '[Untitled report on Turkmenistan Russia Relations]');
  assert.deepEqual(r.missing, ['title', 'author', 'date']);
  assert.deepEqual(r.warnings, ['turkmenistan-russia-relations-report.txt: no title (exported as “[Untitled report on Turkmenistan Russia Relations]”), no author, no date (styles print “n.d.”).']);
  const paper = source('x/turkmenistan-neutrality-central-asian-integration.txt');
  assert.equal(untitledDescription(paper, { headings: ['Neutrality and integration in Central Asia', 'Introduction'] }), '[Untitled paper on Neutrality and integration in Central Asia]');
  // A generic first heading says nothing; later headings name sections, not the text.
  assert.equal(untitledDescription(paper, { headings: ['Introduction', 'Energy and economy'] }), '[Untitled paper on Turkmenistan Neutrality Central Asian Integration]');
  assert.equal(untitledDescription(paper), '[Untitled paper on Turkmenistan Neutrality Central Asian Integration]');
  assert.equal(untitledDescription(source('2020.txt', { type: 'webpage' })), '[Untitled web page on 2020]');
  assert.equal(untitledDescription(source('report.txt', { type: 'report' })), '[Untitled report]');
});

test('a complete source has no warning; a titled one lists only what is missing', () => {
  const full = source('a', { title: 'T', author: [org('International Crisis Group')], issued: date(2016, 7) });
  assert.deepEqual(exportableItem(full).warnings, []);
  const web = corpusSources().find((s) => s.type === 'webpage' && s.issued)!;
  assert.deepEqual(exportableItem(web, { path: web.id }).missing, ['author']);
});

test('only CSL variables with well-formed values leave the app', () => {
  const messy = source('m', {
    title: '  Gas   &  power ', author: [person('Yapıcı', 'Utku'), { family: '  ' }, 'junk' as never, org('Smith, Jones & Partners')],
    issued: { 'date-parts': [[2016, 13, 40]] }, accessed: { 'date-parts': [['2022', '3', '1']] } as never,
    volume: 12, page: '', internalFlag: true, 'marginalia-hidden': 'x', language: 'en',
  });
  const { item } = exportableItem(messy);
  assert.deepEqual(item, {
    id: 'm', type: 'article-journal', title: 'Gas & power', language: 'en', volume: '12',
    author: [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'Smith, Jones & Partners' }],
    issued: { 'date-parts': [[2016]] }, accessed: { 'date-parts': [[2022, 3, 1]] },
  });
  assert.equal(messy.title, '  Gas   &  power ', 'the input is not changed');
});

test('exportableItems keeps order and gathers the warnings', () => {
  const r = exportableItems(corpusSources(), (i) => ({ path: i.id }));
  assert.equal(r.items.length, 5);
  assert.equal(r.warnings.length, 5);
  assert.match(r.warnings[0]!, /^turkmenistan-neutrality-central-asian-integration\.txt: no title/);
});
