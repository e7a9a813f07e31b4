/**
 * Two windows on one library (issue 8, item 17, second half): Ctrl+Z undoes this window's own
 * last action, never the other window's; when the other window changed the same field since, the
 * undo asks first, naming the action and the other change, and keeps it unless told "anyway".
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, DocumentModel, LibrarySnapshot } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { api, storedClaims, waitSaved } from './claims-support.ts';
import { closeReaderSession, openReaderSession, screenshot, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const FILE = 'turkmenistan-time-to-revise-neutrality-policy-2016.txt';
const PHRASE = 'the potential development of a military cooperation';

let host: HostHandle;
let browser: Browser;
let a: Page;
let b: Page;
let claim: Claim;

before(async () => {
  ({ host, browser, page: a } = await openReaderSession());
  // a claim made through the API: neither window's action, so neither window's to undo
  const summary = (await api<LibrarySnapshot>(a, 'getLibrary')).documents.find((d) => d.path.endsWith(FILE))!;
  const text = plainText(await api<DocumentModel>(a, 'getDocument', summary.id));
  const start = text.indexOf(PHRASE);
  assert.ok(start >= 0, `"${PHRASE}" is in the sample text`);
  claim = await api<Claim>(a, 'createClaim', { documentId: summary.id, start, end: start + PHRASE.length });
  b = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  for (const p of [a, b]) {
    await p.goto(`${host.url}#doc=${claim.documentId}&claim=${claim.id}`);
    await p.locator('.claim-editor .claim-quote').waitFor();
  }
});
after(() => closeReaderSession({ host, browser }));

/** Types `value` into one of the open claim's fields and waits for the host to commit it. */
async function edit(p: Page, field: 'note' | 'restatement', value: string): Promise<void> {
  await p.locator(`.claim-editor .claim-${field}`).fill(value);
  await p.keyboard.press('Tab');
  await waitSaved(p);
  await p.locator('.ProseMirror').focus(); // out of the fields: an edit from elsewhere then shows in them
}

/** Ctrl+Z with focus on the text (not in a field, where the field's own text undo applies). */
async function undoKey(p: Page): Promise<void> {
  await p.locator('.ProseMirror').focus();
  await p.keyboard.press('Control+z');
}

const stored = async (): Promise<Claim> => (await storedClaims(a)).find((c) => c.id === claim.id)!;

test('Ctrl+Z undoes this window’s own last edit, not the other window’s later one', async () => {
  await undoKey(a);
  await a.locator('#status-line', { hasText: 'Nothing to undo in this window.' }).waitFor();

  await edit(a, 'note', 'Written in window A');
  await edit(b, 'restatement', 'Restated in window B');
  await undoKey(a);
  await a.locator('#status-line', { hasText: 'Undid: Edit claim.' }).waitFor();
  let c = await stored();
  assert.equal(c.note, '', 'A’s note is undone');
  assert.equal(c.restatement, 'Restated in window B', 'B’s later edit of the same claim stays');
  await b.waitForFunction(() => document.querySelector('.claim-editor .claim-note')?.value === '');
  assert.equal(await a.locator('.claim-editor .claim-restatement').inputValue(), 'Restated in window B');

  await undoKey(b);
  await b.locator('#status-line', { hasText: 'Undid: Edit claim.' }).waitFor();
  c = await stored();
  assert.equal(c.restatement, '', 'B undoes its own edit');
});

test('when the other window changed the same note since, Ctrl+Z asks first and keeps it unless told “Undo anyway”', async () => {
  await edit(a, 'note', 'A’s reading');
  await b.waitForFunction(() => document.querySelector('.claim-editor .claim-note')?.value === 'A’s reading');
  await edit(b, 'note', 'B disagrees');
  await a.waitForFunction(() => document.querySelector('.claim-editor .claim-note')?.value === 'B disagrees');

  await undoKey(a);
  const dialog = a.getByRole('dialog', { name: 'Undo ‘Edit claim’?' });
  await dialog.waitFor();
  const text = await dialog.innerText();
  assert.match(text, /Another window changed the note of the claim “.+” since \(Edit claim\)\./);
  assert.match(text, /Undoing it puts back what was there before your action, over that change\./);
  await screenshot(a, 'undo-per-window-conflict');
  assert.equal(await a.evaluate(() => document.activeElement?.textContent), 'Keep the other change', 'the safe answer has the focus');

  await a.keyboard.press('Escape');
  await a.locator('#status-line', { hasText: 'Not undone: Edit claim.' }).waitFor();
  assert.equal((await stored()).note, 'B disagrees', 'kept');

  await undoKey(a);
  await dialog.getByRole('button', { name: 'Undo anyway' }).click();
  await a.locator('#status-line', { hasText: 'Undid: Edit claim.' }).waitFor();
  assert.equal((await stored()).note, '', 'A’s edit undone, over B’s');
  await b.waitForFunction(() => document.querySelector('.claim-editor .claim-note')?.value === '');
});
