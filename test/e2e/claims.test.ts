/**
 * Claims in the reader, end to end against the real host: make one with the mouse and one from
 * the keyboard alone, edit it, see its colour and its tooltip, delete and undo, link two claims
 * across documents and follow the link, and find everything again after a reload.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim } from '../../core/api.ts';
import { DEFAULT_CORPUS, closeReaderSession, openReaderSession, screenshot, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, getSelection: any, getComputedStyle: any;
import {
  api, claimWithToolbar, dragSelect, highlightText, openDocument, openReader, storedClaims, waitSaved,
} from './claims-support.ts';

const BRIEF = 'Turkmenistan: time to revise the neutrality policy?';
const WIKI = 'Central Asian Union';
const FIRST = 'The visit of Russian Defence Minister Sergei Shoigu in Ashgabat on June 9';

let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  ({ host, browser, page } = await openReaderSession({ viewport: { width: 1360, height: 860 } }));
  await openDocument(page, BRIEF);
});
after(() => closeReaderSession({ host, browser }));

/** Where keyboard focus is: 'reader' for the text, else `tag.first-class`. */
const focused = (p: Page): Promise<string> => p.evaluate(() => {
  const el = document.activeElement;
  if (!el) return '';
  return el.classList.contains('ProseMirror') ? 'reader' : `${el.tagName.toLowerCase()}.${el.classList[0] ?? ''}`;
});
const onlyClaim = async (pred: (c: Claim) => boolean): Promise<Claim> => {
  const found = (await storedClaims(page)).filter(pred);
  assert.equal(found.length, 1);
  return found[0]!;
};

/**
 * Runs `body` with its own copy of the corpus (so a test may edit the files), its own host on it
 * and a page opened on the brief; everything is removed afterwards.
 */
async function withOwnCorpus(body: (p: Page, corpus: string) => Promise<void>): Promise<void> {
  const corpus = await mkdtemp(join(tmpdir(), 'marginalia-own-corpus-'));
  await cp(DEFAULT_CORPUS, corpus, { recursive: true });
  const own = await startHost({ corpusDir: corpus });
  const p = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  try {
    await openReader(p, own.url);
    await openDocument(p, BRIEF);
    await body(p, corpus);
  } finally {
    await p.close();
    await own.stop();
    await rm(corpus, { recursive: true, force: true });
  }
}

