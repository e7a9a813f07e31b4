import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import type { Claim } from '../api.ts';
import { parseDocument } from '../corpus/parse.ts';
import {
  INDEX_FORMAT_VERSION, buildAnnotationIndex, buildAnnotationIndexInSteps, indexStamp, loadIndex, searchClaims, serializeIndex, type IndexInput,
} from './annotation-index.ts';
import { claimOn, corpusDoc, entity } from './testing/corpus-claims.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const docs = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => corpusDoc(parseDocument({ text: readFileSync(new URL(f, corpusDir), 'utf8'), format: 'txt', path: f }).doc));
const [journal, brief, wiki, report, facts] = docs as [typeof docs[0], typeof docs[0], typeof docs[0], typeof docs[0], typeof docs[0]];

const gurbanguly = entity('e-gb', 'Gurbanguly Berdimuhamedow', ['Berdymukhamedov', 'Gurbanguly Berdymukhamedov']);
const serdar = entity('e-sb', 'Serdar Berdimuhamedow', ['Serdar Berdymukhamedov']);
const gazprom = entity('e-gz', 'Gazprom', [], 'organisation');

/** The reader's claims on the sample corpus, named for what the tests look for. */
const c = {
  moscowVisit: claimOn(report, 'President Serdar Berdimuhamedow paid his first official visit abroad to Moscow in June 2022',
    { restatement: 'The new president went to Moscow first', tags: ['russia', 'foreign-policy'], entityIds: [serdar.id], kind: 'evidence' }),
  cult: claimOn(journal, 'The TürkmenbaŞy Phenomenon', { restatement: 'Personality cult as the pillar of stability', tags: ['domestic'] }),
  gasStop: claimOn(report, 'In 2016, Gazprom completely stopped importing gas from Turkmenistan',
    { restatement: 'Russia stopped buying Turkmen gas in 2016', tags: ['energy', 'russia'], entityIds: [gazprom.id], kind: 'evidence' }),
  isolation: claimOn(report, 'Under the first President Saparmurat Niyazov, Ashgabat pursued a largely isolated foreign policy',
    { restatement: 'Isolation under Niyazov', tags: ['neutrality'], note: 'Compare with the journal article on neutrality as isolation.' }),
  succession: claimOn(journal, 'Gurbanguly Berdymukhamedov officially assumed the presidency', { restatement: 'Succession after Niyazov died', entityIds: [gurbanguly.id] }),
  dynasty: claimOn(wiki, 'The Berdimuhamedov dynasty in maintains hermetic control', { restatement: 'Family rule', kind: 'question' }),
  unRecognition: claimOn(journal, "considered the question of Turkmenistan's permanent neutrality",
    { restatement: 'The UN General Assembly recognised the status', tags: ['neutrality', 'un'], kind: 'evidence' }),
  neutralState: claimOn(journal, "Turkmenistan's status as a permanently neutral State has a twofold effect",
    { restatement: 'Neutral status cuts both ways for integration', tags: ['neutrality', 'integration'] }),
  defence: claimOn(facts, 'neutrality would prevent Turkmenistan from participating in multi-national defense organizations',
    { restatement: 'No military alliances', tags: ['neutrality', 'security'], kind: 'definition' }),
  quoteOnlyNeutral: claimOn(brief, 'Since 1991 Turkmenistan promotes its neutrality policy', { restatement: 'A long-standing line', tags: ['history'] }),
  restatedNeutral: claimOn(facts, 'Former President Niyazov stated', { restatement: 'Niyazov explained what neutrality rules out' }),
  ashgabatSummit: claimOn(wiki, 'the 2012 Ashgabat summit', { restatement: 'A consultative summit', tags: ['integration'] }),
  abat: claimOn(facts, 'Türkmenabat', { restatement: 'A border city' }),
} satisfies Record<string, Claim>;

const input: IndexInput = {
  claims: Object.values(c),
  entities: [gurbanguly, serdar, gazprom],
  documents: docs.map((d) => ({ id: d.model.id, title: d.model.title })),
  kinds: [{ id: 'claim', label: 'Claim', color: '#000' }, { id: 'evidence', label: 'Evidence', color: '#000' },
    { id: 'question', label: 'Question', color: '#000' }, { id: 'definition', label: 'Definition', color: '#000' }],
};
const index = buildAnnotationIndex(input);

