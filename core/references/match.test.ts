import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchReference, prepareCandidates, titleSimilarity } from './match.ts';

const cand = (id: string, title: string, year: number | null, extra: Record<string, string> = {}) =>
  ({ id, csl: { title, ...(year ? { issued: { 'date-parts': [[year]] } } : {}), ...extra } });

test('a reference names a library source by DOI, by URL, or by a similar title and the same year', () => {
  const library = [
    cand('a', 'Turkmenistan: Time to Revise the Neutrality Policy?', 2016),
    cand('b', 'Neutrality in perpetuity: Foreign policy continuity in Turkmenistan', 2020, { DOI: '10.1080/03068374.2020.1826753' }),
    cand('c', 'Foreign relations of Turkmenistan', null, { URL: 'https://en.wikipedia.org/wiki/Foreign_relations_of_Turkmenistan' }),
  ];
  assert.deepEqual(matchReference({ title: 'Something else', DOI: 'https://doi.org/10.1080/03068374.2020.1826753' }, library), { id: 'b', kind: 'doi' });
  assert.deepEqual(matchReference({ URL: 'http://en.wikipedia.org/wiki/Foreign_relations_of_Turkmenistan/' }, library), { id: 'c', kind: 'url' });
  assert.deepEqual(matchReference({ title: 'Turkmenistan: time to revise the neutrality policy', issued: { 'date-parts': [[2016, 5]] } }, library), { id: 'a', kind: 'title' });
  assert.equal(matchReference({ title: 'Turkmenistan: Time to Revise the Neutrality Policy?', issued: { 'date-parts': [[2019]] } }, library), null, 'another year is another work');
  assert.equal(matchReference({ title: 'Turkmenistan water resources policy in Central Asia', issued: { 'date-parts': [[2016]] } }, library), null);
});

test('two titles on one subject are not one work; a typo is', () => {
  assert.ok(titleSimilarity('Central Asia undergoing a remarkable transformation: Belt And Road Initative', 'Central Asia undergoing a remarkable transformation: Belt and Road Initiative') >= 0.85);
  assert.ok(titleSimilarity('美国对中亚事务的介入及中亚国家的应对', '重塑中亚地缘政治环境：2005年以来美国中亚政策的调整') < 0.85);
  assert.ok(titleSimilarity('Neutrality in perpetuity: Foreign policy continuity in Turkmenistan', 'Trapped in permanent neutrality: looking behind the symbolic production of the Turkmen nation') < 0.85);
});

test('prepared candidates answer as matchReference does, and leave out the citing source itself', () => {
  const library = [
    cand('a', 'Turkmenistan: Time to Revise the Neutrality Policy?', 2016),
    cand('b', 'Neutrality in perpetuity', 2020, { DOI: '10.1080/03068374.2020.1826753' }),
    cand('c', 'Foreign relations of Turkmenistan', null),
  ];
  const prepared = prepareCandidates(library);
  const refs = [
    { DOI: '10.1080/03068374.2020.1826753' }, { title: 'Turkmenistan: time to revise the neutrality policy', issued: { 'date-parts': [[2016]] } },
    { title: 'Foreign relations of Turkmenistan', issued: { 'date-parts': [[2010]] } }, { title: 'Something else' },
  ];
  for (const r of refs) assert.deepEqual(prepared.match(r), matchReference(r, library));
  assert.equal(prepared.match({ title: 'Foreign relations of Turkmenistan' }, 'c'), null);
});
