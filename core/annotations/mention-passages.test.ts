import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { mentionPassages, namesAThing, type SweepEntity } from './mention-passages.ts';

const corpusDir = new URL('../../corpus/', import.meta.url);
const texts = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(new URL(f, corpusDir), 'utf8'));

const FATHER: SweepEntity = { id: 'g', name: 'Gurbanguly Berdimuhamedow', aliases: ['Berdymukhamedov'], type: 'person' };
const SON: SweepEntity = { id: 's', name: 'Serdar Berdimuhamedow', aliases: ['Serdar Berdymukhamedov', 'Sherdar'], type: 'person' };
const rows = (e: SweepEntity, others: SweepEntity[]) => texts.flatMap((t) => mentionPassages(t, e, others).map((p) => ({ ...p, sentenceText: t.slice(p.sentence.start, p.sentence.end) })));

test('the son named in full is a certain mention of the son, and an ambiguous one of the father', () => {
  const father = rows(FATHER, [SON]);
  const inherited = father.filter((p) => p.sentenceText.includes('In March 2022, Serdar Berdimuhamedow became president'));
  assert.equal(inherited.length, 1);
  assert.equal(inherited[0].full, false);
  assert.deepEqual(inherited[0].candidates.map((c) => c.name), ['Serdar Berdimuhamedow']);
  const son = rows(SON, [FATHER]);
  const same = son.find((p) => p.sentenceText.includes('In March 2022, Serdar Berdimuhamedow became president'))!;
  assert.equal(same.full, true);
  assert.deepEqual(same.candidates, []);
});

test('"Gurbanguly Berdymukhamedov" is not passed off as the son: marked ambiguous, naming the father', () => {
  const son = rows(SON, [FATHER]);
  const p = son.find((r) => r.sentenceText.includes('after which Gurbanguly Berdymukhamedov officially assumed'))!;
  assert.ok(p, 'the passage is listed');
  assert.equal(p.full, false);
  assert.equal(p.candidates[0]?.name, FATHER.name);
  assert.match(p.candidates[0].reason, /Gurbanguly/);
  // Without the father in the registry the surname alone is still not a whole-name match.
  assert.equal(rows(SON, []).find((r) => r.sentenceText.includes('after which Gurbanguly'))?.full, false);
});

test('whole names outrank surnames; a shared surname alone names the other candidate', () => {
  const father = rows(FATHER, [SON]);
  assert.ok(father.some((p) => p.full && p.candidates.length === 0 && p.text.startsWith('Gurbanguly')));
  for (const p of father.filter((r) => !r.full)) assert.ok(p.candidates.length > 0, `${p.text} in "${p.sentenceText.slice(0, 60)}" is marked ambiguous`);
});

test('"Serdar oil field" is not the person; a street or university named after someone is not either', () => {
  const son = rows(SON, [FATHER]);
  assert.ok(texts.some((t) => t.includes('Serdar oil field')));
  assert.ok(!son.some((p) => p.sentenceText.includes('Serdar oil field')));
  const t = 'Students of Magtymguly University walked down Magtymguly Street, reading Magtymguly.';
  assert.ok(namesAThing(t, { start: t.indexOf('Magtymguly'), end: t.indexOf('Magtymguly') + 10 }));
  const poet: SweepEntity = { id: 'p', name: 'Magtymguly', aliases: [], type: 'person' };
  assert.deepEqual(mentionPassages(t, poet, []).map((p) => [p.text, p.more.length]), [['Magtymguly', 0]]);
  // A place keeps its field: the rule is for people.
  const field: SweepEntity = { id: 'f', name: 'Serdar', aliases: [], type: 'place' };
  assert.ok(texts.some((tx) => mentionPassages(tx, field, []).some((p) => tx.slice(p.end, p.end + 10) === ' oil field')));
});

test('one row per sentence, whatever the number of matches in it', () => {
  for (const e of [FATHER, SON]) {
    const keys = texts.flatMap((t, i) => mentionPassages(t, e, []).map((p) => `${i}:${p.sentence.start}`));
    assert.equal(new Set(keys).size, keys.length);
  }
  const son = rows(SON, [FATHER]);
  assert.ok(son.some((p) => p.more.length > 0), 'a sentence naming him twice is one row with a further match');
});
