/**
 * Importing Hypothesis annotations from the UI (issue 10, items 5 and 6): the rows that match a
 * source (here by the page's URL in sources.json) become claims; the UI lists every skipped row
 * with its number and reason; the claim keeps the annotation's id (via) and creator.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';
import { openReader, storedClaims } from './claims-support.ts';

const PAGE = 'https://example.org/reports/turkmenistan';

let dir: string;
let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-hyp-'));
  await writeFile(join(dir, 'report.txt'), 'Turkmenistan Report\n\nThe status of permanent neutrality was recognised by the United Nations in 1995.\n');
  await writeFile(join(dir, 'notes.txt'), 'Field Notes\n\nThe council met twice that year.\n');
  await writeFile(join(dir, 'sources.json'), JSON.stringify([{ id: 'report.txt', type: 'report', title: 'Turkmenistan Report', URL: PAGE }]));
  host = await startHost({ corpusDir: dir });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await openReader(page, host.url);
});
after(async () => {
  await browser?.close();
  await host?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a Hypothesis export imports what matches and lists each skipped row with its reason', async () => {
  const selector = (exact: string) => [{ type: 'TextPositionSelector', start: 500, end: 520 }, { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }];
  const rows = [
    { id: 'Kq3f7vLQEe', user: 'acct:reader@hypothes.is', uri: `${PAGE}/?utm_source=feed`, text: 'Status, not policy.', tags: ['neutrality'],
      target: [{ source: `https://www.example.org/reports/turkmenistan/#p2`, selector: selector('permanent neutrality') }], links: { html: 'https://hypothes.is/a/Kq3f7vLQEe' } },
    { id: 'Elsewhere1', user: 'acct:reader@hypothes.is', uri: 'https://other.example/page', text: '', tags: [],
      target: [{ source: 'https://other.example/page', selector: selector('a sentence that no document has') }] },
    { id: 'PageNote22', user: 'acct:reader@hypothes.is', uri: PAGE, text: 'A note on the whole page.', tags: [], target: [{ source: PAGE }] },
  ];
  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  const view = page.locator('.all-claims-view');
  await view.waitFor({ state: 'visible' });
  await view.locator('input[type=file]').setInputFiles({ name: 'hypothesis.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ total: 3, rows })) });
  await view.locator('.interchange-summary', { hasText: /^Imported 1 annotation from hypothesis\.json: 1 exact/ }).waitFor();
  const problems = await view.locator('.interchange-problems li').allInnerTexts();
  assert.equal(problems.length, 2);
  assert.match(problems[0]!, /^Row 2 \(Elsewhere1\): no document in the library has the source https:\/\/other\.example\/page .*; skipped\.$/);
  assert.match(problems[1]!, /^Row 3 \(PageNote22\): it is a page note: its target names no passage, so there is nothing to anchor; skipped\.$/);
  await screenshot(page, 'hypothesis-import');

  const [claim] = await storedClaims(page);
  assert.equal(claim!.quote.exact, 'permanent neutrality');
  assert.equal(claim!.note, 'Status, not policy.');
  assert.equal(claim!.via, 'https://hypothes.is/a/Kq3f7vLQEe');
  assert.equal(claim!.creator, 'acct:reader@hypothes.is');
});
