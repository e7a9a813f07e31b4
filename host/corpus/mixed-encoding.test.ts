/**
 * Issue 10, item 9 through the folder import: a UTF-8 file with a stray Windows-1252 byte is
 * imported with its UTF-8 intact, and the document carries the flag (how many bytes).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { plainText } from '../../core/corpus/plain-text.ts';
import { importFolder } from './import-folder.ts';

test('issue example: "Zürich" and "José" stay right around a stray 0x92; the document is flagged with the count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-mixed-'));
  try {
    writeFileSync(join(dir, 'letters.txt'), Buffer.concat([
      Buffer.from('Letters from Zürich\n\nJosé wrote that the delegation', 'utf8'), Buffer.from([0x92]),
      Buffer.from('s report reached Zürich on Monday, and nobody there had read it yet.\n\nTwo weeks later it', 'utf8'),
      Buffer.from([0x92]), Buffer.from('s still unread — so José wrote again.\n', 'utf8')]));
    const { documents } = await importFolder(dir);
    const doc = documents[0]!;
    const text = plainText(doc.doc);
    assert.ok(text.includes('José wrote that the delegation’s report reached Zürich on Monday'), text);
    assert.ok(text.includes('it’s still unread — so José wrote again.'));
    assert.ok(doc.problems.some((p) => /^2 bytes are not valid UTF-8; they were read as Windows-1252/.test(p)), doc.problems.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
