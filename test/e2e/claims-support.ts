/**
 * Steps the claims specs share: open the reader, select a phrase with the mouse or the keyboard,
 * make a claim, wait for the store to confirm, and ask the host directly what it holds.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Claim, ReaderMethod } from '../../core/api.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any, getSelection: any, CSS: any, NodeFilter: any;

/** Calls the host's API from inside the page (its cookie and token), as the renderer does. */
export async function api<T>(page: Page, method: ReaderMethod, ...args: unknown[]): Promise<T> {
  return page.evaluate(async ([m, a]) => {
    const token = document.querySelector('meta[name="marginalia-token"]')!.content;
    const res = await fetch(`/api/reader:${m}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token }, body: JSON.stringify(a),
    });
    const body = await res.json() as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(body.error!.message);
    return body.value;
  }, [method, args] as const) as Promise<T>;
}

/** Every claim the store holds. */
export function storedClaims(page: Page, filter: Record<string, string> = {}): Promise<Claim[]> {
  return api<Claim[]>(page, 'listClaims', filter);
}

/** Opens the reader at `url` and waits for a document's text. */
export async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.reader-text .para').first().waitFor();
}

/** Opens a document by clicking its title in the library. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page.locator('.library-list li[role=option]', { hasText: title }).first().click();
  await page.locator('#doc-header', { hasText: title }).waitFor();
}

/** Viewport rectangles of the first occurrence of `phrase` in the reader's text. */
export async function phraseRects(page: Page, phrase: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const r = await page.evaluate((p) => {
    const root = document.querySelector('.ProseMirror')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(p);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + p.length);
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()];
      const a = rects[0]!, b = rects[rects.length - 1]!;
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
    }
    return null;
  }, phrase);
  assert.ok(r, `the text shows "${phrase}" within one text run`);
  return r;
}

/** Selects `phrase` by dragging the mouse across it. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  const r = await phraseRects(page, phrase);
  await page.mouse.move(r.x1, r.y1);
  await page.mouse.down();
  await page.mouse.move((r.x1 + r.x2) / 2, r.y2, { steps: 4 });
  await page.mouse.move(r.x2, r.y2, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  assert.equal(selected.trim(), phrase.trim());
}

/** Makes a claim of `phrase` with the mouse: drag, then the toolbar's kind button. */
export async function claimWithToolbar(page: Page, phrase: string, kindLabel = 'Claim'): Promise<void> {
  const before = await page.locator('.reader-text .claim').count();
  await dragSelect(page, phrase);
  const toolbar = page.locator('.selection-toolbar');
  await toolbar.waitFor({ state: 'visible' });
  await toolbar.getByRole('button', { name: kindLabel, exact: true }).click();
  await waitSaved(page);
  await page.waitForFunction((n) => document.querySelectorAll('.reader-text .claim').length > n, before);
  // the editor shows the new claim with the caret in it (the last claim's "Saved" may still be
  // shown a moment before, and keys typed then would go elsewhere)
  await page.waitForFunction((p) => {
    const ed = document.querySelector('.claim-editor:not([hidden])');
    return !!ed && ed.contains(document.activeElement) && (ed.querySelector('.claim-quote')?.textContent ?? '').includes(p);
  }, phrase.slice(0, 20));
  await waitSaved(page);
}

/** Waits for the claim editor to report that the host committed the last change. */
export async function waitSaved(page: Page): Promise<void> {
  await page.locator('.claim-editor .save-status[data-state=saved]').waitFor({ timeout: 10_000 });
}

/** The text of the reader's highlights for one claim (joined across its pieces). */
export async function highlightText(page: Page, claimId: string): Promise<string> {
  return page.evaluate((id) => [...document.querySelectorAll(`.reader-text .claim[data-claim-id="${CSS.escape(id)}"]`)]
    .map((e: any) => e.textContent).join(''), claimId);
}
