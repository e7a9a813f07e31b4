/**
 * Remembers the window's bounds and maximised state between launches (userData/window-state.json),
 * and refuses bounds that would put the window off every screen (a monitor was unplugged).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Rect { x: number; y: number; width: number; height: number }
export interface WindowState { bounds: Rect | null; maximized: boolean }

/** Smallest window worth restoring; smaller saved sizes are treated as damage. */
export const MIN_SIZE = { width: 480, height: 360 } as const;
/** How much of the title bar must be on a screen to count as visible (px). */
const VISIBLE_MARGIN = 48;

/** Keeps saved bounds only when sane and at least partly on one of the screens' work areas. */
export function fitBounds(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved) return null;
  const nums = [saved.x, saved.y, saved.width, saved.height];
  if (!nums.every((n) => Number.isFinite(n))) return null;
  if (saved.width < MIN_SIZE.width || saved.height < MIN_SIZE.height) return null;
  const onScreen = workAreas.some((a) =>
    saved.x + saved.width - VISIBLE_MARGIN >= a.x && saved.x + VISIBLE_MARGIN <= a.x + a.width &&
    saved.y >= a.y && saved.y + VISIBLE_MARGIN <= a.y + a.height);
  if (!onScreen) return null;
  const area = workAreas.find((a) => saved.x >= a.x && saved.x < a.x + a.width) ?? workAreas[0];
  if (!area) return saved;
  return { ...saved, width: Math.min(saved.width, area.width), height: Math.min(saved.height, area.height) };
}

/** Reads the saved state; a missing or damaged file gives the default (no bounds). */
export function loadWindowState(userData: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    const b = raw.bounds;
    const bounds = b && typeof b === 'object' ? { x: Number(b.x), y: Number(b.y), width: Number(b.width), height: Number(b.height) } : null;
    return { bounds, maximized: raw.maximized === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

/** Writes the state; failure to write is not worth bothering the user about. */
export function saveWindowState(userData: string, state: WindowState): void {
  try { writeFileSync(join(userData, 'window-state.json'), JSON.stringify(state, null, 2)); } catch { /* read-only profile */ }
}
