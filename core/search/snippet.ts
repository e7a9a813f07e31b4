/**
 * A result's quote cut to a window around its first match, with the match ranges moved to the
 * cut text: a long quote whose matched word sits near its end still shows that word.
 */
import type { MatchRange } from './search-claims.ts';

/** A cut text and the ranges to emphasise in it. */
export interface Snippet { text: string; ranges: MatchRange[] }

/**
 * Cuts `text` (whitespace runs made one space) to about `max` characters, starting a little
 * before the first range, at a word boundary, with "…" where text was left out. Ranges outside
 * the window are dropped; ranges it cuts are clipped.
 */
export function snippetAround(text: string, ranges: readonly MatchRange[], max = 180): Snippet {
  // Collapse whitespace, keeping a map from new offsets to old ones.
  let flat = '';
  const oldAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || (code > 127 && /\s/.test(text[i]!));
    if (space && (flat.endsWith(' ') || flat === '')) continue;
    flat += space ? ' ' : text[i]!;
    oldAt.push(i);
  }
  while (flat.endsWith(' ')) { flat = flat.slice(0, -1); oldAt.pop(); }
  const newAt = (old: number): number => {
    let lo = 0, hi = oldAt.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (oldAt[mid]! < old) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const mapped: MatchRange[] = ranges.map(([s, e]) => [newAt(s), newAt(e)] as MatchRange).filter(([s, e]) => e > s);
  if (flat.length <= max) return { text: flat, ranges: mapped };

  const first = mapped[0]?.[0] ?? 0;
  // Lead-in: about a fifth of the window before the first match, so it reads in context.
  let start = Math.max(0, Math.min(first - Math.floor(max / 5), flat.length - max));
  if (start > 0) { const sp = flat.indexOf(' ', start); start = sp >= 0 && sp < first ? sp + 1 : start; }
  let end = Math.min(flat.length, start + max);
  if (end < flat.length) { const sp = flat.lastIndexOf(' ', end); if (sp > start + max / 2) end = sp; }
  const lead = start > 0 ? '…' : '';
  const out = lead + flat.slice(start, end) + (end < flat.length ? '…' : '');
  const shift = lead.length - start;
  const kept: MatchRange[] = [];
  for (const [s, e] of mapped) {
    const cs = Math.max(s, start), ce = Math.min(e, end);
    if (ce > cs) kept.push([cs + shift, ce + shift]);
  }
  return { text: out, ranges: kept };
}
