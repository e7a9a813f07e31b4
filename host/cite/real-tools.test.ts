/**
 * The exports of core/cite read by the tools people will feed them to: Pandoc (citeproc),
 * biber (BibLaTeX's back end) and bibutils (RIS). Installed by `.ci/run` with apt
 * (pandoc, biber, bibutils); a missing tool skips its tests with a message saying which.
 * Inputs: the five corpus sources and the "hard" test sources (TeX specials, 张振国, Yapıcı,
 * a particle, an organisation with a comma in its name).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { CslItem } from '../../core/api.ts';
import { toBibtex, type BibDialect } from '../../core/cite/bibtex.ts';
import { assignCitekeys } from '../../core/cite/citekeys.ts';
import { exportableItems } from '../../core/cite/csl-export.ts';
import { toCslJson } from '../../core/cite/csl-json.ts';
import { toRis } from '../../core/cite/ris.ts';
import { hardSources, SPECIAL_TITLE } from '../../core/cite/testing/sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-real-tools-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const corpus = (): CslItem[] => JSON.parse(readFileSync(new URL('../../corpus/sources.json', import.meta.url), 'utf8'));

/** Exportable items and their keys, as the export does it. */
function prepare(items: CslItem[]): { items: CslItem[]; keys: Map<string, string> } {
  const ex = exportableItems(items, (i) => ({ path: i.id })).items;
  return { items: ex, keys: assignCitekeys(ex) };
}

function run(cmd: string, args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Null when `cmd` runs; else why the tests that need it are skipped. */
function missing(cmd: string, versionArg = '--version'): string | null {
  const r = spawnSync(cmd, [versionArg], { encoding: 'utf8' });
  return r.error ? `${cmd} is not installed (CI installs it: apt-get install pandoc biber bibutils)` : null;
}

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

const noPandoc = missing('pandoc');
const noBiber = missing('biber');
const noBibutils = missing('ris2xml', '-h');

/** What Pandoc reads from a bibliography file, as CSL-JSON (its own reader, no citeproc yet). */
function pandocReads(file: string, from: 'bibtex' | 'biblatex' | 'csljson'): CslItem[] {
  const r = run('pandoc', ['-f', from, '-t', 'csljson', file]);
  assert.equal(r.stderr, '', `pandoc warns nothing reading ${file}`);
  assert.equal(r.code, 0);
  return JSON.parse(r.stdout) as CslItem[];
}

/** Pandoc's plain-text rendering of a document citing every key, with `file` as bibliography. */
function pandocRenders(file: string, keys: Iterable<string>): string {
  const doc = `${[...keys].map((k) => `Cited [@${k}, para. 3].`).join('\n\n')}\n`;
  const r = run('pandoc', ['--citeproc', '--bibliography', file, '-f', 'markdown', '-t', 'plain', '--wrap=none'], doc);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '', `pandoc --citeproc warns nothing with ${file}`);
  assert.doesNotMatch(r.stdout, /\?\?\?|not found/);
  return r.stdout;
}

const ENDINGS: Record<BibDialect, string> = { bibtex: 'bibtex', biblatex: 'bib' };

