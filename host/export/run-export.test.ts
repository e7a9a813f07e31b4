/**
 * Citations out through the contract, on the sample corpus with its sources.json: what each
 * export format holds, where claims cite their paragraphs, and that real tools read the files
 * (pandoc --citeproc resolves every citation of the Pandoc notes against the .bib beside them).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Library } from '../library.ts';
import { openLibrary, tempDir } from '../library/test-support.ts';

/** The repository's sample corpus (with sources.json, which the shared copy lacks). */
const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));
const WEB_ARTICLE = 'turkmenistan-time-to-revise-neutrality-policy-2016.txt';
const WIKI = 'central-asian-union-hubbry-wiki.txt';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;

/** A claim over the whole of paragraph `n` (or paragraphs n..m) of a document. */
async function claimOnParagraphs(lib: Library, file: string, n: number, m = n, extra: Record<string, unknown> = {}) {
  const summary = (await lib.getLibrary()).documents.find((d) => d.path === file)!;
  const model = await lib.getDocument(summary.id);
  const { plainTextWithSpans } = await import('../../core/corpus/plain-text.ts');
  const { text, spans } = plainTextWithSpans(model);
  const numbered: Array<{ n: number; start: number; end: number }> = [];
  const walk = (blocks: typeof model.blocks): void => {
    for (const b of blocks) {
      if (b.kind === 'paragraph') { const s = spans.find((x) => x.id === b.id)!; numbered.push({ n: b.n, start: s.start, end: s.end }); }
      else if (b.kind === 'list') for (const it of b.items) { const s = spans.find((x) => x.id === it.id)!; numbered.push({ n: it.n, start: s.start, end: s.end }); }
      else walk(b.children);
    }
  };
  walk(model.blocks);
  const first = numbered.find((p) => p.n === n)!;
  const last = numbered.find((p) => p.n === m)!;
  assert.ok(first && last && text.slice(first.start, last.end).trim(), `${file} has paragraphs ${n}–${m}`);
  return lib.createClaim({ documentId: summary.id, start: first.start, end: last.end, ...extra });
}

async function library(t: { after(fn: () => unknown): void }): Promise<Library> {
  return openLibrary(t, await tempDir(t, 'export'), CORPUS);
}

test('bibliographies cover the cited sources by default and every source on request; keys do not depend on the selection', async (t) => {
  const lib = await library(t);
  await claimOnParagraphs(lib, WEB_ARTICLE, 2);
  const cited = await lib.exportCitations({ format: 'biblatex' });
  assert.equal(cited.sources, 1);
  assert.equal((cited.text.match(/^@/gm) ?? []).length, 1);
  const key = /^@\w+\{([^,]+),/m.exec(cited.text)![1]!;
  const all = await lib.exportCitations({ format: 'biblatex', allSources: true });
  assert.equal(all.sources, 5);
  assert.equal((all.text.match(/^@/gm) ?? []).length, 5);
  assert.ok(all.text.includes(`{${key},`), 'the cited source keeps its key in the whole-library export');
  assert.ok(all.warnings.some((w) => /title/i.test(w)), 'untitled sources are reported');
  assert.doesNotMatch(all.text, /Original file/, 'the provenance notes of sources.json stay out of exports');
});

test('APA in-text citations carry the paragraph locator: para. N, and paras. N–M for a claim over two paragraphs', async (t) => {
  const lib = await library(t);
  const one = await claimOnParagraphs(lib, WEB_ARTICLE, 3);
  const two = await claimOnParagraphs(lib, WEB_ARTICLE, 3, 4);
  const a = await lib.citeClaim(one.id, 'apa');
  assert.match(a.citation, /2016, para\. 3\)$/);
  assert.match(a.citation, /neutrality policy/i);
  const b = await lib.citeClaim(two.id, 'apa');
  assert.match(b.citation, /2016, paras\. 3–4\)$/);
  assert.ok(a.text.startsWith(`“${one.quote.exact}”`));
  assert.match(a.link, /^marginalia:\/\/claim\//);
});

test('CSV: one row per listed claim with its paragraphs, formatted citation and link; UTF-8 with BOM', async (t) => {
  const lib = await library(t);
  const c = await claimOnParagraphs(lib, WIKI, 2, 2, { note: 'A note, with "quotes"\nand a second line', tags: ['union'] });
  const other = await claimOnParagraphs(lib, WEB_ARTICLE, 1);
  const r = await lib.exportCitations({ format: 'csv', selection: { claimIds: [c.id] } });
  assert.equal(r.claims, 1);
  assert.ok(r.text.startsWith('\uFEFF'));
  const rows = parse(r.text.slice(1), { columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.source, 'Central Asian Union');
  assert.equal(rows[0]!.paragraphs, '2');
  assert.equal(rows[0]!.note, 'A note, with "quotes"\nand a second line');
  assert.equal(rows[0]!.tags, 'union');
  assert.match(rows[0]!.citation, /para\. 2\)$/);
  assert.equal(rows[0]!.link, `marginalia://claim/${c.id}`);
  assert.ok(!r.text.includes(other.id), 'claims not listed stay out');
});

