import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { plainText } from '../../core/corpus/plain-text.ts';
import { importFolder, type FolderImport } from './import-folder.ts';

const PROSE = 'This paragraph is ordinary prose, long enough to be the body under a short title line.';
const MB = 1024 * 1024;
let dir = '';
let result: FolderImport;
let hashesBefore = new Map<string, string>();

function hashTree(root: string, into = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(root, { withFileTypes: true })) {
    const p = join(root, e.name);
    if (e.isFile()) { try { into.set(p, createHash('sha256').update(readFileSync(p)).digest('hex') + statSync(p).mtimeMs); } catch { /* unreadable */ } }
    else if (e.isDirectory()) hashTree(p, into);
  }
  return into;
}
const problemFor = (path: string): string | undefined => result.problems.find((p) => p.path === path)?.reason;
const docFor = (path: string) => result.documents.find((d) => d.path === path);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-import-'));
  const w = (name: string, data: string | Buffer): void => writeFileSync(join(dir, name), data);
  w('empty.txt', '');
  w('blank.txt', '\n  \n');
  w('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  w('latin1.txt', Buffer.concat([Buffer.from('Caf', 'latin1'), Buffer.from([0xe9]), Buffer.from(` cr\xe8me\n${PROSE}\n`, 'latin1')]));
  w('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Über Titel\n${PROSE}\n`, 'utf16le')]));
  w('bom-crlf.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`A Short Title\r\n\r\n${PROSE}\r\n`)]));
  w('long-line.txt', 'word '.repeat(400_000));
  w('too-big.txt', 'x'.repeat(3 * MB + 1));
  w('picture.png', Buffer.from([0x89, 0x50]));
  w('page.html', `<title>A Page</title><p>${PROSE}</p><script>alert(1)</script>`);
  w('sources.json', '[{"id": "page.html", "type": "webpage", "title": "Bro');
  w('locked.txt', PROSE);
  chmodSync(join(dir, 'locked.txt'), 0o000);
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  w('sub/deeper/Note.md', `# Deep note\n\n${PROSE}\n`);
  symlinkSync('..', join(dir, 'sub', 'back-to-root'));
  symlinkSync('self-loop.txt', join(dir, 'self-loop.txt'));
  mkdirSync(join(dir, '.git'));
  w('.git/HEAD.txt', PROSE);
  mkdirSync(join(dir, 'node_modules'));
  w('node_modules/pkg.md', PROSE);
  hashesBefore = hashTree(dir);
  result = await importFolder(dir, { maxFileBytes: 3 * MB });
});
after(() => {
  try { chmodSync(join(dir, 'locked.txt'), 0o644); } catch { /* already gone */ }
  rmSync(dir, { recursive: true, force: true });
});

test('hostile files are skipped with a reason a person can read', () => {
  assert.match(problemFor('empty.txt') ?? '', /Empty file/);
  assert.match(problemFor('blank.txt') ?? '', /white space/);
  assert.match(problemFor('binary.txt') ?? '', /binary/);
  assert.match(problemFor('too-big.txt') ?? '', /over the 3\.0 MB limit/);
  assert.match(problemFor('self-loop.txt') ?? '', /symbolic link loop/);
  assert.match(problemFor('sub/back-to-root') ?? '', /loop/);
  assert.match(problemFor('.git') ?? '', /Hidden folder/);
  assert.match(problemFor('node_modules') ?? '', /node_modules/);
  assert.match(problemFor('sources.json') ?? '', /not valid JSON/);
  assert.equal(problemFor('picture.png'), undefined, 'other kinds of file are ignored silently');
  if (process.getuid?.() === 0) return; // root reads mode-000 files: nothing to assert there
  assert.match(problemFor('locked.txt') ?? '', /permission denied/);
});

test('odd encodings and shapes load: latin-1, UTF-16 with BOM, BOM + CRLF, a 2 MB line, nested Markdown, HTML', () => {
  const latin = docFor('latin1.txt');
  assert.ok(latin);
  assert.ok(plainText(latin.doc).startsWith('Café crème'));
  assert.match(latin.problems.join(), /Windows-1252/);
  assert.equal(docFor('utf16.txt')?.doc.title, 'Über Titel');
  const crlf = docFor('bom-crlf.txt');
  assert.equal(crlf?.doc.title, 'A Short Title');
  assert.ok(!/[\r\uFEFF]/.test(plainText(crlf.doc)));
  assert.equal(docFor('long-line.txt')?.wordCount, 400_000);
  assert.equal(docFor('sub/deeper/Note.md')?.doc.title, 'Deep note');
  assert.equal(docFor('page.html')?.doc.title, 'A Page', 'a broken sources.json leaves documents loading');
  assert.equal(docFor('page.html')?.format, 'html');
  assert.deepEqual(result.documents.map((d) => d.path), [...result.documents.map((d) => d.path)].sort(), 'sorted by path');
  assert.equal(result.documents.filter((d) => d.path.includes('node_modules') || d.path.startsWith('.git')).length, 0);
});

test('content hash is the sha256 of the bytes, and files are never modified', () => {
  const doc = docFor('bom-crlf.txt')!;
  assert.equal(doc.contentHash, createHash('sha256').update(readFileSync(join(dir, 'bom-crlf.txt'))).digest('hex'));
  assert.deepEqual(hashTree(dir), hashesBefore);
});

test('a missing folder, or a file given as the folder, gives one problem and no throw', async () => {
  const missing = await importFolder(join(dir, 'does-not-exist'));
  assert.deepEqual(missing.documents, []);
  assert.equal(missing.problems.length, 1);
  assert.match(missing.problems[0]!.reason, /does not exist/);
  const file = await importFolder(join(dir, 'page.html'));
  assert.match(file.problems[0]!.reason, /not a folder/);
});

test('the sample corpus: sources.json metadata attached, its titles used, README passed over', async () => {
  const corpus = await importFolder(new URL('../../corpus/', import.meta.url).pathname);
  assert.deepEqual(corpus.problems, []);
  assert.equal(corpus.documents.length, 5);
  for (const d of corpus.documents) assert.equal(d.csl?.id, d.path);
  const hub = corpus.documents.find((d) => d.path === 'central-asian-union-hubbry-wiki.txt')!;
  assert.equal(hub.csl?.['container-title'], 'Hubbry');
  assert.equal(hub.doc.title, 'Central Asian Union');
  const paper = corpus.documents.find((d) => d.path.startsWith('turkmenistan-neutrality'))!;
  assert.equal(paper.doc.title, 'Turkmenistan neutrality central asian integration', 'no title in the text or its metadata: the file name');
  assert.equal(paper.doc.footnotes.length, 28);
});

test('sources.json items that match no file are reported', async () => {
  const d = mkdtempSync(join(tmpdir(), 'marginalia-sources-'));
  try {
    writeFileSync(join(d, 'a.txt'), `Plain Title\n${PROSE}\n`);
    writeFileSync(join(d, 'sources.json'), JSON.stringify([{ id: './a.txt', type: 'book', title: 'From Sources' }, { id: 'gone.txt', type: 'book' }, { title: 'no id' }]));
    const r = await importFolder(d);
    assert.equal(r.documents[0]?.doc.title, 'From Sources');
    assert.equal(r.documents[0]?.csl?.type, 'book');
    assert.deepEqual(r.problems.map((p) => p.path), ['sources.json', 'sources.json']);
    const reasons = r.problems.map((p) => p.reason).join('\n');
    assert.match(reasons, /No file "gone\.txt"/);
    assert.match(reasons, /Item 3 ignored: it has no "id"/);
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
});