for (const dialect of ['bibtex', 'biblatex'] as const) {
  test(`pandoc reads the ${dialect} export of the hard sources field for field`, { skip: noPandoc ?? false }, () => {
    const { items, keys } = prepare(hardSources());
    const file = write(`hard.${ENDINGS[dialect]}`, toBibtex(items, keys, { dialect }));
    const read = new Map(pandocReads(file, dialect).map((i) => [i.id, i]));
    const art = read.get('yapici2017tariffs')!;
    assert.equal(art.title, SPECIAL_TITLE);
    assert.equal(art['container-title'], 'Journal of Energy_Politics & Law');
    assert.deepEqual(art.author, [{ family: 'Yapıcı', given: 'Utku' }, { family: '张', given: '振国' }, { family: 'De Leonardis', given: 'Fabio' }]);
    assert.deepEqual(art.issued, { 'date-parts': [[2017, 5, 24]] });
    assert.match(String(art.page), /^45[-–]67$/);
    assert.equal(art.URL, 'https://example.org/a_b?x=1&y=%20#frag');
    assert.equal(art.DOI, '10.1234/jepl_2017.45');
    const report = read.get('smith2016central')!;
    assert.deepEqual(report.author, [{ literal: 'Smith, Jones & Partners' }, { literal: 'International Crisis Group' }]);
    // Pandoc capitalises the first word after a colon (a subtitle), as sentence case does.
    assert.equal(report.title, 'Central Asia’s gas: Pipelines, prices & politics');
    assert.deepEqual(report.issued, { 'date-parts': [[2016, 7]] });
    const web = read.get('deleonardis2016turkmenistan')!;
    assert.deepEqual(web.accessed, { 'date-parts': [[2022, 3, 14]] });
    assert.ok(web['container-title'] === 'Emerging Challenges' || web.publisher === 'Emerging Challenges', 'the site name is kept');
  });

  test(`pandoc --citeproc formats the ${dialect} export of the corpus and the hard sources without warnings`, { skip: noPandoc ?? false }, () => {
    const { items, keys } = prepare([...corpus(), ...hardSources()]);
    const out = pandocRenders(write(`all.${ENDINGS[dialect]}`, toBibtex(items, keys, { dialect })), keys.values());
    // Pandoc's default style (Chicago author-date) title-cases titles, so compare in lower case.
    for (const s of ['张振国', 'Yapıcı', 'Smith, Jones & Partners', '100% of {braced} gas_flows: #1 for $5 or more', '[untitled report on turkmenistan russia relations]', 'central asian union']) {
      assert.ok(out.toLowerCase().includes(s.toLowerCase()), `${s} in:\n${out}`);
    }
    assert.doesNotMatch(out, /Original file|\ben\./, 'no provenance note, no language printed');
  });
}

test('pandoc reads the CSL-JSON export as written and formats it without warnings', { skip: noPandoc ?? false }, () => {
  const { items, keys } = prepare([...corpus(), ...hardSources()]);
  const file = write('all.json', toCslJson(items, keys));
  const read = pandocReads(file, 'csljson');
  assert.equal(read.length, 8);
  const art = read.find((i) => i.id === 'yapici2017tariffs')!;
  assert.equal(art.title, SPECIAL_TITLE);
  assert.deepEqual(art.author, [{ family: 'Yapıcı', given: 'Utku' }, { family: '张', given: '振国' }, { family: 'Leonardis', given: 'Fabio', 'non-dropping-particle': 'De' }]);
  const out = pandocRenders(file, keys.values());
  for (const s of ['张振国', 'Yapıcı', 'Smith, Jones & Partners', '100% of {braced} gas_flows: #1 for $5 or more', '[untitled report on turkmenistan russia relations]']) {
    assert.ok(out.toLowerCase().includes(s.toLowerCase()), `${s} in:\n${out}`);
  }
  assert.doesNotMatch(out, /Original file|\ben\./);
});

