/**
 * Works cited speed (issue 9, "Errors and speed"): finding and parsing the references of the five
 * texts (goal < 200 ms) and of the Brown corpus (goal < 2 s on top of its import). The documents
 * are imported first (not timed: that is the import's own row); what is timed is
 * `extractReferences` over every document model, as the host does on first use of a document's
 * references. Median of RUNS runs, the first (cold: regular expressions compiled, code not yet
 * optimised) reported beside it.
 */
import { extractReferences } from '../../core/references/extract.ts';
import { importFolder } from '../../host/corpus/import-folder.ts';
import type { Row } from './report.ts';
import { median } from './stats.ts';

/** The goals. */
export const FIVE_TEXTS_GOAL_MS = 200;
export const BROWN_GOAL_MS = 2000;
/** Runs per measurement. */
const RUNS = 5;

/** Times extraction over the documents of `dir`; returns one row. */
export async function measureReferences(dir: string, metric: string, goal: number): Promise<Row> {
  const { documents } = await importFolder(dir);
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    found = 0;
    for (const d of documents) found += extractReferences(d.doc).length;
    samples.push(performance.now() - t);
  }
  return {
    metric, unit: 'ms', goal, value: median(samples), samples,
    note: `median of ${RUNS}, first ${samples[0]!.toFixed(1)} ms; ${documents.length} documents, ${found} references`,
  };
}