const ids = (q: string): string[] => searchClaims(index, q).hits.map((h) => h.claimId);
const claimById = new Map(Object.values(c).map((x) => [x.id, x]));
/** The words of a claim's quote that a hit emphasises. */
const emphasised = (q: string, id: string, field: 'quote' | 'restatement' | 'note' = 'quote'): string[] => {
  const hit = searchClaims(index, q).hits.find((h) => h.claimId === id);
  assert.ok(hit, `"${q}" finds ${id}`);
  const claim = claimById.get(id)!;
  const text = field === 'quote' ? claim.quote.exact : claim[field];
  return hit.positions[field].map(([s, e]) => text.slice(s, e));
};

test('a word of a restatement finds its claim, and its place in the restatement is given', () => {
  assert.deepEqual(ids('succession'), [c.succession.id]);
  assert.deepEqual(emphasised('succession', c.succession.id, 'restatement'), ['Succession']);
  assert.deepEqual(ids('isolation').sort(), [c.isolation.id].sort(), 'the restatement and the note of one claim; "isolated" stems to "isol"');
});

test('a match in the restatement ranks above the same word only in a quote', () => {
  const order = ids('niyazov');
  // restatedNeutral has Niyazov in its quote AND restatement; isolation in quote and restatement; succession only in restatement
  assert.ok(order.includes(c.succession.id));
  const neutral = ids('neutrality');
  const restated = neutral.indexOf(c.restatedNeutral.id); // "neutrality" only in its restatement
  const quoted = neutral.indexOf(c.quoteOnlyNeutral.id); // only in its quote
  assert.ok(restated >= 0 && quoted >= 0, 'both found');
  assert.ok(restated < quoted, `restatement match (${restated}) before quote-only match (${quoted})`);
});

test('diacritics do not matter either way: turkmenbasy, TÜRKMENABAT, türkmenistan', () => {
  assert.deepEqual(ids('turkmenbasy'), [c.cult.id]);
  assert.deepEqual(emphasised('turkmenbasy', c.cult.id), ['TürkmenbaŞy']);
  assert.deepEqual(ids('TURKMENABAT'), [c.abat.id]);
  // a query with the diacritic finds the plain spelling of the quotes
  const plain = ids('turkmenistan ').sort();
  assert.ok(plain.length >= 5);
  assert.deepEqual(ids('Türkmenistan ').sort(), plain);
});

test('transliterations of a name find one another: Berdymukhamedov, Berdimuhamedow, Berdimuhamedov', () => {
  for (const q of ['berdymukhamedov', 'Berdimuhamedow', 'berdimuhamedov']) {
    const found = new Set(ids(`${q} `));
    for (const claim of [c.moscowVisit, c.succession, c.dynasty]) assert.ok(found.has(claim.id), `"${q}" finds ${claim.quote.exact}`);
    assert.equal(found.has(c.gasStop.id), false);
  }
  assert.deepEqual(emphasised('berdymukhamedov ', c.moscowVisit.id), ['Berdimuhamedow']);
  assert.deepEqual(emphasised('berdymukhamedov ', c.dynasty.id), ['Berdimuhamedov']);
});

test('an entity alias finds claims tagged with the entity even when the quote spells the name otherwise', () => {
  // "Sherdar": one edit from Serdar (6 letters: fuzzy); the alias is not in any quote
  assert.ok(ids('sherdar ').includes(c.moscowVisit.id));
  // "Gazprom" is in the gas quote and is its entity: found once, not twice
  assert.deepEqual(ids('gazprom'), [c.gasStop.id]);
});

test('one typo in a long word is forgiven; short words are matched as typed', () => {
  assert.deepEqual(ids('ashgabad ').sort(), [c.isolation.id, c.ashgabatSummit.id].sort());
  assert.deepEqual(ids('gaz '), [], '"gaz" is not "gas": too short to guess');
});

