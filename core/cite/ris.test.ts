import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CslItem } from '../api.ts';
import { assignCitekeys } from './citekeys.ts';
import { exportableItems } from './csl-export.ts';
import { risType, toRis } from './ris.ts';
import { date, hardSources, org, person, source, SPECIAL_TITLE } from './testing/sources.ts';

function ris(items: CslItem[]): string {
  const ex = exportableItems(items).items;
  return toRis(ex, assignCitekeys(ex));
}
/** The records of an RIS text as lists of [tag, value]. */
function records(text: string): Array<Array<[string, string]>> {
  return text.split(/\r\nER {2}- \r\n/).filter((r) => r.trim()).map((r) => r.split('\r\n').filter(Boolean).map((l) => {
    const m = /^([A-Z][A-Z0-9]) {2}- (.*)$/.exec(l);
    assert.ok(m, `a tagged line: ${JSON.stringify(l)}`);
    return [m[1]!, m[2]!] as [string, string];
  }));
}
const values = (rec: Array<[string, string]>, tag: string): string[] => rec.filter(([t]) => t === tag).map(([, v]) => v);

test('every line is a tag line, never wrapped; records run TY … ER with CRLF', () => {
  const longUrl = `https://example.org/${'segment/'.repeat(20)}end?x=1&y=2`;
  const text = ris([...hardSources(), source('long', { title: 'A title '.repeat(30).trim(), URL: longUrl })]);
  for (const line of text.split('\r\n')) assert.ok(line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line), JSON.stringify(line));
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/, 'no bare LF');
  assert.ok(text.startsWith('TY  - JOUR\r\n'));
  assert.ok(text.endsWith('ER  - \r\n'));
  const recs = records(text);
  assert.equal(recs.length, 4);
  assert.deepEqual(values(recs[3]!, 'UR'), [longUrl]);
});

test('the full citekey is the ID; particles, Unicode and organisations are kept', () => {
  const [art, report, web] = records(ris(hardSources()));
  assert.deepEqual(values(art!, 'ID'), ['yapici2017tariffs']);
  assert.deepEqual(values(art!, 'AU'), ['Yapıcı, Utku', '张, 振国', 'De Leonardis, Fabio']);
  assert.deepEqual(values(art!, 'TI'), [SPECIAL_TITLE]);
  assert.deepEqual(values(report!, 'AU'), ['Smith, Jones & Partners', 'International Crisis Group']);
  assert.deepEqual(values(web!, 'AU'), ['De Leonardis, Fabio']);
  const longKey = source('k', { 'citation-key': 'averyveryverylongcitationkey2016x', title: 'T' });
  assert.deepEqual(values(records(ris([longKey]))[0]!, 'ID'), ['averyveryverylongcitationkey2016x']);
  assert.deepEqual(values(records(ris([source('p', { author: [person('Berg', 'Jan', 'van der')] })]))[0]!, 'AU'), ['van der Berg, Jan']);
});

test('dates as PY and DA, the access date as Y2, pages as SP and EP', () => {
  const [art, report, web] = records(ris(hardSources()));
  assert.deepEqual([values(art!, 'PY'), values(art!, 'DA')], [['2017'], ['2017/05/24/']]);
  assert.deepEqual(values(report!, 'DA'), ['2016/07//']);
  assert.deepEqual(values(web!, 'Y2'), ['2022/03/14/']);
  assert.deepEqual([values(art!, 'SP'), values(art!, 'EP')], [['45'], ['67']]);
  assert.deepEqual(values(records(ris([source('one', { page: '7' })]))[0]!, 'EP'), []);
});

test('a web page keeps its site, a report its publisher and place', () => {
  const [, report, web] = records(ris(hardSources()));
  assert.equal(values(web!, 'TY')[0], 'ELEC');
  assert.deepEqual(values(web!, 'T2'), ['Emerging Challenges']);
  assert.deepEqual([values(report!, 'TY'), values(report!, 'PB'), values(report!, 'CY')], [['RPRT'], ['International Crisis Group'], ['Brussels']]);
});

test('types map to RIS types; line breaks inside a value become spaces', () => {
  assert.deepEqual(['article-journal', 'report', 'webpage', 'book', 'chapter', 'entry-encyclopedia', 'thesis', 'interview', 'nonsense'].map(risType),
    ['JOUR', 'RPRT', 'ELEC', 'BOOK', 'CHAP', 'ENCYC', 'THES', 'PCOMM', 'GEN']);
  const rec = records(ris([source('n', { title: 'Line one\nline\r\ntwo', author: [org('X')], issued: date(2020) })]))[0]!;
  assert.deepEqual(values(rec, 'TI'), ['Line one line two']);
});

test('a source with nothing but an id still makes a valid record', () => {
  const rec = records(ris([source('bare.txt', { type: '' })]))[0]!;
  assert.deepEqual(rec.map(([t]) => t), ['TY', 'ID', 'TI']);
  assert.deepEqual(values(rec, 'TY'), ['GEN']);
});
