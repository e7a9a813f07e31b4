import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from '../corpus/parse.ts';
import { extractReferences, findReferenceTexts } from './extract.ts';

const LONG = 'This sentence is long enough to read as the body of a paragraph of ordinary prose text.';
const parse = (text: string, format: 'txt' | 'md' = 'txt') => parseDocument({ text, format, path: 'test.' + format }).doc;

test('footnotes become references labelled with their note number; a note that is no reference is kept', () => {
  const doc = parse(`${LONG}[footnoteRef:0] More.[footnoteRef:1] [0:  Utku Yapici. Neutrality and its limits. Central Asian Survey, vol.3, 2018.] [1:  See above.]`);
  const refs = extractReferences(doc);
  assert.deepEqual(refs.map((r) => [r.origin, r.label, r.position]), [['footnote', '1', 1], ['footnote', '2', 2]]);
  assert.equal(refs[0]!.item.title, 'Neutrality and its limits');
  assert.equal(refs[0]!.blockId, doc.footnotes[0]!.id);
  assert.equal(refs[1]!.raw, 'See above.');
});

test('a "References" section of a Markdown file: numbered items, labels as written', () => {
  const doc = parse(`# Paper\n\n${LONG}\n\n## References\n\n1. Luca Anceschi. Turkmenistan's foreign policy. London: Routledge, 2009.\n2. Sebastien Peyrouse. Turkmenistan: Strategies of power. Armonk: M.E. Sharpe, 2012.\n`, 'md');
  const refs = findReferenceTexts(doc);
  assert.deepEqual(refs.map((r) => [r.origin, r.label]), [['list', '1'], ['list', '2']]);
  assert.match(refs[1]!.raw, /^Sebastien Peyrouse\./);
});

test('a run of [12]-style entries is a reference list even without a heading; lone markers are not', () => {
  const doc = parse(`Title of the page\n\n${LONG}[3]\n\n[1] Jane Doe. Water in Central Asia. Energy Monitor, 2019.\n\n[2] John Roe. Gas and power. Asia Report, 2020.\n`);
  const refs = findReferenceTexts(doc);
  assert.deepEqual(refs.map((r) => [r.label, r.raw.slice(0, 8)]), [['1', 'Jane Doe'], ['2', 'John Roe']]);
});

test('a scraped page whose "References" heading is followed by page furniture gives no references', () => {
  const text = readFileSync(new URL('../../corpus/central-asian-union-hubbry-wiki.txt', import.meta.url), 'utf8');
  assert.deepEqual(findReferenceTexts(parseDocument({ text, format: 'txt', path: 'wiki.txt' }).doc), []);
});

test('an HTML page\'s "Bibliography" list and a note saying "Ibid." (the work before, its own page)', () => {
  const html = parseDocument({
    text: '<html><body><h1>Essay</h1><p>' + LONG + '</p><h2>Bibliography</h2><ol><li>Luca Anceschi. Turkmenistan\'s foreign policy. London: Routledge, 2009.</li><li>Ibid., p. 12.</li></ol></body></html>',
    format: 'html', path: 'essay.html',
  }).doc;
  const refs = extractReferences(html);
  assert.deepEqual(refs.map((r) => [r.origin, r.label]), [['list', '1'], ['list', '2']]);
  assert.equal(refs[1]!.item.title, "Turkmenistan's foreign policy");
  assert.equal(refs[1]!.item.page, '12');
  assert.ok(refs[1]!.confidence.title! < refs[0]!.confidence.title!, 'by position only: less sure');
  assert.equal(refs[1]!.raw, 'Ibid., p. 12.');
});
