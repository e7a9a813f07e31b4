/**
 * Reading what Hypothesis gives (issue 10, items 5 and 6): its API's own JSON and the W3C JSON-LD
 * it serves, with every selector type it writes; and what a malformed file gets told, row by row.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromAnnotationCollection } from './web-annotation.ts';

const PAGE = 'https://www.example.org/reports/turkmenistan/?utm_source=feed';
const QUOTE = { type: 'TextQuoteSelector', exact: 'permanent neutrality', prefix: 'status of ', suffix: ' recognised' };

/** A row as the Hypothesis API returns it (`GET /api/search` → `rows`). */
function apiRow(id: string, selector: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id, created: '2024-05-01T09:00:00.000000+00:00', updated: '2024-05-02T10:00:00.000000+00:00',
    user: 'acct:reader@hypothes.is', uri: PAGE, text: 'Compare with the 2016 article.', tags: ['neutrality'],
    group: '__world__', permissions: { read: ['group:__world__'] },
    target: [{ source: PAGE, selector }],
    document: { title: ['A report'], link: [{ href: 'https://example.org/reports/turkmenistan' }] },
    links: { html: `https://hypothes.is/a/${id}`, incontext: `https://hyp.is/${id}/example.org/reports/turkmenistan` },
    user_info: { display_name: 'A Reader' },
    ...extra,
  };
}

test('Hypothesis API rows: quote, position as a hint, note, tags, creator, and its id kept as via', () => {
  const row = apiRow('Kq3f7vLQEe-abc123', [
    { type: 'RangeSelector', startContainer: '/main[1]/p[3]', startOffset: 0, endContainer: '/main[1]/p[3]', endOffset: 20 },
    { type: 'TextPositionSelector', start: 1200, end: 1220 },
    QUOTE,
  ]);
  const { items, problems } = fromAnnotationCollection({ total: 1, rows: [row] });
  assert.deepEqual(problems, []);
  const [a] = items;
  assert.equal(a!.source, PAGE);
  assert.deepEqual(a!.alternateSources, ['https://example.org/reports/turkmenistan']);
  assert.deepEqual(a!.quote, QUOTE);
  assert.deepEqual(a!.position, { type: 'TextPositionSelector', start: 1200, end: 1220 });
  assert.equal(a!.note, 'Compare with the 2016 article.');
  assert.deepEqual(a!.tags, ['neutrality']);
  assert.equal(a!.creator, 'acct:reader@hypothes.is');
  assert.equal(a!.via, 'https://hypothes.is/a/Kq3f7vLQEe-abc123');
  assert.equal(a!.row, 1);
  assert.equal(a!.created, '2024-05-01T09:00:00.000000+00:00');
  assert.equal(a!.modified, '2024-05-02T10:00:00.000000+00:00');
});

test('W3C JSON-LD as Hypothesis serves it: TextualBody note, tagging bodies, creator, id as via', () => {
  const jsonld = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/Zz9-AbCdEe',
    created: '2024-05-01T09:00:00.000000+00:00',
    modified: '2024-05-01T09:05:00.000000+00:00',
    creator: 'acct:reader@hypothes.is',
    body: [
      { type: 'TextualBody', value: 'Neutrality as *status*.', format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'neutrality' },
      { type: 'TextualBody', purpose: 'tagging', value: 'UN' },
    ],
    target: [{ source: PAGE, selector: [{ type: 'TextPositionSelector', start: 5, end: 25 }, QUOTE] }],
  };
  const { items, problems } = fromAnnotationCollection(jsonld);
  assert.deepEqual(problems, []);
  assert.equal(items[0]!.note, 'Neutrality as *status*.');
  assert.deepEqual(items[0]!.tags, ['neutrality', 'UN']);
  assert.equal(items[0]!.via, 'https://hypothes.is/a/Zz9-AbCdEe');
  assert.equal(items[0]!.creator, 'acct:reader@hypothes.is');
  // A creator given as an agent object.
  const agent = fromAnnotationCollection({ ...jsonld, creator: { type: 'Person', id: 'https://orcid.org/0000-0002-1825-0097', name: 'A Reader' } });
  assert.equal(agent.items[0]!.creator, 'https://orcid.org/0000-0002-1825-0097');
  assert.equal(fromAnnotationCollection({ ...jsonld, creator: { type: 'Person', nickname: 'reader' } }).items[0]!.creator, 'reader');
});

test('a malformed file: each unusable row is named with its reason; the rest is read', () => {
  const { items, problems } = fromAnnotationCollection({
    rows: [
      apiRow('ok-1', [QUOTE]),
      apiRow('no-target', [], { target: undefined }),
      apiRow('empty-target', [], { target: [] }),
      apiRow('strange', [{ type: 'BananaSelector', offset: 3 }]),
      apiRow('untyped', [{ exact: 'permanent neutrality' }]),
      apiRow('reply', [], { target: [{ source: PAGE }], references: ['ok-1'] }),
      apiRow('page-note', [], { target: [{ source: PAGE }] }),
      apiRow('mixed', [{ type: 'BananaSelector' }, QUOTE]),
      'not an object',
    ],
  });
  assert.deepEqual(items.map((i) => i.row), [1, 8]);
  assert.equal(problems.length, 8);
  const [noTarget, emptyTarget, strange, untyped, reply, pageNote, mixed, notObject] = problems;
  assert.match(noTarget!, /^Row 2 \(no-target\) has no target/);
  assert.match(emptyTarget!, /^Row 3 \(empty-target\) has no target/);
  assert.match(strange!, /^Row 4 \(strange\): its selector type "BananaSelector" is not one this reader knows.*skipped\.$/);
  assert.match(untyped!, /^Row 5 \(untyped\): its selector has no type.*skipped\.$/);
  assert.match(reply!, /^Row 6 \(reply\): it is a reply to another annotation/);
  assert.match(pageNote!, /^Row 7 \(page-note\): it is a page note/);
  assert.match(mixed!, /^Row 8 \(mixed\): selector type "BananaSelector" .*ignored \(the quote was used\)/);
  assert.match(notObject!, /^Row 9 is not an annotation object/);
  // Not JSON at all: one problem, no rows.
  const bad = fromAnnotationCollection('{"rows": [ {"id": "a",');
  assert.deepEqual(bad.items, []);
  assert.match(bad.problems[0]!, /not valid JSON/);
});

test('our own export keeps its claim ids and carries an imported claim\'s via and creator through', () => {
  const own = {
    id: 'urn:marginalia:claim:11111111-1111-4111-8111-111111111111', type: 'Annotation',
    via: 'https://hypothes.is/a/Kq3f7vLQEe-abc123', creator: 'acct:reader@hypothes.is',
    target: { source: 'urn:marginalia:doc:a.txt', selector: [QUOTE] },
  };
  const [a] = fromAnnotationCollection(own).items;
  assert.equal(a!.id, '11111111-1111-4111-8111-111111111111');
  assert.equal(a!.via, 'https://hypothes.is/a/Kq3f7vLQEe-abc123');
  assert.equal(a!.creator, 'acct:reader@hypothes.is');
  const [plain] = fromAnnotationCollection({ ...own, via: undefined, creator: undefined }).items;
  assert.equal(plain!.via, undefined, 'our own id is not a via');
});
