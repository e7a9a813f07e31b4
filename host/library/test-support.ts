/**
 * Builders for the library's tests: temporary folders, a writable copy of the sample corpus,
 * a library that closes itself, and locating a real phrase in a document's plain text.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainText } from '../../core/corpus/plain-text.ts';
import { createLibrary, type Library } from '../library.ts';

/** The five sample texts (shared/ sits beside the repository). */
export const SAMPLE_CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** File names of the sample texts used by the tests. */
export const TURKMEN_NEUTRALITY = '001_c3b809a64f0aae10.txt';

interface TestContext { after(fn: () => unknown): void }

/** A fresh temporary folder, removed after the test. */
export async function tempDir(t: TestContext, label = 'lib'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `marginalia-${label}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A writable copy of the sample corpus. */
export async function corpusCopy(t: TestContext): Promise<string> {
  const dir = await tempDir(t, 'corpus');
  await cp(SAMPLE_CORPUS, dir, { recursive: true });
  return dir;
}

/** A library over `dataDir` (new if absent) and `corpusDir`, closed after the test. */
export async function openLibrary(t: TestContext, dataDir: string, corpusDir: string | null): Promise<Library> {
  const lib = await createLibrary({ dataDir, corpusDir, transport: 'web', version: 'test' });
  t.after(() => lib.close());
  return lib;
}

/** The document whose path ends with `file`. */
export async function documentByFile(lib: Library, file: string): Promise<{ id: string; text: string }> {
  const snap = await lib.getLibrary();
  const summary = snap.documents.find((d) => d.path.endsWith(file));
  if (!summary) throw new Error(`${file} is not in the library (${snap.documents.map((d) => d.path).join(', ')})`);
  return { id: summary.id, text: plainText(await lib.getDocument(summary.id)) };
}

/** The range of the first occurrence of `phrase` in a document's plain text. */
export async function passage(lib: Library, file: string, phrase: string): Promise<{ documentId: string; start: number; end: number }> {
  const doc = await documentByFile(lib, file);
  const start = doc.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${file}`);
  return { documentId: doc.id, start, end: start + phrase.length };
}
