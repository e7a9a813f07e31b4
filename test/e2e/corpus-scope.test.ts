/**
 * Search and All claims over one corpus or all (issue 10, item 13), end to end: two folders with
 * claims on the same word; with B open, "This corpus" (the default) lists only B's claims,
 * "All corpora" adds A's, labelled with A's name and their document's title; clicking one of A's
 * switches to A and opens the document at the claim. Nothing reads "no longer in the library".
 * The choice is remembered, and the Export dialog opened from a view covers what the view covers.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Claim, DocumentModel, LibrarySnapshot } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { api } from './claims-support.ts';
import { closeReaderSession, openReaderSession, screenshot, type ReaderSession } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

let root: string;
let fieldwork: string;
let archive: string;
let session: ReaderSession;
let page: Page;
const inA: Claim[] = [];
const inB: Claim[] = [];

/** Makes a claim on `phrase` in the open corpus's document titled `title`. */
async function claim(title: string, phrase: string): Promise<Claim> {
  const lib = await api<LibrarySnapshot>(page, 'getLibrary');
  const doc = lib.documents.find((d) => d.title === title)!;
  assert.ok(doc, `${title} is open`);
  const text = plainText(await api<DocumentModel>(page, 'getDocument', doc.id));
  const start = text.indexOf(phrase);
  assert.ok(start >= 0);
  return api<Claim>(page, 'createClaim', { documentId: doc.id, start, end: start + phrase.length });
}

const corpusButton = (name: string) => page.locator('.corpus-list .corpus-button', { hasText: name });
const shownIds = (selector: string): Promise<string[]> => page.locator(selector).evaluateAll((els: any[]) => els.map((e) => e.dataset.claimId));

/** Waits until the rows matching `selector` are the claims `ids` (any order). */
async function waitRows(selector: string, ids: string[]): Promise<void> {
  const want = [...ids].sort();
  await page.waitForFunction(([sel, w]) => {
    const got = [...document.querySelectorAll(sel)].map((e: any) => e.dataset.claimId).sort();
    return got.length === w.length && got.every((id: string, i: number) => id === w[i]);
  }, [selector, want] as const, { timeout: 10_000 }).catch(async () => {
    assert.deepEqual((await shownIds(selector)).sort(), want, `rows of ${selector}`);
  });
}

async function noGhostDocuments(): Promise<void> {
  const text = await page.locator('body').innerText();
  assert.doesNotMatch(text, /no longer in the library/i);
  assert.doesNotMatch(text, /gone from every corpus/i);
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'marginalia-scope-'));
  fieldwork = join(root, 'fieldwork');
  archive = join(root, 'archive');
  await mkdir(fieldwork);
  await mkdir(archive);
  await writeFile(join(fieldwork, 'cotton-notes.txt'), 'Cotton Notes\n\nCotton sales to Iran fell by a tenth in 2014.\n\nThe council met twice that year.\n');
  await writeFile(join(fieldwork, 'harvest.txt'), 'Harvest Diary\n\nThe cotton harvest began early in Mary.\n');
  await writeFile(join(archive, 'letters.txt'), 'Letters Home\n\nCotton and wool came by caravan from Merv.\n');
  await writeFile(join(archive, 'ledger.txt'), 'Merchant Ledger\n\nCotton bales were counted twice at the gate.\n');
  session = await openReaderSession({ host: { corpusDir: fieldwork } });
  page = session.page;
  inA.push(await claim('Cotton Notes', 'Cotton sales to Iran fell by a tenth in 2014.'), await claim('Harvest Diary', 'The cotton harvest began early in Mary.'));
  // B opened through the library panel, as a person does
  await page.locator('#corpus-path').fill(archive);
  await page.locator('.open-folder button[type=submit]').click();
  await page.locator('.library-list li[role=option]', { hasText: 'Letters Home' }).waitFor();
  inB.push(await claim('Letters Home', 'Cotton and wool came by caravan from Merv.'), await claim('Merchant Ledger', 'Cotton bales were counted twice at the gate.'));
});
after(async () => {
  await closeReaderSession(session ?? {});
  if (root) await rm(root, { recursive: true, force: true });
});

