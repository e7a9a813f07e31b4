import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { quietSqliteWarning } from './quiet-warnings.ts';
import { main } from './main.ts';
import { defaultDataDir } from './paths.ts';

quietSqliteWarning();
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Runs the CLI in-process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; } });
  return { code, out, err };
}

describe('usage and exit codes', () => {
  test('no verb: usage on stderr, exit 2; --help: usage on stdout, exit 0', async () => {
    const none = await cli();
    assert.equal(none.code, 2);
    assert.match(none.err, /Usage: marginalia <verb>/);
    for (const v of ['serve', 'library', 'claims', 'import', 'export', 'reanchor']) assert.match(none.err, new RegExp(`^  ${v} `, 'm'));
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.equal(help.out, none.err);
  });

  test('unknown verbs, unknown options, bad values and stray arguments are usage errors (2)', async () => {
    assert.equal((await cli('frobnicate')).code, 2);
    const opt = await cli('library', '--jsn');
    assert.equal(opt.code, 2);
    assert.match(opt.err, /--jsn/);
    assert.match(opt.err, /Usage: marginalia library/);
    assert.equal((await cli('serve', '--port', '70000')).code, 2);
    assert.equal((await cli('export', '--format', 'docx')).code, 2);
    assert.equal((await cli('claims', '--status', 'lost')).code, 2);
    assert.equal((await cli('library', 'extra')).code, 2);
    assert.equal((await cli('import')).code, 2);
  });

  test('a missing import file is bad input (1) with a readable message', async () => {
    const r = await cli('import', join(tmpdir(), 'no-such-annotations.jsonld'));
    assert.equal(r.code, 1);
    assert.match(r.err, /^Cannot read .*no-such-annotations\.jsonld: no such file\.$/m);
  });
});

test('the default data folder is the desktop app\'s userData folder on each platform', () => {
  assert.equal(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x/config' }, '/home/ann'), join('/x/config', 'Marginalia'));
  assert.equal(defaultDataDir('linux', {}, '/home/ann'), join('/home/ann', '.config', 'Marginalia'));
  assert.equal(defaultDataDir('darwin', {}, '/Users/ann'), join('/Users/ann', 'Library', 'Application Support', 'Marginalia'));
  assert.equal(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann'), join('C:\\Users\\ann\\AppData\\Roaming', 'Marginalia'));
});

describe('verbs over the real library and the sample corpus', () => {
  let data: string;
  let data2: string;
  before(async () => {
    data = await mkdtemp(join(tmpdir(), 'mg-cli-'));
    data2 = await mkdtemp(join(tmpdir(), 'mg-cli-'));
  });
  after(async () => {
    await rm(data, { recursive: true, force: true });
    await rm(data2, { recursive: true, force: true });
  });

  test('library --json lists every text with the sha256 of its bytes', async () => {
    const r = await cli('library', '--json', '--corpus', CORPUS, '--data', data);
    assert.equal(r.code, 0, r.err);
    const lib = JSON.parse(r.out) as { documents: Array<{ id: string; path: string; title: string; wordCount: number; contentHash: string }> };
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).sort();
    assert.deepEqual(lib.documents.map((d) => d.path).sort(), files);
    for (const d of lib.documents) {
      const bytes = await readFile(join(CORPUS, d.path));
      assert.equal(d.contentHash, createHash('sha256').update(bytes).digest('hex'), d.path);
      assert.ok(d.wordCount > 100 && d.wordCount <= bytes.toString('utf8').split(/\s+/).length, `${d.path}: ${d.wordCount}`);
      assert.ok(d.title.length > 0);
    }
    const table = await cli('library', '--corpus', CORPUS, '--data', data);
    assert.match(table.out, new RegExp(`^${files.length} document\\(s\\) in `));
  });

  test('a claim made in the library shows in claims --json, survives export → import elsewhere, and re-anchors exactly', async () => {
    const { createLibrary } = await import('../library.ts');
    const lib = await createLibrary({ dataDir: data, corpusDir: CORPUS, transport: 'web' });
    const doc = (await lib.getLibrary()).documents.find((d) => d.path.startsWith('000_'))!;
    const model = await lib.getDocument(doc.id);
    const { plainText } = await import('../../core/corpus/plain-text.ts');
    const text = plainText(model);
    const phrase = 'permanently neutral country';
    const start = text.indexOf(phrase);
    assert.ok(start >= 0);
    const claim = await lib.createClaim({ documentId: doc.id, start, end: start + phrase.length, restatement: 'Turkmenistan sought permanent neutrality.' });
    lib.close();

    const listed = await cli('claims', '--json', '--corpus', CORPUS, '--data', data);
    assert.equal(listed.code, 0, listed.err);
    assert.deepEqual(JSON.parse(listed.out), [{
      id: claim.id, document: doc.id, status: 'exact', start, end: start + phrase.length, paragraphs: [claim.paragraph, claim.paragraph],
      quote: phrase, text: phrase, entities: [],
    }]);

    const out = join(data, 'export.jsonld');
    assert.equal((await cli('export', '--format', 'jsonld', '--out', out, '--corpus', CORPUS, '--data', data)).code, 0);
    const imported = await cli('import', out, '--json', '--corpus', CORPUS, '--data', data2);
    assert.equal(imported.code, 0, imported.err);
    assert.equal(JSON.parse(imported.out).imported, 1);
    const again = JSON.parse((await cli('claims', '--json', '--corpus', CORPUS, '--data', data2)).out) as Array<{ quote: string; start: number }>;
    assert.deepEqual(again.map((c) => [c.quote, c.start]), [[phrase, start]]);

    const re = await cli('reanchor', '--json', '--corpus', CORPUS, '--data', data2);
    assert.deepEqual(JSON.parse(re.out), { exact: 1, moved: 0, fuzzy: 0, orphan: 0, changes: [] });
  });

  test('importing a file that is not JSON-LD is bad input (1)', async () => {
    const r = await cli('import', join(CORPUS, '001_c3b809a64f0aae10.txt'), '--corpus', CORPUS, '--data', data2);
    assert.equal(r.code, 1);
    assert.ok(r.err.trim().length > 0);
  });
});
