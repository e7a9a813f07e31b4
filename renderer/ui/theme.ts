/**
 * Light and dark themes. The preference ('light' | 'dark' | 'system') is a setting; the page gets
 * the resolved theme as `<html data-theme="light|dark">`, which the CSS custom properties key on.
 * 'system' follows `prefers-color-scheme`, live.
 */
import type { Settings } from '../../core/api.ts';

export type ThemePreference = Settings['theme'];

/** The order the toggle button cycles through. */
const CYCLE: readonly ThemePreference[] = ['light', 'dark', 'system'];

/** Human-readable name of a preference, for the toggle button. */
export function themeLabel(pref: ThemePreference): string {
  return `Theme: ${pref === 'system' ? 'system' : pref === 'dark' ? 'dark' : 'light'}`;
}

/** The preference after `pref` in the toggle's cycle. */
export function nextTheme(pref: ThemePreference): ThemePreference {
  return CYCLE[(CYCLE.indexOf(pref) + 1) % CYCLE.length]!;
}

/** Holds the current preference and keeps `<html data-theme>` in step with it. */
export interface ThemeController {
  readonly preference: ThemePreference;
  /** Applies a preference (does not persist it). */
  apply(pref: ThemePreference): void;
  onDidChange(listener: (pref: ThemePreference) => void): void;
}

/** Creates the controller for `root` (the `<html>` element). */
export function createThemeController(root: HTMLElement): ThemeController {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  let pref: ThemePreference = 'system';
  const listeners: Array<(p: ThemePreference) => void> = [];
  const paint = (): void => {
    const resolved = pref === 'system' ? (media.matches ? 'dark' : 'light') : pref;
    root.dataset.theme = resolved;
    root.dataset.themePreference = pref;
    root.style.colorScheme = resolved;
  };
  media.addEventListener('change', () => { if (pref === 'system') paint(); });
  paint();
  return {
    get preference() { return pref; },
    apply(next) {
      pref = CYCLE.includes(next) ? next : 'system';
      paint();
      for (const l of listeners) l(pref);
    },
    onDidChange(l) { listeners.push(l); },
  };
}