test('Search: "This corpus" (the default) finds B\'s claims only; "All corpora" adds A\'s under A\'s name; clicking one opens it in A', async () => {
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  const scope = page.locator('.search-panel .corpus-scope select');
  await scope.waitFor();
  assert.equal(await scope.inputValue(), 'this', 'a new window searches the corpus on screen');
  assert.match(await scope.locator('option[value=this]').innerText(), /This corpus \(archive\)/);
  await page.locator('.search-input').fill('cotton');
  await waitRows('.search-hit', inB.map((c) => c.id));
  assert.equal(await page.locator('.search-hit .corpus-chip').count(), 0, 'claims of the open corpus carry no corpus name');
  await noGhostDocuments();
  await screenshot(page, 'corpus-scope-search-this');

  await scope.selectOption('all');
  await waitRows('.search-hit', [...inA, ...inB].map((c) => c.id));
  const rowA = page.locator(`.search-hit[data-claim-id="${inA[0]!.id}"]`);
  assert.equal(await rowA.locator('.corpus-chip').innerText(), 'fieldwork');
  assert.match(await rowA.locator('.search-hit-title').innerText(), /fieldwork\s*Cotton Notes/);
  assert.equal(await page.locator(`.search-hit[data-claim-id="${inB[0]!.id}"] .corpus-chip`).count(), 0);
  assert.match(await page.locator('.search-status').innerText(), /4 claims/);
  await noGhostDocuments();
  await screenshot(page, 'corpus-scope-search-all');

  // the export of these results covers all four
  await page.locator('.search-export').click();
  await page.locator('.export-dialog .export-summary', { hasText: /^4 claims/ }).waitFor();
  await page.locator('.export-dialog button', { hasText: 'Close' }).click();

  await rowA.click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'fieldwork' }).waitFor({ timeout: 10_000 });
  await page.locator('#doc-header', { hasText: 'Cotton Notes' }).waitFor();
  await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${inA[0]!.id}"]`).first().waitFor({ timeout: 10_000 });
  assert.match(page.url(), new RegExp(`claim=${inA[0]!.id}`));
  // the results follow: the same four, now B's under B's name (the claim editor came forward: back to Search)
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  await waitRows('.search-hit', [...inA, ...inB].map((c) => c.id));
  await page.locator(`.search-hit[data-claim-id="${inB[0]!.id}"] .corpus-chip`, { hasText: 'archive' }).waitFor();
  assert.equal(await rowA.locator('.corpus-chip').count(), 0);
  await screenshot(page, 'corpus-scope-opened-in-a');
});

test('All claims: "This corpus" lists the open corpus\'s claims, "All corpora" every one; a claim of B opens in B; the export follows the scope', async () => {
  // A is open now (the previous test switched to it)
  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  const scope = page.locator('.all-claims-view .corpus-scope select');
  await scope.waitFor();
  assert.equal(await scope.inputValue(), 'this');
  await waitRows('.all-claim', inA.map((c) => c.id));
  assert.match(await page.locator('.all-claims-count').innerText(), /^2 claims shown/);

  // the Export dialog from here covers this corpus's claims
  await page.locator('.all-claims-view .interchange-buttons button', { hasText: 'Export bibliography or notes' }).click();
  assert.match(await page.locator('.export-dialog .export-scope').innerText(), /every claim in the corpus “fieldwork”/);
  await page.locator('.export-dialog .export-summary', { hasText: /^2 claims/ }).waitFor();
  await page.locator('.export-dialog button', { hasText: 'Close' }).click();

  await scope.selectOption('all');
  await waitRows('.all-claim', [...inA, ...inB].map((c) => c.id));
  const rowB = page.locator(`.all-claim[data-claim-id="${inB[1]!.id}"]`);
  assert.equal(await rowB.locator('.corpus-chip').innerText(), 'archive');
  assert.match(await rowB.locator('.all-claim-source').innerText(), /Merchant Ledger/);
  await noGhostDocuments();
  await screenshot(page, 'corpus-scope-all-claims');

  await rowB.locator('.all-claim-source').click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'archive' }).waitFor({ timeout: 10_000 });
  await page.locator('#doc-header', { hasText: 'Merchant Ledger' }).waitFor();
  await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${inB[1]!.id}"]`).first().waitFor({ timeout: 10_000 });
  // every claim stayed as it was: none is an orphan
  const stored = await api<Claim[]>(page, 'listClaims');
  assert.deepEqual(stored.map((c) => c.status), ['exact', 'exact', 'exact', 'exact']);
});

