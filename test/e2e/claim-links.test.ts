/**
 * Claim links in browser mode, end to end: `http://127.0.0.1:PORT/claim/<id>` (the web host's
 * form of `marginalia://claim/<id>`, core/links.ts) opens the reader on the claim's document with
 * the claim selected and flashed. The host's access rules hold (session cookie, or `?token=`);
 * an unknown id is said in the status line; a malformed one is a 404.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, DocumentModel, LibrarySnapshot } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { claimPath } from '../../core/links.ts';
import { api, openReader } from './claims-support.ts';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, location: any, getComputedStyle: any;

const WIKI = 'Central Asian Union';
const PHRASE = 'Central Asian Union';

let host: HostHandle;
let browser: Browser;
let page: Page;
let claim: Claim;

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  await openReader(page, host.url);
  // A claim in a document that is not the one on screen, made through the API.
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const summary = lib.documents.find((d) => d.title.includes(WIKI));
  assert.ok(summary, `the sample corpus has "${WIKI}"`);
  const doc = await api<DocumentModel>(page, 'getDocument', summary.id);
  const text = plainText(doc);
  const start = text.indexOf(PHRASE, 200);
  assert.ok(start > 0);
  claim = await api<Claim>(page, 'createClaim', { documentId: summary.id, start, end: start + PHRASE.length, restatement: 'Linked from outside' });
  await page.goto(`${host.origin}/`); // back to the first document
  await page.locator('.reader-text .para').first().waitFor();
  assert.notEqual(await page.locator('#doc-header').textContent(), null);
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

test('/claim/<id> opens the claim\'s document with the claim selected and flashed, and the URL names both', async () => {
  await page.goto(`${host.origin}${claimPath(claim.id)}`);
  const selected = page.locator(`.reader-text .claim.claim-selected[data-claim-id="${claim.id}"]`);
  await selected.first().waitFor({ timeout: 10_000 });
  await page.locator(`.claim-flashing > .reader-text .claim.claim-selected[data-claim-id="${claim.id}"]`).first().waitFor({ timeout: 2000 });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.claim-flashing .claim-selected')).animationName), 'claim-flash');
  await page.locator('#doc-header', { hasText: WIKI }).waitFor();
  assert.equal(await selected.first().textContent(), PHRASE);
  const hash = await page.evaluate(() => location.hash);
  assert.equal(new URLSearchParams(hash.slice(1)).get('claim'), claim.id);
  assert.equal(new URLSearchParams(hash.slice(1)).get('doc'), claim.documentId);
  await page.waitForFunction(() => [...document.querySelectorAll('.claim-editor input, .claim-editor textarea')]
    .some((e: any) => e.value === 'Linked from outside'), undefined, { timeout: 5000 }); // the claim editor shows it
  await screenshot(page, 'claim-link-browser');
  assert.ok(await page.evaluate((id) => {
    const el = document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`);
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, claim.id), 'the claim is scrolled into view');
});

declare const innerHeight: number;

test('an unknown claim id: the reader says so and stays usable', async () => {
  await page.goto(`${host.origin}${claimPath('00000000-0000-4000-8000-000000000000')}`);
  await page.locator('#status-line', { hasText: /no claim with id "00000000-0000-4000-8000-000000000000" in this library/ }).waitFor({ timeout: 10_000 });
  await page.locator('.reader-text .para').first().waitFor();
  assert.equal(await page.evaluate(() => location.hash.includes('claim=')), false);
});

test('a #claim= link cut short: the reader says the link names no claim, clears it and stays usable', async () => {
  await page.goto(`${host.origin}/#claim=${claim.id.slice(0, 18)}`);
  await page.locator('#status-line', { hasText: /names no claim/ }).waitFor({ timeout: 10_000 });
  await page.locator('.reader-text .para').first().waitFor();
  assert.equal(await page.evaluate(() => location.hash.includes('claim=')), false);
});

test('a malformed claim path is a 404; without the session cookie the host refuses as for any page; ?token= opens it', async () => {
  const bad = await page.request.get(`${host.origin}/claim/not-a-claim`, { maxRedirects: 0 });
  assert.equal(bad.status(), 404);
  const fresh = await browser.newContext();
  try {
    const stranger = await fresh.request.get(`${host.origin}${claimPath(claim.id)}`, { maxRedirects: 0 });
    assert.equal(stranger.status(), 403);
    const p = await fresh.newPage();
    await p.goto(`${host.origin}${claimPath(claim.id)}?token=${host.token}`);
    await p.locator(`.reader-text .claim.claim-selected[data-claim-id="${claim.id}"]`).first().waitFor({ timeout: 10_000 });
    assert.equal(await p.evaluate(() => location.search), '', 'the token left the address bar');
  } finally {
    await fresh.close();
  }
});
