/// <reference path="./reader-global.d.ts" />
/** A tab keeps one client id across reloads (sessionStorage), and two tabs get two (issue 8, item 17). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabClientId } from './web-client.ts';

const storage = (): Pick<Storage, 'getItem' | 'setItem'> => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => { m.set(k, v); } };
};

test('the same tab gets the same id again; another tab another; an id the host accepts', () => {
  const tab = storage();
  const first = tabClientId(tab);
  assert.equal(tabClientId(tab), first, 'after a reload');
  assert.notEqual(tabClientId(storage()), first, 'another tab');
  assert.match(first, /^[\w.:-]{1,76}$/, 'within host/store/acting-client.ts clientId() once prefixed "tab:"');
});

test('storage that refuses still gives an id', () => {
  const id = tabClientId({ getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } });
  assert.ok(id.length > 0);
});