test('a claim made with the mouse and the toolbar, then edited, is stored and coloured by its kind', async () => {
  await dragSelect(page, FIRST);
  await page.locator('.selection-toolbar').waitFor({ state: 'visible' });
  assert.deepEqual(await page.locator('.selection-toolbar button').allInnerTexts(), ['Claim', 'Evidence', 'Question', 'Definition']);
  await screenshot(page, 'claims-toolbar');
  await page.locator('.selection-toolbar').getByRole('button', { name: 'Claim', exact: true }).click();
  await waitSaved(page);
  assert.equal(await focused(page), 'textarea.claim-restatement', 'focus lands in the restatement');

  await page.keyboard.type('Russia courts Turkmenistan militarily');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'textarea.claim-note');
  await page.keyboard.type('Shoigu in Ashgabat, 9 June 2016.');
  await page.locator('.claim-editor select.claim-kind').selectOption('evidence');
  await page.locator('.claim-editor .chip-input').fill('neutrality,');
  await page.locator('.claim-editor .chip-input').fill('russia');
  await page.keyboard.press('Enter');
  await waitSaved(page);
  await page.locator('.claim-editor').getByRole('button', { name: 'Add entity…' }).click();
  await page.keyboard.type('Sergei Shoigu');
  await page.keyboard.press('Enter');
  await page.locator('.claim-editor .chip-entity', { hasText: 'Sergei Shoigu' }).waitFor();
  await waitSaved(page);

  const c = await onlyClaim((x) => x.quote.exact === FIRST);
  assert.equal(c.restatement, 'Russia courts Turkmenistan militarily');
  assert.equal(c.note, 'Shoigu in Ashgabat, 9 June 2016.');
  assert.equal(c.kind, 'evidence');
  assert.deepEqual(c.tags, ['neutrality', 'russia']);
  const entities = await api<Array<{ id: string; name: string }>>(page, 'listEntities');
  assert.deepEqual(c.entityIds, entities.filter((e) => e.name === 'Sergei Shoigu').map((e) => e.id));
  assert.equal(c.entityIds.length, 1);
  assert.equal(await highlightText(page, c.id), FIRST);

  const colour = await page.evaluate((id) => {
    const el = document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`)!;
    const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number);
    return { custom: el.style.getPropertyValue('--claim-color').trim(), r: m[0]!, g: m[1]!, b: m[2]!, a: m[3] ?? 1 };
  }, c.id);
  assert.equal(colour.custom, '#6cc36c', 'evidence colour from the settings');
  assert.ok(colour.a > 0 && colour.g > colour.r && colour.g > colour.b, `green highlight, got ${JSON.stringify(colour)}`);
  await screenshot(page, 'claims-editor');

  await page.mouse.move(5, 5);
  await page.locator(`.reader-text .claim[data-claim-id="${c.id}"]`).first().hover();
  await page.locator('.claim-tooltip', { hasText: 'Russia courts Turkmenistan militarily' }).waitFor({ state: 'visible' });
});

test('a claim made from the keyboard alone: Shift+arrows, Ctrl+Shift+H, Tab through fields, Escape back', async () => {
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'reader', 'Escape returns to the text');
  // Down, line by line, into the next paragraph (the caret starts on the first claim, in ¶ 1).
  const caretParagraph = (): Promise<string | null> => page.evaluate(() => getSelection()!.focusNode?.parentElement?.closest('[data-n]')?.getAttribute('data-n') ?? null);
  for (let i = 0; i < 30 && await caretParagraph() !== '2'; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await caretParagraph(), '2');
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  const selected = (await page.evaluate(() => getSelection()!.toString())).trim();
  assert.ok(selected.split(/\s+/).length >= 4, `selected "${selected}"`);
  const before = await page.locator('.reader-text .claim').count();
  await page.locator('.selection-toolbar').waitFor({ state: 'visible' });

  await page.keyboard.press('Control+Shift+H');
  // The editor still shows the previous claim as saved: wait for the new highlight first.
  await page.waitForFunction((n) => document.querySelectorAll('.reader-text .claim').length > n, before);
  await waitSaved(page);
  await page.waitForFunction(() => document.activeElement?.matches('textarea.claim-restatement') ?? false, undefined, { timeout: 5_000 }).catch(() => {});
  assert.equal(await focused(page), 'textarea.claim-restatement');
  await page.keyboard.type('Typed without a mouse');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'textarea.claim-note');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'select.claim-kind');
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), 'input.chip-input');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  await waitSaved(page);
  await page.keyboard.press('Escape');
  assert.equal(await focused(page), 'reader');
  assert.ok(await page.locator('.reader-text .claim').count() > before);

  const c = await onlyClaim((x) => x.restatement === 'Typed without a mouse');
  assert.equal(c.quote.exact, selected);
  assert.deepEqual(c.tags, ['keyboard']);
  // Enter with the caret inside the highlight opens it again.
  await page.keyboard.press('Enter');
  await page.locator('.claim-editor .claim-restatement').waitFor();
  assert.equal(await page.locator('.claim-editor .claim-restatement').inputValue(), 'Typed without a mouse');
});

test('overlapping claims both show, the overlap darker', async () => {
  await claimWithToolbar(page, 'Russian Defence Minister', 'Question');
  const inner = await onlyClaim((x) => x.quote.exact === 'Russian Defence Minister');
  const nested = await page.evaluate((id) => {
    const el = document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`)!;
    return el.parentElement?.closest('.claim') !== null || el.querySelector('.claim') !== null;
  }, inner.id);
  assert.ok(nested, 'the question sits inside the evidence highlight (nested spans stack their colour)');
  await page.mouse.move(5, 5);
  await page.locator('.claim-editor').evaluate((el) => el.scrollIntoView());
  await screenshot(page, 'claims-overlap');
});

