/**
 * A child process's resident memory, read from Linux's /proc (the benchmark machine's OS).
 * VmRSS is what it holds now, VmHWM the most it ever held.
 */
import { readFile } from 'node:fs/promises';

/** Resident and peak resident memory of process `pid`, in MB (10^6 bytes). */
export async function processMemory(pid: number): Promise<{ rssMB: number; peakMB: number }> {
  let status: string;
  try {
    status = await readFile(`/proc/${pid}/status`, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read the memory of process ${pid} (/proc is Linux-only): ${(err as Error).message}`);
  }
  const kb = (field: string): number => {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`/proc/${pid}/status has no ${field} line.`);
    return (Number(m[1]) * 1024) / 1e6;
  };
  return { rssMB: kb('VmRSS'), peakMB: kb('VmHWM') };
}
