import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { spellingKey, termOf, words } from './terms.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(new URL(f, corpusDir), 'utf8')).join('\n');

test('words keep their offsets, inner apostrophes and full stops; separators split', () => {
  const text = 'Turkmenistan：The President Berdimuhamedow’s son (U.S. 1.5) — Russian–Turkmen';
  const ws = words(text);
  for (const w of ws) assert.equal(text.slice(w.start, w.end), w.word);
  assert.deepEqual(ws.map((w) => w.word), ['Turkmenistan', 'The', 'President', 'Berdimuhamedow’s', 'son', 'U.S', '1.5', 'Russian', 'Turkmen']);
});

test('terms fold case and diacritics, drop possessives and stop words, and stem', () => {
  assert.equal(termOf('Türkmenistan'), termOf('turkmenistan'));
  assert.equal(termOf('TürkmenbaŞy'), termOf('turkmenbasy'));
  assert.equal(termOf('Berdimuhamedow’s'), termOf('Berdimuhamedow'));
  assert.equal(termOf('neutrality'), termOf('neutral'));
  assert.equal(termOf('the'), '');
  assert.notEqual(termOf('neutrality'), termOf('neutron'));
});

test('every spelling of the Berdimuhamedovs in the corpus has one spelling key', () => {
  const spellings = new Set(corpus.match(/Berd[iy]mu(?:k)?hamedo[wv]/g));
  assert.deepEqual(spellings, new Set(['Berdimuhamedow', 'Berdymukhamedov', 'Berdimuhamedov']), 'the corpus has three');
  assert.equal(new Set([...spellings].map(spellingKey)).size, 1);
});

test('spelling keys do not merge different names of the corpus', () => {
  const names = ['Niyazov', 'Nazarbayev', 'Karimov', 'Berdimuhamedow', 'Turkmenistan', 'Tajikistan', 'Kazakhstan', 'Kyrgyzstan', 'Uzbekistan', 'Ashgabat', 'Moscow'];
  for (const n of names) assert.ok(corpus.includes(n), `the corpus names ${n}`);
  assert.equal(new Set(names.map(spellingKey)).size, names.length);
  assert.equal(spellingKey('Iran'), '', 'short words get no key');
});
