/**
 * Source files edited on disk while the app runs (issue 10, item 14), end to end: the host
 * notices the save, the reader shows the new text with the claim on it, and a fuzzy claim shows
 * what was claimed and what it covers now, with "Accept new text" (undoable) and "Re-attach to
 * selection".
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, LibrarySnapshot } from '../../core/api.ts';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';
import { api, dragSelect, openReader, storedClaims } from './claims-support.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const TITLE = 'Field Notes';
const TEXT = [TITLE, 'The council met twice that year.', 'No figures were published afterwards.', 'The harvest was late.'];

let dir: string;
let host: HostHandle;
let browser: Browser;
let page: Page;
let claim: Claim;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-watch-'));
  await writeFile(join(dir, 'notes.txt'), TEXT.join('\n\n'));
  host = await startHost({ corpusDir: dir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await openReader(page, host.url);
  const doc = (await api<LibrarySnapshot>(page, 'getLibrary')).documents[0]!;
  const text = TEXT.join('\n\n');
  const start = text.indexOf('The council met twice that year.');
  claim = await api<Claim>(page, 'createClaim', { documentId: doc.id, start, end: start + 'The council met twice that year.'.length });
  await page.reload();
  await page.locator(`.reader-text .claim[data-claim-id="${claim.id}"]`).first().waitFor();
});
after(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const fuzzyBox = (): ReturnType<Page['locator']> => page.locator('.claim-editor .fuzzy-compare');

test('a file saved on disk shows in the reader; the fuzzy claim shows its old and new text side by side', async () => {
  await writeFile(join(dir, 'notes.txt'), [TITLE, 'A paragraph added above.', 'The counsil met twice that year.', ...TEXT.slice(2)].join('\n\n'));
  await page.locator('.reader-text', { hasText: 'The counsil met twice that year.' }).waitFor();
  await page.locator(`.reader-text .claim[data-claim-id="${claim.id}"]`, { hasText: 'counsil' }).first().waitFor();
  const stored = (await storedClaims(page))[0]!;
  assert.equal(stored.status, 'fuzzy');
  assert.equal(stored.paragraph, 2, 'the locator follows the passage');

  await page.locator('.claims-row', { hasText: 'The council met twice' }).click();
  await fuzzyBox().waitFor();
  assert.equal(await fuzzyBox().locator('.fuzzy-was .fuzzy-text').innerText(), 'The council met twice that year.');
  assert.equal(await fuzzyBox().locator('.fuzzy-now .fuzzy-text').innerText(), 'The counsil met twice that year.');
  await screenshot(page, 'watch-fuzzy');
});

test('"Accept new text" makes the new text the quote; Ctrl+Z brings the old quote back', async () => {
  await fuzzyBox().getByRole('button', { name: 'Accept new text' }).click();
  await fuzzyBox().waitFor({ state: 'detached' });
  let stored = (await storedClaims(page))[0]!;
  assert.deepEqual([stored.status, stored.quote.exact], ['exact', 'The counsil met twice that year.']);
  assert.match(await page.locator('.claim-editor .claim-quote').innerText(), /counsil/);

  await page.locator('.reader-text .ProseMirror, .reader-text').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.locator('#status-line', { hasText: 'Undid: ' }).waitFor();
  stored = (await storedClaims(page))[0]!;
  assert.deepEqual([stored.status, stored.quote.exact], ['fuzzy', 'The council met twice that year.']);
});

test('"Re-attach to selection" moves the fuzzy claim to the passage selected in the text', async () => {
  await page.locator('.claims-row', { hasText: 'The council met twice' }).click();
  await fuzzyBox().waitFor();
  await dragSelect(page, 'No figures were published');
  await fuzzyBox().getByRole('button', { name: 'Re-attach to selection' }).click();
  await fuzzyBox().waitFor({ state: 'detached' });
  const stored = (await storedClaims(page))[0]!;
  assert.deepEqual([stored.status, stored.quote.exact, stored.paragraph], ['exact', 'No figures were published', 3]);
  await page.waitForFunction((id: string) => document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`)?.textContent.includes('No figures'), claim.id);
});
