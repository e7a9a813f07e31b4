/**
 * The desktop menu's Edit → Undo / Redo. In Electron the menu takes Ctrl/⌘+Z and Ctrl+Y before
 * the page sees the keys and sends the `undo` / `redo` commands (onDidRequestCommand) instead, so
 * the page must act on those commands as it acts on the keys: step this window's history, or
 * undo the typing when a text field has focus. No Electron binary runs here, so the commands are
 * delivered the way the web client receives host events: as events on its EventSource.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { channelFor } from '../../core/api.ts';
import { closeReaderSession, openReaderSession, type HostHandle } from './harness.ts';
import { claimWithToolbar, openDocument, storedClaims, waitSaved } from './claims-support.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, window: any, MessageEvent: any;

const BRIEF = 'Turkmenistan: time to revise the neutrality policy?';
const PHRASE = 'Russian Defence Minister';

let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  ({ host, browser, page } = await openReaderSession());
  await openDocument(page, BRIEF);
});
after(() => closeReaderSession({ host, browser }));

/** Delivers a menu command as the host's event stream would. */
async function menuCommand(p: Page, command: 'undo' | 'redo'): Promise<void> {
  await p.evaluate(({ channel, command }) => {
    const sources: any[] = window.__eventSources ?? [];
    if (!sources.length) throw new Error('the page opened no event stream');
    for (const es of sources) es.dispatchEvent(new MessageEvent(channel, { data: JSON.stringify({ command }) }));
  }, { channel: channelFor('onDidRequestCommand'), command });
}

test('Edit → Undo in the menu undoes the window\'s last claim, Edit → Redo makes it again', async () => {
  // record the page's EventSource(s) so the test can deliver commands on them
  await page.addInitScript(() => {
    const Original = window.EventSource;
    window.__eventSources = [];
    window.EventSource = class extends Original {
      constructor(url: string, init?: unknown) { super(url, init); window.__eventSources.push(this); }
    };
  });
  await page.reload();
  await page.locator('.reader-text .para').first().waitFor();
  const before = (await storedClaims(page)).length;
  await claimWithToolbar(page, PHRASE);
  assert.equal((await storedClaims(page)).length, before + 1);
  // focus out of the claim editor's fields: the reader text is not a text field
  await page.locator('.reader-text').focus();
  await menuCommand(page, 'undo');
  await page.waitForFunction((p) => ![...document.querySelectorAll('.reader-text .claim')].some((e: any) => e.textContent.includes(p)), PHRASE);
  assert.equal((await storedClaims(page)).length, before, 'the claim is gone from the store');
  await page.locator('.reader-text').focus();
  await menuCommand(page, 'redo');
  await page.waitForFunction((p) => [...document.querySelectorAll('.reader-text .claim')].some((e: any) => e.textContent.includes(p)), PHRASE);
  assert.equal((await storedClaims(page)).length, before + 1, 'the claim is back');
});

test('Edit → Undo with the cursor in a claim\'s note undoes the typing, not the claim', async () => {
  const claim = (await storedClaims(page)).find((c) => c.quote.exact === PHRASE)!;
  await page.locator(`.reader-text .claim[data-claim-id="${claim.id}"]`).first().click();
  const note = page.locator('.claim-editor .claim-note');
  await note.click();
  await note.fill('first thought'); // one edit of the field (typed keys may be several undo steps)
  await menuCommand(page, 'undo');
  await page.waitForFunction(() => document.querySelector('.claim-editor .claim-note')?.value === '');
  await page.locator('.claim-editor .claim-restatement').focus();
  assert.ok((await storedClaims(page)).some((c) => c.id === claim.id), 'the claim is still there');
});