test('each view remembers its choice after a reload', async () => {
  await page.reload();
  await page.locator('.reader-text .para').first().waitFor();
  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  assert.equal(await page.locator('.all-claims-view .corpus-scope select').inputValue(), 'all');
  await page.getByRole('tab', { name: 'Search', exact: true }).click();
  assert.equal(await page.locator('.search-panel .corpus-scope select').inputValue(), 'all');
  await page.locator('.search-panel .corpus-scope select').selectOption('this');
  await page.locator('.search-input').fill('cotton');
  await waitRows('.search-hit', inB.map((c) => c.id));
  // a word only A's claims have: said so, with a way to widen the search
  await page.locator('.search-input').fill('harvest');
  const none = page.locator('.search-none', { hasText: 'Nothing in this corpus matches; 1 claim in other corpora does.' });
  await none.waitFor();
  await screenshot(page, 'corpus-scope-elsewhere');
  await none.locator('button', { hasText: 'Search all corpora' }).click();
  await waitRows('.search-hit', [inA[1]!.id]);
  assert.equal(await page.locator('.search-panel .corpus-scope select').inputValue(), 'all');
});

test('a claim link (#claim=<id>, as marginalia://claim/<id> and /claim/<id> give) to a claim of the corpus not open switches to its corpus and opens it', async () => {
  await corpusButton('archive').click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'archive' }).waitFor({ timeout: 10_000 });
  await page.goto(`${session.host.url}#claim=${inA[0]!.id}`);
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'fieldwork' }).waitFor({ timeout: 10_000 });
  await page.locator('#doc-header', { hasText: 'Cotton Notes' }).waitFor();
  await page.locator(`.reader-text .claim.claim-selected[data-claim-id="${inA[0]!.id}"]`).first().waitFor({ timeout: 10_000 });
  await noGhostDocuments();
});

test('a file deleted from a corpus that is not open: opening its claim says the document is gone, never shows its last text', async () => {
  // read the ledger once by its claim from A (the switch and the open come together; the page
  // keeps recent texts), then go back to A and delete the file
  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  await page.locator('.all-claims-view .corpus-scope select').selectOption('all');
  const row = page.locator(`.all-claim[data-claim-id="${inB[1]!.id}"]`);
  await row.locator('.all-claim-source').click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'archive' }).waitFor({ timeout: 10_000 });
  await page.locator('.reader-text', { hasText: 'Cotton bales were counted twice' }).waitFor();
  await page.locator('.library-list li[role=option]', { hasText: 'Letters Home' }).first().click();
  await page.locator('#doc-header', { hasText: 'Letters Home' }).waitFor();
  await corpusButton('fieldwork').click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'fieldwork' }).waitFor({ timeout: 10_000 });
  await unlink(join(archive, 'ledger.txt'));

  await page.getByRole('tab', { name: 'All claims', exact: true }).click();
  await row.locator('.all-claim-source').click();
  await page.locator('.corpus-list .corpus-button[aria-current=true]', { hasText: 'archive' }).waitFor({ timeout: 10_000 });
  await page.getByText(/Could not open the document: "Merchant Ledger" is no longer in the corpus folder/).waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('.reader-text', { hasText: 'Cotton bales were counted twice' }).count(), 0, 'the deleted text is not shown');
  await screenshot(page, 'corpus-scope-deleted-file');
});
