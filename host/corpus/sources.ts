/**
 * `sources.json` at the corpus root: a CSL-JSON array whose items' `id` is a file's path relative
 * to the corpus folder. A broken file is reported and ignored; the documents still load.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CslItem, ImportProblem } from '../../core/api.ts';
import { normalizeCorpusPath } from '../../core/corpus/ids.ts';
import { describeFsError } from './walk.ts';

/** The file's name at the corpus root. */
export const SOURCES_FILE = 'sources.json';

/** Reads the corpus's sources, keyed by normalised path; problems for what could not be used. */
export async function readSources(root: string): Promise<{ items: Map<string, CslItem>; problems: ImportProblem[] }> {
  const items = new Map<string, CslItem>();
  const problems: ImportProblem[] = [];
  const report = (reason: string): void => { problems.push({ path: SOURCES_FILE, reason }); };
  let raw: string;
  try {
    raw = await readFile(join(root, SOURCES_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') report(`Source metadata not read: ${describeFsError(err)}.`);
    return { items, problems };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    report(`Source metadata ignored: the file is not valid JSON (${(err as Error).message}).`);
    return { items, problems };
  }
  if (!Array.isArray(data)) {
    report('Source metadata ignored: expected a CSL-JSON array of items.');
    return { items, problems };
  }
  data.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) { report(`Item ${index + 1} ignored: it is not an object.`); return; }
    const { id, type } = item as { id?: unknown; type?: unknown };
    if (typeof id !== 'string' || !id.trim()) { report(`Item ${index + 1} ignored: it has no "id" naming a file.`); return; }
    if (typeof type !== 'string') { report(`Item "${id}" ignored: it has no CSL "type".`); return; }
    const key = normalizeCorpusPath(id);
    if (items.has(key)) { report(`Item "${id}" ignored: another item already describes that file.`); return; }
    items.set(key, item as CslItem);
  });
  return { items, problems };
}
