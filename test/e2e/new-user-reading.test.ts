/**
 * A new user's reading trial (issue 8, items 11–14 and 18), as they met it: the title shown
 * once, a footnote visited from the keyboard and left again, highlights in the dark theme, a
 * restatement that grows, a clicked highlight whose claim comes into view in the panel, and a
 * file typed into Open folder.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { claimWithToolbar, openDocument, waitSaved } from './claims-support.ts';
import { DEFAULT_CORPUS, launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, window: any;

const BRIEF = 'Turkmenistan: time to revise the neutrality policy?';
let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(host.url);
  await page.locator('.reader-text .para').first().waitFor();
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

/** Whether `selector`'s first element is inside the reader's visible area. */
const inReaderView = (selector: string): Promise<boolean> => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  const box = document.querySelector('#reader-scroll').getBoundingClientRect();
  const r = el?.getBoundingClientRect();
  return !!r && r.height > 0 && r.top >= box.top && r.bottom <= box.bottom;
}, selector);

test('the title shows once: the header has it, the same first heading of the text is hidden (and kept in the text)', async () => {
  await openDocument(page, BRIEF);
  const visibleTitles = await page.evaluate((t) => [...document.querySelectorAll('#doc-header h1, .reader-text .heading')]
    .filter((el: any) => el.textContent.trim() === t && el.getBoundingClientRect().width > 2).length, BRIEF);
  assert.equal(visibleTitles, 1);
  const hidden = page.locator('.reader-text .heading.title-in-header');
  assert.equal(await hidden.count(), 1);
  assert.equal(await hidden.getAttribute('aria-hidden'), 'true');
  assert.equal((await hidden.textContent())?.trim(), BRIEF, 'the heading is still in the text');
  await screenshot(page, 'new-user-title-once');
});

test('Enter on a footnote marker brings the note into view; Enter in the note returns to the marker', async () => {
  await openDocument(page, 'Turkmenistan neutrality central asian integration');
  const marker = page.locator('.reader-text .fnref-marker').nth(2);
  await marker.scrollIntoViewIfNeeded();
  const noteId = (await marker.getAttribute('aria-describedby'))!;
  await marker.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => {
    const r = document.getElementById(id)?.getBoundingClientRect();
    const box = document.querySelector('#reader-scroll').getBoundingClientRect();
    return !!r && r.top >= box.top && r.bottom <= box.bottom;
  }, noteId);
  await screenshot(page, 'new-user-footnote-note');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.getAttribute('aria-describedby') === id, noteId);
  assert.ok(await inReaderView(`.fnref-marker[aria-describedby="${noteId}"]`), 'back at the marker, in view');
});

test('the restatement field grows with its text; a clicked highlight brings its claim\'s header and quote into view in the panel', async () => {
  await openDocument(page, BRIEF);
  await claimWithToolbar(page, 'Russian Defence Minister Sergei Shoigu');
  const field = page.locator('.claim-editor .claim-restatement');
  const h0 = (await field.boundingBox())!.height;
  await field.click();
  await page.keyboard.type('Russia sends its defence minister to Ashgabat for the first time since independence, which suggests a military role on the Afghan border that neutrality had ruled out.');
  const grown = await field.evaluate((el: any) => ({ h: el.getBoundingClientRect().height, scroll: el.scrollHeight, client: el.clientHeight }));
  assert.ok(grown.h > h0 * 2, `the field grew from ${h0} to ${grown.h} px`);
  assert.ok(grown.scroll <= grown.client + 2, 'all the text shows');
  await waitSaved(page);
  await screenshot(page, 'new-user-restatement');

  // A short window: the editor and the claims list overflow the panel, scrolled down to the list.
  await page.setViewportSize({ width: 1360, height: 560 });
  await page.keyboard.press('Escape');
  await page.evaluate(() => { const p = document.querySelector('#side-panel'); p.scrollTop = p.scrollHeight; });
  const where = () => page.evaluate(() => {
    const panel = document.querySelector('#side-panel');
    const box = panel.getBoundingClientRect();
    const tabsBottom = document.querySelector('#side-panel > .side-tabs')?.getBoundingClientRect().bottom ?? box.top;
    const head = document.querySelector('.claim-editor .claim-editor-header')?.getBoundingClientRect();
    const quote = document.querySelector('.claim-editor .claim-quote')?.getBoundingClientRect();
    return { scrollTop: panel.scrollTop, visible: !!head && !!quote && head.top >= tabsBottom - 1 && quote.bottom <= box.bottom + 1 };
  });
  const before = await where();
  assert.ok(before.scrollTop > 0 && !before.visible, `the claim's header is scrolled out of the panel first (${JSON.stringify(before)})`);
  await page.locator('.reader-text .claim').first().click();
  await page.waitForFunction(() => {
    const box = document.querySelector('#side-panel').getBoundingClientRect();
    const tabsBottom = document.querySelector('#side-panel > .side-tabs')?.getBoundingClientRect().bottom ?? box.top;
    const head = document.querySelector('.claim-editor .claim-editor-header')?.getBoundingClientRect();
    const quote = document.querySelector('.claim-editor .claim-quote')?.getBoundingClientRect();
    return !!head && !!quote && head.top >= tabsBottom - 1 && quote.bottom <= box.bottom + 1;
  }, undefined, { timeout: 5_000 });
  await screenshot(page, 'new-user-claim-in-view');
  await page.setViewportSize({ width: 1360, height: 900 });
});

test('dark theme: highlights keep the text readable (a screenshot to look at; the numbers are in theme-contrast.test.ts)', async () => {
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
  await page.locator('.reader-text .claim').first().click();
  await screenshot(page, 'new-user-dark-highlights');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
});

test('Open folder: a file says it is a file, not a folder', async () => {
  const file = join(DEFAULT_CORPUS, readdirSync(DEFAULT_CORPUS).find((f) => f.endsWith('.txt'))!);
  const input = page.getByPlaceholder('/path/to/a/folder');
  await input.fill(file);
  await input.press('Enter');
  await page.locator('#corpus-error', { hasText: 'is a file, not a folder' }).waitFor();
  await screenshot(page, 'new-user-open-file');
});
