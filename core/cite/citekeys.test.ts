import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CslItem } from '../api.ts';
import { asciiFold, assignCitekeys, citekeyBase } from './citekeys.ts';
import { date, org, person, source } from './testing/sources.ts';

const corpusSources = (): CslItem[] => JSON.parse(readFileSync(new URL('../../corpus/sources.json', import.meta.url), 'utf8'));

test('a key is first author, year, first significant title word, in ASCII', () => {
  assert.equal(citekeyBase(source('a', { author: [person('Yapıcı', 'Utku')], issued: date(2018, 3), title: 'The neutrality of Turkmenistan' })), 'yapici2018neutrality');
  assert.equal(citekeyBase(source('b', { author: [person('Leonardis', 'Fabio', 'De')], issued: date(2016), title: 'On pipelines' })), 'deleonardis2016pipelines');
  assert.equal(citekeyBase(source('c', { author: [person('Müller-Straße', 'Jörg')], issued: date(2001), title: 'Über Gas' })), 'mullerstrasse2001uber');
  assert.equal(citekeyBase(source('d', { author: [person('Бердымухамедов', 'Г.')], issued: date(2010), title: 'Туркменистан' })), 'berdymukhamedov2010turkmenistan');
});

test('an organisation gives its first significant word; no date gives "nd"', () => {
  assert.equal(citekeyBase(source('a', { author: [org('The International Crisis Group')], title: 'Central Asia’s gas' })), 'internationalndcentral');
  assert.equal(citekeyBase(source('b', { author: [org('Smith, Jones & Partners')], issued: date(2020), title: '100% of {braced} gas_flows' })), 'smith2020braced');
});

test('a Chinese name with no ASCII form, or no author, gives way to the title words', () => {
  assert.equal(asciiFold('张'), '');
  assert.equal(citekeyBase(source('a', { author: [person('张', '振国')], issued: date(2019), title: 'Neutrality and integration' })), 'neutrality2019integration');
  assert.equal(citekeyBase(source('b', { type: 'webpage', issued: date(2016, 7), title: 'Turkmenistan: time to revise the neutrality policy?' })), 'turkmenistan2016time');
});

test('an untitled source takes its words from its file name', () => {
  assert.equal(citekeyBase(source('turkmenistan-russia-relations-report.txt', { type: 'report' })), 'turkmenistanndrussia');
  assert.equal(citekeyBase(source('2020.txt', { type: 'report' })), 'reportnd');
});

test('the five corpus sources get five distinct readable keys', () => {
  const keys = assignCitekeys(corpusSources());
  assert.deepEqual(Object.fromEntries(keys), {
    'central-asian-union-hubbry-wiki.txt': 'centralndasian',
    'foreign-relations-of-turkmenistan-excerpts.txt': 'foreignndrelations',
    'turkmenistan-neutrality-central-asian-integration.txt': 'turkmenistanndneutrality',
    'turkmenistan-russia-relations-report.txt': 'turkmenistanndrussia',
    'turkmenistan-time-to-revise-neutrality-policy-2016.txt': 'turkmenistan2016time',
  });
});

test('clashing sources get a/b suffixes in id order, whatever the input order', () => {
  const mk = (id: string): CslItem => source(id, { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality' });
  const items = [mk('c.txt'), mk('a.txt'), mk('b.txt')];
  const keys = assignCitekeys(items);
  assert.deepEqual([keys.get('a.txt'), keys.get('b.txt'), keys.get('c.txt')], ['yapici2018neutrality', 'yapici2018neutralitya', 'yapici2018neutralityb']);
  assert.deepEqual(assignCitekeys([...items].reverse()), keys);
});

test('keys do not change when unrelated sources are added', () => {
  const before = [
    ...corpusSources(),
    source('y1.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality' }),
    source('y2.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality again' }),
  ];
  const keysBefore = assignCitekeys(before);
  const unrelated = [
    source('0-first-by-id.txt', { author: [person('Anderson')], issued: date(2018), title: 'Neutrality' }),
    source('zz.txt', { author: [person('Yapıcı')], issued: date(2019), title: 'Neutrality' }),
    source('zzz.txt', { type: 'webpage', title: 'Central Asian Union', 'container-title': 'Wikipedia', issued: date(2024) }),
  ];
  const keysAfter = assignCitekeys([...unrelated, ...before]);
  for (const [id, key] of keysBefore) assert.equal(keysAfter.get(id), key, id);
  assert.equal(new Set(keysAfter.values()).size, keysAfter.size, 'every key is unique');
});

test('a base spelled like another source’s suffixed key keeps its bare key (the one documented exception)', () => {
  const y1 = source('y1.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality' });
  const y2 = source('y2.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality again' });
  const odd = source('zz.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutralitya' });
  const keys = assignCitekeys([odd, y2, y1]);
  assert.equal(keys.get('zz.txt'), 'yapici2018neutralitya');
  assert.equal(keys.get('y2.txt'), 'yapici2018neutralityb');
  // Pinning the keys handed out before makes even this case stable.
  const pinned = assignCitekeys([y1, y2]);
  const stable = assignCitekeys([odd, y2, y1], pinned);
  assert.equal(stable.get('y2.txt'), 'yapici2018neutralitya');
  assert.equal(stable.get('zz.txt'), 'yapici2018neutralityaa');
});

test('pinned keys and a source’s own citation-key are kept; new clashes go around them', () => {
  const a = source('a.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality' });
  const b = source('b.txt', { author: [person('Yapıcı')], issued: date(2018), title: 'Neutrality' });
  const own = source('own.txt', { 'citation-key': 'Yapici:2018', title: 'X' });
  const keys = assignCitekeys([a, b, own], new Map([['b.txt', 'yapici2018neutrality']]));
  assert.equal(keys.get('b.txt'), 'yapici2018neutrality');
  assert.equal(keys.get('a.txt'), 'yapici2018neutralitya');
  assert.equal(keys.get('own.txt'), 'Yapici:2018');
});

test('every key is BibTeX- and Pandoc-safe', () => {
  const odd = [source('1.txt', { title: '1995' }), source('&.txt', { title: '{}%$#_' }), source('x.txt', { author: [org('—')], title: '' })];
  for (const key of assignCitekeys(odd).values()) assert.match(key, /^[a-z][a-z0-9]*$/);
});
