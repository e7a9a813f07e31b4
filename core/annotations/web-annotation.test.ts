import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Claim, ClaimLink, Entity } from '../api.ts';
import { describeRange } from './selectors.ts';
import { ANNO_CONTEXT, FORMAT_VERSION, fromAnnotationCollection, toAnnotationCollection } from './web-annotation.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const text = readFileSync(new URL('003_ff57205195f0504e.txt', corpusDir), 'utf8');
const IRI = 'urn:marginalia:doc:turkmenistan-russia-relations-report';

const entities: Entity[] = [
  { id: 'e-gb', name: 'Gurbanguly Berdimuhamedow', type: 'person', aliases: ['Berdymukhamedov', 'Berdimuhamedov'], description: 'Second president', wikidata: 'Q57370' },
  { id: 'e-gazprom', name: 'Gazprom', type: 'organisation', aliases: [], description: '', wikidata: null },
];

/** A claim on the first occurrence of `phrase` in the report. */
function claim(id: string, phrase: string, extra: Partial<Claim> = {}): Claim {
  const at = text.indexOf(phrase);
  assert.ok(at >= 0, `fixture phrase not in the text: ${phrase}`);
  const { quote, position } = describeRange(text, at, at + phrase.length);
  return {
    id, documentId: 'doc-3', quote, position, status: 'exact', paragraph: 3, paragraphEnd: 3, restatement: '', note: '',
    kind: 'claim', tags: [], entityIds: [], created: '2025-01-02T03:04:05.000Z', modified: '2025-01-03T03:04:05.000Z', ...extra,
  };
}

const claims: Claim[] = [
  claim('11111111-1111-4111-8111-111111111111', 'Berdimuhamedow', {
    restatement: 'The report names the second president.', note: 'Spelled the Turkmen way here.\nSecond line.',
    kind: 'evidence', tags: ['spelling', 'leaders'], entityIds: ['e-gb', 'e-gazprom'],
  }),
  claim('22222222-2222-4222-8222-222222222222', 'Turkmenistan', { kind: 'question', status: 'orphan', paragraph: null }),
  claim('33333333-3333-4333-8333-333333333333', 'Russia', { note: 'A bare note.' }),
];
const links: ClaimLink[] = [
  { id: 'l1', from: claims[1].id, to: claims[0].id, relation: 'supports' },
  { id: 'l2', from: claims[2].id, to: claims[0].id, relation: 'contradicts' },
  { id: 'l3', from: claims[2].id, to: 'not-exported', relation: 'elaborates' },
];

const exportAll = () => toAnnotationCollection({
  claims, documents: [{ id: 'doc-3', iri: IRI, title: 'Report' }], entities, links, generated: '2025-02-01T00:00:00.000Z',
});

test('export is a W3C AnnotationCollection whose first page holds one Annotation per claim', () => {
  const c = exportAll();
  assert.equal(c['@context'][0], ANNO_CONTEXT);
  assert.equal(c.type, 'AnnotationCollection');
  assert.equal(c['marginalia:formatVersion'], FORMAT_VERSION);
  assert.equal(c.total, 3);
  assert.equal(c.first.type, 'AnnotationPage');
  const [a] = c.first.items;
  assert.equal(a.id, `urn:marginalia:claim:${claims[0].id}`);
  assert.equal(a.type, 'Annotation');
  assert.equal(a.target.source, IRI);
  assert.deepEqual(a.target.selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
  assert.deepEqual(a.body!.map((b) => b.purpose), ['describing', 'commenting', 'tagging', 'tagging', 'tagging', 'identifying', 'classifying']);
  const wd = a.body!.find((b) => b.purpose === 'identifying')!;
  assert.equal(wd.source, 'http://www.wikidata.org/entity/Q57370');
  // Links go out only to claims in the export.
  const third = c.first.items[2];
  assert.deepEqual(third.body!.filter((b) => b.purpose === 'linking').map((b) => b.source), [`urn:marginalia:claim:${claims[0].id}`]);
});

test('export → JSON text → import gives back quotes, positions, bodies, entities and links', () => {
  const { items, problems } = fromAnnotationCollection(JSON.stringify(exportAll()));
  assert.deepEqual(problems, []);
  assert.equal(items.length, claims.length);
  items.forEach((item, i) => {
    const c = claims[i];
    assert.equal(item.id, c.id);
    assert.equal(item.source, IRI);
    assert.deepEqual(item.quote, c.quote);
    assert.deepEqual(item.position, c.position);
    assert.equal(item.restatement, c.restatement);
    assert.equal(item.note, c.note);
    assert.equal(item.kind, c.kind);
    assert.deepEqual(item.tags, c.tags);
    assert.equal(item.created, c.created);
    assert.equal(item.modified, c.modified);
    const want = c.entityIds.map((id) => entities.find((e) => e.id === id)!)
      .map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, wikidata: e.wikidata, ...(e.description ? { description: e.description } : {}) }));
    assert.deepEqual(item.entities, want);
    const wantLinks = links.filter((l) => l.from === c.id && claims.some((x) => x.id === l.to)).map((l) => ({ relation: l.relation, target: l.to }));
    assert.deepEqual(item.links, wantLinks);
  });
  // The round trip quotes still point at the report's text.
  for (const item of items) assert.equal(text.slice(item.position!.start, item.position!.end), item.quote.exact);
});

