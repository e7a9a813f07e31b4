#!/usr/bin/env node
/**
 * `npm run bench`: measures the goals the issues set (start-up, import, opening documents,
 * highlights, re-anchoring, mention sweep, memory) on the Brown corpus, in real Chromium against
 * the real host, and prints one table (also test-results/bench.json). See scripts/bench/run.ts.
 * The SQLite notice is silenced first, before node:sqlite is imported, as in host/cli.ts.
 */
import { quietSqliteWarning } from '../host/cli/quiet-warnings.ts';

quietSqliteWarning();
const { runBench } = await import('./bench/run.ts');
process.exitCode = await runBench();
