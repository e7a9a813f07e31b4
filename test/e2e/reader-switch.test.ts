/**
 * Opening and switching documents with claims, end to end against the real host: a long
 * document shows the highlights of its first screens with its text and then all its claims, and
 * switching back to a document (whose claims the reader keeps) still shows a claim made meanwhile,
 * here or in another window.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, DocumentModel, LibrarySnapshot } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import { closeReaderSession, openReaderSession, type HostHandle } from './harness.ts';
import { api, openDocument } from './claims-support.ts';

const LONG = 'A long report';
const FIRST = 'First field notes';
const SECOND = 'Second field notes';
/** Words in the long document: above the reader's two-step threshold (15,000). */
const LONG_WORDS = 20_000;

/** Paragraphs of numbered sentences, `words` words in all; each sentence can be found by its number. */
function longText(title: string, words: number): string {
  const paras: string[] = [title];
  let n = 0;
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    for (let i = 0; i < 6; i++, n++) sentences.push(`Sentence ${n} records what the river towns traded in the dry season.`);
    paras.push(sentences.join(' '));
    count += 6 * 11;
  }
  return paras.join('\n\n') + '\n';
}

let corpus: string;
let host: HostHandle;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

before(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'marginalia-switch-'));
  await writeFile(join(corpus, 'a-first.txt'), `${FIRST}\n\nThe ferry left at dawn. The market opened late.\n\nTraders spoke of the flood.\n`);
  await writeFile(join(corpus, 'b-second.txt'), `${SECOND}\n\nThe bridge was closed in spring. Salt came by road.\n`);
  await writeFile(join(corpus, 'c-long.txt'), longText(LONG, LONG_WORDS));
  ({ host, browser, page } = await openReaderSession({ host: { corpusDir: corpus } }));
  const snap = await api<LibrarySnapshot>(page, 'getLibrary');
  for (const d of snap.documents) ids[d.title] = d.id;
  assert.deepEqual(Object.keys(ids).sort(), [FIRST, LONG, SECOND].sort());
});
after(async () => {
  await closeReaderSession({ host, browser });
  await rm(corpus, { recursive: true, force: true });
});

/** Makes a claim through the host's API (as another window would) on `phrase` in document `title`. */
async function claimOn(title: string, phrase: string): Promise<Claim> {
  const text = plainText(await api<DocumentModel>(page, 'getDocument', ids[title]));
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, `"${phrase}" is in ${title}`);
  return api<Claim>(page, 'createClaim', { documentId: ids[title], start, end: start + phrase.length });
}

const highlight = (p: Page, id: string) => p.locator(`.reader-text .claim[data-claim-id="${id}"]`).first();

test('a long document shows its first screens’ highlights with the text, then every claim (highlights and list)', async () => {
  const near = await claimOn(LONG, 'Sentence 3 records what the river towns traded');
  const far = await claimOn(LONG, 'Sentence 1750 records what the river towns traded');
  const between: Claim[] = [];
  for (const n of [200, 600, 1000, 1400]) between.push(await claimOn(LONG, `Sentence ${n} records`));
  await openDocument(page, FIRST);
  await openDocument(page, LONG);
  await highlight(page, near.id).waitFor();
  assert.equal(await highlight(page, near.id).innerText(), near.quote.exact);
  // the rest come right after the first paint: in the text far below, and in the claims list
  await highlight(page, far.id).waitFor({ state: 'attached' });
  for (const c of between) await highlight(page, c.id).waitFor({ state: 'attached' });
  await page.locator('#claims-tab-document', { hasText: 'This document (6)' }).waitFor();
  assert.equal(await page.locator('.claims-list .claims-row').count(), 6);
});

test('switching back to a document shows a claim made meanwhile in another window, and one made here', async () => {
  await openDocument(page, FIRST);
  await openDocument(page, SECOND);
  await openDocument(page, FIRST); // both documents' claims are now kept by the reader
  const elsewhere = await claimOn(SECOND, 'Salt came by road');
  await openDocument(page, SECOND);
  await highlight(page, elsewhere.id).waitFor();
  // one made here, with the keys, on the second document: still there after going away and back
  await page.evaluate(() => {
    const para = [...(globalThis as any).document.querySelectorAll('.reader-text .para')].find((p: any) => p.textContent.includes('The bridge was closed'));
    const walker = (globalThis as any).document.createTreeWalker(para, 4);
    const node = walker.nextNode();
    (globalThis as any).document.querySelector('.reader-text').focus();
    (globalThis as any).getSelection().setBaseAndExtent(node, 0, node, 'The bridge was closed'.length);
  });
  await page.keyboard.press('Control+Shift+H');
  await page.locator('.claim-editor .save-status[data-state=saved]').waitFor({ timeout: 10_000 });
  const made = (await api<Claim[]>(page, 'listClaims', { documentId: ids[SECOND] })).find((c) => c.quote.exact === 'The bridge was closed');
  assert.ok(made, 'the claim made with the keys is stored');
  await openDocument(page, FIRST);
  await openDocument(page, SECOND);
  await highlight(page, made.id).waitFor();
  await highlight(page, elsewhere.id).waitFor();
  assert.equal(await page.locator('.reader-text .claim').count(), 2);
});
