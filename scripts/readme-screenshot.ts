/**
 * Makes the README's picture (test/screenshots/marginalia.png): the bundled corpus in a fresh data
 * folder, a few claims of each kind with entities, tags and a cross-document link made through the
 * API, the journal article open with one claim in the editor. `node scripts/readme-screenshot.ts`
 * after `npm run build`; needs /usr/bin/chromium.
 */
import { fileURLToPath } from 'node:url';
import { launchBrowser, startHost } from '../test/e2e/harness.ts';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const document: any;
import { plainText } from '../core/corpus/plain-text.ts';
const h = await startHost({});
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(h.url);
await page.locator('.reader-text .para').first().waitFor();
const api = (m: string, ...args: unknown[]) => page.evaluate(async ([m, a]) => {
  const token = (document.querySelector('meta[name="marginalia-token"]') as any).content;
  const r = await fetch(`/api/reader:${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': token }, body: JSON.stringify(a) });
  const b = await r.json() as any; if (!b.ok) throw new Error(b.error.message); return b.value;
}, [m, args] as const) as Promise<any>;
const lib = await api('getLibrary');
const doc = (re: RegExp) => lib.documents.find((d: any) => re.test(d.title));
const art = doc(/neutrality central asian/i), brief = doc(/time to revise/i);
const gb = await api('createEntity', { name: 'Gurbanguly Berdimuhamedow', type: 'person', aliases: ['Berdymukhamedov', 'Berdimuhamedov'], wikidata: 'Q58304' });
const tm = await api('createEntity', { name: 'Turkmenistan', type: 'state', aliases: [] });
const ru = await api('createEntity', { name: 'Russia', type: 'state', aliases: ['Russian Federation'] });
const claim = async (d: any, phrase: string, extra: any) => {
  const text = plainText(await api('getDocument', d.id));
  const start = text.indexOf(phrase); if (start < 0) throw new Error(phrase);
  return api('createClaim', { documentId: d.id, start, end: start + phrase.length, ...extra });
};
const a1 = await claim(art, "Turkmenistan's neutrality policy is not the reason for its foreign policy to pursue isolationism", { kind: 'claim', restatement: 'Neutrality is not why Turkmenistan is isolated', tags: ['neutrality', 'isolation'], entityIds: [tm.id], note: 'Yapici; contrast with Kiepenheuer-Drechsler below.' });
const a2 = await claim(art, '"diplomatic isolation status" was imposed', { kind: 'evidence', restatement: 'Isolation was a deliberate choice', tags: ['isolation'], entityIds: [tm.id] });
await claim(art, 'Academic research on Turkmenistan is quite weak', { kind: 'question', restatement: 'How thin is the literature?', tags: ['method'] });
await claim(art, 'energy trade is a major source of Turkmenistan', { kind: 'definition', tags: ['energy'], entityIds: [tm.id] });
const b1 = await claim(brief, 'This scenario could push Turkmen President Gurbanguly Berdymukhamedov to partially revise the neutrality policy', { kind: 'claim', restatement: 'Security threats may force a revision of neutrality', tags: ['neutrality', 'security'], entityIds: [gb.id, ru.id] });
await api('linkClaims', a1.id, b1.id, 'contradicts');
await page.reload();
await page.locator('#library-panel li', { hasText: 'neutrality central asian' }).click();
await page.locator(`.reader-text .claim[data-claim-id="${a1.id}"]`).first().waitFor();
await page.locator(`.reader-text .claim[data-claim-id="${a1.id}"]`).first().click();
await page.locator('.claim-editor:not([hidden])').waitFor();
await page.locator(`.reader-text .claim[data-claim-id="${a1.id}"]`).first().evaluate((el: any) => el.scrollIntoView({ block: 'center' }));
await page.mouse.move(700, 5);
await page.waitForTimeout(400);
await page.screenshot({ path: fileURLToPath(new URL('../test/screenshots/marginalia.png', import.meta.url)) });
await browser.close(); await h.stop();
