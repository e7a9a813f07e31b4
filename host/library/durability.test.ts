import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openLibrary, SAMPLE_CORPUS, tempDir, TURKMEN_NEUTRALITY } from './test-support.ts';

/** A child process that makes a claim, reports it, then hangs until killed. */
function childScript(libraryUrl: string, supportUrl: string): string {
  return `
import { createLibrary } from ${JSON.stringify(libraryUrl)};
import { passage } from ${JSON.stringify(supportUrl)};
const [dataDir, corpusDir, file] = process.argv.slice(2);
const lib = await createLibrary({ dataDir, corpusDir, transport: 'web' });
const claim = await lib.createClaim({ ...(await passage(lib, file, 'Since 1991 Turkmenistan promotes its neutrality policy')), note: 'confirmed' });
process.stdout.write(JSON.stringify({ id: claim.id }) + '\\n');
setInterval(() => {}, 1000);
`;
}

test('a claim confirmed to the caller survives the process being killed right after', async (t) => {
  const dataDir = await tempDir(t);
  const scriptDir = await tempDir(t, 'child');
  const script = join(scriptDir, 'child.ts');
  await writeFile(script, childScript(new URL('../library.ts', import.meta.url).href, new URL('./test-support.ts', import.meta.url).href));
  const child = spawn(process.execPath, [...process.execArgv, '--no-warnings', script, dataDir, SAMPLE_CORPUS, TURKMEN_NEUTRALITY], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const id = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) { child.kill('SIGKILL'); resolve((JSON.parse(out) as { id: string }).id); }
    });
    child.on('exit', () => reject(new Error(`child exited before confirming: ${stderr}`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(child.signalCode, 'SIGKILL');
  const lib = await openLibrary(t, dataDir, null);
  const claims = await lib.listClaims();
  assert.deepEqual(claims.map((c) => [c.id, c.note]), [[id, 'confirmed']]);
});
