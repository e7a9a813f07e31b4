/**
 * When the annotation store cannot be opened, the reader says so in a banner that stays, and the
 * store file is left exactly as it was.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { STORE_FILE } from '../../host/store/open-store.ts';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

let host: HostHandle;
let browser: Browser;
let dataDir: string;
const garbage = Buffer.from('This is not an SQLite database, just a text file someone saved here.\n');

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'marginalia-e2e-broken-'));
  await writeFile(join(dataDir, STORE_FILE), garbage);
  [host, browser] = await Promise.all([startHost({ dataDir }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await host?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('a store that cannot be opened shows a banner that cannot be dismissed', async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
  await page.goto(host.url);
  const banner = page.locator('#store-banner');
  await banner.waitFor({ state: 'visible' });
  const text = await banner.innerText();
  assert.match(text, /^Your annotation store could not be opened: .+\. Nothing was changed; annotations are read-only\.$/);
  assert.equal(await banner.getAttribute('role'), 'alert');
  assert.equal(await banner.locator('button').count(), 0, 'nothing to dismiss it with');
  await page.keyboard.press('Escape');
  assert.ok(await banner.isVisible());
  await screenshot(page, 'reader-store-broken');
  assert.deepEqual(await readFile(join(dataDir, STORE_FILE)), garbage, 'the store file is untouched');
});
