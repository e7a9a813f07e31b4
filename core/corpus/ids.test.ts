import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fnv1a64 } from './hash.ts';
import { blockIds, documentId, documentIri } from './ids.ts';

/** Reference FNV-1a 64 over the UTF-16LE bytes, with BigInt: slow but obviously right. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    for (const b of [u & 0xff, u >> 8]) { h ^= BigInt(b); h = (h * 0x100000001b3n) & 0xffffffffffffffffn; }
  }
  return h.toString(16).padStart(16, '0');
}

test('fnv1a64 matches a BigInt reference on ASCII, accents, CJK and astral text', () => {
  for (const s of ['', 'a', 'hello world', 'Türkmenbaşy', '土库曼斯坦', '𝄞 music', 'x'.repeat(1000)]) assert.equal(fnv1a64(s), reference(s));
});

test('document IRI comes from the path: percent-encoded, slashes kept, one spelling per path', () => {
  assert.equal(documentIri('notes/Über file.txt'), 'urn:marginalia:doc:notes/%C3%9Cber%20file.txt');
  assert.equal(documentIri('notes\\U\u0308ber file.txt'), documentIri('./notes/Über file.txt'), 'NFD and backslashes normalised');
  assert.equal(documentIri('a#b?.txt'), 'urn:marginalia:doc:a%23b%3F.txt');
});

test('document id depends on the path only', () => {
  assert.match(documentId('a.txt'), /^doc-[0-9a-f]{16}$/);
  assert.equal(documentId('dir/a.txt'), documentId('dir\\a.txt'));
  assert.notEqual(documentId('a.txt'), documentId('b.txt'));
});

test('block ids: identical texts get different ids, in a stable order', () => {
  const first = blockIds(documentId('a.txt'));
  const again = blockIds(documentId('a.txt'));
  const ids = [first('paragraph', 'Same.'), first('paragraph', 'Same.'), first('heading', 'Same.')];
  assert.equal(new Set(ids).size, 3);
  assert.deepEqual([again('paragraph', 'Same.'), again('paragraph', 'Same.'), again('heading', 'Same.')], ids);
  assert.notEqual(blockIds(documentId('b.txt'))('paragraph', 'Same.'), ids[0], 'ids differ between documents');
});
