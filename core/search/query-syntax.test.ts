import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery } from './query-syntax.ts';

const shape = (q: string) => parseQuery(q).parts.map((p) => `${p.negated ? '-' : ''}${p.field ? p.field + ':' : ''}${p.phrase ? `"${p.words.join(' ')}"` : p.words.join('+')}`);

test('words, phrases, fields and exclusions are told apart', () => {
  assert.deepEqual(shape('neutrality Russia'), ['neutrality', 'Russia']);
  assert.deepEqual(shape('"permanent neutrality" gas'), ['"permanent neutrality"', 'gas']);
  assert.deepEqual(shape('tag:neutrality entity:"Serdar Berdimuhamedow" kind:evidence'), ['tag:neutrality', 'entity:"Serdar Berdimuhamedow"', 'kind:evidence']);
  assert.deepEqual(shape('-russia -tag:draft -"cold war"'), ['-russia', '-tag:draft', '-"cold war"']);
  assert.deepEqual(shape('Tags:energy TITLE:foreign'), ['tag:energy', 'source:foreign'], 'field names in any case, plural or synonym');
});

test('curly quotes, unclosed quotes and half-typed fields are read as a person meant them', () => {
  assert.deepEqual(shape('“permanent neutrality”'), ['"permanent neutrality"']);
  assert.deepEqual(shape('"permanent neutr'), ['"permanent neutr"']);
  assert.deepEqual(shape('gas tag:'), ['gas']);
  assert.deepEqual(shape('http://un.org'), ['http+un.org'], 'an unknown field is words');
  assert.deepEqual(shape('a - b'), ['a', 'b'], 'a lone minus is nothing');
  assert.deepEqual(shape('neutrality~2 title^3'), ['neutrality+2', 'title+3'], 'Lunr syntax has no meaning here');
});

test('the last word is "being typed" until a space follows it', () => {
  assert.equal(parseQuery('moscow vis').typing, true);
  assert.equal(parseQuery('moscow vis ').typing, false);
  assert.equal(parseQuery('"moscow visit"').typing, false);
  assert.equal(parseQuery('moscow -vis').typing, false);
  assert.equal(parseQuery('').typing, false);
});