test('claims with more of the words come first; those with some of them still show', () => {
  const r = searchClaims(index, 'russia gas');
  assert.equal(r.wanted, 2);
  assert.equal(r.hits[0]!.claimId, c.gasStop.id);
  assert.equal(r.hits[0]!.matched, 2);
  const some = r.hits.filter((h) => h.matched === 1).map((h) => h.claimId);
  assert.ok(some.includes(c.moscowVisit.id), 'tagged russia, no gas: shown after');
  for (let i = 1; i < r.hits.length; i++) assert.ok(r.hits[i - 1]!.matched >= r.hits[i]!.matched, 'ordered by words matched');

  // A word only in the source's title ranks a claim but does not count as the claim having it.
  const u = searchClaims(index, 'union summit');
  assert.deepEqual(u.hits.map((h) => [h.claimId, h.matched]), [[c.ashgabatSummit.id, 1], [c.dynasty.id, 0]], 'both from "Central Asian Union"');
});

test('the word being typed is a prefix; once a space follows it is a word', () => {
  assert.deepEqual(ids('moscow visit ashga').slice(0, 1), [c.moscowVisit.id]);
  assert.ok(ids('ashga').includes(c.ashgabatSummit.id));
  assert.deepEqual(ids('ashga '), []);
});

test('a quoted phrase needs its words together, in order', () => {
  const found = ids('"permanent neutrality"');
  assert.deepEqual(found, [c.unRecognition.id]);
  assert.deepEqual(emphasised('"permanent neutrality"', c.unRecognition.id), ['permanent neutrality']);
  assert.deepEqual(ids('"neutrality permanent"'), []);
  // unquoted, the same words find more (neutralState has "permanently neutral", stems alike)
  assert.ok(ids('permanent neutrality ').includes(c.neutralState.id));
  // punctuation and case between the words do not matter
  assert.deepEqual(ids('"turkmenistan s status"'), [], 'the possessive is part of the word, not a word');
  assert.deepEqual(ids('"Turkmenistan’s status"'), [c.neutralState.id], "curly and straight apostrophes are one");
});

test('field filters: tag:, entity: (by name, alias or prefix), kind:, source:, and exclusions', () => {
  const neutralityTagged = [c.isolation, c.unRecognition, c.neutralState, c.defence].map((x) => x.id).sort();
  assert.deepEqual(ids('tag:neutrality').sort(), neutralityTagged);
  assert.deepEqual(ids('tag:neutrality kind:evidence'), [c.unRecognition.id]);
  assert.deepEqual(ids('entity:serd'), [c.moscowVisit.id]);
  assert.deepEqual(ids('entity:berdymukhamedov').sort(), [c.moscowVisit.id, c.succession.id].sort(), 'aliases of both entities');
  assert.deepEqual(ids('entity:"serdar berdimuhamedow"'), [c.moscowVisit.id]);
  assert.deepEqual(ids('kind:Definition'), [c.defence.id]);
  assert.deepEqual(ids('tag:foreign-policy'), [c.moscowVisit.id]);
  assert.deepEqual(ids('tag:neutrality -tag:security -isolation').sort(), [c.unRecognition.id, c.neutralState.id].sort());
  assert.deepEqual(ids('source:"foreign relations" niyazov'), [c.restatedNeutral.id]);
  // the tag and the entity that matched are named, the entity also when its alias matched
  const pos = (q: string, id: string) => searchClaims(index, q).hits.find((h) => h.claimId === id)!.positions;
  assert.deepEqual(pos('tag:security', c.defence.id).tags, [1], 'defence is tagged neutrality, security');
  assert.deepEqual(pos('entity:berdymukhamedov', c.succession.id).entities, [0]);
  assert.deepEqual(pos('gas', c.gasStop.id).entities, [], 'Gazprom is not gas');
  assert.deepEqual(pos('gazprom', c.gasStop.id).entities, [0]);
  // a filter narrows words: neutrality in claims tagged integration only
  assert.deepEqual(ids('neutral tag:integration'), [c.neutralState.id]);
});

test('whatever is typed, search answers and never throws', () => {
  const odd = ['', '   ', 'tag:', '"unclosed phrase', '""', '+', '-', '~1', 'neutrality~2', 'title^3', '*', 'neutr*', ':', 'foo:bar',
    '\\', 'tag:"', '-"', '((', 'entity:)', 'kind:evidence^', '—', 'the of and', '"the"', 'x'.repeat(5000), '🙂 neutrality'];
  for (const q of odd) assert.doesNotThrow(() => searchClaims(index, q), q);
  assert.deepEqual(ids(''), []);
  assert.deepEqual(ids('the of and '), [], 'stop words alone find nothing');
  // Lunr syntax is read as words: "neutrality~2" searches neutrality (and 2), not an edit distance
  assert.deepEqual(ids('neutrality~2 '), ids('neutrality 2 '));
  // an unknown field name is a word like the others
  assert.deepEqual(ids('policy:neutrality '), ids('policy neutrality '));
  assert.ok(ids('🙂 neutrality ').includes(c.defence.id));
});

