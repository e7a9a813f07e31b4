/**
 * Citations out, end to end: a user marks a passage, copies it as a citation from the claim
 * editor (quote + APA citation with its paragraph locator, HTML and plain text on the clipboard),
 * opens the Export dialog with the keyboard, previews a bibliography and Markdown notes, and
 * saves the notes. Screenshots: test-results/export-dialog-*.png.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Claim, DocumentModel, LibrarySnapshot } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { api, openReader } from './claims-support.ts';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const navigator: any;

let host: HostHandle;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let claim: Claim;
const PHRASE = 'Turkmenistan';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  page = await context.newPage();
  await openReader(page, host.url);
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const doc = lib.documents.find((d) => /time-to-revise/.test(d.path));
  assert.ok(doc, 'the 2016 web article is in the sample corpus');
  const text = plainText(await api<DocumentModel>(page, 'getDocument', doc.id));
  // a sentence of the body (not the title): the first paragraph that names the country
  const model = await api<DocumentModel>(page, 'getDocument', doc.id);
  assert.ok(model.blocks.length > 0);
  const start = text.indexOf(PHRASE, text.indexOf('\n') + 1);
  assert.ok(start > 0);
  const end = text.indexOf('.', start) + 1;
  claim = await api<Claim>(page, 'createClaim', { documentId: doc.id, start, end, restatement: 'What the brief says', tags: ['neutrality'] });
  assert.ok(claim.paragraph !== null, 'the claim sits in a numbered paragraph');
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

test('Copy as citation puts the quote and an APA citation with its paragraph on the clipboard, as HTML and text', async () => {
  await page.goto(`${host.origin}/#doc=${encodeURIComponent(claim.documentId)}&claim=${encodeURIComponent(claim.id)}`);
  const button = page.locator('.claim-editor .copy-citation-button');
  await button.waitFor();
  await button.click();
  const status = page.locator('.claim-editor .copy-citation-status');
  await status.filter({ hasText: /Copied/ }).waitFor({ timeout: 15_000 });
  const clip = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const out: Record<string, string> = {};
    for (const type of items[0].types) out[type] = await (await items[0].getType(type)).text();
    return out;
  });
  assert.ok(clip['text/plain']?.includes(claim.quote.exact), 'the plain text holds the quote');
  assert.match(clip['text/plain']!, new RegExp(`para\\. ${claim.paragraph}\\)`), 'the citation names the paragraph');
  assert.match(clip['text/plain']!, /2016/);
  assert.match(clip['text/plain']!, /marginalia:\/\/claim\//);
  assert.match(clip['text/html'] ?? '', /<blockquote>/);
  assert.match(clip['text/html'] ?? '', /href="marginalia:\/\/claim\//);
});

test('the Export dialog previews a bibliography and notes of the library, and saves the notes', async () => {
  await page.locator('.reader-text').click();
  await page.keyboard.press(`${MOD}+Shift+E`);
  const dialog = page.locator('dialog.export-dialog');
  await dialog.waitFor();
  const preview = dialog.locator('.export-preview');
  await preview.filter({ hasText: /time to revise the neutrality policy/i }).waitFor({ timeout: 20_000 });
  assert.match(await dialog.locator('.export-summary').innerText(), /1 claim, 1 source/);
  await screenshot(page, 'export-dialog-bibliography');

  await dialog.locator('#export-sources').selectOption('all');
  await dialog.locator('.export-summary').filter({ hasText: /5 sources/ }).waitFor({ timeout: 20_000 });
  assert.ok((await dialog.locator('.export-warnings li').count()) > 0, 'untitled sources are reported');

  await dialog.getByLabel('Annotated notes').check();
  await preview.filter({ hasText: claim.quote.exact.slice(0, 40) }).waitFor({ timeout: 20_000 });
  const text = await preview.innerText();
  assert.match(text, new RegExp(`para\\. ${claim.paragraph}\\)`));
  assert.match(text, /Open in Marginalia/);
  await screenshot(page, 'export-dialog-notes');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save…' }).click()]);
  assert.equal(download.suggestedFilename(), 'marginalia-notes.md');
  const saved = await readFile((await download.path())!, 'utf8');
  assert.ok(saved.includes(`> ${claim.quote.exact}`) || saved.includes(claim.quote.exact.slice(0, 30)));
  assert.match(saved, /## References/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('a search\'s results export on their own: the dialog covers the claims found and the sources they cite', async () => {
  await page.goto(host.url);
  await page.locator('.reader-text .para').first().waitFor();
  await page.keyboard.press(`${MOD}+Shift+F`);
  await page.locator('.search-input').fill('tag:neutrality');
  const button = page.locator('.search-export');
  await button.filter({ hasText: /of this claim…/ }).waitFor({ timeout: 20_000 });
  await button.click();
  const dialog = page.locator('dialog.export-dialog');
  await dialog.waitFor();
  assert.match(await dialog.locator('.export-scope').innerText(), /the 1 claim found by “tag:neutrality”/);
  await dialog.locator('#export-bib-format').selectOption('csl-json');
  await dialog.locator('.export-summary').filter({ hasText: /1 claim, 1 source → marginalia-sources\.json/ }).waitFor({ timeout: 20_000 });
  const items = JSON.parse(await dialog.locator('.export-preview').innerText()) as Array<{ title: string }>;
  assert.equal(items.length, 1);
  assert.match(items[0]!.title, /neutrality policy/i);
  await page.keyboard.press('Escape');
});
