/**
 * Source metadata end to end (issue 6, item 1): the item pane opens from the library and from the
 * document header; a title typed there shows in the library panel and the header, survives a
 * reload and goes back with Ctrl+Z; an invalid DOI shows its message under the field and saves
 * nothing; creators switch between person and organisation; an untitled source is marked.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DocumentSummary, LibrarySnapshot } from '../../core/api.ts';
import { DEFAULT_CORPUS, closeReaderSession, openReaderSession, screenshot, type HostHandle } from './harness.ts';
import { api, openDocument, openReader } from './claims-support.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const BRIEF = 'Turkmenistan: time to revise the neutrality policy?';
const BRIEF_PATH = 'turkmenistan-time-to-revise-neutrality-policy-2016.txt';
const REPORT_PATH = 'turkmenistan-russia-relations-report.txt';
const NEW_TITLE = 'Turkmenistan: Time to Revise the Neutrality Policy?';

let host: HostHandle;
let browser: Browser;
let page: Page;
let corpus = '';

before(async () => {
  // the spec edits metadata: its own copy of the corpus and a fresh store
  corpus = await mkdtemp(join(tmpdir(), 'marginalia-sources-e2e-'));
  await cp(DEFAULT_CORPUS, corpus, { recursive: true });
  ({ host, browser, page } = await openReaderSession({ host: { corpusDir: corpus } }));
  await openDocument(page, BRIEF);
});
after(async () => {
  await closeReaderSession({ host, browser });
  await rm(corpus, { recursive: true, force: true });
});

const entry = (path: string) => page.locator(`.library-list > li[title="${path}"]`);
const field = (name: string) => page.locator(`#source-field-${name}`);
async function stored(path: string): Promise<DocumentSummary> {
  const snap = await api<LibrarySnapshot>(page, 'getLibrary');
  return snap.documents.find((d) => d.path === path)!;
}

test('an untitled source is marked in the library and the header', async () => {
  const report = entry(REPORT_PATH);
  assert.match(await report.locator('.untitled-mark').innerText(), /untitled — file name/);
  assert.equal(await report.locator('.doc-title').evaluate((el: any) => el.ownerDocument.defaultView.getComputedStyle(el).fontStyle), 'italic');
  await report.click();
  await page.locator('#doc-title.untitled').waitFor();
  assert.match(await page.locator('.doc-source-line').innerText(), /untitled — file name: no title yet/);
});

test('the pane opens from the header; a new title reaches the library and the header, and survives a reload', async () => {
  await openDocument(page, BRIEF);
  await page.locator('.doc-source-edit').click();
  await field('title').waitFor({ state: 'visible' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'source-field-title', 'focus lands in the first field');
  assert.equal(await field('title').inputValue(), 'Turkmenistan: time to revise the neutrality policy?');
  assert.equal(await field('issued').inputValue(), '2016-07');
  assert.match(await page.locator('.source-provenance summary').innerText(), /From sources\.json/);
  assert.equal(await field('note').inputValue(), '', 'the provenance note is not the user\'s note');

  await field('title').fill(NEW_TITLE);
  await field('title').press('Tab'); // blur saves
  await page.locator('#doc-title', { hasText: NEW_TITLE }).waitFor();
  await entry(BRIEF_PATH).locator('.doc-title', { hasText: NEW_TITLE }).waitFor();
  assert.equal((await stored(BRIEF_PATH)).title, NEW_TITLE);
  await screenshot(page, 'sources-pane');

  await page.reload();
  await page.locator('.reader-text .para').first().waitFor();
  await entry(BRIEF_PATH).locator('.doc-title', { hasText: NEW_TITLE }).waitFor();
});

test('Ctrl+Z outside the fields undoes the edit everywhere', async () => {
  await page.locator('#doc-title', { hasText: NEW_TITLE }).waitFor();
  await page.locator('#reader-scroll').focus();
  await page.keyboard.press('Control+z');
  await page.locator('#doc-title', { hasText: 'Turkmenistan: time to revise the neutrality policy?' }).waitFor();
  await entry(BRIEF_PATH).locator('.doc-title', { hasText: 'Turkmenistan: time to revise the neutrality policy?' }).waitFor();
  assert.equal((await stored(BRIEF_PATH)).title, 'Turkmenistan: time to revise the neutrality policy?');
});

test('an invalid DOI shows its message under the field and nothing is saved; Escape puts the stored value back', async () => {
  await page.locator('.doc-source-edit').click();
  await field('DOI').fill('10.12/abc');
  await field('DOI').press('Enter');
  const error = page.locator('#source-field-DOI-error');
  await error.waitFor({ state: 'visible' });
  assert.match(await error.innerText(), /^DOI: “10\.12\/abc” is not a DOI/);
  assert.equal(await field('DOI').getAttribute('aria-invalid'), 'true');
  assert.equal(await field('DOI').inputValue(), '10.12/abc', 'what was typed stays');
  assert.equal((await stored(BRIEF_PATH)).csl!.DOI, undefined);
  await screenshot(page, 'sources-invalid-doi');
  await field('DOI').press('Escape');
  assert.equal(await field('DOI').inputValue(), '');
  assert.equal(await error.innerText(), '');
  // a good one, pasted as a link, is stored bare
  await field('DOI').fill('https://doi.org/10.1080/02634937.2018.1454398');
  await field('DOI').press('Enter');
  await page.locator('.source-status', { hasText: 'DOI saved.' }).waitFor();
  assert.equal((await stored(BRIEF_PATH)).csl!.DOI, '10.1080/02634937.2018.1454398');
  assert.equal(await field('DOI').getAttribute('aria-invalid'), 'false');
});

test('creators: add a person, switch one to an organisation, remove; the byline follows', async () => {
  await page.locator('.names-add').click();
  const rows = page.locator('.name-row');
  await page.locator('.name-row .name-family').first().fill('Yapıcı');
  await page.locator('.name-row .name-given').first().fill('Utku');
  await page.locator('.name-row .name-given').first().press('Tab');
  await page.locator('.doc-author', { hasText: 'Yapıcı, Utku' }).waitFor();
  await page.locator('.names-add').click();
  await rows.nth(1).locator('.name-family').fill('Group');
  await rows.nth(1).locator('.name-given').fill('International Crisis');
  await rows.nth(1).locator('.name-toggle').click(); // person → organisation: one name
  assert.equal(await rows.nth(1).locator('.name-literal').inputValue(), 'International Crisis Group');
  await page.locator('.doc-author', { hasText: 'Yapıcı, Utku; International Crisis Group' }).waitFor();
  assert.deepEqual((await stored(BRIEF_PATH)).csl!.author, [{ family: 'Yapıcı', given: 'Utku' }, { literal: 'International Crisis Group' }]);
  await screenshot(page, 'sources-creators');
  await rows.nth(0).locator('.name-remove').click();
  await page.locator('.doc-author', { hasText: /^International Crisis Group$/ }).waitFor();
});

test('an edit in one window reaches another open on the same library', async () => {
  const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  try {
    await openReader(other, host.url);
    await openDocument(other, BRIEF);
    await page.locator('.doc-source-edit').click();
    await field('publisher').fill('Arth Creative Lab');
    await field('publisher').press('Enter');
    await other.locator('.doc-title', { hasText: BRIEF }).first().waitFor();
    await other.locator('.doc-source-edit').click();
    await other.locator('#source-field-publisher').waitFor({ state: 'visible' });
    await other.waitForFunction(() => (document.querySelector('#source-field-publisher') as any)?.value === 'Arth Creative Lab');
    // and back: the other window's edit shows here without a reload
    await other.locator('#source-field-volume').fill('7');
    await other.locator('#source-field-volume').press('Enter');
    await page.waitForFunction(() => (document.querySelector('#source-field-volume') as any)?.value === '7');
  } finally {
    await other.close();
  }
});

test('↺ beside an edited field brings back the sources.json value', async () => {
  await page.locator('.doc-source-edit').click();
  await field('issued').fill('2016-08-02');
  await field('issued').press('Enter');
  await page.locator('.doc-year', { hasText: '2016' }).waitFor();
  await page.locator('#source-field-issued-label.edited').waitFor();
  const revert = page.locator('.source-row[data-field="issued"] .source-revert');
  assert.equal(await revert.getAttribute('aria-label'), 'Restore Date from sources.json');
  await screenshot(page, 'sources-edited');
  await revert.click();
  await page.waitForFunction(() => (document.querySelector('#source-field-issued') as any)?.value === '2016-07');
  assert.deepEqual((await stored(BRIEF_PATH)).csl!.issued, { 'date-parts': [[2016, 7]] });
  assert.equal(await revert.isHidden(), true);
  assert.equal(await page.locator('#source-field-issued-label.edited').count(), 0);
});

test('Alt+Enter on a library entry opens its source in the pane without opening the document', async () => {
  const report = entry(REPORT_PATH);
  const before = await page.locator('#doc-title').innerText();
  await report.focus();
  await page.keyboard.press('Alt+Enter');
  await page.locator('.source-doc-path', { hasText: REPORT_PATH }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'source-field-title');
  assert.equal(await page.locator('#doc-title').innerText(), before);
  await field('title').fill('Turkmenistan–Russia Relations, 2020–2025');
  await field('title').press('Enter');
  await report.locator('.doc-title', { hasText: 'Turkmenistan–Russia Relations, 2020–2025' }).waitFor();
  assert.equal(await report.locator('.untitled-mark').count(), 0, 'no longer marked untitled');
});
