/** Mentions in context, on the corpus text that names Berdimuhamedow in several spellings. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { BLOCK_SEPARATOR } from '../../../core/corpus/plain-text.ts';
import { mentionContext } from './mention-context.ts';

const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
/** The corpus files as paragraphs joined the way the plain text joins blocks. */
const asPlainText = (raw: string): string => raw.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join(BLOCK_SEPARATOR);

test('a match shows with the words around it, cut at spaces and marked with …', async () => {
  const text = asPlainText(await readFile(new URL('000_7c096543f307bd3a.txt', CORPUS), 'utf8'));
  const start = text.indexOf('Berdymukhamedov');
  assert.ok(start > 0);
  const ctx = mentionContext(text, start, start + 'Berdymukhamedov'.length, 40);
  assert.equal(ctx.match, 'Berdymukhamedov');
  assert.ok(ctx.before.length <= 41 && ctx.after.length <= 41);
  // The pieces are the text itself, except for the cut marks.
  const whole = (ctx.before + ctx.match + ctx.after).replace(/…/g, '');
  assert.ok(text.replace(/\s+/g, ' ').includes(whole), whole);
  // Cuts fall between words: the text just outside each cut is a space.
  assert.ok(ctx.before.startsWith('…') && ctx.after.endsWith('…'), 'a mid-paragraph match is cut on both sides');
  const b = start - (ctx.before.length - 1);
  const a = start + ctx.match.length + ctx.after.length - 1;
  assert.equal(text[b - 1], ' ');
  assert.equal(text[a], ' ');
});

test('context never runs into the next or previous paragraph', () => {
  const text = ['First paragraph ends here.', 'Serdar Berdimuhamedow spoke.', 'Next one starts.'].join(BLOCK_SEPARATOR);
  const start = text.indexOf('Berdimuhamedow');
  const ctx = mentionContext(text, start, start + 14);
  assert.deepEqual(ctx, { before: 'Serdar ', match: 'Berdimuhamedow', after: ' spoke.' });
});
