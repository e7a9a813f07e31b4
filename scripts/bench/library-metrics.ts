/**
 * Measurements that need no browser: importing the Brown corpus, the mention sweep, making the
 * 10,000 claims the reader benchmarks use, and re-anchoring them after an edit (core alone, and
 * the library end to end after the file changed on disk). Everything runs in this process
 * against a library on a temporary data folder, through the same API the app uses.
 */
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnchorTarget } from '../../core/annotations/anchor.ts';
import { anchorAll } from '../../core/annotations/anchor.ts';
import type { ReanchorSummary } from '../../core/api.ts';
import { parseDocument } from '../../core/corpus/parse.ts';
import { plainText, plainTextWithSpans } from '../../core/corpus/plain-text.ts';
import { importFolder } from '../../host/corpus/import-folder.ts';
import { createLibrary, type Library } from '../../host/library.ts';
import { WATCH_DEBOUNCE_MS } from '../../host/library/corpus-watcher.ts';
import { median, timed } from './stats.ts';

/** Opens a library the way the app does (web transport), optionally on a corpus. */
export function openLibrary(dataDir: string, corpusDir: string | null = null): Promise<Library> {
  return createLibrary({ dataDir, corpusDir, transport: 'web', version: 'bench' });
}

/** Import timings for one corpus folder: the importer alone, and into a fresh store. */
export async function measureImport(corpusDir: string, freshDataDir: string): Promise<{ importMs: number; openMs: number; ids: string[]; problems: number }> {
  const imported = await timed(() => importFolder(corpusDir));
  const opened = await timed(async () => {
    const lib = await openLibrary(freshDataDir);
    try { return await lib.openCorpus(corpusDir); } finally { lib.close(); }
  });
  return { importMs: imported.ms, openMs: opened.ms, ids: opened.value.documents.map((d) => d.id), problems: imported.value.problems.length };
}

/**
 * One file of a watched corpus saved (issue 10, item 14): from the write to the library's
 * onDidChangeLibrary, less the watcher's debounce (WATCH_DEBOUNCE_MS: the pause it waits on
 * purpose), median of `runs` saves that each add a paragraph to the same file; and this process's
 * CPU time over the same span (the library runs here, as in the app's host). Copies `corpusDir`
 * first, so the caller's corpus and store are not touched.
 */
export async function measureSaveReread(corpusDir: string, workDir: string, runs = 5): Promise<{ medianMs: number; cpuMs: number; documents: number }> {
  const dir = join(workDir, 'saved-corpus');
  await cp(corpusDir, dir, { recursive: true });
  const lib = await createLibrary({ dataDir: join(workDir, 'saved-data'), corpusDir: dir, transport: 'web', version: 'bench', watchCorpus: true });
  try {
    const docs = (await lib.getLibrary()).documents;
    const file = join(dir, docs[Math.floor(docs.length / 2)]!.path);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const reread = new Promise<void>((resolve) => { const off = lib.on('onDidChangeLibrary', () => { off(); resolve(); }); });
      const t = performance.now();
      const c = process.cpuUsage();
      await appendFile(file, `\n\nA paragraph added by the benchmark, number ${i}.\n`);
      await reread;
      const used = process.cpuUsage(c);
      wall.push(performance.now() - t - WATCH_DEBOUNCE_MS);
      cpu.push((used.user + used.system) / 1000);
    }
    return { medianMs: median(wall), cpuMs: median(cpu), documents: docs.length };
  } finally {
    lib.close();
  }
}

/** The mention sweep for one entity over a corpus: the first call and the median of `runs` more. */
export async function measureMentions(corpusDir: string, dataDir: string, runs = 5): Promise<{ firstMs: number; medianMs: number; mentions: number }> {
  const lib = await openLibrary(dataDir, corpusDir);
  try {
    const entity = await lib.createEntity({ name: 'Gurbanguly Berdimuhamedow', type: 'person', aliases: ['Berdymukhamedov'] });
    const first = await timed(() => lib.findMentions(entity.id));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push((await timed(() => lib.findMentions(entity.id))).ms);
    return { firstMs: first.ms, medianMs: median(times), mentions: first.value.length };
  } finally { lib.close(); }
}

/**
 * Makes `count` claims on one document through the library API (createClaim, one store action
 * each, as the reader makes them): claim i covers the whole sentence (text block) at index
 * ⌊i · blocks / count⌋, so the claims are spread evenly over the text and the run is repeatable.
 */
export async function makeClaims(lib: Library, documentId: string, count: number): Promise<{ ms: number; made: number }> {
  const { spans } = plainTextWithSpans(await lib.getDocument(documentId));
  if (spans.length === 0) throw new Error('The document has no text to make claims on.');
  const t = performance.now();
  for (let i = 0; i < count; i++) {
    const s = spans[Math.floor((i * spans.length) / count)]!;
    await lib.createClaim({ documentId, start: s.start, end: s.end });
  }
  return { ms: performance.now() - t, made: count };
}

/**
 * An edit made of the text's own sentences (no invented words): the first line (sentence) is
 * removed, which moves every later claim, and in the line at the middle the first " the " becomes
 * " a ", which leaves the claim there a fuzzy match. Lines are the Brown corpus's sentences.
 */
export function editText(raw: string): string {
  const lines = raw.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  lines.splice(first, 1);
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (lines[i]!.includes(' the ')) { lines[i] = lines[i]!.replace(' the ', ' a '); break; }
  }
  return lines.join('\n');
}

/** Re-anchoring timings after `editText` on the file at `file` (which the library reads as `documentId`). */
export async function measureReanchor(lib: Library, documentId: string, file: string):
  Promise<{ coreMs: number; coreSummary: ReanchorSummary; libraryMs: number; librarySummary: ReanchorSummary; claims: number }> {
  const claims = await lib.listClaims({ documentId });
  const targets: AnchorTarget[] = claims.map((c) => ({ quote: c.quote, position: c.position }));
  const edited = editText(await readFile(file, 'utf8'));
  const text = plainText(parseDocument({ text: edited, format: 'txt', path: 'edited.txt' }).doc);
  const core = await timed(() => anchorAll(text, targets));
  const coreSummary: ReanchorSummary = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  for (const r of core.value) coreSummary[r.status]++;
  await writeFile(file, edited);
  const whole = await timed(() => lib.reanchor());
  return { coreMs: core.ms, coreSummary, libraryMs: whole.ms, librarySummary: whole.value, claims: claims.length };
}
