/**
 * A library of several corpora (issue 10, item 13), end to end: a claim in the sample corpus,
 * a second folder opened beside it (the first one's claims stay exact, never orphans), one click
 * back, and a folder that went missing shown as missing with its documents and claims kept.
 */
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { LibrarySnapshot } from '../../core/api.ts';
import { DEFAULT_CORPUS, launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';
import { api, claimWithToolbar, openDocument, openReader, storedClaims, waitSaved } from './claims-support.ts';

const BRIEF = 'Turkmenistan: time to revise the neutrality policy?';
const FIRST = 'The visit of Russian Defence Minister Sergei Shoigu in Ashgabat on June 9';

let root: string;
let sample: string;
let fieldwork: string;
let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-corpora-'));
  sample = join(root, 'sample');
  fieldwork = join(root, 'fieldwork');
  await cp(DEFAULT_CORPUS, sample, { recursive: true });
  await mkdir(fieldwork);
  await writeFile(join(fieldwork, 'cotton-notes.txt'), 'Cotton Notes\n\nThe council met twice that year.\n\nNo figures were published afterwards.\n');
  await writeFile(join(fieldwork, 'rail-link.txt'), 'Rail Link\n\nThe ministry said the new rail link to Iran will open in 2026.\n');
  host = await startHost({ corpusDir: sample });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await openReader(page, host.url);
  await openDocument(page, BRIEF);
});
after(async () => {
  await browser?.close();
  await host?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const corpusButton = (p: Page, name: string) => p.locator('.corpus-list .corpus-button', { hasText: name });

/** Opens a folder through the library panel's field. */
async function openFolder(p: Page, dir: string): Promise<void> {
  await p.locator('#corpus-path').fill(dir);
  await p.locator('.open-folder button[type=submit]').click();
}

test('a second folder opens beside the first; the first one\'s claims stay exact; one click switches back', async () => {
  await claimWithToolbar(page, FIRST);
  await waitSaved(page);
  const [claim] = await storedClaims(page);
  assert.equal(claim!.status, 'exact');
  assert.equal(await page.locator('.corpus-list').isVisible(), false, 'one corpus: no list of corpora');

  await openFolder(page, fieldwork);
  await page.locator('.library-list li[role=option]', { hasText: 'Cotton Notes' }).waitFor();
  assert.deepEqual(await page.locator('.corpus-list .corpus-name').allInnerTexts(), ['sample', 'fieldwork']);
  assert.equal(await corpusButton(page, 'fieldwork').getAttribute('aria-current'), 'true');
  assert.match(await corpusButton(page, 'fieldwork').innerText(), /2 documents/);
  assert.equal(await page.locator('.library-list li[role=option]').count(), 2, 'only the open corpus\'s documents are listed');
  await page.locator('#doc-header', { hasText: 'Cotton Notes' }).waitFor();
  const layout = (await page.locator('#layout').boundingBox())!;
  assert.equal(Math.round(layout.y + layout.height), 860, 'the panes reach the bottom of the window with a short document open');
  const after = (await storedClaims(page)).find((c) => c.id === claim!.id)!;
  assert.equal(after.status, 'exact', 'a claim of a corpus that is not open is never an orphan');
  assert.deepEqual(after.position, claim!.position);
  await screenshot(page, 'corpora-two');

  await corpusButton(page, 'sample').click();
  await page.locator('.library-list li[role=option]', { hasText: BRIEF }).waitFor();
  assert.equal(await corpusButton(page, 'sample').getAttribute('aria-current'), 'true');
  const sampleDir = (await api<LibrarySnapshot>(page, 'getLibrary')).corpusDir!;
  assert.notEqual(sampleDir, fieldwork);
  assert.equal(await page.locator('#corpus-path').inputValue(), sampleDir, "the folder field follows the switch (it showed fieldwork's path)");
  await openDocument(page, BRIEF);
  await page.locator('.reader-text .claim').first().waitFor();
  assert.equal((await storedClaims(page)).find((c) => c.id === claim!.id)!.status, 'exact');
});

test('a corpus folder that went missing is shown as missing, not emptied; its claims are kept', async () => {
  await corpusButton(page, 'fieldwork').click();
  await page.locator('.library-list li[role=option]', { hasText: 'Cotton Notes' }).waitFor();
  await page.locator('#doc-header', { hasText: 'Cotton Notes' }).waitFor();
  const snap = await api<LibrarySnapshot>(page, 'getLibrary');
  const doc = snap.documents.find((d) => d.title === 'Cotton Notes')!;
  const made = await api<{ id: string }>(page, 'createClaim', { documentId: doc.id, start: 0, end: 'Cotton Notes'.length });
  await corpusButton(page, 'sample').click();
  await page.locator('.library-list li[role=option]', { hasText: BRIEF }).waitFor();

  await rename(fieldwork, join(root, 'unplugged'));
  try {
    await corpusButton(page, 'fieldwork').click();
    await page.locator('.corpus-list .corpus-missing', { hasText: 'folder missing' }).waitFor();
    assert.match(await corpusButton(page, 'fieldwork').innerText(), /2 documents · folder missing/);
    assert.equal(await page.locator('.library-list li[role=option]').count(), 2, 'its documents are still listed');
    await page.locator('#doc-header', { hasText: 'Cotton Notes' }).waitFor();
    assert.match(await page.locator('.corpus-missing-note').innerText(), /Folder not found .*claims are kept/s);
    const claims = await storedClaims(page);
    assert.deepEqual(claims.map((c) => c.status), ['exact', 'exact'], 'no claim became an orphan');
    assert.ok(claims.some((c) => c.id === made.id));
    await screenshot(page, 'corpora-missing');
  } finally {
    await rename(join(root, 'unplugged'), fieldwork);
  }
});
