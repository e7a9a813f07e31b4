import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { findMentions } from './mentions.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

/** Each place `re` matches in the corpus, as [text index, offset]. Written independently of the code under test. */
function grep(re: RegExp): Array<[number, number, string]> {
  return texts.flatMap((t, i) => [...t.matchAll(re)].map((m) => [i, m.index, m[0]] as [number, number, string]));
}
const covered = (found: ReturnType<typeof findMentions>[], [i, at]: [number, number, string]) =>
  found[i].some((m) => m.start <= at && at < m.end);

test('every spelling of Berdimuhamedow in the corpus is found for "Gurbanguly Berdimuhamedow"', () => {
  const found = texts.map((t) => findMentions(t, ['Gurbanguly Berdimuhamedow']));
  const spellings = grep(/Berd[iy]mu(?:k)?hamedo[wv]/g);
  // The corpus really has the three spellings.
  assert.deepEqual(new Set(spellings.map((s) => s[2])), new Set(['Berdimuhamedow', 'Berdymukhamedov', 'Berdimuhamedov']));
  for (const s of spellings) assert.ok(covered(found, s), `missed ${s[2]} in text ${s[0]} at ${s[1]}`);
  // Whole-name passages are one mention, with the first name.
  const full = found.flat().filter((m) => m.text.startsWith('Gurbanguly'));
  assert.ok(full.length >= 2);
  for (const m of full) assert.equal(m.matched, 'Gurbanguly Berdimuhamedow');
  // Spelling distance is the visible difference: 0 for the stored spelling, more for others.
  for (const m of found.flat()) {
    const surname = m.text.split(/\s+/).pop()!;
    assert.equal(m.distance === 0, surname === 'Berdimuhamedow', `${m.text}: distance ${m.distance}`);
  }
});

test('nothing but the name is matched: every mention is a spelling of it, and nothing overlaps', () => {
  const found = texts.map((t) => findMentions(t, ['Gurbanguly Berdimuhamedow']));
  const spellings = grep(/Berd[iy]mu(?:k)?hamedo[wv]/g);
  assert.equal(found.flat().length, spellings.length, 'one mention per spelling in the corpus');
  for (const m of found.flat()) assert.match(m.text, /^(Gurbanguly )?Berd[iy]mu(k)?hamedo[wv]$/);
  for (const list of found) {
    for (let k = 1; k < list.length; k++) assert.ok(list[k].start >= list[k - 1].end, 'mentions overlap or are out of order');
  }
  // A longer word containing a similar stem is not a mention.
  assert.ok(texts.some((t) => t.includes('Nurberdiýewa')));
  assert.ok(!found.flat().some((m) => /Nurberdi/.test(m.text)));
});

test('Serdar and the misspelling Sherdar are both found for the son', () => {
  const found = texts.map((t) => findMentions(t, ['Serdar Berdimuhamedow', 'Serdar']));
  const firstNames = grep(/\bSh?erdar\b/g);
  assert.ok(firstNames.some((s) => s[2] === 'Sherdar') && firstNames.some((s) => s[2] === 'Serdar'));
  for (const s of firstNames) assert.ok(covered(found, s), `missed ${s[2]} in text ${s[0]} at ${s[1]}`);
  const sherdar = found.flat().filter((m) => m.text === 'Sherdar');
  assert.ok(sherdar.every((m) => m.matched === 'Serdar' && m.distance === 1));
});

test('a single-word name does not match a longer word that starts like it', () => {
  const found = texts.flatMap((t) => findMentions(t, ['Turkmenistan']));
  // Words are runs of letters and digits, so "325077192_Turkmenistan_Water" holds the name too.
  assert.equal(found.length, grep(/(?<![\p{L}\p{N}])Turkmenistan(?![\p{L}\p{N}])/gu).length);
  assert.ok(found.every((m) => m.text === 'Turkmenistan'));
  assert.deepEqual(findMentions('The Turkmen delegation met the Turkmens.', ['Turkmenistan']), []);
});

test('a short surname does not match alone; a tighter maxDistance drops variants', () => {
  assert.deepEqual(findMentions('Mr Li spoke.', ['Wang Li']), []);
  const strict = texts.flatMap((t) => findMentions(t, ['Gurbanguly Berdimuhamedow'], { maxDistance: 0 }));
  assert.ok(strict.length > 0 && strict.every((m) => /Berdimuhamedow|Berdymukhamedov|Berdimuhamedov/.test(m.text)));
  // The skeleton folds y/i, w/v, kh/h, so distance 0 there still admits the three spellings; a
  // different name with the same skeleton letters rearranged does not pass.
  assert.deepEqual(findMentions('Berdimuhamadow', ['Berdimuhamedow'], { maxDistance: 0 }), []);
});

test('the whole corpus is swept for one entity (speed: npm run bench, mention sweep)', () => {
  const found = texts.flatMap((t) => findMentions(t, ['Gurbanguly Berdimuhamedow', 'Berdymukhamedov', 'Gurbanguly']));
  assert.ok(found.length > 0, 'the sample corpus names Gurbanguly Berdimuhamedow');
  for (const m of found) assert.ok(m.text.length > 0 && m.end > m.start);
});