/** biber's WARN and ERROR lines for a .bib file (datamodel validation in tool mode). */
function biberProblems(file: string): string[] {
  const r = run('biber', ['--tool', '--validate-datamodel', '--output-directory', dir, file]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  return `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^(WARN|ERROR)/.test(l));
}

test('biber validates the BibLaTeX export of the hard sources with no WARN or ERROR', { skip: noBiber ?? false }, () => {
  const { items, keys } = prepare(hardSources());
  assert.deepEqual(biberProblems(write('hard-biber.bib', toBibtex(items, keys, { dialect: 'biblatex' }))), []);
});

test('biber finds nothing wrong in the corpus export but the fields the sources do not have', { skip: noBiber ?? false }, () => {
  // The corpus sources lack authors, dates and sites (sources.json says so); biber's datamodel
  // names those as missing mandatory fields. Anything else (syntax, a bad date, an unknown
  // field) would be our fault.
  const { items, keys } = prepare(corpus());
  const problems = biberProblems(write('corpus-biber.bib', toBibtex(items, keys, { dialect: 'biblatex' })));
  const other = problems.filter((l) => !/^WARN - Datamodel: Entry '[a-z0-9]+' \([^)]*corpus-biber\.bib\): Missing mandatory field/.test(l));
  assert.deepEqual(other, []);
  for (const l of problems) assert.match(l, /'(author|editor|date, year|url, doi, eprint|institution|booktitle|journaltitle)'/);
});

test('RIS reads back through bibutils with authors, organisations, dates, pages and keys intact', { skip: noBibutils ?? false }, () => {
  const { items, keys } = prepare([...hardSources(), ...corpus()]);
  const file = write('all.ris', toRis(items, keys));
  // RIS cannot mark a name as an organisation; bibutils is told which names to keep whole (its
  // --asis list; its --corporation-file option fails with "Memory error" in bibutils 7.2).
  write('orgs.txt', 'Smith, Jones & Partners\nInternational Crisis Group\n');
  const r = run('ris2xml', ['-as', 'orgs.txt', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /Processed 8 references/);
  const mods = r.stdout.split('<mods ').slice(1);
  assert.equal(mods.length, 8);
  const byId = new Map(mods.map((m) => [/^ID="([^"]+)"/.exec(m)![1]!, m]));
  assert.deepEqual([...byId.keys()].sort(), [...keys.values()].sort(), 'every full citekey is the record id');
  const names = (m: string): string[] => [...m.matchAll(/<name(?: type="(personal|corporate)")?>([\s\S]*?)<\/name>/g)]
    .map(([, type, body]) => `${type ?? 'as is'}: ${[...body!.matchAll(/<namePart(?: type="(\w+)")?>([^<]*)<\/namePart>/g)].map(([, t, v]) => `${t ?? 'name'}=${v}`).join(' ')}`);
  const art = byId.get('yapici2017tariffs')!;
  assert.deepEqual(names(art), ['personal: given=Utku family=Yapıcı', 'personal: given=振国 family=张', 'personal: given=Fabio family=De Leonardis']);
  assert.match(art, /<dateIssued>2017-05-24<\/dateIssued>/);
  assert.match(art, /<start>45<\/start>\s*<end>67<\/end>/);
  assert.match(art, /<url>https:\/\/example\.org\/a_b\?x=1&amp;y=%20#frag<\/url>/);
  assert.match(art, /<identifier type="doi">10\.1234\/jepl_2017\.45<\/identifier>/);
  assert.match(art.replace(/\s+/g, ' '), /Tariffs &amp; 100% of \{braced\} gas_flows/);
  const report = byId.get('smith2016central')!;
  assert.deepEqual(names(report), ['as is: name=Smith, Jones &amp; Partners', 'as is: name=International Crisis Group']);
  assert.match(report, /<dateIssued>2016-07<\/dateIssued>/);
  const web = byId.get('deleonardis2016turkmenistan')!;
  assert.match(web, /Emerging Challenges/);
  assert.match(byId.get('turkmenistanndrussia')!, /\[Untitled report on Turkmenistan Russia Relations\]/);
  assert.doesNotMatch(r.stdout, /Original file/);
});

test('an unpaired brace in a title does not swallow the entries after it (pandoc, biber)', { skip: noPandoc ?? noBiber ?? false }, () => {
  const lone = { ...hardSources()[0]!, id: 'lone.txt', title: 'Only an open { brace, and a close } then { again' };
  const { items, keys } = prepare([lone, ...hardSources()]);
  const file = write('lone.bib', toBibtex(items, keys, { dialect: 'biblatex' }));
  assert.equal(pandocReads(file, 'biblatex').length, 4);
  assert.deepEqual(biberProblems(file), []);
});
