/** Entity fields as the form checks them: Wikidata ids, aliases, the type guess for a new name. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWikidata, cycleType, guessEntityType, guessWhileTyping, looksLikeName, parseAliases, wikidataUrl } from './entity-types.ts';

test('a Wikidata id is Q and digits; case, spaces and a pasted item URL are forgiven', () => {
  assert.deepEqual(checkWikidata('Q9382'), { ok: true, value: 'Q9382' });
  assert.deepEqual(checkWikidata('  q874 '), { ok: true, value: 'Q874' });
  assert.deepEqual(checkWikidata('https://www.wikidata.org/wiki/Q874'), { ok: true, value: 'Q874' });
  assert.deepEqual(checkWikidata(''), { ok: true, value: null });
});

test('anything else is refused with a message that says what an id looks like', () => {
  for (const bad of ['X12', 'Q', 'Q12a', '9382', 'Q0', 'https://example.org/wiki/Q1']) {
    const r = checkWikidata(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.match(r.message, /Q followed by digits/);
  }
});

test('the Wikidata link points at the item page', () => {
  assert.equal(wikidataUrl('Q874'), 'https://www.wikidata.org/wiki/Q874');
});

test('aliases are one per line, trimmed, without duplicates or the name itself', () => {
  assert.deepEqual(parseAliases('Berdymukhamedov\n  berdymukhamedov \n\nBerdimuhamedov, Gurbanguly\nArkadag', 'Arkadag'),
    ['Berdymukhamedov', 'Berdimuhamedov, Gurbanguly']);
});

test('a new name gets a plausible type: unions are organisations, -stan a state, treaties events', () => {
  assert.equal(guessEntityType('Gurbanguly Berdimuhamedow'), 'person');
  assert.equal(guessEntityType('Central Asian Union'), 'organisation');
  assert.equal(guessEntityType('Turkmenistan'), 'state');
  assert.equal(guessEntityType('Russian Federation'), 'state');
  assert.equal(guessEntityType('Treaty of Ashgabat'), 'event');
  assert.equal(guessEntityType('Caspian Sea'), 'place');
  assert.equal(guessEntityType('Positive neutrality'), 'concept');
});

test('arrow keys cycle the type through the list and wrap around', () => {
  assert.equal(cycleType('person', 1), 'organisation');
  assert.equal(cycleType('person', -1), 'other');
  assert.equal(cycleType('other', 1), 'person');
});

test('the type guess does not jump while a word is being typed', () => {
  const typed = 'United Nations Development Programme';
  const guesses = [...typed].map((_, i) => guessWhileTyping(typed.slice(0, i + 1)));
  // "Un" alone reads as the UN (an organisation) with the whole-text guess; unfinished words are not read.
  assert.equal(guessEntityType('Un'), 'organisation');
  assert.deepEqual(new Set(guesses.filter((g) => g !== null)), new Set(['person']));
  assert.equal(guessWhileTyping('Kazakhs'), null, 'no finished word: keep the guess shown');
  assert.equal(guessWhileTyping('Caspian Sea '), 'place');
});

test('lower-case fragments typed to search do not look like names; capitalised names do', () => {
  for (const s of ['berdym', 'x', 'turkmen gas', '  ']) assert.equal(looksLikeName(s), false, s);
  for (const s of ['Berdym', 'Serdar Berdimuhamedow', 'G7', 'al-Assad Bashar', 'Ýazdursun']) assert.equal(looksLikeName(s), true, s);
});
