/**
 * Lists the text files of a corpus folder: recursive, sorted (by code unit, so the order is the
 * same on every machine and locale), following symbolic links but never into a folder already
 * visited (by real path), so a link loop ends. Hidden entries (`.git`, `.notes.txt`) and
 * `node_modules` are skipped; skipping one that could hold texts is reported. A README (.md or
 * .txt) at the corpus root describes the corpus rather than being one of its texts, and is
 * passed over silently, like sources.json.
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportProblem } from '../../core/api.ts';

/** Extensions read, and the format each one means. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, 'txt' | 'md' | 'html'>> = {
  '.txt': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html',
};

/** A file to import. */
/** A text file found under the corpus folder; `size` (bytes) and `mtimeMs` as stat saw them before the file is read. */
export interface FoundFile { abs: string; path: string; format: 'txt' | 'md' | 'html'; size: number; mtimeMs: number }

/** The file's format, or null when the importer ignores that kind of file. */
export function formatOf(name: string): 'txt' | 'md' | 'html' | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? FORMAT_BY_EXTENSION[name.slice(dot).toLowerCase()] ?? null : null;
}

/** A reason a person can read for a file-system error code. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOENT': return 'it does not exist (or is a broken link)';
    case 'ELOOP': return 'it is a symbolic link loop';
    case 'ENOTDIR': return 'it is not a folder';
    case 'EISDIR': return 'it is a folder';
    default: return (err as Error).message ?? String(err);
  }
}

const byCodeUnit = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Walks `root` (a real, readable folder) and returns its text files and what was skipped. */
export async function walkCorpus(root: string): Promise<{ files: FoundFile[]; problems: ImportProblem[] }> {
  const files: FoundFile[] = [];
  const problems: ImportProblem[] = [];
  const visited = new Set<string>([await realpath(root)]);

  const visit = async (abs: string, rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: rel || '.', reason: `Folder skipped: ${describeFsError(err)}.` });
      return;
    }
    entries.sort(byCodeUnit);
    for (const entry of entries) {
      const childAbs = join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let info: Stats | null = null;
      if (entry.isSymbolicLink()) {
        try { info = await stat(childAbs); } catch (err) {
          problems.push({ path: childRel, reason: `Link skipped: ${describeFsError(err)}.` });
          continue;
        }
      }
      const isDir = info ? info.isDirectory() : entry.isDirectory();
      const isFile = info ? info.isFile() : entry.isFile();
      if (isDir) {
        if (entry.name.startsWith('.')) { problems.push({ path: childRel, reason: 'Hidden folder skipped.' }); continue; }
        if (entry.name === 'node_modules') { problems.push({ path: childRel, reason: 'node_modules folder skipped (installed packages, not texts).' }); continue; }
        let real: string;
        try { real = await realpath(childAbs); } catch (err) {
          problems.push({ path: childRel, reason: `Folder skipped: ${describeFsError(err)}.` });
          continue;
        }
        if (visited.has(real)) { problems.push({ path: childRel, reason: 'Folder skipped: a symbolic link leads back to a folder already read (a loop).' }); continue; }
        visited.add(real);
        await visit(childAbs, childRel);
      } else if (isFile) {
        const format = formatOf(entry.name);
        if (!format) continue;
        if (entry.name.startsWith('.')) { problems.push({ path: childRel, reason: 'Hidden file skipped.' }); continue; }
        if (!rel && /^readme\.(?:md|markdown|txt)$/i.test(entry.name)) continue;
        let st = info;
        if (!st) {
          try { st = await stat(childAbs); } catch (err) {
            problems.push({ path: childRel, reason: `File skipped: ${describeFsError(err)}.` });
            continue;
          }
        }
        files.push({ abs: childAbs, path: childRel, format, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  await visit(root, '');
  return { files, problems };
}
