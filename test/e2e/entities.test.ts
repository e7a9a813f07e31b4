/**
 * Entities and the library-wide claims view, end to end against the real host and corpus:
 * create an entity (a bad Wikidata id is explained first), sweep its mentions across the corpus
 * (alias and near spellings included), make claims from mentions and see them grouped by source,
 * rename it everywhere, find it with the picker by a partial alias and merge another entity into
 * it, undo the merge, then filter the library-wide list by entity and tag two claims at once,
 * and undo that too; export the filtered claims and import them back after a bulk delete.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Claim, Entity } from '../../core/api.ts';
import { api, storedClaims } from './claims-support.ts';
import { join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { launchBrowser, RESULTS_DIR, startHost, type HostHandle } from './harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;

const NAME = 'Gurbanguly Berdimuhamedow';
const ALIAS = 'Berdymukhamedov';
/** A well-formed Wikidata id; the host checks the form, it does not look the item up. */
const WIKIDATA = 'Q58304';
const RENAMED = 'Gurbanguly Mälikgulyýewiç Berdimuhamedow';

let host: HostHandle;
let browser: Browser;
let page: Page;

before(async () => {
  host = await startHost();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(host.url);
  await page.locator('.reader-text .para').first().waitFor();
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

/** Brings a side-panel section forward through its tab. */
async function showPanel(p: Page, title: 'Entities' | 'All claims'): Promise<void> {
  const tab = p.getByRole('tab', { name: title, exact: true });
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  await p.locator(title === 'Entities' ? '.entities-panel' : '.all-claims-view').waitFor({ state: 'visible' });
}
const entities = (): Promise<Entity[]> => api<Entity[]>(page, 'listEntities');
const entityNamed = async (name: string): Promise<Entity> => {
  const e = (await entities()).find((x) => x.name === name);
  assert.ok(e, `the library has an entity "${name}"`);
  return e;
};
/** A screenshot of the window with `selector` scrolled to the top of its panel. */
async function shot(p: Page, name: string, selector: string): Promise<void> {
  await p.locator(selector).first().evaluate((el: any) => el.scrollIntoView({ block: 'start' }));
  await mkdir(RESULTS_DIR, { recursive: true });
  await p.screenshot({ path: join(RESULTS_DIR, `${name}.png`) });
}
/** Polls `check` until it holds (the host confirms saves asynchronously). */
async function until(check: () => Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return;
  assert.fail(`timed out: ${what}`);
}
const mentionCount = (): Promise<number> => page.locator('.mention-sweep .mention').count();

test('a new entity: a bad Wikidata id is explained at the field, a good one links to Wikidata', async () => {
  await showPanel(page, 'Entities');
  await page.getByRole('button', { name: 'New entity' }).click();
  const form = page.locator('.entities-panel .entity-form');
  await form.getByLabel('Name').fill(NAME);
  await form.getByLabel('Type').selectOption('person');
  await form.getByLabel('Aliases').fill(ALIAS);
  await form.getByLabel('Description').fill('President of Turkmenistan 2007–2022.');
  await form.getByLabel('Wikidata id').fill('X12');
  await form.getByRole('button', { name: 'Create entity' }).click();
  await assert.doesNotReject(form.locator('.field-error', { hasText: 'Q followed by digits' }).waitFor());
  assert.equal(await form.getByLabel('Wikidata id').getAttribute('aria-invalid'), 'true');
  assert.equal((await entities()).length, 0, 'nothing reached the host');

  await form.getByLabel('Wikidata id').fill(WIKIDATA);
  await form.getByRole('button', { name: 'Create entity' }).click();
  await page.locator('.entity-page-name', { hasText: NAME }).waitFor();
  const e = await entityNamed(NAME);
  assert.deepEqual([e.type, e.aliases, e.wikidata], ['person', [ALIAS], WIKIDATA]);
  const link = page.locator('.entity-page .wikidata-link');
  assert.equal(await link.getAttribute('href'), `https://www.wikidata.org/wiki/${WIKIDATA}`);
  assert.match((await link.getAttribute('rel')) ?? '', /noopener/);
});

test('the mention sweep lists passages in several documents, near spellings included', async () => {
  await page.locator('.mention-sweep .mention').first().waitFor();
  const groups = await page.locator('.mention-sweep .mention-group').count();
  assert.ok(groups >= 2, `mentions in at least two documents (got ${groups})`);
  const matched = await page.locator('.mention-sweep .mention-context mark').allInnerTexts();
  assert.ok(matched.includes(ALIAS), 'the alias is found as written');
  assert.ok(matched.some((m) => /Berdimuhamedov$/.test(m)), `a near spelling (Berdimuhamedov) is found: ${matched.join(', ')}`);
  const near = page.locator('.mention-sweep .mention.near').first();
  await assert.doesNotReject(near.locator('.near-badge', { hasText: 'near spelling' }).waitFor());
  await shot(page, 'entities-mention-sweep', '.mention-sweep');
});

test('"Make claim" on two mentions makes tagged claims, listed by source with counts', async () => {
  const e = await entityNamed(NAME);
  const before = await mentionCount();
  const groups = page.locator('.mention-sweep .mention-group');
  for (const i of [0, 1]) {
    const n = await mentionCount();
    await groups.nth(i).locator('.mention-make').first().click();
    await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length < k, ['.mention-sweep .mention', n] as const);
  }
  assert.equal(await mentionCount(), before - 2, 'each claimed mention leaves the list');
  const claims = await storedClaims(page, { entityId: e.id });
  assert.equal(claims.length, 2);
  assert.equal(new Set(claims.map((c) => c.documentId)).size, 2, 'one claim in each of two documents');
  for (const c of claims) assert.deepEqual([c.entityIds, c.kind], [[e.id], 'claim']);

  await page.locator('.entity-page .entity-source').nth(1).waitFor();
  const sources = page.locator('.entity-page .entity-claims .entity-source');
  assert.equal(await sources.count(), 2);
  assert.deepEqual(await sources.locator('.entity-source-count').allInnerTexts(), ['1', '1']);
  assert.match(await page.locator('.entity-page .entity-section-title', { hasText: 'Claims' }).innerText(), /\(2\)/i);
  const href = await sources.first().locator('a.entity-claim').getAttribute('href');
  assert.match(href ?? '', /^#doc=.+&claim=.+/, 'each claim links into the reader');
  await shot(page, 'entities-entity-page', '.entity-page');
});

test('"Open in reader" on a mention opens its document with the passage selected', async () => {
  const group = page.locator('.mention-sweep .mention-group').last();
  const title = (await group.locator('.entity-source-title span').first().innerText()).trim();
  const mention = group.locator('.mention').first();
  const text = await mention.locator('mark').first().innerText();
  await mention.getByRole('button', { name: 'Open in reader' }).click();
  await page.locator('#doc-header', { hasText: title }).waitFor();
  await page.waitForFunction((t) => document.getSelection()?.toString().replace(/\s+/g, ' ') === t, text);
});

test('rename changes the name everywhere at once, and the claims show it', async () => {
  const e = await entityNamed(NAME);
  await page.locator('.entity-actions').getByRole('button', { name: 'Rename…' }).click();
  const form = page.locator('.entity-page .entity-form');
  await form.getByLabel('Name').fill(RENAMED);
  await form.getByRole('button', { name: 'Rename' }).click();
  await page.locator('.entity-page-name', { hasText: RENAMED }).waitFor();
  assert.equal((await entities()).find((x) => x.id === e.id)?.name, RENAMED);
  await page.locator('.entities-toast', { hasText: `Renamed “${NAME}” to “${RENAMED}”` }).waitFor();

  await showPanel(page, 'All claims');
  const chips = page.locator('.all-claims-view .all-claim .chip-entity', { hasText: RENAMED });
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, '.all-claims-view .all-claim .chip-entity');
  assert.equal(await chips.count(), 2);
});

test('the picker finds the entity by part of an alias; merge combines aliases and undo brings both back', async () => {
  await showPanel(page, 'Entities');
  await page.locator('.entities-back').click();
  await page.getByRole('button', { name: 'New entity' }).click();
  const form = page.locator('.entities-panel .entity-form');
  await form.getByLabel('Name').fill('Berdimuhamedov');
  await form.getByRole('button', { name: 'Create entity' }).click();
  await page.locator('.entity-page-name', { hasText: /^Berdimuhamedov$/ }).waitFor();

  await page.locator('.entity-actions').getByRole('button', { name: 'Merge into…' }).click();
  const input = page.getByRole('combobox', { name: /^Merge .* into…$/ });
  await input.pressSequentially('berdym');
  const option = page.locator('.entity-page .entity-picker').getByRole('option').first();
  await assert.doesNotReject(option.filter({ hasText: RENAMED }).waitFor());
  assert.match(await option.innerText(), /alias “Berdymukhamedov”/, 'the picker says which alias matched');
  const active = await input.getAttribute('aria-activedescendant');
  assert.equal(active, await option.getAttribute('id'), 'the best match is the active option');
  await input.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await page.locator('.entity-page-name', { hasText: RENAMED }).waitFor();
  await page.locator('.entity-facts', { hasText: 'Berdimuhamedov' }).waitFor();
  const merged = await entities();
  assert.equal(merged.length, 1);
  assert.deepEqual(merged[0]!.aliases, [ALIAS, NAME, 'Berdimuhamedov'], 'the name before the rename stayed an alias');

  await page.locator('.entities-toast').getByRole('button', { name: 'Undo' }).click();
  await page.locator('.entities-toast', { hasText: 'Undid' }).waitFor();
  const back = await entities();
  assert.deepEqual(back.map((x) => x.name).sort(), ['Berdimuhamedov', RENAMED]);
  assert.deepEqual(back.find((x) => x.name === RENAMED)!.aliases, [ALIAS, NAME]);
  await page.waitForFunction((alias) => document.querySelector('.entity-page .entity-facts dd')?.textContent === alias, `${ALIAS} · ${NAME}`);

  // A second entity of the same name (ignoring case) is refused by the host, said in the form.
  await page.locator('.entities-back').click();
  await page.getByRole('button', { name: 'New entity' }).click();
  await form.getByLabel('Name').fill('berdimuhamedov');
  await form.getByRole('button', { name: 'Create entity' }).click();
  await form.locator('.entity-form-error', { hasText: 'already an entity called' }).waitFor();
  await form.getByRole('button', { name: 'Cancel' }).click();
});

test('library-wide claims: filter by entity, tag two claims in one action, undo it in one step', async () => {
  const e = await entityNamed(RENAMED);
  const tagged = await storedClaims(page, { entityId: e.id });
  // A claim without the entity, which the filter must hide.
  const other = await api<Claim>(page, 'createClaim', { documentId: tagged[0]!.documentId, start: 0, end: 12, kind: 'question' });

  await showPanel(page, 'All claims');
  const view = page.locator('.all-claims-view');
  await view.locator('.all-claim').nth(2).waitFor();
  await view.getByLabel('Filter by entity').selectOption(e.id);
  await page.waitForFunction(() => document.querySelectorAll('.all-claims-view .all-claim').length === 2);
  assert.equal(await view.locator(`.all-claim[data-claim-id="${other.id}"]`).count(), 0);

  const boxes = view.locator('input.claim-select');
  await boxes.nth(0).click();
  await boxes.nth(1).click({ modifiers: ['Shift'] });
  await view.locator('.all-claims-count', { hasText: '2 selected' }).waitFor();
  await view.getByLabel('Tag to add').fill('leader');
  await view.getByRole('button', { name: 'Add tag' }).click();
  await page.locator('.entities-toast', { hasText: 'Tagged 2 claims “leader”' }).waitFor();
  await view.locator('.all-claim .chip-tag', { hasText: 'leader' }).nth(1).waitFor();
  for (const c of await storedClaims(page, { entityId: e.id })) assert.deepEqual(c.tags, ['leader']);
  assert.deepEqual((await storedClaims(page, { tag: 'leader' })).length, 2);
  await shot(page, 'entities-all-claims', '.all-claims-view');

  await view.locator('.all-claims-list').focus();
  await page.keyboard.press('Control+a');
  await view.locator('.all-claims-count', { hasText: '2 selected' }).waitFor();
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelectorAll('.all-claims-view .all-claim .chip-tag').length === 0);
  for (const c of await storedClaims(page, { entityId: e.id })) assert.deepEqual(c.tags, [], 'one undo untags both');
  assert.equal((await storedClaims(page)).length, 3, 'the undo touched only the tagging');
});

