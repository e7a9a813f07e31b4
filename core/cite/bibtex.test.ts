import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BibLatexParser } from 'biblatex-csl-converter';
import type { CslItem } from '../api.ts';
import { bibName, entryType, escapeTex, protectTitle, toBibtex, type BibDialect } from './bibtex.ts';
import { assignCitekeys } from './citekeys.ts';
import { exportableItems } from './csl-export.ts';
import { date, hardSources, org, person, source, SPECIAL_TITLE } from './testing/sources.ts';

const corpusSources = (): CslItem[] => JSON.parse(readFileSync(new URL('../../corpus/sources.json', import.meta.url), 'utf8'));

function bib(items: CslItem[], dialect: BibDialect): string {
  const ex = exportableItems(items, (i) => ({ path: i.id })).items;
  return toBibtex(ex, assignCitekeys(ex), { dialect });
}

/** Reads a .bib back with biblatex-csl-converter's parser (an independent reader), text of each field flattened. */
function readBack(text: string): Record<string, { type: string; fields: Record<string, unknown> }> {
  const parsed = new BibLatexParser(text, { processUnexpected: true, processUnknown: true }).parse();
  assert.deepEqual(parsed.errors, [], 'the parser reports no error');
  const flat = (v: unknown): unknown => {
    if (Array.isArray(v) && v.every((n) => n && typeof n === 'object' && 'text' in n)) return v.map((n) => (n as { text: string }).text).join('');
    if (Array.isArray(v)) return v.map(flat);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flat(x)]));
    return v;
  };
  const out: Record<string, { type: string; fields: Record<string, unknown> }> = {};
  for (const e of Object.values(parsed.entries) as Array<{ entry_key: string; bib_type: string; fields: Record<string, unknown>; unknown_fields?: Record<string, unknown>; unexpected_fields?: Record<string, unknown> }>) {
    out[e.entry_key] = { type: e.bib_type, fields: flat({ ...e.fields, ...e.unexpected_fields, ...e.unknown_fields }) as Record<string, unknown> };
  }
  return out;
}

test('TeX specials are escaped; unpaired braces cannot unbalance the file', () => {
  assert.equal(escapeTex(SPECIAL_TITLE), 'Tariffs \\& 100\\% of \\{braced\\} gas\\_flows: \\#1 for \\$5 or more');
  assert.equal(escapeTex('a } b { c'), 'a \\textbraceright{} b \\textbraceleft{} c');
  assert.equal(escapeTex('x\\y ~ ^'), 'x\\textbackslash{}y \\textasciitilde{} \\textasciicircum{}');
  assert.equal(escapeTex('张振国 Yapıcı'), '张振国 Yapıcı');
});

test('capitals past the first letter are protected from case changes', () => {
  assert.equal(protectTitle('Central Asian Union'), 'Central {Asian} {Union}');
  assert.equal(protectTitle('Turkmenistan: time to revise the neutrality policy?'), 'Turkmenistan: time to revise the neutrality policy?');
  assert.equal(protectTitle('The role of the UN & OSCE'), 'The role of the {UN} \\& {OSCE}');
  assert.equal(protectTitle('[Untitled report on Russia]'), '[Untitled report on {Russia]}');
});

test('special characters, Unicode names and organisations survive a BibLaTeX round trip', () => {
  const text = bib(hardSources(), 'biblatex');
  const back = readBack(text);
  const art = back['yapici2017tariffs']!;
  assert.equal(art.type, 'article');
  assert.equal(art.fields.title, SPECIAL_TITLE);
  assert.equal(art.fields.journaltitle, 'Journal of Energy_Politics & Law');
  assert.deepEqual(art.fields.author, [
    { family: 'Yapıcı', given: 'Utku' }, { family: '张', given: '振国' }, { family: 'De Leonardis', given: 'Fabio' },
  ]);
  assert.equal(art.fields.date, '2017-05-24');
  assert.equal(art.fields.url, 'https://example.org/a_b?x=1&y=%20#frag');
  assert.equal(art.fields.doi, '10.1234/jepl_2017.45');
  const report = back['smith2016central']!;
  assert.deepEqual(report.fields.author, [{ literal: 'Smith, Jones & Partners' }, { literal: 'International Crisis Group' }]);
  assert.equal(report.type, 'report');
  assert.match(text, /author = \{\{Smith, Jones \\& Partners\} and \{International Crisis Group\}\}/);
  assert.match(text, /^ {2}pages = \{45--67\},$/m);
  assert.match(text, /^ {2}langid = \{english\}$/m, 'language as langid, never a printed "en."');
  assert.doesNotMatch(text, /language =/);
});

test('a lone organisation is written in double braces', () => {
  const text = bib([source('a', { type: 'report', title: 'T', author: [org('International Crisis Group')], issued: date(2016) })], 'biblatex');
  assert.match(text, /author = \{\{International Crisis Group\}\}/);
});

