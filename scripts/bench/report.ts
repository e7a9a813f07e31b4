/**
 * The benchmark's one table: metric | measured | goal | ok?. Printed for a person and written as
 * JSON (test-results/bench.json) for tools. A row without a goal is context (a component of a
 * measured time, or memory); a row whose measurement failed says so and fails the run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** One line of the table. `value` in `unit`; `goal` is an upper bound in the same unit. */
export interface Row {
  metric: string;
  value: number | null;
  unit: 'ms' | 's' | 'MB' | 'count';
  goal?: number;
  /** Extra words after the number (e.g. "p95 of 40"). */
  note?: string;
  /** The individual measurements behind a median or percentile (JSON only). */
  samples?: number[];
  /** Why the measurement could not be made. */
  error?: string;
}

/** What a row's verdict is. */
export type Verdict = 'ok' | 'MISS' | 'FAILED' | '';

/** ok when the value is under the goal, MISS when not, FAILED when it was not measured. */
export function verdict(row: Row): Verdict {
  if (row.error !== undefined || row.value === null || Number.isNaN(row.value)) return 'FAILED';
  if (row.goal === undefined) return '';
  return row.value < row.goal ? 'ok' : 'MISS';
}

function formatNumber(value: number, unit: Row['unit']): string {
  if (unit === 'count') return String(Math.round(value));
  const digits = unit === 's' ? 2 : unit === 'MB' ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

function measured(row: Row): string {
  if (row.error !== undefined || row.value === null) return `failed: ${row.error ?? 'no value'}`;
  return formatNumber(row.value, row.unit) + (row.note ? ` (${row.note})` : '');
}

/** The table as text, columns padded. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.metric, measured(r), r.goal === undefined ? '—' : `< ${formatNumber(r.goal, r.unit)}`, verdict(r)]);
  const head = ['metric', 'measured', 'goal', 'ok?'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Writes the rows, with their verdicts and when they were taken, as JSON to `path`. */
export async function writeReport(path: string, rows: readonly Row[], context: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = { ...context, rows: rows.map((r) => ({ ...r, ok: verdict(r) })) };
  await writeFile(path, JSON.stringify(out, null, 2) + '\n');
}
