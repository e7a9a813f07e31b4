import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Entity } from '../../core/api.ts';
import type { Library } from '../library.ts';
import { openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

/** Claims as a reader compares them: what passage, what was said, which entities by name. */
async function readable(lib: Library): Promise<unknown[]> {
  const names = new Map((await lib.listEntities()).map((e: Entity) => [e.id, `${e.name} (${e.type}, ${e.wikidata ?? '-'})`]));
  return (await lib.listClaims()).map((c: Claim) => ({
    documentId: c.documentId, quote: c.quote, position: c.position, status: c.status, paragraph: c.paragraph,
    restatement: c.restatement, note: c.note, kind: c.kind, tags: c.tags, entities: c.entityIds.map((id) => names.get(id)),
  }));
}

/** Replace the first string value equal to `from` anywhere in `json`. */
function replaceFirstString(json: unknown, from: string, to: string): boolean {
  if (Array.isArray(json)) return json.some((v, i) => (v === from ? ((json[i] = to), true) : replaceFirstString(v, from, to)));
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    return Object.keys(o).some((k) => (o[k] === from ? ((o[k] = to), true) : replaceFirstString(o[k], from, to)));
  }
  return false;
}

async function annotatedLibrary(t: Parameters<typeof openLibrary>[0]): Promise<Library> {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const president = await lib.createEntity({ name: 'Gurbanguly Berdymukhamedov', type: 'person', aliases: ['Berdimuhamedow'], wikidata: 'Q312567' });
  const russia = await lib.createEntity({ name: 'Russia', type: 'state' });
  await lib.createClaim({ ...(await passage(lib, TURKMEN_NEUTRALITY, 'Since 1991 Turkmenistan promotes its neutrality policy')), kind: 'claim', tags: ['neutrality'], restatement: 'Neutral since 1991.' });
  await lib.createClaim({ ...(await passage(lib, TURKMEN_NEUTRALITY, 'push Turkmen President Gurbanguly Berdymukhamedov to partially revise the neutrality policy')), kind: 'question', entityIds: [president.id], note: 'Did he? See 2017 constitution.\nSecond line.' });
  const evidence = await lib.createClaim({ ...(await passage(lib, TURKMEN_NEUTRALITY, 'Russia is traditionally perceived as the regional security provider')), kind: 'evidence', entityIds: [russia.id, president.id], tags: ['security', 'Russia'] });
  const question = (await lib.listClaims({ kind: 'question' }))[0]!;
  await lib.linkClaims(evidence.id, question.id, 'supports');
  return lib;
}

test('exported annotations imported into an empty library land on the same passages', async (t) => {
  const source = await annotatedLibrary(t);
  const jsonld = await source.exportAnnotations();
  const target = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const result = await target.importAnnotations(jsonld);
  assert.deepEqual(result.problems, []);
  assert.equal(result.imported, 3);
  assert.deepEqual(result.summary, { exact: 3, moved: 0, fuzzy: 0, orphan: 0 });
  assert.deepEqual(await readable(target), await readable(source));
  const links = async (lib: Library) => (await lib.listLinks()).map((l) => [l.from, l.to, l.relation]);
  assert.deepEqual(await links(target), await links(source));
  assert.equal((await links(target)).length, 1);
  assert.equal((await target.listEntities()).length, 2);

  // Importing the same file again adds nothing.
  const again = await target.importAnnotations(jsonld);
  assert.equal(again.imported, 0);
  assert.equal(again.problems.length, 3);
  assert.equal((await target.listClaims()).length, 3);

  // The first import is one action: one undo removes its claims and the entities it created.
  assert.deepEqual(await target.undo(), { action: 'Import annotations', undoable: true });
  assert.deepEqual(await target.listClaims(), []);
  assert.deepEqual(await target.listEntities(), []);
});

test('an annotation whose source is not in the library is listed and skipped; existing entities are reused', async (t) => {
  const source = await annotatedLibrary(t);
  const doc = (await source.getLibrary()).documents.find((d) => d.path.endsWith(TURKMEN_NEUTRALITY))!;
  const collection = JSON.parse(await source.exportAnnotations({ kind: 'question' })) as unknown;
  const target = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const existing = await target.createEntity({ name: 'Berdimuhamedow', type: 'person' });
  const one = await target.importAnnotations(JSON.stringify(collection));
  assert.equal(one.imported, 1);
  assert.deepEqual((await target.listEntities()).map((e) => e.id), [existing.id], 'matched by alias, not created again');
  assert.deepEqual((await target.listClaims())[0]!.entityIds, [existing.id]);

  const elsewhere = JSON.parse(await source.exportAnnotations({ kind: 'evidence' })) as unknown;
  assert.ok(replaceFirstString(elsewhere, doc.iri, 'urn:marginalia:doc:not-here'));
  const two = await target.importAnnotations(JSON.stringify(elsewhere));
  assert.equal(two.imported, 0);
  assert.equal(two.problems.length, 1);
  assert.match(two.problems[0]!, /urn:marginalia:doc:not-here/);
  assert.equal((await target.listClaims()).length, 1);
});
