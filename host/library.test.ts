import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiError, type ParagraphBlock, type Block } from '../core/api.ts';
import { inlineText, plainText } from '../core/corpus/plain-text.ts';
import { STORE_FILE } from './store/open-store.ts';
import { corpusCopy, documentByFile, openLibrary, passage, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './library/test-support.ts';

const PHRASE = 'Since 1991 Turkmenistan promotes its neutrality policy';

function paragraphs(blocks: Block[]): ParagraphBlock[] {
  return blocks.flatMap((b): ParagraphBlock[] => (b.kind === 'paragraph' ? [b] : b.kind === 'section' ? paragraphs(b.children) : []));
}

/** Assert that `work` rejects with an ApiError of `code` whose message matches `message`. */
async function rejects(work: Promise<unknown>, code: ApiError['code'], message: RegExp): Promise<void> {
  await assert.rejects(work, (err: unknown) => {
    assert.ok(err instanceof ApiError, `expected an ApiError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.match(err.message, message);
    return true;
  });
}

test('opening the sample corpus lists its five texts and serves their models', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const snap = await lib.getLibrary();
  assert.equal(snap.store.ok, true);
  assert.equal(snap.documents.length, 5);
  for (const d of snap.documents) {
    assert.ok(d.wordCount > 100, `${d.path} has ${d.wordCount} words`);
    assert.match(d.contentHash, /^[0-9a-f]{64}$/);
  }
  const doc = await documentByFile(lib, TURKMEN_NEUTRALITY);
  assert.ok(doc.text.includes(PHRASE));
  assert.deepEqual(await lib.getSettings(), {
    theme: 'system',
    kinds: [
      { id: 'claim', label: 'Claim', color: '#f5c542' },
      { id: 'evidence', label: 'Evidence', color: '#6cc36c' },
      { id: 'question', label: 'Question', color: '#6aa8f0' },
      { id: 'definition', label: 'Definition', color: '#c58af0' },
    ],
  });
  const info = await lib.getAppInfo();
  assert.equal(info.name, 'Marginalia');
  assert.equal(info.transport, 'web');
});

test('a claim is stored on its passage with its paragraph number and survives closing the library', async (t) => {
  const dataDir = await tempDir(t);
  const lib = await openLibrary(t, dataDir, SAMPLE_CORPUS);
  const range = await passage(lib, TURKMEN_NEUTRALITY, PHRASE);
  const state = await lib.createEntity({ name: 'Turkmenistan', type: 'state', wikidata: 'Q874' });
  let events = 0;
  const off = lib.on('onDidChangeAnnotations', () => { events += 1; });
  // Whitespace around a selection is not part of the claim.
  const claim = await lib.createClaim({ ...range, start: range.start - 2, note: 'Neutrality since independence.', kind: 'evidence', tags: ['neutrality'], entityIds: [state.id] });
  off();
  await lib.createClaim({ ...range, end: range.start + 10 });
  assert.equal(events, 1, 'one change event for the one change made while listening');
  assert.equal(claim.quote.exact, PHRASE);
  assert.deepEqual([claim.position.start, claim.position.end], [range.start, range.end]);
  assert.equal(claim.status, 'exact');
  const model = await lib.getDocument(range.documentId);
  const para = paragraphs(model.blocks).find((p) => p.n === claim.paragraph);
  assert.ok(para && inlineText(para.content).includes(PHRASE), `paragraph ${claim.paragraph} holds the passage`);

  const edited = await lib.updateClaim(claim.id, { restatement: 'Turkmenistan has been neutral since 1991.' });
  assert.equal(edited.note, 'Neutrality since independence.');
  lib.close();

  // Reopened without naming a folder: the last corpus is remembered.
  const again = await openLibrary(t, dataDir, null);
  assert.equal((await again.getLibrary()).documents.length, 5);
  const stored = await again.listClaims({ entityId: state.id });
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0], edited);
  assert.equal((await again.listClaims({ documentId: range.documentId })).length, 2);
  assert.deepEqual((await again.listClaims({ tag: 'neutrality' })).map((c) => c.id), [claim.id]);
  assert.deepEqual(await again.listEntities(), [state]);
});

test('every bad input gets a readable error and changes nothing', async (t) => {
  const lib = await openLibrary(t, await tempDir(t), SAMPLE_CORPUS);
  const range = await passage(lib, TURKMEN_NEUTRALITY, PHRASE);
  const doc = await documentByFile(lib, TURKMEN_NEUTRALITY);
  const entity = await lib.createEntity({ name: 'Sergei Shoigu', type: 'person' });
  const claim = await lib.createClaim(range);
  const before = { claims: await lib.listClaims(), entities: await lib.listEntities(), links: await lib.listLinks() };

  await rejects(lib.createClaim({ ...range, documentId: 'no-such-document' }), 'not-found', /no document/);
  await rejects(lib.createClaim({ ...range, end: doc.text.length + 5 }), 'bad-input', /outside/);
  await rejects(lib.createClaim({ ...range, start: -1 }), 'bad-input', /outside/);
  await rejects(lib.createClaim({ ...range, end: range.start }), 'bad-input', /empty/);
  const gap = doc.text.indexOf('\n\n');
  await rejects(lib.createClaim({ documentId: range.documentId, start: gap, end: gap + 2 }), 'bad-input', /empty/);
  await rejects(lib.createClaim({ ...range, note: 'x'.repeat(1024 * 1024) }), 'bad-input', /note is too long \(1\.0 MB\)/);
  await rejects(lib.createClaim({ ...range, entityIds: ['ghost'] }), 'bad-input', /Unknown entity: ghost/);
  await rejects(lib.createClaim({ ...range, kind: 'rumour' }), 'bad-input', /Unknown kind "rumour"/);
  await rejects(lib.updateClaim('ghost', { note: 'x' }), 'not-found', /no claim/);
  await rejects(lib.updateClaim(claim.id, { note: 'x'.repeat(1024 * 1024) }), 'bad-input', /too long/);
  await rejects(lib.updateClaim(claim.id, { range: { start: 0, end: doc.text.length + 1 } }), 'bad-input', /outside/);
  await rejects(lib.updateClaims([claim.id, 'ghost'], { kind: 'question' }), 'not-found', /ghost/);
  await rejects(lib.deleteClaims([claim.id, 'ghost']), 'not-found', /ghost/);
  await rejects(lib.linkClaims(claim.id, claim.id, 'supports'), 'bad-input', /itself/);
  await rejects(lib.linkClaims(claim.id, 'ghost', 'supports'), 'not-found', /ghost/);
  await rejects(lib.unlinkClaims('ghost'), 'not-found', /no link/);
  await rejects(lib.createEntity({ name: '   ', type: 'person' }), 'bad-input', /cannot be empty/);
  await rejects(lib.createEntity({ name: 'sergei SHOIGU', type: 'person' }), 'bad-input', /already an entity called "Sergei Shoigu"/);
  await rejects(lib.createEntity({ name: 'Russia', type: 'state', wikidata: 'Q0159' }), 'bad-input', /Wikidata ids look like Q123/);
  await rejects(lib.createEntity({ name: 'Russia', type: 'state', wikidata: 'wd:Q159' }), 'bad-input', /Wikidata ids look like Q123/);
  await rejects(lib.createEntity({ name: 'Russia', type: 'kingdom' as never }), 'bad-input', /Unknown entity type/);
  await rejects(lib.updateEntity(entity.id, { wikidata: '159' }), 'bad-input', /Wikidata ids look like Q123/);
  await rejects(lib.updateEntity('ghost', { name: 'X' }), 'not-found', /no entity/);
  await rejects(lib.mergeEntities(entity.id, entity.id), 'bad-input', /itself/);
  await rejects(lib.mergeEntities(entity.id, 'ghost'), 'not-found', /no entity/);
  await rejects(lib.deleteEntity('ghost'), 'not-found', /no entity/);
  await rejects(lib.findMentions('ghost'), 'not-found', /no entity/);
  await rejects(lib.getDocument('ghost'), 'not-found', /no document/);
  await rejects(lib.setSettings({ theme: 'neon' as never }), 'bad-input', /Unknown theme/);
  await rejects(lib.setSettings({ kinds: [] }), 'bad-input', /at least one kind/);
  await rejects(lib.importAnnotations('{ not json'), 'bad-input', /./);

  assert.deepEqual({ claims: await lib.listClaims(), entities: await lib.listEntities(), links: await lib.listLinks() }, before);
  // Nothing entered the history either: the last action is still the claim.
  assert.deepEqual(await lib.undo(), { action: 'Create claim', undoable: true });
});

test('settings persist and a renamed kind is used for new claims', async (t) => {
  const dataDir = await tempDir(t);
  const lib = await openLibrary(t, dataDir, SAMPLE_CORPUS);
  const kinds = [...(await lib.getSettings()).kinds, { id: 'objection', label: 'Objection', color: '#E06666' }];
  const told: unknown[] = [];
  const off = lib.on('onDidChangeSettings', (st) => told.push(st));
  const saved = await lib.setSettings({ theme: 'dark', kinds });
  assert.equal(saved.kinds.at(-1)!.color, '#e06666');
  assert.deepEqual(told, [saved], 'every window hears of the change');
  await lib.setSettings({ kinds: [] }).catch(() => undefined);
  assert.equal(told.length, 1, 'a refused change is not announced');
  off();
  const range = await passage(lib, TURKMEN_NEUTRALITY, PHRASE);
  assert.equal((await lib.createClaim({ ...range, kind: 'objection' })).kind, 'objection');
  lib.close();
  const again = await openLibrary(t, dataDir, null);
  assert.deepEqual(await again.getSettings(), saved);
});

test('a damaged store leaves the corpus readable, refuses every change, and is not touched', async (t) => {
  const dataDir = await tempDir(t);
  const junk = randomBytes(8192);
  await writeFile(join(dataDir, STORE_FILE), junk);
  const lib = await openLibrary(t, dataDir, SAMPLE_CORPUS);
  const snap = await lib.getLibrary();
  assert.equal(snap.store.ok, false);
  assert.equal(snap.documents.length, 5);
  const range = await passage(lib, TURKMEN_NEUTRALITY, PHRASE);
  const reason = snap.store.ok ? '' : snap.store.reason;
  const escaped = new RegExp(reason.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  await rejects(lib.createClaim(range), 'store-unavailable', escaped);
  await rejects(lib.createEntity({ name: 'Russia', type: 'state' }), 'store-unavailable', /not a SQLite database/);
  await rejects(lib.setSettings({ theme: 'dark' }), 'store-unavailable', /./);
  await rejects(lib.undo(), 'store-unavailable', /./);
  await rejects(lib.reanchor(), 'store-unavailable', /./);
  assert.deepEqual(await lib.listClaims(), []);
  assert.equal((await lib.getSettings()).theme, 'system');
  assert.deepEqual(await readFile(join(dataDir, STORE_FILE)), junk);
});

test('a 200k-word document opens from the store when its folder is gone (speed: npm run bench)', async (t) => {
  const corpus = await corpusCopy(t);
  const words: string[] = [];
  for (const f of ['000_7c096543f307bd3a.txt', '002_6ab0db5811888ba3.txt', '003_ff57205195f0504e.txt']) words.push(await readFile(join(SAMPLE_CORPUS, f), 'utf8'));
  const one = words.join('\n\n');
  const big = Array.from({ length: Math.ceil(200_000 / one.split(/\s+/).length) }, () => one).join('\n\n');
  await writeFile(join(corpus, 'big.txt'), big);
  const dataDir = await tempDir(t);
  const first = await openLibrary(t, dataDir, corpus);
  const bigDoc = (await first.getLibrary()).documents.find((d) => d.path.endsWith('big.txt'))!;
  assert.ok(bigDoc.wordCount >= 200_000, `${bigDoc.wordCount} words`);
  first.close();
  // The folder is gone now: the library falls back to what the store holds.
  const lib = await openLibrary(t, dataDir, join(corpus, 'missing'));
  const snap = await lib.getLibrary();
  assert.equal(snap.problems.length, 1);
  const model = await lib.getDocument(bigDoc.id);
  assert.ok(plainText(model).length > 1_000_000);
  assert.equal(model.id, bigDoc.id);
});
