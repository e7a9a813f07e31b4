/**
 * Nothing is lost: five claims, each confirmed "Saved" in the editor, survive the host being
 * killed outright (SIGKILL: no shutdown code runs) and are all there for a new host started on
 * the same data folder.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, startHost, type HostHandle } from './harness.ts';
import { claimWithToolbar, highlightText, openDocument, openReader, storedClaims, waitSaved } from './claims-support.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const DOC = 'Turkmenistan: time to revise the neutrality policy?';
const PHRASES = [
  'Russian Defence Minister Sergei Shoigu',
  'refusing to join any regional security organizations',
  'amending the national constitution in the next months',
  'the regional security provider',
  '65 billion cubic metres of Turkmen natural gas',
];

let browser: Browser | undefined;
const hosts: HostHandle[] = [];
let dataDir = '';
after(async () => {
  await browser?.close();
  for (const h of hosts) await h.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('five saved claims survive SIGKILL of the host', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'marginalia-durability-'));
  const first = await startHost({ dataDir });
  hosts.push(first);
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await openReader(page, first.url);
  await openDocument(page, DOC);

  for (const [i, phrase] of PHRASES.entries()) {
    await claimWithToolbar(page, phrase);
    await page.keyboard.type(`Durable claim ${i + 1}`);
    await page.keyboard.press('Tab');
    await waitSaved(page);
  }

  const exited = new Promise<NodeJS.Signals | null>((resolve) => first.proc.once('exit', (_code, signal) => resolve(signal)));
  first.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');

  const second = await startHost({ dataDir });
  hosts.push(second);
  await openReader(page, second.url);
  await openDocument(page, DOC);
  const claims = await storedClaims(page);
  assert.deepEqual(claims.map((c) => c.quote.exact).sort(), [...PHRASES].sort());
  assert.deepEqual(claims.map((c) => c.restatement).sort(), PHRASES.map((_, i) => `Durable claim ${i + 1}`));
  for (const c of claims) {
    await page.waitForFunction((id) => document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`) !== null, c.id);
    assert.equal(await highlightText(page, c.id), c.quote.exact);
  }
});