test('a claim opened from the list brings the Claims tab forward; its picker creates an entity on Enter', async () => {
  const e = await entityNamed(RENAMED);
  const view = page.locator('.all-claims-view');
  const first = view.locator('.all-claim').first();
  const claimId = await first.getAttribute('data-claim-id');
  await first.locator('.all-claim-source').click();
  await page.locator('.claim-editor:not([hidden])').waitFor();
  const claimsTab = page.getByRole('tab', { name: 'Claims', exact: true });
  assert.equal(await page.getByRole('tab', { name: 'All claims' }).getAttribute('aria-selected'), 'false');
  assert.equal(await claimsTab.getAttribute('aria-selected'), 'true', 'the claim editor brought its tab forward');

  await page.locator('.claim-editor').getByRole('button', { name: 'Add entity…' }).click();
  const input = page.locator('.claim-editor .entity-picker [role=combobox]');
  await input.pressSequentially('Niyazov');
  const create = page.locator('.claim-editor .entity-picker').getByRole('option', { name: /Create “Niyazov” as person/ });
  await create.waitFor();
  assert.equal(await input.getAttribute('aria-activedescendant'), await create.getAttribute('id'), 'with no match, Enter creates');
  await input.press('Enter');
  await page.locator('.claim-editor .chip-entity', { hasText: 'Niyazov' }).waitFor();
  const niyazov = await entityNamed('Niyazov');
  assert.equal(niyazov.type, 'person');
  await until(async () => (await storedClaims(page)).find((c) => c.id === claimId)?.entityIds.includes(niyazov.id) ?? false,
    'the claim editor saves the new tag');
  assert.ok((await storedClaims(page, { entityId: e.id })).some((c) => c.id === claimId), 'the other tag stays');
});

