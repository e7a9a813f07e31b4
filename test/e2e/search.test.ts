/**
 * Search, end to end against the real host and corpus: claims are made through the host's API
 * (as the claim editor makes them), then found from the Search tab by a word of a restatement,
 * by a spelling without diacritics, by another transliteration of a name, with `tag:` and
 * phrases; ↓ and Enter open a result in the reader with its highlight selected; an edit made
 * elsewhere reaches the results without a reload.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, DocumentModel, Entity, LibrarySnapshot, NewClaim } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { api, openReader } from './claims-support.ts';
import { launchBrowser, RESULTS_DIR, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, getSelection: any;

let host: HostHandle;
let browser: Browser;
let page: Page;
const made: Record<string, Claim> = {};
/** Bodies of the page's listClaims requests (JSON argument lists). */
const claimListCalls: string[] = [];

/** Makes a claim on the first occurrence of `phrase` in the document titled like `title`. */
async function claim(name: string, title: RegExp, phrase: string, extra: Omit<NewClaim, 'documentId' | 'start' | 'end'>): Promise<void> {
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const summary = lib.documents.find((d) => title.test(d.title) || title.test(d.path));
  assert.ok(summary, `the corpus has a document matching ${title}`);
  const text = plainText(await api<DocumentModel>(page, 'getDocument', summary.id));
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in ${summary.title}`);
  made[name] = await api<Claim>(page, 'createClaim', { documentId: summary.id, start, end: start + phrase.length, ...extra });
}

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  // every listClaims call the page makes, with its arguments (the page must never ask for them all)
  page.on('request', (r) => { if (r.url().includes('/api/reader:listClaims')) claimListCalls.push(r.postData() ?? ''); });
  await openReader(page, host.url);
  const serdar = await api<Entity>(page, 'createEntity', { name: 'Serdar Berdimuhamedow', type: 'person', aliases: ['Serdar Berdymukhamedov'] });
  await claim('visit', /russia-relations|003_/, 'President Serdar Berdimuhamedow paid his first official visit abroad to Moscow in June 2022',
    { restatement: 'The new president went to Moscow first', tags: ['russia', 'foreign-policy'], entityIds: [serdar.id], kind: 'evidence' });
  await claim('gas', /russia-relations|003_/, 'In 2016, Gazprom completely stopped importing gas from Turkmenistan',
    { restatement: 'Russia stopped buying Turkmen gas in 2016', tags: ['energy', 'russia'], kind: 'evidence' });
  await claim('cult', /neutrality-central-asian|000_/, 'The TürkmenbaŞy Phenomenon',
    { restatement: 'Personality cult as the pillar of stability', tags: ['domestic'] });
  await claim('alliances', /foreign-relations|004_/, 'neutrality would prevent Turkmenistan from participating in multi-national defense organizations',
    { restatement: 'No military alliances', tags: ['neutrality', 'security'], kind: 'definition', note: 'Compare with the journal article: neutrality as isolation.' });
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

const box = () => page.locator('.search-input');
const hits = () => page.locator('.search-hit');
/**
 * Types a query (as a person would, key by key) and waits until the results show `ids`: in this
 * order, or in any order when `anyOrder` (filters alone do not rank).
 */
async function search(query: string, ids: string[], anyOrder = false): Promise<void> {
  await box().fill('');
  await box().pressSequentially(query, { delay: 5 });
  const want = anyOrder ? [...ids].sort() : ids;
  await page.waitForFunction(([q, w, any]) => {
    if (document.querySelector('.search-results')?.dataset.query !== q) return false;
    const shown = [...document.querySelectorAll('.search-hit')].map((e: any) => e.dataset.claimId);
    const got = any ? shown.sort() : shown;
    return got.length === w.length && got.every((id: string, i: number) => id === w[i]);
  }, [query, want, anyOrder] as const, { timeout: 5_000 }).catch(async () => {
    const shown = await hits().evaluateAll((els: any[]) => els.map((e) => e.dataset.claimId));
    assert.deepEqual(anyOrder ? shown.sort() : shown, want, `results for "${query}"`);
  });
}
/** Waits until the first element matching `selector` is inside the reader's visible area. */
async function inReaderView(selector: string, what: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel), box = document.querySelector('#reader-scroll')?.getBoundingClientRect();
    if (!el || !box) return false;
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  }, selector, { timeout: 5_000 }).catch(() => assert.fail(what));
}
/** The emphasised words of a result. */
const marks = (id: string, part: 'quote' | 'restatement' | 'note') =>
  page.locator(`.search-hit[data-claim-id="${id}"] .search-hit-${part} mark`).allTextContents();

test('Ctrl+Shift+F brings the Search tab forward with the caret in its box, and the empty panel explains the syntax', async () => {
  await page.locator('.reader-text').click();
  await page.keyboard.press('Control+Shift+F');
  assert.equal(await page.getByRole('tab', { name: 'Search', exact: true }).getAttribute('aria-selected'), 'true');
  assert.equal(await box().evaluate((el: any) => el === document.activeElement), true);
  await page.locator('.search-help').getByText('tag:energy').waitFor();
  await page.locator('.search-status', { hasText: '4 claims to search' }).waitFor();
});

test('a word of a restatement, a spelling without diacritics, another transliteration of a name', async () => {
  await search('pillar', [made.cult!.id]);
  assert.deepEqual(await marks(made.cult!.id, 'restatement'), ['pillar']);
  await search('turkmenbasy', [made.cult!.id]);
  assert.deepEqual(await marks(made.cult!.id, 'quote'), ['TürkmenbaŞy']);
  await search('berdymukhamedov ', [made.visit!.id]);
  assert.deepEqual(await marks(made.visit!.id, 'quote'), ['Berdimuhamedow']);
  // the result says what it is: kind, source and paragraph, tags and entities
  const row = page.locator(`.search-hit[data-claim-id="${made.visit!.id}"]`);
  assert.match(await row.locator('.search-hit-kind').innerText(), /evidence/i);
  assert.match(await row.locator('.search-hit-source').innerText(), /¶ \d+/);
  assert.deepEqual(await row.locator('.chip').allTextContents(), ['russia', 'foreign-policy', 'Serdar Berdimuhamedow']);
});

test('tag: filters, more matched words rank first, phrases and notes are searched', async () => {
  await search('tag:russia', [made.visit!.id, made.gas!.id], true);
  assert.deepEqual(await page.locator(`.search-hit[data-claim-id="${made.visit!.id}"] .chip.matched`).allTextContents(), ['russia']);
  await search('russia gas', [made.gas!.id, made.visit!.id]);
  await page.locator('.search-status', { hasText: '2 claims · 1 with every word' }).waitFor();
  assert.equal(await page.locator(`.search-hit[data-claim-id="${made.visit!.id}"] .search-hit-partial`).innerText(), '1 of 2 words');
  await search('"defense organizations"', [made.alliances!.id]);
  await search('isolation', [made.alliances!.id]);
  assert.deepEqual(await marks(made.alliances!.id, 'note'), ['isolation']);
  await search('"organizations defense"', []);
  await page.locator('.search-none').waitFor();
});

test('↓ and Enter open the result in the reader with its highlight selected', async () => {
  await search('moscow', [made.visit!.id]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await hits().first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Enter');
  await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${made.visit!.id}"]`).first().waitFor({ timeout: 10_000 });
  assert.match(decodeURIComponent(await page.evaluate(() => document.location.hash)), new RegExp(`claim=${made.visit!.id}`));
  await inReaderView(`.reader-text .claim[data-claim-id="${made.visit!.id}"]`, 'the opened claim is on screen');
  // the same from the top of that document, and for a claim of the document already open
  await page.locator('#reader-scroll').evaluate((el: any) => { el.scrollTop = 0; });
  await page.keyboard.press('Control+Shift+F');
  await search('gazprom', [made.gas!.id]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await inReaderView(`.reader-text .claim[data-claim-id="${made.gas!.id}"]`, 'a claim further down the open document is scrolled to');
  await page.locator('.claim-editor:not([hidden])').waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Claims', exact: true }).getAttribute('aria-selected'), 'true',
    'the Claims tab comes forward with the claim, as for a claim of another document');
  // back to the search: the query and the result are still there
  await page.keyboard.press('Control+Shift+F');
  assert.equal(await box().inputValue(), 'gazprom');
  assert.equal(await hits().count(), 1);
});