test('Markdown notes grouped by entity put a claim under each of its entities', async (t) => {
  const lib = await library(t);
  const tm = await lib.createEntity({ name: 'Turkmenistan', type: 'state' });
  const ru = await lib.createEntity({ name: 'Russia', type: 'state' });
  await claimOnParagraphs(lib, WEB_ARTICLE, 2, 2, { entityIds: [tm.id, ru.id] });
  await claimOnParagraphs(lib, WEB_ARTICLE, 3);
  const r = await lib.exportCitations({ format: 'markdown', group: 'entity' });
  const headings = [...r.text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, ['Russia', 'Turkmenistan', 'No entity', 'References']);
});

test('Pandoc notes: every citation resolves with pandoc --citeproc against the .bib written beside them', { skip: hasPandoc ? false : 'pandoc is not installed (CI installs it)' }, async (t) => {
  const lib = await library(t);
  await claimOnParagraphs(lib, WEB_ARTICLE, 3, 4, { restatement: 'Neutrality should be revised' });
  await claimOnParagraphs(lib, WIKI, 2);
  await claimOnParagraphs(lib, 'turkmenistan-russia-relations-report.txt', 2, 2, { note: 'Untitled report: cited by its description' });
  const r = await lib.exportCitations({ format: 'markdown', citations: 'pandoc', filename: 'paper notes.md' });
  assert.ok(r.companion);
  assert.equal(r.companion.filename, 'paper notes.bib');
  const dir = await tempDir(t, 'pandoc');
  await writeFile(join(dir, 'paper notes.md'), r.text);
  await writeFile(join(dir, r.companion.filename), r.companion.text);
  const out = spawnSync('pandoc', ['--citeproc', '-t', 'plain', '--wrap=none', 'paper notes.md'], { cwd: dir, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stderr, /not found|WARNING/i, out.stderr);
  assert.doesNotMatch(out.stdout, /\?\?|@\w/, 'no unresolved citation is left in the text');
  assert.match(out.stdout, /Central Asian Union/);
  assert.match(out.stdout, /paras?\. 3–4/);
});

test('JSON-LD names each target source with title and date, and imports back onto the same passages', async (t) => {
  const lib = await library(t);
  const c = await claimOnParagraphs(lib, WEB_ARTICLE, 2);
  const r = await lib.exportCitations({ format: 'jsonld' });
  const doc = JSON.parse(r.text);
  const source = doc.first.items[0].target.source;
  assert.equal(typeof source, 'object');
  assert.match(source['dcterms:title'], /neutrality policy/i);
  assert.equal(source['dcterms:issued'], '2016-07');
  assert.equal(source['marginalia:csl'].note, undefined, 'the provenance note stays out');
  const other = await openLibrary(t, await tempDir(t, 'export2'), CORPUS);
  const imported = await other.importAnnotations(r.text);
  assert.equal(imported.imported, 1, imported.problems.join('; '));
  const [back] = await other.listClaims();
  assert.deepEqual([back!.quote.exact, back!.position], [c.quote.exact, c.position]);
});

test('a request the host cannot do is refused with a message', async (t) => {
  const lib = await library(t);
  await assert.rejects(lib.exportCitations({ format: 'docx' as never }), /Unknown export format "docx"/);
  await assert.rejects(lib.exportCitations({ format: 'markdown', group: 'year' as never }), /Group notes by/);
  await assert.rejects(lib.citeClaim('no-such-claim'), /no longer in the library/);
});

test('a work added from a reference (no text) is in the whole-library bibliography under its own key', async (t) => {
  const lib = await library(t);
  const journal = (await lib.getLibrary()).documents.find((d) => d.path === 'turkmenistan-neutrality-central-asian-integration.txt')!;
  const refs = await lib.listReferences(journal.id);
  const yapici = refs.find((r) => /Yapici/i.test(r.raw));
  assert.ok(yapici, 'the journal article cites Yapici');
  await lib.promoteReference(yapici.id);
  const all = await lib.exportCitations({ format: 'csl-json', allSources: true });
  assert.equal(all.sources, 6);
  const items = JSON.parse(all.text) as Array<{ id: string; title?: string; issued?: unknown }>;
  const added = items.find((i) => /positive neutrality/i.test(i.title ?? ''));
  assert.ok(added, 'the promoted work is exported');
  assert.match(added.id, /^yapici2018/);
});

test('claims of a corpus that is not open still export with their sources (several corpora)', async (t) => {
  const lib = await library(t);
  const c = await claimOnParagraphs(lib, WEB_ARTICLE, 2, 2, { tags: ['first-corpus'] });
  const other = await tempDir(t, 'corpus-b');
  const { writeFile: write } = await import('node:fs/promises');
  await write(join(other, 'notes.txt'), 'Field notes\n\nThe delegation met in Ashgabat, then flew to Baku.\n');
  await lib.openCorpus(other);
  const md = await lib.exportCitations({ format: 'markdown' });
  assert.equal(md.claims, 1);
  assert.match(md.text, /^## Turkmenistan: time to revise the neutrality policy\?$/m);
  assert.match(md.text, /para\. 2\)/);
  const jsonld = JSON.parse((await lib.exportCitations({ format: 'jsonld' })).text);
  assert.match(jsonld.first.items[0].target.source['dcterms:title'], /neutrality policy/i);
  const cite = await lib.citeClaim(c.id);
  assert.match(cite.citation, /2016, para\. 2\)$/);
});
