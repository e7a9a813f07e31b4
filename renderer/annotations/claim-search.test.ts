/** Finding a claim to link to, on claims quoted from the sample corpus. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Claim } from '../../core/api.ts';
import { searchClaims } from './claim-search.ts';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const text = readFileSync(new URL('003_ff57205195f0504e.txt', CORPUS), 'utf8').replace(/\s+/g, ' ');

/** Claims over consecutive 12-word stretches of a real document. */
function claimsFromText(): Claim[] {
  const words = text.split(' ');
  const out: Claim[] = [];
  for (let i = 0, n = 0; i + 12 < words.length && n < 200; i += 12, n++) {
    const exact = words.slice(i, i + 12).join(' ');
    out.push({
      id: `c${n}`, documentId: 'd', status: 'exact', paragraph: n + 1, paragraphEnd: n + 1,
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: exact.length },
      restatement: '', note: '', kind: 'claim', tags: [], entityIds: [],
      created: '2024-01-01T00:00:00Z', modified: `2024-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
    });
  }
  return out;
}

test('every typed word must appear, in any case, in any order', () => {
  const claims = claimsFromText();
  const target = claims.find((c) => /neutral/i.test(c.quote.exact))!;
  const [w1, w2] = target.quote.exact.split(' ').filter((w) => w.length > 5);
  const hits = searchClaims(claims, `${w2!.toUpperCase()} ${w1!.toLowerCase()}`);
  assert.ok(hits.some((c) => c.id === target.id));
  for (const c of hits) {
    const q = c.quote.exact.toLowerCase();
    assert.ok(q.includes(w1!.toLowerCase()) && q.includes(w2!.toLowerCase()), `"${c.quote.exact}" has both words`);
  }
});

test('a restatement match ranks above a quote match; the claim itself is never offered', () => {
  const claims = claimsFromText();
  const word = 'neutrality';
  const quoted = claims.filter((c) => c.quote.exact.toLowerCase().includes(word));
  assert.ok(quoted.length > 1, 'fixture mentions neutrality more than once');
  const restated = { ...claims.find((c) => !c.quote.exact.toLowerCase().includes(word))!, restatement: 'Permanent neutrality is the doctrine' };
  const pool = claims.map((c) => (c.id === restated.id ? restated : c));
  const hits = searchClaims(pool, word, { exclude: quoted[0]!.id });
  assert.equal(hits[0]!.id, restated.id);
  assert.ok(!hits.some((c) => c.id === quoted[0]!.id));
});

test('accents do not matter and nothing matches nonsense', () => {
  const claims = claimsFromText();
  const c0 = { ...claims[0]!, restatement: 'Türkmenistan’s Ashgabat policy' };
  assert.equal(searchClaims([c0], 'turkmenistan ashgabat')[0]?.id, c0.id);
  assert.deepEqual(searchClaims(claims, 'qqqxyzzy'), []);
});