test('an edit reaches the results without a reload; the screenshot shows a search', async () => {
  await api(page, 'updateClaim', made.cult!.id, { restatement: 'Personality cult as the pillar of stability, close to Russia' });
  await search('russia', [made.gas!.id, made.visit!.id, made.cult!.id], true);
  assert.deepEqual(await marks(made.cult!.id, 'restatement'), ['Russia']);
  await search('russia gas', [made.gas!.id, made.cult!.id, made.visit!.id], true);
  assert.equal(await hits().first().getAttribute('data-claim-id'), made.gas!.id, 'the claim with both words first');
  await page.keyboard.press('ArrowDown');
  await mkdir(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: join(RESULTS_DIR, 'search.png') });
});

test('a claim made while another tab is on top is found once Search comes back (the index catches up when shown)', async () => {
  await page.getByRole('tab', { name: 'Claims', exact: true }).click();
  assert.equal(await page.locator('.search-input').isHidden(), true);
  await claim('pipeline', /foreign-relations|004_/, 'cut off exports of pipeline natural gas to Iran',
    { restatement: 'Gas to Iran halted over arrears', tags: ['energy'] });
  await page.keyboard.press('Control+Shift+F');
  await search('arrears', [made.pipeline!.id]);
});

test('keyboard: ↓/↑ move through the results, Escape clears, the results stay while a word is typed on', async () => {
  await search('russia', [made.gas!.id, made.visit!.id, made.cult!.id], true);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await hits().nth(1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowUp');
  assert.equal(await hits().nth(0).getAttribute('aria-selected'), 'true');
  assert.equal(await box().getAttribute('aria-activedescendant'), await hits().nth(0).getAttribute('id'));
  await page.keyboard.press('Escape');
  assert.equal(await box().inputValue(), '');
  await page.locator('.search-help').waitFor();
  // as-you-type: every prefix of "arrears" past two letters finds the claim (never an empty list)
  await box().fill('');
  for (const ch of 'arrears') {
    await page.keyboard.type(ch);
    const typed = await box().inputValue();
    if (typed.length < 3) continue;
    await page.waitForFunction((q) => document.querySelector('.search-results')?.dataset.query === q, typed);
    assert.ok(await page.locator(`.search-hit[data-claim-id="${made.pipeline!.id}"]`).count() === 1, `"${typed}" finds the claim`);
  }
});

test('the text of the documents: the toggle (or in:text) searches every paragraph; Enter selects the passage in the reader', async () => {
  await box().fill('');
  await page.locator('.search-scope').check();
  await box().pressSequentially('gazprom stopped', { delay: 5 });
  await page.waitForFunction(() => document.querySelector('.search-results')?.dataset.query === 'gazprom stopped' && document.querySelectorAll('.search-hit-passage').length > 0);
  assert.match(await page.locator('.search-status').innerText(), /paragraph/);
  await page.locator('#reader-scroll').evaluate((el: any) => { el.scrollTop = 0; });
  await box().press('ArrowDown');
  await box().press('Enter');
  await page.waitForFunction(() => /gazprom/i.test(String(getSelection()?.toString() ?? '')), undefined, { timeout: 10_000 });
  await page.waitForFunction(() => {
    const sel = getSelection();
    if (!sel || !sel.rangeCount) return false;
    const r = sel.getRangeAt(0).getBoundingClientRect(), box = document.querySelector('#reader-scroll')!.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top && r.top <= box.bottom;
  }, undefined, { timeout: 5_000 }).catch(() => assert.fail('the selected passage is on screen'));
  await page.keyboard.press('Control+Shift+F');
  await page.locator('.search-scope').uncheck();
  await box().fill('in:text neutrality');
  await page.waitForFunction(() => document.querySelector('.search-results')?.dataset.query === 'in:text neutrality' && document.querySelectorAll('.search-hit-passage').length > 0);
});

test('All claims pages its list from the host: 450 claims, 200 listed, more on demand, "Select all 450" and one bulk action for all', async () => {
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const doc = lib.documents.find((d) => /neutrality-central-asian|000_/.test(d.path))!;
  const text = plainText(await api<DocumentModel>(page, 'getDocument', doc.id));
  const made = await page.evaluate(async ([documentId, len]) => {
    const token = document.querySelector('meta[name="marginalia-token"]')!.content;
    let n = 0;
    for (let i = 0; i < 450; i++) {
      const start = Math.floor((i * (len - 40)) / 450);
      const res = await fetch('/api/reader:createClaim', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token },
        body: JSON.stringify([{ documentId, start, end: start + 30, tags: ['many'] }]) });
      if (((await res.json()) as { ok: boolean }).ok) n++;
    }
    return n;
  }, [doc.id, text.length] as const);
  assert.equal(made, 450);
  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  const view = page.locator('.all-claims-view');
  await view.locator('.all-claims-filter[data-filter=tag]').selectOption('many');
  await view.locator('.all-claims-count', { hasText: '450 claims shown (first 200 listed)' }).waitFor();
  assert.equal(await view.locator('.all-claim').count(), 200);
  await view.locator('.all-claims-more').click();
  await view.locator('.all-claims-count', { hasText: 'first 400 listed' }).waitFor();
  await view.getByRole('button', { name: 'Select all 450' }).click();
  await view.locator('.all-claims-count', { hasText: '450 selected' }).waitFor();
  await view.locator('.bulk-tag-input').fill('paged');
  await view.getByRole('button', { name: 'Add tag' }).click();
  await page.waitForFunction(async () => true);
  for (let i = 0; i < 50; i++) {
    const total = (await api<{ total: number }>(page, 'search', 'tag:paged', { limit: 1 })).total;
    if (total === 450) break;
    await page.waitForTimeout(100);
  }
  assert.equal((await api<{ total: number }>(page, 'search', 'tag:paged', { limit: 1 })).total, 450, 'the bulk action reached every claim, listed or not');
});

test('the page never asked the host for every claim: search and its results come in pages', () => {
  const unfiltered = claimListCalls.filter((body) => { const args = JSON.parse(body || '[]') as unknown[]; const f = args[0] as Record<string, unknown> | undefined; return !f || Object.keys(f).length === 0; });
  assert.deepEqual(unfiltered, [], 'no listClaims() without a filter');
});
