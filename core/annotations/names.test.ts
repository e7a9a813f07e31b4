import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, rankEntities } from './names.ts';

test('foldName drops case, diacritics, apostrophe and hyphen variants', () => {
  assert.equal(foldName('Türkmenbaşy'), 'turkmenbasy');
  assert.equal(foldName('İstanbul'), 'istanbul');
  assert.equal(foldName('Diyarbakır'), 'diyarbakir');
  assert.equal(foldName('Nurberdiýewa'), 'nurberdiyewa');
  assert.equal(foldName('Berdimuhamedow’s'), foldName("Berdimuhamedow's"));
  assert.equal(foldName('Ahalʼ'), "ahal'");
  assert.equal(foldName('  Bin-Laden\t Jr '), 'bin laden jr');
  assert.equal(foldName('Łódź — Øresund'), 'lodz oresund');
});

const entity = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases });
/** Entities as a reader of the sample corpus would create them. */
const entities = [
  entity('gb', 'Gurbanguly Berdimuhamedow', ['Berdymukhamedov']),
  entity('sb', 'Serdar Berdimuhamedow'),
  entity('sn', 'Saparmurat Niyazov', ['Türkmenbaşy']),
  entity('tm', 'Turkmenistan'),
  entity('tg', 'Türkmengaz'),
  entity('kz', 'Kazakhstan'),
  entity('sco', 'Shanghai Cooperation Organisation', ['SCO']),
  entity('men', 'Mennonite Central Committee'),
];
const ids = (rows: Array<{ entity: { id: string } }>) => rows.map((r) => r.entity.id);

test('typing "berdym" finds Gurbanguly Berdimuhamedow through his alias, then his son by a near spelling', () => {
  const rows = rankEntities('berdym', entities);
  assert.deepEqual(ids(rows).slice(0, 2), ['gb', 'sb']);
  assert.equal(rows[0].matched, 'Berdymukhamedov');
  assert.equal(rows[1].matched, 'Serdar Berdimuhamedow');
  assert.ok(rows[0].score > rows[1].score);
  assert.ok(!ids(rows).includes('kz'));
});

test('another transliteration of the surname finds both Berdimuhamedows', () => {
  assert.deepEqual(new Set(ids(rankEntities('Berdimuhamedov', entities))), new Set(['gb', 'sb']));
});

test('"türkmen" and "turkmen" rank the same entities the same way', () => {
  const a = rankEntities('türkmen', entities), b = rankEntities('turkmen', entities);
  assert.deepEqual(a.map((r) => [r.entity.id, r.score]), b.map((r) => [r.entity.id, r.score]));
  assert.deepEqual(new Set(ids(a)), new Set(['tm', 'tg', 'sn']));
  assert.equal(a.find((r) => r.entity.id === 'sn')!.matched, 'Türkmenbaşy');
});

test('a name that starts with the query outranks one that only contains it', () => {
  const rows = rankEntities('men', entities);
  assert.equal(rows[0].entity.id, 'men');
  assert.ok(ids(rows).includes('tm')); // turk-men-istan: a substring match, ranked lower
  assert.ok(rows.findIndex((r) => r.entity.id === 'tm') > 0);
});

test('the start of any word counts, and several words may be typed in any order', () => {
  assert.equal(rankEntities('coop', entities)[0].entity.id, 'sco');
  assert.equal(rankEntities('sco', entities)[0].matched, 'SCO');
  assert.equal(rankEntities('niy sap', entities)[0].entity.id, 'sn');
});

test('nothing plausible, nothing listed; an empty query lists everyone by name, up to the limit', () => {
  assert.deepEqual(rankEntities('qqq', entities), []);
  const all = rankEntities('', entities, 3);
  assert.deepEqual(all.map((r) => r.entity.name), ['Gurbanguly Berdimuhamedow', 'Kazakhstan', 'Mennonite Central Committee']);
});
