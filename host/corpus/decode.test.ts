import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBytes } from './decode.ts';

const TEXT = 'Türkmenbaşy said “neutrality” — 中立.';
const utf16be = (s: string): Buffer => { const b = Buffer.from(s, 'utf16le'); for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1]!, b[i]!]; return b; };

test('UTF-8 with and without BOM, UTF-16 LE/BE with BOM', () => {
  for (const bytes of [Buffer.from(TEXT), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])]) {
    const d = decodeBytes(bytes);
    assert.ok(d.ok);
    assert.equal(d.text, TEXT);
    assert.deepEqual(d.problems, []);
  }
});

test('UTF-16 without a BOM is recognised and reported', () => {
  const d = decodeBytes(Buffer.from('Plain English text in UTF-16.', 'utf16le'));
  assert.ok(d.ok);
  assert.equal(d.text, 'Plain English text in UTF-16.');
  assert.equal(d.encoding, 'utf-16le');
  assert.equal(d.problems.length, 1);
});

test('invalid UTF-8 is read as Windows-1252 and reported', () => {
  const d = decodeBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
  assert.ok(d.ok);
  assert.equal(d.text, 'Café “q”');
  assert.match(d.problems[0]!, /Windows-1252/);
});

test('binary and unsupported files are refused with a reason', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  for (const [bytes, reason] of [[png, /binary/], [Buffer.alloc(200, 0x01), /control characters/], [Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), /UTF-32/],
    [Buffer.alloc(0), /empty/]] as const) {
    const d = decodeBytes(bytes);
    assert.equal(d.ok, false);
    assert.match((d as { reason: string }).reason, reason);
  }
});
