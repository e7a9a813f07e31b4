import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE } from './background-thread.ts';

test('a worker that lowers its priority gets the background nice value; the main thread keeps its own', { skip: process.platform !== 'linux' }, async () => {
  const before = getPriority();
  const src = `
    const { parentPort } = require('node:worker_threads');
    const { readFileSync, readlinkSync } = require('node:fs');
    import(${JSON.stringify(new URL('./background-thread.ts', import.meta.url).href)}).then((m) => {
      const done = m.lowerThreadPriority();
      const tid = readlinkSync('/proc/thread-self').split('/').pop();
      // field 19 of /proc/<tid>/stat is the nice value (after the command name in parentheses)
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      parentPort.postMessage({ done, nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) });
    });`;
  const w = new Worker(src, { eval: true });
  const answer = await new Promise<{ done: boolean; nice: number }>((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
  await w.terminate();
  assert.equal(answer.done, true);
  assert.equal(answer.nice, Math.max(before, BACKGROUND_NICE));
  assert.equal(getPriority(), before, 'the main thread is untouched');
  const mainStat = readFileSync('/proc/thread-self/stat', 'utf8');
  assert.equal(Number(mainStat.slice(mainStat.lastIndexOf(')') + 2).split(' ')[16]), before);
});
