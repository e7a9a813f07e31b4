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

/** Strings as UTF-8, numbers as raw bytes, concatenated. */
function utf8With(...parts: Array<string | number>): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p, 'utf8'))));
}

test('issue example: a UTF-8 file with a stray Windows-1252 apostrophe keeps its UTF-8 and is flagged with how many bytes', () => {
  const d = decodeBytes(utf8With('From Zürich, José said it', 0x92, 's a fair deal.'));
  assert.ok(d.ok);
  assert.equal(d.text, 'From Zürich, José said it’s a fair deal.');
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.problems.length, 1);
  assert.match(d.problems[0]!, /^1 byte is not valid UTF-8; it was read as Windows-1252 \(0x92 → "’"\)/);
});

test('several stray bytes of different kinds among UTF-8 text: each read as Windows-1252, counted', () => {
  // Curly quotes, an en dash, a euro sign and a Latin-1 é (0xE9 before a space: not a UTF-8 lead).
  const d = decodeBytes(utf8With('Ašgabat ', 0x93, 'neutrality', 0x94, ' ', 0x96, ' 5 ', 0x80, ' caf', 0xe9, ' – 中立'));
  assert.ok(d.ok);
  assert.equal(d.text, 'Ašgabat “neutrality” – 5 € café – 中立');
  assert.match(d.problems[0]!, /^5 bytes are not valid UTF-8; they were read as Windows-1252/);
  // A truncated UTF-8 sequence at the very end is a stray byte too, not a lost character.
  const t = decodeBytes(utf8With('Türkmenbaşy ', 0xc3));
  assert.ok(t.ok);
  assert.equal(t.text, 'Türkmenbaşy Ã');
});

test('a file without any valid multi-byte UTF-8 is Windows-1252 as a whole', () => {
  const d = decodeBytes(utf8With('Caf', 0xe9, ' ', 0x93, 'Z', 0xfc, 'rich', 0x94));
  assert.ok(d.ok);
  assert.equal(d.encoding, 'windows-1252');
  assert.equal(d.text, 'Café “Zürich”');
});

test('C1 control characters are read as Windows-1252 would, or removed, and reported', () => {
  // U+0092 and U+0096 are what a Windows-1252 apostrophe and dash become after a Latin-1 conversion.
  const d = decodeBytes(Buffer.from('It\u0092s done \u0096 at last\u0081.', 'utf8'));
  assert.ok(d.ok);
  assert.equal(d.text, 'It’s done – at last.');
  assert.equal(d.problems.length, 2);
  assert.match(d.problems[0]!, /^2 control characters .* were read as the Windows-1252 character/);
  assert.match(d.problems[1]!, /^1 control character .* removed/);
});
