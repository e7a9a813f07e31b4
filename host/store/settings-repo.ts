/** Settings rows: one JSON value per key (theme, kinds, the last corpus folder). */
import type { DatabaseSync } from 'node:sqlite';

/** The stored value of `key`, or undefined when unset or unreadable. */
export function readSetting(db: DatabaseSync, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return undefined;
  try { return JSON.parse(row.value); } catch { return undefined; }
}

/** Store `value` under `key` (call inside a transaction). */
export function writeSetting(db: DatabaseSync, key: string, value: unknown): void {
  db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
}