/** An annotation as the Hypothesis API returns it (fields trimmed to what matters). */
const hypothesisRow = (selectors: unknown[]) => ({
  id: 'Kq3f7vLQEe-abc123', created: '2024-05-01T10:00:00.000000+00:00', updated: '2024-05-02T10:00:00.000000+00:00',
  user: 'acct:reader@hypothes.is', uri: 'https://example.org/turkmenistan-report', group: '__world__',
  text: 'Compare with the 2016 article.', tags: ['neutrality', 'gas'],
  target: [{ source: 'https://example.org/turkmenistan-report', selector: selectors }],
  document: { title: ['Report'] }, links: { html: 'https://hypothes.is/a/Kq3f7vLQEe-abc123' },
});

test('Hypothesis annotations import: note from text, tags, uri, quote with or without a position', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'permanent neutrality', prefix: 'status of ', suffix: ' recognised' };
  const full = hypothesisRow([
    { type: 'RangeSelector', startContainer: '/main[1]/p[3]', startOffset: 0, endContainer: '/main[1]/p[3]', endOffset: 20 },
    { type: 'TextPositionSelector', start: 1200, end: 1220 },
    quote,
  ]);
  const quoteOnly = { ...hypothesisRow([quote]), target: { source: 'https://example.org/turkmenistan-report', selector: quote }, text: '', tags: [] };
  const { items, problems } = fromAnnotationCollection({ total: 2, rows: [full, quoteOnly] });
  assert.deepEqual(problems, []);
  assert.equal(items.length, 2);
  assert.deepEqual(items[0].quote, quote);
  assert.deepEqual(items[0].position, { type: 'TextPositionSelector', start: 1200, end: 1220 });
  assert.equal(items[0].note, 'Compare with the 2016 article.');
  assert.deepEqual(items[0].tags, ['neutrality', 'gas']);
  assert.equal(items[0].source, 'https://example.org/turkmenistan-report');
  assert.equal(items[0].modified, '2024-05-02T10:00:00.000000+00:00');
  assert.equal(items[0].id, 'Kq3f7vLQEe-abc123');
  assert.equal(items[1].position, undefined);
  assert.equal(items[1].note, '');
  // A single annotation (not wrapped) and a bare array import the same way.
  assert.equal(fromAnnotationCollection(full).items.length, 1);
  assert.equal(fromAnnotationCollection([full, quoteOnly]).items.length, 2);
});

test('malformed items are skipped with a readable problem each, never a throw', () => {
  const good = exportAll().first.items[0];
  const { items, problems } = fromAnnotationCollection([
    good,
    42,
    { id: 'no-target', type: 'Annotation', body: [] },
    { id: 'empty-quote', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: '' } } },
    { id: 'no-source', target: { selector: { type: 'TextQuoteSelector', exact: 'Russia' } } },
    { id: 'bad-position', target: { source: 'x', selector: [{ type: 'TextQuoteSelector', exact: 'Russia' }, { type: 'TextPositionSelector', start: 9, end: 3 }] } },
  ]);
  assert.equal(items.length, 2);
  assert.equal(items[1].position, undefined, 'an impossible position is dropped, the quote kept');
  assert.equal(problems.length, 4);
  assert.match(problems[0], /Row 2 is not an annotation/);
  assert.match(problems[1], /no-target.*nothing to anchor/);
  assert.match(problems[2], /empty-quote.*nothing to anchor/);
  assert.match(problems[3], /no-source.*which document/);
  assert.match(fromAnnotationCollection('{not json').problems[0], /not valid JSON/);
  assert.match(fromAnnotationCollection(null).problems[0], /no annotations/);
  const linked = fromAnnotationCollection({ type: 'AnnotationCollection', first: 'https://example.org/page1' });
  assert.match(linked.problems[0], /only a link/);
});

test('a newer format version is read as far as understood, and says so', () => {
  const c = { ...exportAll(), 'marginalia:formatVersion': FORMAT_VERSION + 1 };
  const r = fromAnnotationCollection(c);
  assert.equal(r.items.length, 3);
  assert.match(r.problems[0], /newer Marginalia/);
});
