/**
 * The reader in Chromium against the real web host and the sample corpus: what a person sees and
 * does — the library, a document with its contents, footnotes, paragraph numbers, find, keyboard
 * navigation, themes — plus screenshots in test-results/ to look at.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, startHost, type HostHandle } from './harness.ts';

// Browser globals inside page.evaluate callbacks (this project's Node tsconfig has no DOM lib;
// declared here, module-scoped, so no other file sees them).
declare const document: any;
declare const window: any;
declare const performance: any;
declare function getComputedStyle(el: unknown, pseudo?: string): any;

const ARTICLE = 'turkmenistan-neutrality-central-asian-integration.txt';

/** The first footnote's note text, read from the file itself (`[footnoteRef:K]` … `[K: text]`). */
function firstNoteText(corpusDir: string): string {
  const raw = readFileSync(join(corpusDir, ARTICLE), 'utf8');
  const key = /\[footnoteRef:(\d+)\]/.exec(raw)![1]!;
  const note = new RegExp(`\\[${key}:\\s([^\\]]{20,})`).exec(raw)![1]!;
  return note.replace(/\s+/g, ' ').trim().slice(0, 40);
}

describe('the reader', () => {
  let host: HostHandle;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    [host, browser] = await Promise.all([startHost(), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(host.url);
  });
  after(async () => {
    await browser?.close();
    await host?.stop();
  });

  test('the library lists the five sources with their titles and word counts', async () => {
    const items = page.locator('.library-list > li[role=option]');
    await items.nth(4).waitFor();
    assert.equal(await items.count(), 5);
    for (let i = 0; i < 5; i++) {
      assert.ok(await items.nth(i).locator('.doc-title').isVisible());
      assert.match(await items.nth(i).locator('.doc-title').innerText(), /\w{3}/);
      assert.match(await items.nth(i).locator('.doc-meta').innerText(), /\d words/);
    }
    // a document opens by itself on first start
    await page.locator('.ProseMirror .para').first().waitFor();
    await screenshot(page, 'reader-light');
  });

  test('opening the journal article shows its title, its contents and paragraph numbers', async () => {
    const item = page.locator(`.library-list > li[title="${ARTICLE}"]`);
    assert.match(await item.locator('.doc-title').innerText(), /Turkmenistan/i);
    await item.click();
    await page.waitForFunction(() => document.querySelectorAll('.ProseMirror .fnref-marker').length > 5);
    assert.match(await page.locator('#doc-title').innerText(), /Turkmenistan/i);
    assert.equal(await item.getAttribute('aria-selected'), 'true');
    assert.match(page.url(), /#doc=/);
    const toc = page.locator('#toc-panel .toc-link');
    assert.ok(await toc.filter({ hasText: /^Introduction$/ }).isVisible(), 'Introduction in the contents');
    // paragraph numbers: 1, 2, 3 … in the margin, muted but there
    const numbers = await page.$$eval('.ProseMirror .para', (ps) => ps.slice(0, 3).map((p) => getComputedStyle(p, '::before').content));
    assert.deepEqual(numbers, ['"1"', '"2"', '"3"']);
    const opened = await page.evaluate(() => {
      const marks = performance.getEntriesByName('document-open');
      return (marks.at(-1)?.detail as { ms: number }).ms;
    });
    console.log(`# opening the journal article took ${opened.toFixed(1)} ms`);
    assert.ok(opened < 1000, `opening took ${opened} ms`);
  });

  test('clicking a heading in the contents brings it to the top of the reader', async () => {
    const link = page.locator('#toc-panel .toc-link').filter({ hasText: /^Introduction$/ });
    await link.click();
    const top = await page.evaluate(() => {
      const h = [...document.querySelectorAll('.ProseMirror .heading')].find((e) => e.textContent === 'Introduction')!;
      return h.getBoundingClientRect().top - document.getElementById('reader-scroll')!.getBoundingClientRect().top;
    });
    assert.ok(top >= 0 && top < 80, `heading at ${top}px from the top`);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), true);
  });

  test('a footnote marker shows its note on hover and on keyboard focus', async () => {
    const note = firstNoteText(host.corpusDir);
    const marker = page.locator('.ProseMirror .fnref-marker').first();
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    const popover = page.locator('#fn-popover');
    await popover.waitFor({ state: 'visible' });
    assert.ok((await popover.innerText()).replace(/\s+/g, ' ').includes(note), `popover shows "${note}"`);
    await screenshot(page, 'reader-footnote');
    await page.mouse.move(5, 5);
    await popover.waitFor({ state: 'hidden' });
    await marker.focus();
    await popover.waitFor({ state: 'visible' });
    const described = await marker.evaluate((m) => document.getElementById(m.getAttribute('aria-describedby')!)?.textContent ?? '');
    assert.ok(described.replace(/\s+/g, ' ').includes(note), 'aria-describedby points at the note');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'hidden' });
  });

  test('the text is read-only but the caret and keyboard selection work', async () => {
    const para = page.locator('.ProseMirror .para').nth(2);
    const before = await para.innerText();
    await para.click();
    await page.keyboard.type('xyz');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await para.innerText(), before);
    assert.equal(await page.evaluate(() => window.getSelection()?.toString().length), 3);
  });

  test('find highlights every match of "neutrality" and steps through them', async () => {
    await page.keyboard.press('Control+f');
    const input = page.locator('.find-input');
    await input.waitFor({ state: 'visible' });
    await input.fill('NEUTRALITY');
    const count = page.locator('.find-count');
    await page.waitForFunction(() => /\d+ of \d+/.test(document.querySelector('.find-count')?.textContent ?? ''));
    const [, first, total] = /(\d+) of (\d+)/.exec(await count.innerText())!;
    assert.ok(Number(total) > 1, `${total} matches`);
    assert.ok(await page.locator('.ProseMirror .find-match').count() > 1);
    await input.press('Enter');
    assert.equal(await count.innerText(), `${Number(first) % Number(total) + 1} of ${total}`);
    await input.press('Shift+Enter');
    assert.equal(await count.innerText(), `${first} of ${total}`);
    const current = page.locator('.ProseMirror .find-current');
    assert.match(await current.innerText(), /^neutrality$/i);
    assert.ok(await current.isVisible());
    await screenshot(page, 'reader-find');
    await input.press('Escape');
    assert.equal(await input.isVisible(), false);
    assert.equal(await page.locator('.ProseMirror .find-match').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), true, 'focus back in the text');
    assert.match(await page.evaluate(() => window.getSelection()?.toString() ?? ''), /^neutrality$/i, 'the match stays selected');
  });

  test('Alt+ArrowDown / Alt+ArrowUp move between headings', async () => {
    const headings = await page.$$eval('.ProseMirror .heading', (hs) => hs.map((h) => h.textContent));
    assert.ok(headings.length >= 3);
    await page.locator('.ProseMirror .para').first().click();
    await page.keyboard.press('Control+Home');
    const caretHeading = () => page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('.heading')?.textContent ?? null);
    await page.keyboard.press('Alt+ArrowDown');
    assert.equal(await caretHeading(), headings[0]);
    await page.keyboard.press('Alt+ArrowDown');
    assert.equal(await caretHeading(), headings[1]);
    await page.keyboard.press('Alt+ArrowUp');
    assert.equal(await caretHeading(), headings[0]);
    await page.waitForFunction((h) => document.querySelector('#toc-panel .toc-link[aria-current]')?.textContent === h, headings[0]);
  });

  test('documents change with Alt+PageDown, the library arrows, and browser back', async () => {
    const title = () => page.locator('#doc-title').innerText();
    const start = await title();
    await page.keyboard.press('Alt+PageDown');
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent !== t, start);
    const second = await title();
    await page.goBack();
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent === t, start);
    await page.keyboard.press('Alt+PageUp');
    await page.waitForFunction((t) => document.getElementById('doc-title')?.textContent !== t, start);
    assert.notEqual(await title(), second);
    // the library list: one Tab stop, arrows move, Enter opens
    await page.locator('.library-list > li[aria-selected=true]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement.dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('.library-list > li[aria-selected=true]')?.getAttribute('data-id') === id, focused);
    assert.equal(await page.evaluate(() => document.querySelectorAll('.library-list [tabindex="0"]').length), 1);
  });

  test('Tab reaches the library, the contents and the text, each with a visible focus ring', async () => {
    await page.locator('#top-bar .app-name').click();
    const reached = new Set<string>();
    for (let i = 0; i < 40 && reached.size < 3; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        const pane = el?.closest('#library-panel, #toc-panel, .ProseMirror');
        if (!pane) return null;
        const style = getComputedStyle(el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none';
        return { pane: pane.id || 'reader', ring };
      });
      if (where) { assert.ok(where.ring, `focus ring in ${where.pane}`); reached.add(where.pane); }
    }
    assert.deepEqual([...reached].sort(), ['library-panel', 'reader', 'toc-panel']);
    // F6 cycles the panes (the side panel too, once a panel lives there)
    const pane = () => page.evaluate(() => document.activeElement?.closest('#library-panel, #toc-panel, #reader-column, #side-panel')?.id ?? null);
    const withSide = await page.evaluate(() => document.getElementById('side-panel').childElementCount > 0);
    const seen = new Set<string | null>();
    for (let i = 0; i < (withSide ? 4 : 3); i++) { await page.keyboard.press('F6'); seen.add(await pane()); }
    assert.deepEqual([...seen].sort(), ['library-panel', 'reader-column', ...(withSide ? ['side-panel'] : []), 'toc-panel']);
  });

  test('? lists the shortcuts; Escape closes the list', async () => {
    await page.locator('.ProseMirror').click();
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.shortcuts');
    await dialog.waitFor({ state: 'visible' });
    for (const keys of ['Alt+PageDown', 'Alt+↓', 'F3']) assert.ok((await dialog.innerText()).includes(keys), keys);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('the dark theme changes the colours and is remembered', async () => {
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    for (let i = 0; i < 3 && await page.evaluate(() => document.documentElement.dataset.themePreference) !== 'dark'; i++) {
      await page.locator('#theme-button').click();
    }
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const dark = await bg();
    assert.notEqual(dark, light);
    await page.locator('.ProseMirror .para').first().waitFor();
    await screenshot(page, 'reader-dark');
    await page.reload();
    await page.locator('.ProseMirror .para').first().waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.themePreference === 'dark');
    assert.equal(await bg(), dark, 'the theme survives a reload (saved in the settings)');
  });

  test('no errors in the page so far', () => {
    assert.deepEqual(pageErrors, []);
  });

  test('opening a folder that does not exist says why, next to the field', async () => {
    const field = page.locator('#corpus-path');
    await field.fill(join(host.dataDir, 'no-such-folder'));
    await page.locator('.open-folder button[type=submit]').click();
    const error = page.locator('#corpus-error');
    await page.waitForFunction(() => (document.getElementById('corpus-error')?.textContent ?? '').length > 0);
    assert.ok(await error.isVisible());
    assert.equal(await page.locator('.library-list > li[role=option]').count(), 5, 'the library is unchanged');
  });

  test('Back and Forward go between the documents opened, and a reload keeps the open one', async () => {
    const titles = ['Foreign relations of Turkmenistan', 'Turkmenistan russia relations report'];
    const shown = () => page.locator('#top-title').innerText();
    for (const t of titles) {
      await page.locator('.library-list > li', { hasText: t }).click();
      await page.waitForFunction((want) => document.getElementById('top-title')?.textContent === want, t);
    }
    await page.goBack();
    await page.waitForFunction((want) => document.getElementById('top-title')?.textContent === want, titles[0]);
    await page.goForward();
    await page.waitForFunction((want) => document.getElementById('top-title')?.textContent === want, titles[1]);
    await page.reload();
    await page.locator('.ProseMirror .para').first().waitFor();
    assert.equal(await shown(), titles[1]);
  });
});