test('BibLaTeX writes one ISO date; BibTeX year, month macro and day', () => {
  const items = [source('a', { title: 'T', author: [person('Doe', 'Jane')], issued: date(2017, 5, 24), accessed: date(2022, 3, 1) })];
  const latex = bib(items, 'biblatex');
  assert.match(latex, /date = \{2017-05-24\}/);
  assert.match(latex, /urldate = \{2022-03-01\}/);
  assert.doesNotMatch(latex, /month|year/);
  const classic = bib(items, 'bibtex');
  assert.match(classic, /year = \{2017\},\n {2}month = may,\n {2}day = \{24\}/);
  assert.doesNotMatch(classic, /^ {2}date = /m);
  assert.match(bib([source('b', { issued: { 'date-parts': [[2016], [2017]] } })], 'biblatex'), /date = \{2016\/2017\}/);
});

test('CSL types map to each dialect’s entry types', () => {
  const cases: Array<[string, string, string]> = [
    ['article-journal', 'article', 'article'], ['report', 'report', 'techreport'], ['webpage', 'online', 'misc'],
    ['book', 'book', 'book'], ['chapter', 'incollection', 'incollection'], ['entry-encyclopedia', 'inreference', 'misc'],
    ['thesis', 'thesis', 'phdthesis'], ['paper-conference', 'inproceedings', 'inproceedings'], ['interview', 'misc', 'misc'],
  ];
  assert.equal(entryType('thesis', 'bibtex', 'MA thesis'), 'mastersthesis');
  assert.equal(entryType('thesis', 'bibtex', 'Doctoral dissertation'), 'phdthesis');
  for (const [csl, latex, classic] of cases) {
    assert.equal(entryType(csl, 'biblatex'), latex, csl);
    assert.equal(entryType(csl, 'bibtex'), classic, csl);
  }
});

test('a web page keeps its site; a report its institution and place; a chapter its book', () => {
  const items = [
    source('w', { type: 'webpage', title: 'T', 'container-title': 'Emerging Challenges', URL: 'https://example.org/x' }),
    source('r', { type: 'report', title: 'T', publisher: 'International Crisis Group', 'publisher-place': 'Brussels' }),
    source('c', { type: 'chapter', title: 'T', 'container-title': 'Central Asia', publisher: 'Routledge', editor: [person('Cooley', 'Alexander')] }),
  ];
  const latex = readBack(bib(items, 'biblatex'));
  const keys = assignCitekeys(exportableItems(items).items);
  const [w, r, c] = ['w', 'r', 'c'].map((id) => keys.get(id));
  assert.deepEqual(latex[w!]!.fields.organization, ['Emerging Challenges']);
  assert.deepEqual(latex[r!]!.fields.institution, ['International Crisis Group']);
  assert.deepEqual(latex[r!]!.fields.location, ['Brussels']);
  assert.equal(latex[c!]!.fields.booktitle, 'Central Asia');
  assert.deepEqual(latex[c!]!.fields.editor, [{ family: 'Cooley', given: 'Alexander' }]);
  const classic = bib(items, 'bibtex');
  assert.match(classic, /howpublished = \{Emerging \{Challenges\}\}/);
  assert.match(classic, /address = \{Brussels\}/);
});

test('the corpus exports without its provenance notes, untitled sources described', () => {
  for (const dialect of ['bibtex', 'biblatex'] as const) {
    const text = bib(corpusSources(), dialect);
    assert.doesNotMatch(text, /Original file|note =|annot/);
    assert.match(text, /title = \{\{\[Untitled report on Turkmenistan Russia Relations\]\}\}/);
    assert.equal(Object.keys(readBack(text)).length, 5);
  }
});

test('a person’s own note is exported as an annotation, not as printed text', () => {
  const item = source('a', { title: 'T', note: 'Read for ch. 2 & 3' });
  const ex = exportableItems([item], () => ({ userFields: ['note'] })).items;
  assert.match(toBibtex(ex, assignCitekeys(ex), { dialect: 'biblatex' }), /annotation = \{Read for ch\. 2 \\& 3\}/);
  assert.match(toBibtex(ex, assignCitekeys(ex), { dialect: 'bibtex' }), /annote = \{Read for ch\. 2 \\& 3\}/);
});

test('names: particles, suffixes, a family name alone, a given name alone, "and" inside a name', () => {
  assert.equal(bibName({ family: 'Berg', given: 'Jan', 'non-dropping-particle': 'van der' }), 'van der Berg, Jan');
  assert.equal(bibName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' }), 'King, Jr., Martin Luther');
  assert.equal(bibName({ family: 'De Leonardis' }), '{De Leonardis}', 'two words without a given name stay one family name');
  assert.equal(bibName({ family: '张振国' }), '张振国');
  assert.equal(bibName({ given: 'Plato' }), '{Plato}');
  assert.equal(bibName({ family: 'Smith and Wesson', given: 'J.' }), '{Smith and Wesson}, J.');
  assert.equal(bibName({ literal: 'Procter & Gamble' }), '{Procter \\& Gamble}');
});

test('a source with nothing but an id still makes a valid entry in both dialects', () => {
  for (const dialect of ['bibtex', 'biblatex'] as const) {
    const text = bib([source('bare.txt', { type: '' })], dialect);
    const back = readBack(text);
    assert.deepEqual(Object.keys(back), ['barend']);
    assert.equal(back['barend']!.type, 'misc');
  }
});