test('delete, then Ctrl+Z brings the claim back', async () => {
  const c = await onlyClaim((x) => x.quote.exact === 'Russian Defence Minister');
  await page.locator('.claim-editor').getByRole('button', { name: 'Delete claim' }).click();
  await page.waitForFunction((id) => !document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`), c.id);
  assert.ok(!(await storedClaims(page)).some((x) => x.id === c.id));
  assert.equal(await focused(page), 'reader');
  await page.keyboard.press('Control+z');
  await page.locator('#status-line', { hasText: 'Undid: ' }).waitFor();
  await page.locator(`.reader-text .claim[data-claim-id="${c.id}"]`).first().waitFor();
  assert.ok((await storedClaims(page)).some((x) => x.id === c.id));
});

test('link two claims across documents and follow the link both ways', async () => {
  await openDocument(page, WIKI);
  await claimWithToolbar(page, 'intergovernmental organization for economic integration');
  await page.keyboard.type('The CAU was an economic bloc');
  await page.keyboard.press('Tab');
  await waitSaved(page);

  await page.locator('.claim-editor').getByRole('button', { name: 'Link to…' }).click();
  await page.keyboard.type('russia courts');
  await page.locator('.link-result[aria-selected=true]', { hasText: 'Russia courts Turkmenistan militarily' }).waitFor();
  await page.keyboard.press('Enter');
  const out = page.locator('.claim-editor .claim-link-follow').first();
  await out.waitFor();
  assert.match(await out.innerText(), /^supports →\s+«The visit of Russian Defence Minister[^»]*» \(Turkmenistan: time to revise the neutrality policy\? ¶ 1\)$/);

  await out.click();
  await page.locator('#doc-header', { hasText: BRIEF }).waitFor();
  await page.waitForFunction(() => document.querySelector('.claim-editor .claim-restatement')?.value === 'Russia courts Turkmenistan militarily');
  const back = page.locator('.claim-editor .claim-link-follow').first();
  await back.waitFor();
  assert.match(await back.innerText(), /^← supported by\s+«intergovernmental organization for economic integration» \(Central Asian Union ¶ \d+\)$/);
  assert.ok((await page.locator('.reader-text .claim.claim-selected').count()) > 0, 'the followed claim is selected in the text');

  await back.focus();
  await page.keyboard.press('Enter');
  await page.locator('#doc-header', { hasText: WIKI }).waitFor();
  await page.waitForFunction(() => document.querySelector('.claim-editor .claim-restatement')?.value === 'The CAU was an economic bloc');
});

test('after a reload every claim is still there, highlighted', async () => {
  const stored = await storedClaims(page);
  await page.reload();
  await page.locator('.reader-text .para').first().waitFor();
  await openDocument(page, BRIEF);
  const briefId = stored.find((c) => c.quote.exact === FIRST)!.documentId;
  const here = stored.filter((c) => c.documentId === briefId);
  await page.waitForFunction((n) => new Set([...document.querySelectorAll('.reader-text .claim')].map((e: any) => e.dataset.claimId)).size === n, here.length);
  for (const c of here) assert.equal(await highlightText(page, c.id), c.quote.exact);
  assert.equal(await page.locator('.claims-panel .claims-row').count(), here.length);

  for (let i = 0; i < 3 && await page.evaluate(() => document.documentElement.dataset.theme) !== 'dark'; i++) {
    await page.locator('#theme-button').click();
  }
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.locator('.claims-panel .claims-row').first().click();
  await page.mouse.move(5, 5);
  await screenshot(page, 'claims-dark');
});

test('a claim whose text is gone shows as an orphan and re-attaches to a new selection', () => withOwnCorpus(async (p2, corpus) => {
  const gone = '65 billion cubic metres of Turkmen natural gas';
  await claimWithToolbar(p2, gone);
  const file = join(corpus, 'turkmenistan-time-to-revise-neutrality-policy-2016.txt');
  await writeFile(file, (await readFile(file, 'utf8')).replace(/, considering that China plans to import[^.]*\./, '.'));
  const summary = await api<{ orphan: number }>(p2, 'reanchor');
  assert.equal(summary.orphan, 1);

  await p2.reload();
  await openDocument(p2, BRIEF);
  await p2.locator('.claims-tab', { hasText: 'Orphans (1)' }).click();
  const row = p2.locator('.orphan-row', { hasText: gone });
  await row.waitFor();
  assert.equal(await p2.locator('.reader-text .claim').count(), 0, 'an orphan has no highlight');

  const replacement = 'Chinese air defence systems';
  await dragSelect(p2, replacement);
  await row.getByRole('button', { name: 'Re-attach to selection' }).click();
  await p2.locator('.reader-text .claim').first().waitFor();
  const [claim] = await storedClaims(p2);
  assert.equal(claim!.quote.exact, replacement);
  assert.notEqual(claim!.status, 'orphan');
  assert.equal(await highlightText(p2, claim!.id), replacement);
  await p2.locator('.claims-tab[aria-selected=true]', { hasText: 'Orphans' }).waitFor();
  await p2.locator('.claims-status', { hasText: 'No orphans' }).waitFor();
}));

test('when the open document changes on disk and is re-read, the reader shows the new text in place, its claims moved with it', () => withOwnCorpus(async (p2, corpus) => {
  const phrase = 'Chinese air defence systems';
  await claimWithToolbar(p2, phrase);
  const [before] = await storedClaims(p2);
  const inserted = 'A sentence added to the file after the claim was made.';
  const file = join(corpus, 'turkmenistan-time-to-revise-neutrality-policy-2016.txt');
  await writeFile(file, (await readFile(file, 'utf8')).replace('In April 2016, Turkmenistan', `${inserted} In April 2016, Turkmenistan`));
  // another window or the command line re-reads the corpus; this page is not reloaded
  await api(p2, 'reanchor');
  await p2.locator('.reader-text', { hasText: inserted }).waitFor({ timeout: 10_000 });
  const [after] = await storedClaims(p2);
  assert.equal(after!.status, 'moved');
  assert.equal(after!.position.start, before!.position.start + inserted.length + 1);
  await p2.waitForFunction((id) => document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`)?.textContent?.length > 0, after!.id);
  assert.equal(await highlightText(p2, after!.id), phrase, 'the highlight sits on the same words in the new text');
}));

