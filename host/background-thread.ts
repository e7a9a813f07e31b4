/**
 * Background work yields the CPU to the reader. The search worker builds its index of every claim
 * and passage when the app starts without one (10,000 claims and a 200k-word text: 1.6 s of CPU
 * or more), exactly while the first page loads and opens a document; on a two-core machine that
 * build, the host's main thread and the browser's renderer share the cores, and the open waited
 * for it. A worker calls `lowerThreadPriority()` once as it starts: on Linux its thread gets a
 * higher nice value, so the scheduler runs the host's main thread and the renderer first and the
 * build uses what is left (on an idle machine nothing changes). Elsewhere, or when the system
 * refuses, nothing happens: the work is only scheduled differently, never skipped.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Nice value for background threads: 10 (of 19), the usual "batch" level; Linux counts it per thread. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority to `nice` (never raises it). Returns true when
 * the thread runs at that nice value or lower priority: Linux only (the thread's id comes from
 * /proc/thread-self, which names the calling thread).
 */
export function lowerThreadPriority(nice: number = BACKGROUND_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    if (getPriority(tid) >= nice) return true; // already as low (a niced app): never raised
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
