import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { GRAM, SCANS_BEFORE_INDEX, TextIndex } from './text-index.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8')).join('\n\n');

function scan(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

test('indexed look-ups find exactly the occurrences a plain scan finds', () => {
  const ix = new TextIndex(corpus);
  const needles = ['Turkmenistan', 'neutrality', 'Central Asian integration', 'Berdimuhamedow', ' the ', 'of the Soviet Union', 'zzzz-not-there-zzzz', 'a', '’s'];
  for (let i = 0; i < 400; i += 37) needles.push(corpus.slice(i * 311, i * 311 + 5 + (i % 40)));
  // Before and after the index is built (it is built after SCANS_BEFORE_INDEX scans).
  for (let round = 0; round < 2; round++) {
    for (const n of needles) assert.deepEqual(ix.occurrences(n), scan(corpus, n), `occurrences of ${JSON.stringify(n)}`);
  }
  assert.ok(needles.length > SCANS_BEFORE_INDEX);
});

test('candidate regions cover an edited copy of a passage', () => {
  const passage = corpus.slice(50_000, 50_120);
  const edited = passage.slice(0, 30) + 'XX' + passage.slice(32, 90) + passage.slice(95);
  const ix = new TextIndex(corpus.slice(0, 50_000) + edited + corpus.slice(50_120));
  const regions = ix.candidateRegions(passage, 30);
  assert.ok(regions.some(([s, e]) => s <= 50_000 && e >= 50_000 + edited.length), JSON.stringify(regions.slice(0, 5)));
  assert.deepEqual(ix.candidateRegions('QQQQQQQQQQQQQQQQQQQQ', 4), []);
  assert.ok(GRAM <= 16);
});