test('a note typed just before the window closes is saved: the editor sends it as the page goes', async () => {
  const p2 = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  try {
    await openReader(p2, host.url);
    await openDocument(p2, WIKI);
    const phrase = 'later called the Central Asian Economic Union';
    await claimWithToolbar(p2, phrase, 'Evidence');
    await waitSaved(p2);
    const made = (await storedClaims(p2)).find((c) => c.quote.exact === phrase);
    assert.ok(made);
    const note = 'Typed, then the window closed at once.';
    await p2.locator('textarea.claim-note').fill(note); // no pause, no blur: the typing debounce is still waiting
    await p2.close({ runBeforeUnload: true });
    const deadline = Date.now() + 5_000;
    let saved = '';
    while (Date.now() < deadline && saved !== note) {
      saved = (await storedClaims(page)).find((c) => c.id === made.id)?.note ?? '';
      if (saved !== note) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(saved, note);
  } finally {
    if (!p2.isClosed()) await p2.close();
  }
});

test('"Kinds…" renames a kind and changes its colour: highlights, the claims list and the toolbar follow, in every window', async () => {
  await openDocument(page, BRIEF);
  const other = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  try {
    await openReader(other, host.url);
    await openDocument(other, BRIEF);
    const lib = await api<{ documents: Array<{ id: string; title: string }> }>(page, 'getLibrary');
    const briefId = lib.documents.find((d) => d.title === BRIEF)?.id;
    const evidence = (await storedClaims(page)).find((c) => c.documentId === briefId && c.kind === 'evidence' && c.status !== 'orphan');
    assert.ok(evidence, 'an earlier test made an evidence claim in the brief');
    await page.getByRole('button', { name: 'Kinds…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Claim kinds' });
    await dialog.waitFor();
    const label = dialog.locator('.kind-row[data-kind="evidence"] .kind-label');
    // a kind needs a name: the dialog says so and stays open
    await label.fill('  ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.locator('.kinds-error', { hasText: 'Every kind needs a name.' }).waitFor();
    await label.fill('Source says');
    await dialog.locator('.kind-row[data-kind="evidence"] .kind-color').fill('#3366ff');
    await screenshot(page, 'claims-kinds');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    const settings = await api<{ kinds: Array<{ id: string; label: string; color: string }> }>(page, 'getSettings');
    assert.deepEqual(settings.kinds.find((k) => k.id === 'evidence'), { id: 'evidence', label: 'Source says', color: '#3366ff' });
    const colourOf = (p: Page): Promise<string> => p.locator(`.reader-text .claim[data-claim-id="${evidence.id}"]`).first()
      .evaluate((el: any) => getComputedStyle(el).getPropertyValue('--claim-color').trim());
    for (const p of [page, other]) {
      await p.waitForFunction((id) => {
        const el = document.querySelector(`.reader-text .claim[data-claim-id="${id}"]`);
        return !!el && getComputedStyle(el).getPropertyValue('--claim-color').trim() === '#3366ff';
      }, evidence.id, { timeout: 5_000 }).catch(async (err: Error) => {
        throw new Error(`${err.message}\nhighlight now: ${await p.locator(`.reader-text .claim[data-claim-id="${evidence.id}"]`).count()} element(s), colour ${await colourOf(p).catch(() => 'none')}`);
      });
      assert.equal(await colourOf(p), '#3366ff');
      await p.locator(`.claims-row[data-claim-id="${evidence.id}"] .claims-row-kind`, { hasText: 'Source says' }).waitFor();
    }
    await dragSelect(other, 'Collective Security Treaty Organization');
    await other.locator('.selection-toolbar').getByRole('button', { name: 'Source says' }).waitFor();
  } finally {
    await other.close();
  }
});
