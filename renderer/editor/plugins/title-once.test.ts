import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditorState } from 'prosemirror-state';
import { schema } from '../schema.ts';
import { comparableTitle, duplicateTitleHeading } from './title-once.ts';

const doc = (first: string) => schema.node('doc', null, [
  schema.node('section', { id: 's1' }, [
    schema.node('heading', { id: 'h1', level: 1 }, schema.text(first)),
    schema.node('paragraph', { id: 'p1', n: 1 }, schema.text('The visit of Russian Defence Minister Sergei Shoigu.')),
  ]),
]);

test('a first heading that repeats the header title is found; another is not', () => {
  const state = EditorState.create({ doc: doc('Turkmenistan: time to revise the neutrality policy?') });
  assert.equal(duplicateTitleHeading(state, 'Turkmenistan: Time to Revise the Neutrality Policy'), 1);
  assert.equal(duplicateTitleHeading(state, 'Foreign relations of Turkmenistan'), null);
  assert.equal(duplicateTitleHeading(state, null), null);
  assert.equal(comparableTitle(' Central  Asian Union! '), 'central asian union');
});
