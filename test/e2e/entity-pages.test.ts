/**
 * Entity pages at the size of a real library, end to end: 10,000 claims over the five sample
 * texts (imported into the store before the host starts, as one W3C JSON-LD file), 450 of them
 * tagged "Ada Lovelace" in three sources and 3,334 tagged "Turkmenistan". The Entities tab shows
 * the counts, the entity page lists the entity's claims by source a page at a time ("Show more"),
 * an edit made in another window and its undo reach the open page, and the page never asks the
 * host for the library's claim list (the renderer holds no copy of it: issue 11).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, Entity } from '../../core/api.ts';
import { plainTextWithSpans } from '../../core/corpus/plain-text.ts';
import { createLibrary } from '../../host/library.ts';
import { api, openReader } from './claims-support.ts';
import { DEFAULT_CORPUS, launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const CLAIMS = 10_000;
/**
 * How long a wait for the host may take (ms): the first query builds the search index of 10,000
 * claims (1–2 s on a quiet machine, over 10 s on a shared one under load 20).
 */
const LOADED = 45_000;
/** Sources (by their index in the library) that get Ada's claims. */
const ADA_SOURCES = new Set([0, 2, 3]);
const ADA_TOTAL = 450;

/** What the seeded library holds, for the assertions. */
interface Seeded {
  dataDir: string;
  ada: Entity;
  /** Ada's claims by document id (ids), and each document's title. */
  adaByDoc: Map<string, string[]>;
  titles: Map<string, string>;
  /** A document with no claim of Ada's. */
  otherDocId: string;
  otherStart: number;
}

/**
 * Makes the library on a new data folder through the host's own code: 10,000 claims, claim i on
 * text (i mod 5) over one of its sentences; every 3rd is tagged "Turkmenistan", and in three texts
 * every 7th is "Ada Lovelace" until there are 450. One import, so it takes seconds, not minutes.
 */
async function seed(): Promise<Seeded> {
  const dataDir = await mkdtemp(join(tmpdir(), 'marginalia-e2e-entity-pages-'));
  const lib = await createLibrary({ dataDir, corpusDir: DEFAULT_CORPUS, transport: 'web', version: 'e2e' });
  try {
    const docs = await Promise.all((await lib.getLibrary()).documents.map(async (d) => ({ d, ...plainTextWithSpans(await lib.getDocument(d.id)) })));
    const entityBody = (name: string, type: string) => ({ type: 'TextualBody', purpose: 'classifying', value: name, 'marginalia:entity': { name, type, aliases: [] } });
    let ada = 0;
    const items = Array.from({ length: CLAIMS }, (_, i) => {
      const { d, text, spans } = docs[i % docs.length]!;
      const s = spans[Math.floor(i / docs.length) % spans.length]!;
      const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: 'kind:claim', 'marginalia:role': 'kind' }];
      if (i % 3 === 0) body.push(entityBody('Turkmenistan', 'state'));
      if (ADA_SOURCES.has(i % docs.length) && i % 7 === 0 && ada < ADA_TOTAL) { ada++; body.push(entityBody('Ada Lovelace', 'person')); }
      return {
        id: `urn:marginalia:claim:${randomUUID()}`, type: 'Annotation', motivation: 'highlighting',
        target: {
          source: { id: `urn:marginalia:doc:${basename(d.path)}`, type: 'Text' },
          selector: [
            { type: 'TextQuoteSelector', exact: text.slice(s.start, s.end), prefix: text.slice(Math.max(0, s.start - 32), s.start), suffix: text.slice(s.end, s.end + 32) },
            { type: 'TextPositionSelector', start: s.start, end: s.end },
          ],
        },
        body,
      };
    });
    assert.equal(ada, ADA_TOTAL);
    const collection = { '@context': ['http://www.w3.org/ns/anno.jsonld', { marginalia: 'urn:marginalia:vocab:' }], type: 'AnnotationCollection', total: CLAIMS, first: { type: 'AnnotationPage', startIndex: 0, items } };
    const result = await lib.importAnnotations(JSON.stringify(collection));
    assert.equal(result.imported, CLAIMS, result.problems.slice(0, 3).join('\n'));
    await lib.createEntity({ name: 'Nobody Yet', type: 'person' });
    // a library in use has its search index on disk: build and save it now, as the app would have
    await lib.search('', { limit: 1 });
    await lib.flushSearch();
    const adaEntity = (await lib.listEntities()).find((e) => e.name === 'Ada Lovelace')!;
    const adaByDoc = new Map<string, string[]>();
    for (const c of await lib.listClaims({ entityId: adaEntity.id })) adaByDoc.set(c.documentId, [...(adaByDoc.get(c.documentId) ?? []), c.id]);
    const other = docs.find((x) => !adaByDoc.has(x.d.id))!;
    console.log(`# the whole claim list (what the entities views fetched before) would be ${(JSON.stringify(await lib.listClaims()).length / 1e6).toFixed(1)} MB`);
    return {
      dataDir, ada: adaEntity, adaByDoc, titles: new Map(docs.map((x) => [x.d.id, x.d.title])),
      otherDocId: other.d.id, otherStart: other.spans[0]!.start,
    };
  } finally {
    lib.close();
  }
}

