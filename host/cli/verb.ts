/**
 * What a CLI verb is, and what verbs share: common options, opening the library, errors.
 * A new verb is one file exporting a `Verb`, added to the table in verbs.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ApiError } from '../../core/api.ts';
import type { ParseArgsConfig } from 'node:util';
import type { Library } from '../library.ts';
import { BUNDLED_CORPUS, PACKAGE_ROOT, defaultDataDir } from './paths.ts';

/** Parsed option values, as node:util parseArgs gives them. */
export type Values = Record<string, string | boolean | undefined>;

/** Streams a verb writes to (tests pass their own). */
export interface Io { out(text: string): void; err(text: string): void }

/** One verb of the command line. `run` resolves to the exit code. */
export interface Verb {
  name: string;
  /** One line for the verb list. */
  summary: string;
  /** The verb's own usage text (after `marginalia `). */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are allowed. */
  positionals?: boolean;
  run(values: Values, positionals: string[], io: Io): Promise<number>;
}

/** Exit codes: 0 ok, 1 bad input (message on stderr), 2 usage (usage text). */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** A mistake in how the command was called; main prints the verb's usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

/** Options every verb that reads the library accepts. */
export const LIBRARY_OPTIONS = {
  corpus: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Usage lines for LIBRARY_OPTIONS. */
export const LIBRARY_OPTIONS_HELP = [
  '  --corpus DIR   corpus folder (default: the folder opened last, else the bundled corpus/)',
  '  --data DIR     data folder (default: ' + defaultDataDir() + ')',
].join('\n');

/** The version in package.json, for getAppInfo. */
export function packageVersion(): string {
  try { return String((JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '0.0.0'); } catch { return '0.0.0'; }
}

/**
 * Opens the library for a verb: `--corpus` when given; otherwise the corpus opened last, and the
 * bundled sample corpus when there is none yet.
 */
export async function openLibrary(values: Values, opts: { warmCitations?: boolean; watchCorpus?: boolean; readOnly?: boolean } = {}): Promise<Library> {
  const dataDir = resolve(typeof values.data === 'string' ? values.data : defaultDataDir());
  const corpusDir = typeof values.corpus === 'string' ? resolve(values.corpus) : null;
  checkFolders(values, dataDir, corpusDir, opts.readOnly ?? false);
  // Loaded on demand: `--help` and usage errors need no store (nor node:sqlite).
  const { createLibrary } = await import('../library.ts');
  // client 'cli': the app's windows undo their own actions, not the command line's (issue 8, item 17)
  const library = await createLibrary({ dataDir, corpusDir, transport: 'web', version: packageVersion(), warmCitations: opts.warmCitations ?? false, watchCorpus: opts.watchCorpus ?? false, client: 'cli' });
  if (corpusDir === null && (await library.getLibrary()).corpusDir === null) await library.openCorpus(BUNDLED_CORPUS);
  return library;
}

/** The store's file name in a data folder (host/store/open-store.ts STORE_FILE; not imported: that module loads node:sqlite, which `--help` does without). */
const STORE_FILE = 'marginalia.sqlite';

/**
 * Folders named on the command line that cannot be what they are asked to be are refused with
 * 'bad-input' (exit 1) before anything is opened or created: `--data` or `--corpus` naming a file,
 * and, for a verb that only reads (`readOnly`), a `--corpus` folder that is not there (another
 * corpus was searched instead) or a `--data` folder with no library in it (it was created, empty,
 * and the verb answered "0 claims").
 */
function checkFolders(values: Values, dataDir: string, corpusDir: string | null, readOnly: boolean): void {
  const kind = (path: string): 'folder' | 'file' | 'none' => { try { return statSync(path).isDirectory() ? 'folder' : 'file'; } catch { return 'none'; } };
  if (typeof values.data === 'string') {
    const k = kind(dataDir);
    if (k === 'file') throw new ApiError('bad-input', `--data ${dataDir} is a file; give the data folder (it holds ${STORE_FILE}).`);
    if (readOnly && (k === 'none' || kind(join(dataDir, STORE_FILE)) !== 'file')) {
      throw new ApiError('bad-input', `There is no library in ${dataDir} (no ${STORE_FILE}); give the data folder the app uses, or leave --data out for ${defaultDataDir()}.`);
    }
  }
  if (corpusDir !== null) {
    const k = kind(corpusDir);
    if (k === 'file') throw new ApiError('bad-input', `--corpus ${corpusDir} is a file, not a folder. Give the folder that holds it: ${dirname(corpusDir)}`);
    // a verb that serves or writes keeps a known corpus whose drive is unplugged (shown as missing)
    if (k === 'none' && readOnly) throw new ApiError('bad-input', `The corpus folder ${corpusDir} cannot be found.`);
  }
}

/** Runs `work` with an open library and always closes it; `readOnly`: the verb only reads (see `checkFolders`). */
export async function withLibrary<T>(values: Values, work: (library: Library) => Promise<T>, opts: { readOnly?: boolean } = {}): Promise<T> {
  const library = await openLibrary(values, opts);
  try { return await work(library); } finally { library.close(); }
}

/** A string option that must be present. */
export function required(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required.`);
  return v;
}

/** Pads/truncates a cell for plain-text tables. */
export function cell(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > width ? t.slice(0, width - 1) + '…' : t.padEnd(width);
}
