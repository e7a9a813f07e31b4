/**
 * A new user's morning with the reader (issue 8), as they met it: two people who share a surname
 * in the entity sweep, "Make claim" on a mention, renaming an entity while a claim editor is
 * open, the picker given a fragment it has no match for; then selecting by sentence, changing a
 * claim's extent (keys and drag handles) and deleting with Undo.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, Entity } from '../../core/api.ts';
import { api, dragSelect, openDocument, phraseRects, storedClaims, waitSaved } from './claims-support.ts';
import { closeReaderSession, openReaderSession, screenshot, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const FATHER = 'Gurbanguly Berdimuhamedow';
const SON = 'Serdar Berdimuhamedow';

let host: HostHandle;
let browser: Browser;
let page: Page;
let father: Entity;
let son: Entity;

before(async () => {
  ({ host, browser, page } = await openReaderSession());
  father = await api<Entity>(page, 'createEntity', { name: FATHER, type: 'person', aliases: ['Berdymukhamedov'] });
  son = await api<Entity>(page, 'createEntity', { name: SON, type: 'person', aliases: ['Serdar Berdymukhamedov', 'Sherdar'] });
});
after(() => closeReaderSession({ host, browser }));

async function openEntityPage(id: string): Promise<void> {
  await page.getByRole('tab', { name: 'Entities', exact: true }).click();
  const back = page.locator('.entities-back');
  if (await back.isVisible()) await back.click();
  await page.locator(`.entity-row[data-entity-id="${id}"]`).click();
  await page.locator('.mention-sweep .mention').first().waitFor();
}
const rowTexts = (): Promise<string[]> => page.locator('.mention-sweep .mention-context').allInnerTexts();

test('the son\'s sweep: whole names first, the father\'s passages marked ambiguous naming him, no oil field, one row per sentence', async () => {
  await openEntityPage(son.id);
  const rows = page.locator('.mention-sweep .mention');
  const texts = await rowTexts();
  assert.ok(!texts.some((t) => /Serdar oil field/.test(t)), 'the oil field is not offered for the person');
  assert.equal(new Set(texts).size, texts.length, 'no sentence is listed twice');

  const fatherRow = rows.filter({ hasText: 'after which Gurbanguly Berdymukhamedov officially assumed' });
  assert.equal(await fatherRow.count(), 1);
  assert.match(await fatherRow.locator('.ambiguous-badge').innerText(), new RegExp(`could be ${FATHER}`));
  assert.equal(await fatherRow.locator('.part-badge').count(), 1, 'a surname alone says so');

  // In each source, certain whole-name rows come before part-of-name and ambiguous ones.
  const ranks = await page.locator('.mention-sweep .mention-group').evaluateAll((groups: any[]) => groups.map((g) =>
    [...g.querySelectorAll('.mention')].map((li: any) => (li.classList.contains('ambiguous') ? 2 : li.classList.contains('full') ? 0 : 1))));
  for (const r of ranks) assert.deepEqual(r, [...r].sort((a, b) => a - b), `rows in rank order: ${r.join(',')}`);
  assert.equal(ranks[0]![0], 0, 'the list opens with a whole-name match');
  await fatherRow.scrollIntoViewIfNeeded();
  await screenshot(page, 'new-user-sweep-ambiguous');
});

test('the father\'s sweep marks "Serdar Berdimuhamedow became president" as ambiguous, naming the son', async () => {
  await openEntityPage(father.id);
  const row = page.locator('.mention-sweep .mention', { hasText: 'In March 2022, Serdar Berdimuhamedow became president' });
  assert.equal(await row.count(), 1);
  assert.match(await row.locator('.ambiguous-badge').innerText(), new RegExp(`could be ${SON}`));
});

test('"Make claim" on a mention claims the whole sentence, tagged with the entity', async () => {
  await openEntityPage(son.id);
  const row = page.locator('.mention-sweep .mention').first();
  const shown = (await row.locator('.mention-context').innerText()).replace(/…/g, '').trim();
  const n = await page.locator('.mention-sweep .mention').count();
  await row.getByRole('button', { name: 'Make claim' }).click();
  await page.waitForFunction((k) => document.querySelectorAll('.mention-sweep .mention').length < k, n);
  const [c] = await storedClaims(page, { entityId: son.id });
  assert.ok(c);
  assert.match(c.quote.exact, /^[A-Z–-].*[.!?]$/su, `a sentence: "${c.quote.exact}"`);
  assert.match(c.quote.exact, /Serdar Berd[iy]mu(k)?hamedo[wv]/);
  assert.ok(c.quote.exact.length > 'Serdar Berdimuhamedow'.length + 20);
  assert.ok(shown.includes(c.quote.exact.slice(0, 30)) || c.quote.exact.includes(shown.slice(0, 30)), 'the row showed that sentence');
});

test('renaming an entity keeps the old name as an alias, and an open claim editor shows the new name at once', async () => {
  const [c] = await storedClaims(page, { entityId: son.id }) as Claim[];
  await page.goto(`${host.url}#doc=${c!.documentId}&claim=${c!.id}`);
  const chip = page.locator('.claim-editor .chip-entity');
  await chip.filter({ hasText: SON }).waitFor();
  // Renamed elsewhere (the entity page of another window, or the CLI): this editor follows.
  const renamed = await api<Entity>(page, 'updateEntity', son.id, { name: 'Serdar Gurbangulyýewiç Berdimuhamedow' });
  assert.deepEqual(renamed.aliases, ['Serdar Berdymukhamedov', 'Sherdar', SON]);
  await chip.filter({ hasText: 'Serdar Gurbangulyýewiç Berdimuhamedow' }).waitFor({ timeout: 3_000 });
  await screenshot(page, 'new-user-renamed-in-editor');
  // One undo takes back the name and the alias together.
  await api(page, 'undo');
  const back = (await api<Entity[]>(page, 'listEntities')).find((e) => e.id === son.id)!;
  assert.deepEqual([back.name, back.aliases], [SON, ['Serdar Berdymukhamedov', 'Sherdar']]);
  await chip.filter({ hasText: SON }).waitFor({ timeout: 3_000 });
});

test('the picker does not create "berdym" on Enter; it asks, and its type guess does not jump while typing', async () => {
  await page.locator('.claim-editor').getByRole('button', { name: 'Add entity…' }).click();
  const input = page.getByRole('combobox', { name: 'Tag an entity: find or create' });
  await input.pressSequentially('qwzx');
  await input.press('Enter');
  const hint = page.locator('.claim-editor .entity-picker-hint');
  await hint.filter({ hasText: 'does not look like a name' }).waitFor();
  assert.equal((await api<Entity[]>(page, 'listEntities')).length, 2, 'nothing created yet');
  await screenshot(page, 'new-user-picker-asks');

  // The type guess, read after each key: "Un" no longer flips it to organisation and back.
  await input.fill('');
  const guesses: string[] = [];
  for (const ch of 'Unity Party') {
    await input.press(ch === ' ' ? 'Space' : ch);
    guesses.push(await page.locator('.claim-editor .entity-picker-type').inputValue());
  }
  const changes = guesses.filter((g, i) => i > 0 && g !== guesses[i - 1]).length;
  assert.ok(changes <= 1, `the guess changed ${changes} times: ${guesses.join(' ')}`);
  await page.waitForFunction(() => document.querySelector('.claim-editor .entity-picker-type')?.value === 'organisation');

  // A name-like entry is created by Enter at once; the fragment, by a second Enter.
  await input.fill('qwzx');
  await input.press('Enter');
  await input.press('Enter');
  await page.locator('.claim-editor .chip-entity', { hasText: 'qwzx' }).waitFor();
});

/** The reader's selection as text, whitespace folded. */
const selectedText = (): Promise<string> => page.evaluate(() => (document.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim());
const S1 = 'The visit of Russian Defence Minister Sergei Shoigu in Ashgabat on June 9 has a strategic relevance';
const S2 = 'It was the first time that a Russian Defence minister visited the country since Turkmenistan has become independent.';

test('a sentence is one keystroke away: Ctrl+Shift+S selects it, again adds the next, Ctrl+Shift+H claims them', async () => {
  await openDocument(page, 'Turkmenistan: time to revise the neutrality policy?');
  await phraseRects(page, 'Sergei Shoigu'); // scrolls it into view
  await page.waitForTimeout(300);
  const r = await phraseRects(page, 'Sergei Shoigu');
  await page.mouse.click(r.x1 + 3, r.y1);
  await page.waitForFunction(() => /Sergei/.test(document.getSelection()?.focusNode?.textContent ?? ''));
  await page.keyboard.press('Control+Shift+S');
  assert.match(await selectedText(), new RegExp(`^${S1}.*Turkmen-Afghan border\\.$`));
  await page.keyboard.press('Control+Shift+S');
  assert.ok((await selectedText()).endsWith(S2), 'the next sentence is added');
  await page.keyboard.press('Control+Shift+H');
  await waitSaved(page);
  const c = (await storedClaims(page)).find((x) => x.quote.exact.startsWith('The visit of Russian Defence'))!;
  assert.ok(c.quote.exact.endsWith(S2));
});

test('a claim\'s extent: Alt+Shift+E sets it to the selection, Ctrl+Z puts it back; a handle dragged moves its end', async () => {
  const c0 = (await storedClaims(page)).find((x) => x.quote.exact.startsWith('The visit of Russian Defence'))!;
  await dragSelect(page, 'Russian Defence Minister Sergei Shoigu');
  await page.keyboard.press('Alt+Shift+E');
  await page.locator('.entities-toast', { hasText: 'Claim now covers' }).waitFor();
  let c = (await storedClaims(page)).find((x) => x.id === c0.id)!;
  assert.equal(c.quote.exact, 'Russian Defence Minister Sergei Shoigu');
  assert.equal(c.position.end - c.position.start, c.quote.exact.length, 'the selectors are recomputed');
  assert.equal(c.quote.prefix.endsWith('The visit of '), true);
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+z');
  await page.locator('#status-line', { hasText: 'Undid' }).waitFor();
  c = (await storedClaims(page)).find((x) => x.id === c0.id)!;
  assert.equal(c.quote.exact, c0.quote.exact, 'undo restores the extent');

  // Open it, then drag the end handle back to the end of "Shoigu".
  await page.locator(`.reader-text .claim[data-claim-id="${c0.id}"]`).first().click();
  const end = page.locator('.reader-text .claim-handle-end');
  await end.waitFor({ state: 'attached' }); // no width of its own: the bar and knob are drawn around it
  await screenshot(page, 'new-user-extent-handles');
  const box = (await end.boundingBox())!;
  const target = await phraseRects(page, 'Shoigu in');
  await page.mouse.move(box.x, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x1 + 30, target.y1, { steps: 6 });
  await page.mouse.move(target.x1 + 'Shoigu'.length * 9.2, target.y1, { steps: 2 });
  await page.mouse.up();
  await page.locator('.entities-toast', { hasText: 'Claim now covers' }).waitFor();
  c = (await storedClaims(page)).find((x) => x.id === c0.id)!;
  assert.match(c.quote.exact, /^The visit of Russian Defence Minister Sergei Shoigu( in)?$/, 'the end lands on a word edge');
  assert.ok(c.quote.exact.length < 60, `the end moved back: "${c.quote.exact}"`);
});

test('deleting a claim shows a toast with an Undo button that brings it back', async () => {
  const c = (await storedClaims(page)).find((x) => x.quote.exact.startsWith('The visit of Russian Defence'))!;
  await page.locator(`.reader-text .claim[data-claim-id="${c.id}"]`).first().click();
  await page.locator('.claim-editor').getByRole('button', { name: 'Delete claim' }).click();
  const toast = page.locator('.entities-toast', { hasText: 'Claim deleted' });
  await toast.waitFor();
  await screenshot(page, 'new-user-delete-toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await page.locator(`.reader-text .claim[data-claim-id="${c.id}"]`).first().waitFor();
  assert.ok((await storedClaims(page)).some((x) => x.id === c.id));
});

test('tags: suggestions from the tags in use with counts; another case takes the spelling in use; the tag manager renames, merges, deletes, undoes', async () => {
  const [sonClaim] = await storedClaims(page, { entityId: son.id });
  await api(page, 'updateClaim', sonClaim!.id, { tags: ['russia', 'succession'] });
  const c = (await storedClaims(page)).find((x) => x.quote.exact.startsWith('The visit of Russian Defence'))!;
  await page.locator(`.reader-text .claim[data-claim-id="${c.id}"]`).first().click();
  // this claim's own tag field: the editor may still show the previous claim for a moment
  const field = page.locator(`.claim-editor .chip-input[id="claim-${c.id}-tags"]`);
  await field.waitFor();
  await field.click();
  await field.pressSequentially('Ru');
  const option = page.locator('.claim-editor .tag-suggestion').first();
  await option.waitFor();
  assert.deepEqual(await option.locator('span').allInnerTexts(), ['russia', '1']);
  await screenshot(page, 'new-user-tag-suggestions');
  await field.press('ArrowDown');
  await field.press('Enter');
  await field.pressSequentially('SUCCESSION');
  await field.press('Enter');
  await page.locator('.claim-editor .tag-note', { hasText: 'Added as “succession”' }).waitFor();
  assert.deepEqual(await page.locator('.claim-editor .tag-field .chip span').allInnerTexts(), ['russia', 'succession']);
  await waitSaved(page);
  assert.deepEqual((await storedClaims(page)).find((x) => x.id === c.id)!.tags, ['russia', 'succession']);

  await page.getByRole('button', { name: 'Tags…' }).click();
  const dialog = page.locator('.tags-dialog');
  const row = dialog.locator('.tag-row[data-tag="succession"]');
  assert.equal(await row.locator('.tag-count').innerText(), '2');
  await row.locator('.tag-name').fill('Russia');
  assert.equal(await row.locator('.tag-rename').innerText(), 'Merge into “russia”');
  await screenshot(page, 'new-user-tag-manager');
  await row.locator('.tag-rename').click();
  await dialog.locator('.tags-status', { hasText: 'Merged “succession” into “russia”' }).waitFor();
  assert.deepEqual(await dialog.locator('.tag-row').evaluateAll((rows: any[]) => rows.map((r) => r.dataset.tag)), ['russia']);
  await dialog.getByRole('button', { name: 'Undo' }).click();
  await dialog.locator('.tags-status', { hasText: 'Undid' }).waitFor();
  await dialog.locator('.tag-row[data-tag="succession"]').waitFor();
  await dialog.locator('.tag-row[data-tag="succession"] .tag-delete').click();
  await dialog.locator('.tags-status', { hasText: 'Deleted “succession” from 2 claims' }).waitFor();
  assert.ok((await storedClaims(page)).every((x) => !x.tags.includes('succession')));
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The open editor follows the change made in the manager.
  await page.waitForFunction(() => [...document.querySelectorAll('.claim-editor .tag-field .chip span')].map((s: any) => s.textContent).join() === 'russia');
});

test('a new claim is drawn at once, before the host answers; one the host refuses goes away with a message', async () => {
  await openDocument(page, 'Turkmenistan: time to revise the neutrality policy?');
  let release: () => void = () => {};
  const held = new Promise<void>((r) => { release = r; });
  await page.route('**/api/reader:createClaim', async (route) => { await held; await route.continue(); });
  const before = await page.locator('.reader-text .claim').count();
  await dragSelect(page, 'the potential development of a military cooperation');
  await page.keyboard.press('Control+Shift+H');
  await page.waitForFunction((n) => document.querySelectorAll('.reader-text .claim').length > n, before, { timeout: 2_000 });
  assert.ok(!(await storedClaims(page)).some((c) => c.quote.exact === 'the potential development of a military cooperation'), 'not stored yet');
  release();
  await waitSaved(page);
  const made = (await storedClaims(page)).find((c) => c.quote.exact === 'the potential development of a military cooperation');
  assert.ok(made);
  await page.locator(`.reader-text .claim[data-claim-id="${made.id}"]`).first().waitFor();
  assert.equal(await page.locator('.reader-text .claim[data-claim-id^="pending:"]').count(), 0);
  await page.unroute('**/api/reader:createClaim');

  await page.route('**/api/reader:createClaim', (route) => route.fulfill({
    status: 200, contentType: 'application/json',
    body: JSON.stringify({ ok: false, error: { code: 'store-unavailable', message: 'The library store is read-only.' } }),
  }));
  const n = await page.locator('.reader-text .claim').count();
  await dragSelect(page, 'contain the destabilising threat');
  await page.keyboard.press('Control+Shift+H');
  await page.locator('#status-line', { hasText: 'Could not make the claim: The library store is read-only.' }).waitFor();
  await page.waitForFunction((k) => document.querySelectorAll('.reader-text .claim').length === k, n);
  await page.unroute('**/api/reader:createClaim');
});

test('two windows on one library: an edit in one shows in the other\'s open claim editor, or is flagged while that field is being typed in', async () => {
  const c = (await storedClaims(page)).find((x) => x.quote.exact === 'the potential development of a military cooperation')!;
  const other = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  try {
    for (const p of [page, other]) {
      await p.goto(`${host.url}#doc=${c.documentId}&claim=${c.id}`);
      await p.locator('.claim-editor .claim-quote', { hasText: 'the potential development' }).waitFor();
    }
    await page.locator('.claim-editor .claim-restatement').fill('Russia and Turkmenistan may cooperate militarily');
    await page.keyboard.press('Tab');
    await waitSaved(page);
    await other.waitForFunction(() => document.querySelector('.claim-editor .claim-restatement')?.value === 'Russia and Turkmenistan may cooperate militarily');

    await other.locator('.claim-editor .claim-note').click();
    await other.keyboard.type('Typed in the second window');
    await page.locator('.claim-editor .claim-note').fill('Written in the first window');
    await page.locator('.claim-editor .claim-restatement').focus();
    await waitSaved(page);
    const notice = other.locator('.claim-editor .claim-conflict');
    await notice.filter({ hasText: 'The note changed in another window' }).waitFor();
    assert.equal(await other.locator('.claim-editor .claim-note').inputValue(), 'Typed in the second window', 'what is typed stays');
    await screenshot(other, 'new-user-two-windows');
    await notice.getByRole('button', { name: 'Use the other window’s text' }).click();
    assert.equal(await other.locator('.claim-editor .claim-note').inputValue(), 'Written in the first window');
    // and the store keeps the other window's text, even when a typing pause had saved ours over it
    await waitSaved(other);
    assert.equal((await storedClaims(page)).find((x) => x.id === c.id)?.note, 'Written in the first window');
  } finally {
    await other.close();
  }
});