test('a loaded index answers exactly as the one it was saved from', () => {
  const text = serializeIndex(index);
  const loaded = loadIndex(text, { expectStamp: indexStamp(input) });
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.reason);
  for (const q of ['berdymukhamedov', 'russia gas', '"permanent neutrality"', 'tag:neutrality -security', 'ashga', 'sherdar ', 'türkmenabat']) {
    assert.deepEqual(searchClaims(loaded.index, q).hits, searchClaims(index, q).hits, q);
  }
});

test('an index built in steps answers as one built at once, and a newer build can cancel it', async () => {
  let pauses = 0;
  const stepped = await buildAnnotationIndexInSteps(input, { batch: 3, pause: async () => { pauses++; } });
  assert.ok(stepped);
  assert.equal(pauses, Math.floor(input.claims.length / 3));
  for (const q of ['berdymukhamedov', 'russia gas', 'tag:neutrality', '"permanent neutrality"']) {
    assert.deepEqual(searchClaims(stepped, q).hits, searchClaims(index, q).hits, q);
  }
  assert.equal(stepped.stamp, index.stamp);
  const cancelled = await buildAnnotationIndexInSteps(input, { batch: 2, pause: async () => {}, isCancelled: () => true });
  assert.equal(cancelled, null);
});

test('a cached index that cannot answer rightly is refused with a reason', () => {
  const text = serializeIndex(index);
  const bad = (t: string, stamp?: string): string => {
    const r = loadIndex(t, stamp === undefined ? {} : { expectStamp: stamp });
    assert.equal(r.ok, false);
    return r.ok ? '' : r.reason;
  };
  assert.match(bad('{not json'), /not valid JSON/);
  assert.match(bad('{"format":"other"}'), /not a Marginalia search index/);
  assert.match(bad(text.replace(`"version":${INDEX_FORMAT_VERSION}`, '"version":999')), /format version 999/);
  const edited = { ...input, claims: input.claims.map((x) => x.id === c.cult.id ? { ...x, modified: '2025-01-01T00:00:00.000Z' } : x) };
  assert.match(bad(text, indexStamp(edited)), /out of date/);
  const renamed = { ...input, entities: [{ ...serdar, name: 'Serdar B.' }, gurbanguly, gazprom] };
  assert.notEqual(indexStamp(renamed), indexStamp(input), 'an entity rename makes the cache stale');
});

test('10,000 claims build in a few seconds and are searched in milliseconds', (t) => {
  // Every sentence of the corpus made a claim, repeated with different restatements up to 10,000.
  const sentences = docs.flatMap((d) => [...d.text.matchAll(/[^.!?\n]{30,300}[.!?]/g)].map((m) => ({ d, s: m[0].trim() })));
  const many: Claim[] = [];
  for (let i = 0; many.length < 10_000; i++) {
    const { d, s } = sentences[i % sentences.length]!;
    const base = claimOn(d, s);
    many.push({ ...base, id: `m${i}`, restatement: `Restatement ${i} about ${s.split(' ').slice(0, 4).join(' ')}`, tags: [`batch-${i % 50}`], entityIds: i % 7 ? [] : [serdar.id] });
  }
  const t0 = performance.now();
  const big = buildAnnotationIndex({ ...input, claims: many });
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const r = searchClaims(big, 'berdymukhamedov russia');
  const searchMs = performance.now() - t1;
  t.diagnostic(`build 10,000 claims: ${buildMs.toFixed(0)} ms; search "berdymukhamedov russia": ${searchMs.toFixed(1)} ms, ${r.hits.length} hits`);
  assert.ok(r.hits.some((h) => big.claims.get(h.claimId)!.quote.includes('Berdimuhamedow')));
  assert.equal(ids('tag:batch-7').length, 0, 'the small index is not the big one');
  assert.equal(searchClaims(big, 'tag:batch-7').hits.length, 200);
  // speed is the bench's (scripts/bench): a shared machine under load takes 10× as long
});
