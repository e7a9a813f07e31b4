/**
 * `marginalia serve`: the reader in a browser. Starts the loopback web host over the library,
 * prints the URL (with its one-time token) and, unless --no-open, opens it in the default
 * browser. Runs until SIGINT/SIGTERM, then closes the host and the store cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost } from '../web-host.ts';
import { RENDERER_DIR } from './paths.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, openLibrary, type Verb } from './verb.ts';

/** Opens a URL in the user's browser; failure (no desktop, no opener) is silently fine. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [cmd, args] = platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch { /* no opener */ }
}

function parsePort(value: string | boolean | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${String(value)}".`);
  return n;
}

export const serveVerb: Verb = {
  name: 'serve',
  summary: 'open the reader in your browser (loopback web host)',
  usage: `serve [--port N] [--no-open] [--corpus DIR] [--data DIR]\n\n  --port N       port on 127.0.0.1 (default 0: any free port)\n  --no-open      do not open the browser, only print the address\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, port: { type: 'string' }, 'no-open': { type: 'boolean' } },
  run: async (values, _positionals, io) => {
    const port = parsePort(values.port);
    const library = await openLibrary(values, { warmCitations: true, watchCorpus: true });
    let host;
    try {
      host = await startWebHost({ library, port, staticDir: RENDERER_DIR });
    } catch (err) {
      library.close();
      const code = (err as NodeJS.ErrnoException).code;
      io.err(code === 'EADDRINUSE' ? `Port ${port} is already in use; choose another with --port, or --port 0.` : `Cannot start the web host: ${(err as Error).message}`);
      return 1;
    }
    const snap = await library.getLibrary();
    io.out(`Marginalia: ${snap.documents.length} document(s) from ${snap.corpusDir ?? '(no corpus folder)'}; data in ${(await library.getAppInfo()).dataDir}`);
    if (!snap.store.ok) io.err(`Warning: the store could not be opened (${snap.store.reason}); annotations cannot be saved.`);
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) io.err('Warning: the reader is not built yet; run `npm run build` (the API works meanwhile).');
    io.out(`Open ${host.url}`);
    io.out('Press Ctrl+C to stop.');
    if (!values['no-open']) openInBrowser(host.url);

    const web = host;
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void web.close().finally(() => { library.close(); resolve(); });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.out('Stopped.');
    return 0;
  },
};
