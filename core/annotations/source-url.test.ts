import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cslSourceKeys, normalizeDoi, sourceKey } from './source-url.ts';

test('the addresses of one page give one key: scheme, www., trailing slash, fragment and tracking parameters do not count', () => {
  const key = sourceKey('https://example.org/reports/turkmenistan');
  assert.equal(key, 'example.org/reports/turkmenistan');
  for (const same of [
    'http://example.org/reports/turkmenistan',
    'https://www.example.org/reports/turkmenistan/',
    'https://WWW.Example.ORG/reports/turkmenistan#section-3',
    'https://example.org/reports/turkmenistan?utm_source=newsletter&utm_medium=email',
    'https://example.org:443/reports/turkmenistan?fbclid=IwAR0abc',
    'https://example.org/reports/turkmenistan/?gclid=x&mc_cid=y#top',
  ]) assert.equal(sourceKey(same), key, same);
});

test('what names another page keeps its own key', () => {
  const key = sourceKey('https://example.org/reports/turkmenistan');
  for (const other of [
    'https://example.org/reports/turkmenistan-2',
    'https://example.org/reports/Turkmenistan',
    'https://example.org/reports/turkmenistan?page=2',
    'https://example.org:8080/reports/turkmenistan',
    'https://blog.example.org/reports/turkmenistan',
  ]) assert.notEqual(sourceKey(other), key, other);
  // Kept parameters are compared in any order.
  assert.equal(sourceKey('https://e.org/a?b=2&a=1'), sourceKey('https://e.org/a?a=1&b=2&utm_campaign=x'));
});

test('DOIs: bare, doi: and doi.org links are one key; a CSL item gives its URL and DOI keys', () => {
  assert.equal(normalizeDoi('10.1080/02634937.2016.1234567'), '10.1080/02634937.2016.1234567');
  assert.equal(normalizeDoi('doi:10.1080/ABC.1'), '10.1080/abc.1');
  assert.equal(normalizeDoi('https://doi.org/10.1080/abc.1'), '10.1080/abc.1');
  assert.equal(normalizeDoi('http://dx.doi.org/10.1080%2Fabc.1'), '10.1080/abc.1');
  assert.equal(normalizeDoi('not a doi'), null);
  assert.equal(sourceKey('https://doi.org/10.1080/ABC.1'), 'doi:10.1080/abc.1');
  assert.deepEqual(cslSourceKeys({ URL: 'https://www.example.org/a/', DOI: '10.1080/ABC.1' }), ['example.org/a', 'doi:10.1080/abc.1']);
  assert.deepEqual(cslSourceKeys(null), []);
  assert.equal(sourceKey('urn:marginalia:doc:a.txt'), null);
  assert.equal(sourceKey('file:///home/a.txt'), null);
  assert.equal(sourceKey('not a url'), null);
});
