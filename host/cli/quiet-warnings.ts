/**
 * node:sqlite prints "ExperimentalWarning: SQLite is an experimental feature" on first use; in a
 * command-line tool that reads as an error. This drops exactly that warning and prints every
 * other one as Node would.
 */

/** Whether a process warning is the node:sqlite experimental notice. */
export function isSqliteNotice(w: Error): boolean {
  return w.name === 'ExperimentalWarning' && /\bSQLite\b/i.test(w.message);
}

/** Replaces Node's default warning printer with one that skips the SQLite notice. */
export function quietSqliteWarning(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (isSqliteNotice(w)) return;
    process.stderr.write(`(node:${process.pid}) ${w.name}: ${w.message}\n`);
  });
}
