/**
 * Works cited, end to end (issue 9): a reader opens the journal article's References tab, sees
 * its 28 notes parsed with the unsure fields marked, corrects a field (and undoes it with the
 * keyboard), promotes a reference to a metadata-only source, opens the citation graph, and copies
 * a claim cited "as cited in" its source.
 * Screenshots: test-results/references-*.png.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { channelFor, type Claim, type DocumentModel, type DocumentReference, type LibrarySnapshot, type MetadataSource } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { api, openReader } from './claims-support.ts';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

let host: HostHandle;
let browser: Browser;
let page: Page;
let docId: string;
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const navigator: any;

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  page = await context.newPage();
  await openReader(page, host.url);
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const doc = lib.documents.find((d) => /neutrality-central-asian-integration/.test(d.path));
  assert.ok(doc, 'the journal article is in the sample corpus');
  docId = doc.id;
  await page.goto(`${host.origin}/#doc=${encodeURIComponent(docId)}`);
  await page.locator('#doc-header', { hasText: 'Turkmenistan' }).waitFor();
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

const item = (label: string) => page.locator(`details.ref-item[data-id="${docId}:n${label}"]`);
const reference = async (label: string): Promise<DocumentReference> =>
  (await api<DocumentReference[]>(page, 'listReferences', docId)).find((r) => r.label === label)!;

test('the References tab lists the 28 notes with parsed fields beside the raw text; unsure fields are marked', async () => {
  await page.locator('#side-tab-references').click();
  await page.locator('details.ref-item').nth(27).waitFor();
  assert.equal(await page.locator('details.ref-item').count(), 28);
  await assert.doesNotReject(page.locator('.refs-count', { hasText: '28 references' }).waitFor());
  await item('1').locator('summary').click();
  await item('1').locator('.ref-raw blockquote', { hasText: 'Utku Yapici. From positive neutrality' }).waitFor();
  assert.equal(await item('1').locator('.ref-row[data-field="title"] textarea').inputValue(),
    'From positive neutrality to silk road activism? The continuities and changes in Turkmenistan’s foreign policy');
  // The title of note 1 was found after a comma, not a full stop: the parser marks it unsure.
  await item('1').locator('.ref-row.is-unsure[data-field="title"] .ref-unsure').waitFor();
  assert.equal(await item('3').locator('.ref-author').textContent(), '张振国');
  await screenshot(page, 'references-tab');
});

test('correcting a field saves it as one undoable action; Ctrl+Z brings the parsed value back', async () => {
  await item('23').locator('summary').click();
  const authors = item('23').locator('.ref-row[data-field="author"] input');
  assert.equal(await authors.inputValue(), 'G, Paul', 'the note writes "Paul G."');
  await authors.fill('Goble, Paul');
  await authors.press('Enter');
  await item('23').locator('.ref-row.is-corrected[data-field="author"]').waitFor();
  assert.deepEqual((await reference('23')).csl.author, [{ family: 'Goble', given: 'Paul' }]);
  assert.equal(await item('23').locator('.ref-author').textContent(), 'Goble');
  await screenshot(page, 'references-corrected');

  await item('23').locator('summary').focus(); // out of the text field: Ctrl+Z is the library's undo
  await page.keyboard.press(`${MOD}+z`);
  await item('23').locator('.ref-author', { hasText: /^G$/ }).waitFor();
  assert.deepEqual((await reference('23')).csl.author, [{ family: 'G', given: 'Paul' }]);
  assert.equal(await item('23').locator('.ref-row.is-corrected').count(), 0);
});

test('a hidden References tab fetches nothing and catches up when shown', async () => {
  await page.getByRole('tab', { name: 'Claims', exact: true }).click();
  let fetched = 0;
  const count = (r: { url(): string }): void => { if (r.url().includes(channelFor('listReferences'))) fetched++; };
  page.on('request', count);
  await api(page, 'updateReference', `${docId}:n5`, { title: 'Turkmenistan water resources policy in Central Asia' });
  await page.waitForTimeout(500); // the change event has arrived by now
  assert.equal(fetched, 0, 'nothing fetched for a hidden tab');
  page.off('request', count);
  await page.locator('#side-tab-references').click();
  await item('5').locator('.ref-title', { hasText: /^Turkmenistan water resources policy in Central Asia$/ }).waitFor();
  await api(page, 'undo');
  await item('5').locator('.ref-title', { hasText: /International context$/ }).waitFor();
});

test('"Add to library as a source" promotes a reference once; the graph shows the citation', async () => {
  await item('9').locator('summary').click();
  await item('9').locator('button.ref-promote').click();
  await item('9').locator('.ref-badge-linked').waitFor();
  await item('9').locator('.ref-link', { hasText: 'Added to the library as a source: Alliances and small powers' }).waitFor();
  const sources = await api<MetadataSource[]>(page, 'listMetadataSources');
  assert.equal(sources.length, 1);
  assert.equal(sources[0]!.csl.title, 'Alliances and small powers');
  const again = await api<{ created: boolean; source: MetadataSource }>(page, 'promoteReference', `${docId}:n9`);
  assert.equal(again.created, false);
  assert.equal(again.source.id, sources[0]!.id);
  assert.equal((await api<MetadataSource[]>(page, 'listMetadataSources')).length, 1, 'promoting twice gives one source');

  await page.locator('.refs-graph-toggle').click();
  await page.locator('svg.citation-graph .graph-edge').first().waitFor();
  assert.equal(await page.locator('svg.citation-graph .graph-metadata').count(), 1);
  await page.locator('.refs-graph').scrollIntoViewIfNeeded();
  await screenshot(page, 'references-graph');
});

test('a claim in the paragraph of notes 1 and 2 lists them; "Copy “as cited in”" puts the APA citation on the clipboard', async () => {
  const text = plainText(await api<DocumentModel>(page, 'getDocument', docId));
  const phrase = 'Barbara Kiepenheuer-Drechsler pointed out';
  const start = text.indexOf(phrase);
  const claim = await api<Claim>(page, 'createClaim', { documentId: docId, start, end: start + phrase.length });
  await page.goto(`${host.origin}/#doc=${encodeURIComponent(docId)}&claim=${encodeURIComponent(claim.id)}`);
  await page.locator('.claim-editor').waitFor();
  await page.locator('#side-tab-references').click();
  const strip = page.locator('.claim-refs');
  await strip.locator('li').nth(1).waitFor();
  assert.deepEqual(await strip.locator('.claim-ref-name').allTextContents(), ['Note 1: Yapici (2018)', 'Note 2: Kiepenheuer-Drechsler (2006)']);
  await strip.locator('button.claim-ref-copy').first().click();
  await strip.locator('.claim-refs-status', { hasText: /^Copied: \(Yapici, 2018, as cited in .+, para\. \d+\)$/ }).waitFor({ timeout: 20_000 });
  const clip = await page.evaluate(async () => navigator.clipboard.readText() as Promise<string>);
  assert.match(clip, /^“Barbara Kiepenheuer-Drechsler pointed out” \(Yapici, 2018, as cited in /);
  await screenshot(page, 'references-claim');
});
