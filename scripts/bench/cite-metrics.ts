/**
 * Citation formatting speed (issue 6, "Speed"): the first bibliography after start for the
 * five-text corpus (worker start and style loading included; goal < 1 s), the same with APA
 * warmed at host start, and a 1,000-source bibliography in each built-in style, plus 1,000
 * in-text citations with paragraph locators formatted with their bibliography (the Markdown
 * notes' path). Sources: the corpus's sources.json, and the Brown corpus's list of sources
 * (scripts/bench/brown-sources.ts). Uses the bundled worker (dist/cite/worker.cjs) when the app
 * is built, as the app does; from the .ts sources otherwise (the note says which). Each note
 * also gives the CPU time the process (worker included) spent, which a busy machine inflates
 * less than the wall-clock time.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../../core/api.ts';
import { createCiteFormatter, type CiteFormatterOptions } from '../../host/cite/formatter.ts';
import { brownCslItems } from './brown-sources.ts';
import type { Row } from './report.ts';

/** The goal for the first export after start, five texts, style loading included. */
export const FIRST_EXPORT_GOAL_MS = 1000;
/** Sources in the long bibliography (the "1,000 sources"). */
export const LONG_BIBLIOGRAPHY = 1000;

const REPO = new URL('../../', import.meta.url);

/** The corpus's sources as an export would give them (without the provenance note). */
async function corpusItems(corpusDir: string): Promise<CslItem[]> {
  const items = JSON.parse(await readFile(join(corpusDir, 'sources.json'), 'utf8')) as CslItem[];
  return items.map(({ note: _note, ...item }) => item as CslItem);
}

/** Formatter options for the bundled worker when dist/ has one; none (sources) otherwise. */
async function workerOptions(): Promise<{ opts: CiteFormatterOptions; from: string }> {
  const bundled = new URL('dist/cite/worker.cjs', REPO);
  try {
    await stat(bundled);
    return { opts: { workerUrl: bundled, stylesDirs: [fileURLToPath(new URL('dist/cite/styles/', REPO))] }, from: 'bundled worker' };
  } catch {
    return { opts: {}, from: 'worker from .ts sources' };
  }
}

const ms = (start: number): number => performance.now() - start;

/** CPU time (ms, all threads of this process: the worker's too) since `start` = process.cpuUsage(). */
const cpuMs = (start: NodeJS.CpuUsage): number => { const d = process.cpuUsage(start); return (d.user + d.system) / 1000; };

/**
 * Measures the rows described above. `corpusDir` holds the five-text corpus (its sources.json).
 * Each first-export figure uses a new worker; the 1,000-source rows reuse one warm worker and
 * report formatting only (the engine is built before the clock starts).
 */
export async function measureCiteMetrics(corpusDir: string = fileURLToPath(new URL('corpus/', REPO))): Promise<Row[]> {
  const rows: Row[] = [];
  const five = await corpusItems(corpusDir);
  const { opts, from } = await workerOptions();

  // Cold: a new worker, the style loaded and its engine built, then the five entries.
  for (const style of ['apa', 'chicago-author-date', 'mla']) {
    const f = createCiteFormatter(opts);
    try {
      const t = performance.now();
      const c = process.cpuUsage();
      const bib = await f.formatBibliography(five, style, 'html');
      if (!bib.entries.length) throw new Error(`no ${style} entries for the five texts`);
      rows.push({ metric: `first bibliography after start, five texts, ${style}`, value: ms(t), unit: 'ms', goal: style === 'apa' ? FIRST_EXPORT_GOAL_MS : undefined, note: `${from}; CPU ${cpuMs(c).toFixed(0)} ms` });
    } finally { await f.close(); }
  }

  // Warmed at host start (createCiteFormatter({ warm: 'apa' })), the export asked for later.
  {
    const f = createCiteFormatter(opts);
    try {
      const warmed = await f.warm('apa');
      const t = performance.now();
      const c = process.cpuUsage();
      await f.formatBibliography(five, 'apa', 'html');
      rows.push({ metric: '  same, APA warmed at host start', value: ms(t), unit: 'ms', note: `CPU ${cpuMs(c).toFixed(0)} ms; engine built in ${warmed.buildMs} ms in idle time` });
    } finally { await f.close(); }
  }

  const { items, distinct } = await brownCslItems(LONG_BIBLIOGRAPHY);
  const f = createCiteFormatter({ ...opts, maxEngines: 3 });
  try {
    for (const style of ['apa', 'chicago-author-date', 'mla']) {
      await f.warm(style);
      const t = performance.now();
      const c = process.cpuUsage();
      const bib = await f.formatBibliography(items, style, 'text');
      rows.push({ metric: `bibliography of ${LONG_BIBLIOGRAPHY} sources, ${style}`, value: ms(t) / 1000, unit: 's', note: `CPU ${(cpuMs(c) / 1000).toFixed(1)} s; ${bib.entries.length} entries; ${distinct} distinct Brown sources` });
    }
    const cites = items.map((item, n) => [{ id: item.id, locator: String((n % 40) + 1), label: 'paragraph' }]);
    const t = performance.now();
    const c = process.cpuUsage();
    const out = await f.formatCitations(items, cites, 'apa', 'text');
    rows.push({ metric: `${cites.length} in-text citations + bibliography, apa`, value: ms(t) / 1000, unit: 's', note: `CPU ${(cpuMs(c) / 1000).toFixed(1)} s; ${out.citations.length} citations, one processor state` });
  } finally { await f.close(); }
  return rows;
}

if (import.meta.main) {
  const { formatTable } = await import('./report.ts');
  console.log(formatTable(await measureCiteMetrics()));
}