let seeded: Seeded;
let host: HostHandle;
let browser: Browser;
let page: Page;
/** The page's listClaims requests (JSON argument lists), and the bytes of every host answer since `counting`. */
const claimListCalls: string[] = [];
let counting = false;
const bytesByMethod = new Map<string, number>();

before(async () => {
  seeded = await seed();
  host = await startHost({ dataDir: seeded.dataDir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on('request', (r) => { if (r.url().includes('/api/reader:listClaims')) claimListCalls.push(r.postData() ?? ''); });
  page.on('response', async (r) => {
    const m = /\/api\/reader:(\w+)/.exec(r.url());
    if (!m || !counting) return;
    const size = (await r.body().catch(() => Buffer.alloc(0))).length;
    bytesByMethod.set(m[1]!, (bytesByMethod.get(m[1]!) ?? 0) + size);
  });
  await openReader(page, host.url);
});
after(async () => {
  await browser?.close();
  await host?.stop();
  if (seeded) await rm(seeded.dataDir, { recursive: true, force: true });
});

const entityPage = () => page.locator('.entities-panel .entity-page');
const listedIds = (): Promise<string[]> => entityPage().locator('.entity-claim').evaluateAll((els: any[]) => els.map((e) => e.dataset.claimId));
/** The page's source sections as [title, count shown, rows listed]. */
const sections = (): Promise<Array<[string, string, number]>> => entityPage().locator('.entity-source').evaluateAll((els: any[]) =>
  els.map((e) => [e.querySelector('.entity-source-title span').textContent, e.querySelector('.entity-source-count').textContent, e.querySelectorAll('.entity-claim').length]));

test('with 10,000 claims the Entities tab shows each entity\'s count and the entity page lists its claims by source, 200 at a time', async () => {
  counting = true;
  let t = Date.now();
  await page.getByRole('tab', { name: 'Entities', exact: true }).click();
  const row = (name: string) => page.locator('.entity-row', { hasText: name });
  await row('Ada Lovelace').locator('.entity-row-count', { hasText: '450 claims' }).waitFor({ timeout: LOADED });
  const registryMs = Date.now() - t;
  assert.equal(await row('Turkmenistan').locator('.entity-row-count').innerText(), '3,334 claims');
  assert.equal(await row('Nobody Yet').locator('.entity-row-count').innerText(), '0 claims');

  t = Date.now();
  await row('Ada Lovelace').click();
  await entityPage().locator('.entity-section-title', { hasText: 'Claims (450)' }).waitFor({ timeout: LOADED });
  await page.waitForFunction(() => document.querySelectorAll('.entity-page .entity-claim').length > 0);
  console.log(`# Entities tab → counts shown ${registryMs} ms; entity → first 200 claims shown ${Date.now() - t} ms (wall clock, one run)`);
  assert.equal((await listedIds()).length, 200, 'the first page');
  const more = entityPage().locator('.entity-claims-more');
  assert.equal(await more.innerText(), 'Show 200 more (250 not listed yet)');
  await more.evaluate((el: any) => el.scrollIntoView({ block: 'end' }));
  await screenshot(page, 'entity-page-show-more');
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.entity-page .entity-claim').length === 400);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.claimId), (await listedIds())[200], 'the keyboard goes on at the first row added');
  assert.equal(await more.innerText(), 'Show 50 more (50 not listed yet)');
  await more.click();
  await page.waitForFunction(() => document.querySelectorAll('.entity-page .entity-claim').length === 450);
  assert.equal(await more.isHidden(), true);

  // exactly Ada's claims, each once, under its own source, sources in title order with their counts
  const ids = await listedIds();
  assert.equal(new Set(ids).size, 450);
  assert.deepEqual([...ids].sort(), [...seeded.adaByDoc.values()].flat().sort());
  const want = [...seeded.adaByDoc.entries()].map(([doc, list]) => [seeded.titles.get(doc)!, String(list.length), list.length] as [string, string, number])
    .sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(await sections(), want);
  for (const [doc, list] of seeded.adaByDoc) {
    const shown = await entityPage().locator(`.entity-source[data-document-id="${doc}"] .entity-claim`).evaluateAll((els: any[]) => els.map((e) => e.dataset.claimId));
    assert.deepEqual(shown.sort(), [...list].sort(), `the claims listed under ${seeded.titles.get(doc)}`);
  }
  counting = false;
  const total = [...bytesByMethod.values()].reduce((a, b) => a + b, 0);
  console.log(`# Entities tab + Ada's page, 450 claims listed: ${(total / 1024).toFixed(0)} KB from the host (${[...bytesByMethod].map(([m, b]) => `${m} ${(b / 1024).toFixed(1)} KB`).join(', ')})`);
  await entityPage().locator('.entity-source-title').nth(1).evaluate((el: any) => el.scrollIntoView({ block: 'center' }));
  await screenshot(page, 'entity-page-second-source');
  await entityPage().evaluate((el: any) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'entity-page-10000-claims');
});

test('an edit in another window and its undo reach the open entity page and the registry', async () => {
  const other = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  try {
    await openReader(other, host.url);
    const t = Date.now();
    const made = await api<Claim>(other, 'createClaim', { documentId: seeded.otherDocId, start: seeded.otherStart, end: seeded.otherStart + 40, entityIds: [seeded.ada.id] });
    await entityPage().locator('.entity-section-title', { hasText: 'Claims (451)' }).waitFor({ timeout: LOADED });
    console.log(`# another window's new claim → on this entity page ${Date.now() - t} ms (wall clock, one run)`);
    const section = entityPage().locator(`.entity-source[data-document-id="${seeded.otherDocId}"]`);
    await section.locator(`.entity-claim[data-claim-id="${made.id}"]`).waitFor();
    assert.equal(await section.locator('.entity-source-count').innerText(), '1');
    assert.equal((await listedIds()).length, 451, 'a list shown whole stays whole');

    await api(other, 'undo');
    await entityPage().locator('.entity-section-title', { hasText: 'Claims (450)' }).waitFor({ timeout: LOADED });
    await section.waitFor({ state: 'detached' });
    assert.equal((await listedIds()).length, 450);
  } finally {
    await other.close();
  }
  await entityPage().locator('.entities-back').click();
  await page.locator('.entity-row', { hasText: 'Ada Lovelace' }).locator('.entity-row-count', { hasText: '450 claims' }).waitFor();
  await screenshot(page, 'entities-registry-10000-claims');
});

test('a claim on the entity page opens in the reader', async () => {
  if (await entityPage().isVisible()) await entityPage().locator('.entities-back').click();
  await page.locator('.entity-row', { hasText: 'Ada Lovelace' }).click();
  const first = entityPage().locator('.entity-claim').first();
  await first.waitFor();
  const id = await first.getAttribute('data-claim-id');
  await first.click();
  await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${id}"]`).first().waitFor({ timeout: LOADED });
});

test('with a second corpus open, the entity\'s sources name their corpus, and a claim there opens by switching back', async () => {
  const second = await mkdtemp(join(tmpdir(), 'marginalia-e2e-second-corpus-'));
  try {
    await writeFile(join(second, 'notes.txt'), 'A short second corpus.\n\nIt names nobody in particular.\n');
    await api(page, 'openCorpus', second);
    const section = entityPage().locator('.entity-source').first();
    // opening a claim brought the Claims tab forward: back to the entity page, which catches up
    await page.getByRole('tab', { name: 'Entities', exact: true }).click();
    await section.locator('.corpus-chip').waitFor({ timeout: LOADED });
    assert.match(await section.getAttribute('aria-label') ?? '', /\(corpus “[^”]+”\): \d+ claims$/);
    await entityPage().locator('.entity-section-title', { hasText: 'Claims (450)' }).waitFor();
    await entityPage().evaluate((el: any) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'entity-page-other-corpus');
    const first = section.locator('.entity-claim').first();
    const id = await first.getAttribute('data-claim-id');
    await first.click();
    await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${id}"]`).first().waitFor({ timeout: LOADED });
    await page.getByRole('tab', { name: 'Entities', exact: true }).click();
    await section.locator('.corpus-chip').waitFor({ state: 'detached', timeout: LOADED });
  } finally {
    await rm(second, { recursive: true, force: true });
  }
});

test('the page never asked the host for the library\'s claims, nor for all of an entity\'s', () => {
  const wide = claimListCalls.filter((body) => {
    const f = (JSON.parse(body || '[]') as unknown[])[0] as Record<string, unknown> | undefined;
    return !f || Object.keys(f).length === 0 || 'entityId' in f;
  });
  assert.deepEqual(wide, [], 'no listClaims() without a filter or by entity');
});
