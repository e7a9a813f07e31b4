import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatName, parseDate, parseName, parseNames, readField, SOURCE_FIELDS } from './source-fields.ts';

const dateOf = (s: string): unknown => {
  const r = parseDate(s);
  return r.ok ? r.date?.['date-parts']?.[0] : `error: ${r.message}`;
};
const fieldError = (field: string, input: string): string => {
  const r = readField(field, input);
  assert.equal(r.ok, false, `${field} = ${input} should be refused`);
  return r.ok ? '' : r.message;
};

test('the editable fields are the ones the item pane shows, in order', () => {
  assert.deepEqual(SOURCE_FIELDS.map((f) => f.field), ['type', 'title', 'title-short', 'author', 'issued', 'container-title', 'publisher', 'publisher-place', 'volume', 'issue', 'page', 'URL', 'accessed', 'DOI', 'language', 'note']);
});

test('dates are read from the forms people write', () => {
  assert.deepEqual(dateOf('2016'), [2016]);
  assert.deepEqual(dateOf('2016-07'), [2016, 7]);
  assert.deepEqual(dateOf('2016-07-24'), [2016, 7, 24]);
  assert.deepEqual(dateOf('2016/7/24'), [2016, 7, 24]);
  assert.deepEqual(dateOf('July 2016'), [2016, 7]);
  assert.deepEqual(dateOf(' jul  2016 '), [2016, 7]);
  assert.deepEqual(dateOf('24 July 2016'), [2016, 7, 24]);
  assert.deepEqual(dateOf('July 24, 2016'), [2016, 7, 24]);
  assert.deepEqual(dateOf('Sept. 3, 2016'), [2016, 9, 3]);
  assert.deepEqual(dateOf('2024-02-29'), [2024, 2, 29]);
  assert.equal(dateOf('n.d.'), undefined);
  assert.equal(dateOf(''), undefined);
});

test('impossible or ambiguous dates are refused with the forms that work', () => {
  assert.match(String(dateOf('2016-13')), /Month 13 does not exist/);
  assert.match(String(dateOf('2016-02-30')), /February 2016 has no day 30/);
  assert.match(String(dateOf('2023-02-29')), /February 2023 has no day 29/);
  assert.match(String(dateOf('03/04/2016')), /day\/month or month\/day.*2016-07-24/);
  assert.match(String(dateOf('2016-2017')), /range of years/);
  assert.match(String(dateOf('Summer 2016')), /“Summer” is not an English month name/);
  assert.match(String(dateOf('99')), /not a date/);
  assert.match(String(dateOf('0999')), /not a plausible year/);
});

test('names: "Family, Given", particles, suffixes, organisations in braces, mononyms', () => {
  const name = (s: string, kind?: 'person' | 'organisation'): unknown => {
    const r = parseName(s, kind);
    return r.ok ? r.name : r.message;
  };
  assert.deepEqual(name('Yapıcı, Utku'), { family: 'Yapıcı', given: 'Utku' });
  assert.deepEqual(name('De Leonardis, Fabio'), { family: 'De Leonardis', given: 'Fabio' });
  assert.deepEqual(name('van der Berg, Jan'), { 'non-dropping-particle': 'van der', family: 'Berg', given: 'Jan' });
  assert.deepEqual(name('King, Jr., Martin Luther'), { family: 'King', suffix: 'Jr.', given: 'Martin Luther' });
  assert.deepEqual(name('{Smith, Jones & Partners}'), { literal: 'Smith, Jones & Partners' });
  assert.deepEqual(name('International Crisis Group', 'organisation'), { literal: 'International Crisis Group' });
  assert.deepEqual(name('张振国'), { literal: '张振国' });
  assert.match(String(name('{}')), /organisation name is empty/);
  assert.match(String(name('a, b, c, d')), /more than two commas/);
  // a name without a comma is kept whole: never guessed into given and family
  assert.deepEqual(name('International Crisis Group'), { literal: 'International Crisis Group' });
  assert.deepEqual(name('Fabio De Leonardis'), { literal: 'Fabio De Leonardis' });
  assert.deepEqual(name('Plato'), { literal: 'Plato' });
  assert.deepEqual(name('Berg,'), { family: 'Berg' });
});

