import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentByFile, openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';
import type { DocumentModel, Block, ParagraphBlock } from '../../core/api.ts';
import { inlineText } from '../../core/corpus/plain-text.ts';

const CHINA_INTEGRATION = '000_7c096543f307bd3a.txt';
const TURKMEN_REVIEW = '003_ff57205195f0504e.txt';

function paragraphText(doc: DocumentModel, n: number): string {
  const walk = (blocks: Block[]): ParagraphBlock | undefined => {
    for (const b of blocks) {
      if (b.kind === 'paragraph' && b.n === n) return b;
      if (b.kind === 'section') { const hit = walk(b.children); if (hit) return hit; }
    }
    return undefined;
  };
  const p = walk(doc.blocks);
  return p ? inlineText(p.content) : '';
}

test('mentions of an entity are found under each of its names, except inside its own claims', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const president = await lib.createEntity({
    name: 'Berdymukhamedov', type: 'person', aliases: ['Berdimuhamedow', 'berdymukhamedov'], wikidata: 'Q312567',
  });
  assert.deepEqual(president.aliases, ['Berdimuhamedow'], 'an alias equal to the name is dropped');
  const inClaim = await passage(lib, TURKMEN_NEUTRALITY, 'Turkmen President Gurbanguly Berdymukhamedov');
  const claim = await lib.createClaim({ ...inClaim, entityIds: [president.id] });

  const china = await documentByFile(lib, CHINA_INTEGRATION);
  const review = await documentByFile(lib, TURKMEN_REVIEW);
  const mentions = await lib.findMentions(president.id);
  const inDoc = (id: string) => mentions.filter((m) => m.documentId === id && m.distance === 0);
  /** Every single match (a row holds the matches of one sentence), spelled as `spelling`. */
  const matches = (ms: typeof mentions, id: string, spelling: string) =>
    ms.filter((m) => m.documentId === id).flatMap((m) => [m, ...m.more]).filter((x) => x.text === spelling);
  assert.equal(matches(mentions, inClaim.documentId, 'Berdymukhamedov').length, 0, 'the passage already in a tagged claim is left out');
  assert.equal(matches(mentions, china.id, 'Berdymukhamedov').length, china.text.split('Berdymukhamedov').length - 1);
  assert.equal(matches(mentions, review.id, 'Berdimuhamedow').length, review.text.split('Berdimuhamedow').length - 1);
  assert.ok(inDoc(review.id).length > 5);
  const rows = mentions.map((m) => `${m.documentId}:${m.sentence.start}`);
  assert.equal(new Set(rows).size, rows.length, 'one row per sentence');
  for (const m of mentions) {
    const doc = m.documentId === china.id ? china : m.documentId === review.id ? review : null;
    if (doc) assert.ok(doc.text.slice(m.sentence.start, m.sentence.end).includes(m.text), 'the sentence holds the match');
  }
  const model = await lib.getDocument(china.id);
  for (const m of inDoc(china.id)) {
    assert.equal(china.text.slice(m.start, m.end), m.text);
    assert.equal(m.matched, 'Berdymukhamedov');
    if (m.paragraph !== null) assert.ok(paragraphText(model, m.paragraph).includes(m.text), `paragraph ${m.paragraph} holds the mention`);
  }
  assert.ok(inDoc(china.id).some((m) => m.paragraph !== null));

  await lib.deleteClaims([claim.id]);
  const after = await lib.findMentions(president.id);
  assert.equal(matches(after, inClaim.documentId, 'Berdymukhamedov').length, 1, 'untagged again, the passage is a mention');
});

test('merging combines names, descriptions and Wikidata ids; deleting keeps the claims', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const a = await passage(lib, TURKMEN_NEUTRALITY, 'Russian Defence Minister Sergei Shoigu');
  const russia = await lib.createEntity({ name: 'Russia', type: 'state', aliases: ['Russian Federation'] });
  const rf = await lib.createEntity({ name: 'RF', type: 'state', aliases: ['russia', 'Moscow'], description: 'Abbreviation used in reports.', wikidata: 'Q159' });
  const claim = await lib.createClaim({ ...a, entityIds: [rf.id] });
  const merged = await lib.mergeEntities(russia.id, rf.id);
  assert.deepEqual(merged, {
    id: russia.id, name: 'Russia', type: 'state', aliases: ['Russian Federation', 'RF', 'Moscow'],
    description: 'Abbreviation used in reports.', wikidata: 'Q159',
  });
  assert.deepEqual(await lib.listEntities(), [merged]);
  assert.deepEqual((await lib.listClaims({ entityId: russia.id })).map((c) => c.id), [claim.id]);
  // The merged name is free again, and is still found as an alias.
  const again = await lib.createEntity({ name: 'rf', type: 'other' });
  await lib.deleteEntity(again.id);
  await lib.deleteEntity(russia.id);
  const [kept] = await lib.listClaims();
  assert.equal(kept!.id, claim.id);
  assert.deepEqual(kept!.entityIds, []);
});

test('a rename keeps the old name as an alias; one undo restores name and aliases', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const e = await lib.createEntity({ name: 'Berdymukhamedov', type: 'person', aliases: ['Berdimuhamedow'] });
  const renamed = await lib.updateEntity(e.id, { name: 'Gurbanguly Berdimuhamedow' });
  assert.deepEqual(renamed.aliases, ['Berdimuhamedow', 'Berdymukhamedov']);
  assert.deepEqual((await lib.undo())?.action, 'Rename entity');
  const back = (await lib.listEntities()).find((x) => x.id === e.id)!;
  assert.deepEqual([back.name, back.aliases], ['Berdymukhamedov', ['Berdimuhamedow']]);
  // Fixing case or diacritics is not a new name: no alias.
  const fixed = await lib.updateEntity(e.id, { name: 'berdymukhamedov' });
  assert.deepEqual(fixed.aliases, ['Berdimuhamedow']);
});