test('export downloads the filtered claims as W3C JSON-LD; after a bulk delete, importing it brings them back', async () => {
  const e = await entityNamed(RENAMED);
  await showPanel(page, 'All claims');
  const view = page.locator('.all-claims-view');
  await view.getByLabel('Filter by entity').selectOption(e.id);
  await page.waitForFunction(() => document.querySelectorAll('.all-claims-view .all-claim').length === 2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    view.getByRole('button', { name: 'Export annotations (W3C JSON-LD)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'annotations.jsonld');
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const doc = JSON.parse(text) as { type: string; total: number };
  assert.deepEqual([doc.type, doc.total], ['AnnotationCollection', 2], 'only the claims the filter shows');

  // Importing what is already there adds nothing and says so.
  const file = { name: 'annotations.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(text) };
  await view.locator('input[type=file]').setInputFiles(file);
  await view.locator('.interchange-summary', { hasText: /^Imported 0 annotations/ }).waitFor();
  assert.match(await view.locator('.interchange-problems').innerText(), /already in the library; skipped/);

  await view.locator('.all-claims-list').focus();
  await page.keyboard.press('Control+a');
  await view.locator('.all-claims-count', { hasText: '2 claims shown · 2 selected' }).waitFor();
  await view.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete 2 claims' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.all-claims-view .all-claim').length === 0);
  assert.equal((await storedClaims(page, { entityId: e.id })).length, 0);

  await view.locator('input[type=file]').setInputFiles(file);
  await view.locator('.interchange-summary', { hasText: /^Imported 2 annotations from annotations\.jsonld: 2 exact, 0 moved, 0 fuzzy, 0 orphans\.$/ }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('.all-claims-view .all-claim').length === 2);
  assert.equal((await storedClaims(page, { entityId: e.id })).length, 2, 'the imported claims are tagged with the entity again');
});

test('a long library list draws 200 rows at a time; "Select all" and a bulk tag still cover every claim that passes the filter', async () => {
  const lib = await api<{ documents: Array<{ id: string; title: string; wordCount: number }> }>(page, 'getLibrary');
  const doc = lib.documents.find((d) => d.title === 'Central Asian Union');
  assert.ok(doc, 'the wiki page is in the library');
  for (let i = 0; i < 230; i++) await api(page, 'createClaim', { documentId: doc.id, start: i * 20, end: i * 20 + 12, kind: 'question' });
  // with the questions earlier tests made there
  const TOTAL = (await storedClaims(page, { documentId: doc.id, kind: 'question' })).length;
  assert.ok(TOTAL >= 230 && TOTAL < 400, `${TOTAL} questions`);
  await showPanel(page, 'All claims');
  const view = page.locator('.all-claims-view');
  for (const f of ['entity', 'tag']) await view.getByLabel(`Filter by ${f}`).selectOption('');
  await view.getByLabel('Filter by source').selectOption(doc.id);
  await view.getByLabel('Filter by kind').selectOption('question');
  const count = view.locator('.all-claims-count');
  await count.filter({ hasText: `${TOTAL} claims shown (first 200 listed)` }).waitFor({ timeout: 10_000 })
    .catch(async (err: Error) => { throw new Error(`${err.message}\nThe count says: ${await count.innerText()}`); });
  assert.equal(await view.locator('.all-claim').count(), 200);
  await view.getByRole('button', { name: `Show ${TOTAL - 200} more (${TOTAL - 200} not listed yet)` }).click();
  // the whole count text ("… shown" alone also matches "… shown (first 200 listed)" before the page arrives)
  await view.locator('.all-claims-count', { hasText: new RegExp(`^${TOTAL} claims shown$`) }).waitFor();
  assert.equal(await view.locator('.all-claim').count(), TOTAL);
  assert.equal(await view.locator('.all-claims-more').isHidden(), true);

  // Back to the first page after a filter change; "Select all" takes the claims not drawn too.
  await view.getByLabel('Filter by kind').selectOption('');
  await view.getByLabel('Filter by kind').selectOption('question');
  await view.locator('.all-claims-count', { hasText: '(first 200 listed)' }).waitFor();
  await view.getByRole('button', { name: `Select all ${TOTAL}` }).click();
  await view.locator('.all-claims-count', { hasText: `${TOTAL} selected` }).waitFor();
  await view.getByLabel('Tag to add').fill('batch');
  await view.getByRole('button', { name: 'Add tag' }).click();
  const deadline = Date.now() + 5000;
  let tagged: Claim[] = [];
  while (Date.now() < deadline) {
    tagged = await storedClaims(page, { tag: 'batch' });
    if (tagged.length === TOTAL) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(tagged.length, TOTAL, 'every selected claim got the tag, drawn or not');
});
