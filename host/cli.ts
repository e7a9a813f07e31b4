#!/usr/bin/env node
/**
 * `marginalia` (also `npm run cli -- …`): the command line over the same library the app uses.
 * Verbs live one per file in host/cli/ (see host/cli/verbs.ts). This entry only quiets Node's
 * experimental-SQLite notice, which must happen before node:sqlite is first imported, hence the
 * dynamic import of everything else.
 */
import { quietSqliteWarning } from './cli/quiet-warnings.ts';

quietSqliteWarning();
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
