/** User settings with their defaults, and the remembered corpus folder. */
import type { DatabaseSync } from 'node:sqlite';
import type { Settings } from '../../core/api.ts';
import { readSetting, writeSetting } from '../store/settings-repo.ts';

/** What a new library starts with: four kinds with distinct highlight colours. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  kinds: [
    { id: 'claim', label: 'Claim', color: '#f5c542' },
    { id: 'evidence', label: 'Evidence', color: '#6cc36c' },
    { id: 'question', label: 'Question', color: '#6aa8f0' },
    { id: 'definition', label: 'Definition', color: '#c58af0' },
  ],
};

/** Settings key of the last corpus folder opened. */
const CORPUS_DIR_KEY = 'corpusDir';

/** The stored settings, defaults filling what is unset or unreadable. */
export function readSettings(db: DatabaseSync | null): Settings {
  const out: Settings = { theme: DEFAULT_SETTINGS.theme, kinds: DEFAULT_SETTINGS.kinds.map((k) => ({ ...k })) };
  if (!db) return out;
  const theme = readSetting(db, 'theme');
  if (theme === 'light' || theme === 'dark' || theme === 'system') out.theme = theme;
  const kinds = readSetting(db, 'kinds');
  if (Array.isArray(kinds) && kinds.length > 0) out.kinds = kinds as Settings['kinds'];
  return out;
}

/** Store settings (inside a transaction). */
export function writeSettings(db: DatabaseSync, s: Settings): void {
  writeSetting(db, 'theme', s.theme);
  writeSetting(db, 'kinds', s.kinds);
}

/** The corpus folder opened last, or null. */
export function rememberedCorpusDir(db: DatabaseSync | null): string | null {
  if (!db) return null;
  const v = readSetting(db, CORPUS_DIR_KEY);
  return typeof v === 'string' && v !== '' ? v : null;
}

/** Remember the corpus folder (inside a transaction). */
export function rememberCorpusDir(db: DatabaseSync, dir: string): void {
  writeSetting(db, CORPUS_DIR_KEY, dir);
}
