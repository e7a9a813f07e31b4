/**
 * Imports a corpus folder: every .txt, .md/.markdown and .html/.htm file under it becomes a
 * document model (core/corpus/parse.ts), with its sha256, word count, problems and CSL metadata
 * from sources.json. Files are only read, never written.
 *
 * Skipped with a reason (never thrown): empty files, binary files, files over the size limit,
 * unreadable files, symbolic link loops, hidden folders and node_modules. A folder that is missing
 * or unreadable gives one problem for the folder. Other files are ignored silently.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { CslItem, DocumentModel, ImportProblem } from '../../core/api.ts';
import { parseDocument } from '../../core/corpus/parse.ts';
import { decodeBytes } from './decode.ts';
import { readSources } from './sources.ts';
import { describeFsError, walkCorpus, type FoundFile } from './walk.ts';

/** One imported file. */
export interface ImportedDocument {
  /** Path relative to the corpus folder, forward slashes. */
  path: string;
  format: 'txt' | 'md' | 'html';
  /** sha256 hex of the file's bytes. */
  contentHash: string;
  doc: DocumentModel;
  wordCount: number;
  problems: string[];
  csl: CslItem | null;
}

/**
 * Everything an import produced: documents sorted by path, and what was skipped and why.
 * `reused`: paths whose document came from the `memory` unread (the rest were read and parsed).
 */
export interface FolderImport { documents: ImportedDocument[]; problems: ImportProblem[]; reused: ReadonlySet<string> }

/** What an import made of one file, with what stat said of the file before it was read. */
export interface ImportMemo { size: number; mtimeMs: number; csl: string; result: ImportedDocument }

/**
 * What earlier imports of one folder made of each file (path → memo), so that a re-read after a
 * save parses only the files that changed (issue 10, item 14). `importFolder` fills and prunes it.
 */
export type ImportMemory = Map<string, ImportMemo>;

let parsedFiles = 0;
/**
 * How many files `importFolder` has read and parsed in this process so far: the watcher's test
 * reads the difference to see that saving one file re-reads that file alone.
 */
export function filesParsed(): number { return parsedFiles; }

/**
 * Default size limit: 20 MB. The largest plain-text books (a complete Shakespeare, the Bible)
 * are 4–6 MB; anything much bigger is a data dump that would make the reader sluggish.
 */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Files read at once: enough to overlap disk waits, few enough to stay far from fd limits. */
const READ_CONCURRENCY = 16;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

async function importFile(file: FoundFile, maxBytes: number, csl: CslItem | null): Promise<ImportedDocument | ImportProblem> {
  if (file.size === 0) return { path: file.path, reason: 'Empty file skipped.' };
  if (file.size > maxBytes) return { path: file.path, reason: `File skipped: it is ${megabytes(file.size)}, over the ${megabytes(maxBytes)} limit.` };
  let bytes: Buffer;
  try {
    bytes = await readFile(file.abs);
  } catch (err) {
    return { path: file.path, reason: `File skipped: cannot be read (${describeFsError(err)}).` };
  }
  if (bytes.length > maxBytes) return { path: file.path, reason: `File skipped: it is ${megabytes(bytes.length)}, over the ${megabytes(maxBytes)} limit.` };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { path: file.path, reason: `File skipped: ${decoded.reason}` };
  if (decoded.text.trim() === '') return { path: file.path, reason: 'Empty file skipped (only white space).' };
  try {
    const parsed = parseDocument({ text: decoded.text, format: file.format, path: file.path });
    const title = typeof csl?.title === 'string' && csl.title.trim() ? csl.title.trim() : null;
    if (title) parsed.doc.title = title;
    return {
      path: file.path,
      format: file.format,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      doc: parsed.doc,
      wordCount: parsed.wordCount,
      problems: [...decoded.problems, ...parsed.problems],
      csl,
    };
  } catch (err) {
    return { path: file.path, reason: `File skipped: it could not be read as ${file.format} (${(err as Error).message}).` };
  }
}

/**
 * Imports the folder `dir` (see the file comment). Never throws for problems with the files.
 * With `memory`, a file whose size, modification time and sources.json item are as the memory
 * has them is not read again: its earlier document is returned (and listed in `reused`), unless
 * its path is in `changed` (what a watcher heard about: re-read whatever stat says).
 */
export async function importFolder(dir: string, opts: { maxFileBytes?: number; memory?: ImportMemory; changed?: ReadonlySet<string> | null } = {}): Promise<FolderImport> {
  const maxBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const reused = new Set<string>();
  try {
    if (!(await stat(dir)).isDirectory()) return { documents: [], problems: [{ path: '.', reason: `The corpus ${dir} is not a folder.` }], reused };
  } catch (err) {
    return { documents: [], problems: [{ path: '.', reason: `The corpus folder ${dir} cannot be opened: ${describeFsError(err)}.` }], reused };
  }
  const walked = await walkCorpus(dir).catch((err: unknown) => ({
    files: [] as FoundFile[], problems: [{ path: '.', reason: `The corpus folder ${dir} cannot be read: ${describeFsError(err)}.` }],
  }));
  const sources = await readSources(dir);
  const results = new Array<ImportedDocument | ImportProblem>(walked.files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < walked.files.length) {
      const i = next++;
      const file = walked.files[i]!;
      const csl = sources.items.get(file.path) ?? null;
      const cslKey = csl ? JSON.stringify(csl) : '';
      const memo = opts.memory?.get(file.path);
      if (memo && memo.size === file.size && memo.mtimeMs === file.mtimeMs && memo.csl === cslKey && !opts.changed?.has(file.path)) {
        results[i] = memo.result;
        reused.add(file.path);
        continue;
      }
      parsedFiles++;
      const result = await importFile(file, maxBytes, csl);
      results[i] = result;
      if ('doc' in result) opts.memory?.set(file.path, { size: file.size, mtimeMs: file.mtimeMs, csl: cslKey, result });
      else opts.memory?.delete(file.path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, walked.files.length) }, worker));

  const documents: ImportedDocument[] = [];
  const problems: ImportProblem[] = [...walked.problems, ...sources.problems];
  for (const r of results) {
    if ('doc' in r) documents.push(r);
    else problems.push(r);
  }
  const found = new Set(walked.files.map((f) => f.path));
  if (opts.memory) for (const path of opts.memory.keys()) if (!found.has(path)) opts.memory.delete(path);
  for (const id of sources.items.keys()) {
    if (!found.has(id)) problems.push({ path: 'sources.json', reason: `No file "${id}" in the corpus for this item.` });
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { documents, problems, reused };
}