test('several names, one per line or ;-separated, read back from how the pane shows them', () => {
  const r = parseNames('Yapıcı, Utku\n{International Crisis Group}; 张, 振国');
  assert.ok(r.ok);
  assert.deepEqual(r.names, [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'International Crisis Group' }, { family: '张', given: '振国' }]);
  assert.equal(r.names.map(formatName).join('\n'), 'Yapıcı, Utku\nInternational Crisis Group\n张, 振国');
  // braces keep ";" and "," inside one organisation's name
  const braced = parseNames('{Teachers; Parents, and Friends}; van der Berg, Jan');
  assert.ok(braced.ok);
  assert.deepEqual(braced.names, [{ literal: 'Teachers; Parents, and Friends' }, { 'non-dropping-particle': 'van der', family: 'Berg', given: 'Jan' }]);
  const bad = parseNames('Doe, Jane\n, Given');
  assert.ok(!bad.ok);
  assert.match(bad.message, /no family name/);
  const values = readField('author', 'King, Jr., Martin Luther\n{A, B}');
  assert.ok(values.ok);
  assert.deepEqual((values.value as unknown[]).map((n) => formatName(n as never)), ['King, Jr., Martin Luther', '{A, B}']);
});

test('DOI: the bare DOI is stored, from a link or a doi: prefix; anything else is refused', () => {
  assert.deepEqual(readField('DOI', 'https://doi.org/10.1080/02634937.2018.1455650'), { ok: true, value: '10.1080/02634937.2018.1455650' });
  assert.deepEqual(readField('DOI', 'doi:10.1234/abc'), { ok: true, value: '10.1234/abc' });
  assert.match(fieldError('DOI', '10.12/abc'), /looks like 10\.1234\/abc/);
  assert.match(fieldError('DOI', '1234/abc'), /not a DOI/);
});

test('URL: http(s) with a host; www. gets https://', () => {
  assert.deepEqual(readField('URL', 'https://example.org/a_b?x=1#f'), { ok: true, value: 'https://example.org/a_b?x=1#f' });
  assert.deepEqual(readField('URL', 'www.example.org/x'), { ok: true, value: 'https://www.example.org/x', note: 'Read as https://www.example.org/x.' });
  assert.match(fieldError('URL', 'ftp://example.org/x'), /should start with https:\/\//);
  assert.match(fieldError('URL', 'javascript:alert(1)'), /should start with https:\/\//);
  assert.match(fieldError('URL', 'https://example org'), /no spaces/);
  assert.match(fieldError('URL', 'https://intranet/x'), /not a host name/);
});

test('other fields: type, pages, language, text; an empty box removes the field', () => {
  assert.deepEqual(readField('type', 'report'), { ok: true, value: 'report' });
  assert.match(fieldError('type', 'journal'), /not a CSL item type/);
  assert.match(fieldError('type', ''), /needs an item type/);
  assert.deepEqual(readField('page', '12 – 34'), { ok: true, value: '12-34' });
  assert.deepEqual(readField('page', 'xii-xv, 7'), { ok: true, value: 'xii-xv, 7' });
  assert.deepEqual(readField('page', 'pp. 12–34'), { ok: true, value: '12-34' });
  assert.deepEqual(readField('note', ' First paragraph.\r\n\r\nSecond one. '), { ok: true, value: 'First paragraph.\n\nSecond one.' });
  assert.match(fieldError('page', '12 to 34'), /not a page/);
  assert.deepEqual(readField('language', 'English'), { ok: true, value: 'en', note: 'Stored as the language code “en”.' });
  assert.deepEqual(readField('language', 'zh-cn'), { ok: true, value: 'zh-CN' });
  assert.match(fieldError('language', 'Klingon!'), /not a language code/);
  assert.deepEqual(readField('title', '  Gas  and\npower '), { ok: true, value: 'Gas and power' });
  assert.deepEqual(readField('issued', ''), { ok: true, value: undefined });
  assert.deepEqual(readField('issued', 'July 2016'), { ok: true, value: { 'date-parts': [[2016, 7]] } });
  assert.match(fieldError('abstract', 'x'), /not an editable field/);
});
