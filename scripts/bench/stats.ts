/**
 * The few statistics the benchmark reports. Percentiles use the nearest-rank method (the value
 * at rank ⌈p·n⌉), so a p95 over 40 samples is the 38th smallest: a real measured value, never an
 * interpolation between two.
 */

/** The nearest-rank percentile `p` (0–100) of `values`; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The median (nearest-rank p50, i.e. the lower middle for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The largest value; NaN for no values. */
export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : NaN;
}

/** Milliseconds spent in `work`, with its result. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

/** Wall-clock time in ms since the epoch with sub-ms precision; comparable with a page's `performance.timeOrigin + performance.now()`. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
