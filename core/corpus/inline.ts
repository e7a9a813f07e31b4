/**
 * Turns one block's raw text into inline content: text runs, footnote references and wiki
 * reference markers. Markers are atoms and add nothing to the plain text.
 */
import type { Inline } from '../api.ts';
import { HARD_BREAK } from './format-reading.ts';

/** How a block finds the note a footnote marker points to. */
export interface NoteLookup {
  /** The note for a marker key (`3` of `[footnoteRef:3]`, `x` of `[^x]`), or null. */
  find(key: string): { id: string; label: string } | null;
  /** Called for a marker whose note is missing; returns the label to show. */
  missing(key: string): string;
}

/**
 * `[footnoteRef:N]`, Markdown `[^label]`, and wiki reference markers: `[12]`, `[a]`, `[iv]`,
 * `[note 3]`, `[citation needed]` (not `[sic]`, which is the author's text) and the other bracketed clean-up tags ending in "needed" or "?"
 * (`[when?]`, `[according to whom?]`).
 */
const MARKER = /\[footnoteRef:(\d+)\]|\[\^([^\]\s]+)\]|\[(\d{1,4}|[a-z]{1,2}|[ivx]{1,4}|(?:note|nb|n) ?\d{1,3}|[A-Za-z][a-z ]{2,30} needed|[A-Za-z][a-z ]{1,30}\?)\]/g;

/**
 * Inline content of `raw`: white space collapsed, leading/trailing space of the block trimmed.
 * A hard line break (HARD_BREAK, from `<br>` or a Markdown hard break) becomes a "\n" in the
 * text, with no space around it; several in a row count as one, and one at either end of the
 * block is dropped. So a block's text has a "\n" exactly where its source has a line break,
 * and never the "\n\n" that separates blocks in the plain text.
 */
export function toInlines(raw: string, notes: NoteLookup): Inline[] {
  const out: Inline[] = [];
  const pushText = (s: string): void => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.t === 'text') last.text += s;
    else out.push({ t: 'text', text: s });
  };
  const text = raw.includes(HARD_BREAK)
    ? raw.split(HARD_BREAK).map((piece) => piece.replace(/\s+/g, ' ').trim()).filter((piece) => piece !== '').join('\n')
    : raw.replace(/\s+/g, ' ');
  let at = 0;
  if (text.includes('[')) {
    for (const m of text.matchAll(MARKER)) {
      pushText(text.slice(at, m.index));
      at = m.index + m[0].length;
      const key = m[1] ?? m[2];
      if (key !== undefined) {
        const note = notes.find(key);
        if (note) out.push({ t: 'fnref', label: note.label, note: note.id });
        else out.push({ t: 'refmark', label: notes.missing(key) });
      } else {
        out.push({ t: 'refmark', label: m[3]! });
      }
    }
  }
  pushText(text.slice(at));
  return trimEnds(out);
}

/** Trims white space at the start of the block's text and at its end; drops empty text runs. */
function trimEnds(content: Inline[]): Inline[] {
  const first = content.find((i) => i.t === 'text');
  if (first && first.t === 'text') first.text = first.text.trimStart();
  let out = content.filter((i) => i.t !== 'text' || i.text !== '');
  for (let i = out.length - 1; i >= 0; i--) {
    const node = out[i]!;
    if (node.t !== 'text') continue;
    node.text = node.text.trimEnd();
    if (node.text !== '') break;
  }
  out = out.filter((i) => i.t !== 'text' || i.text !== '');
  return out;
}

/** A lookup for text without footnotes: every marker is reported missing and shown as is. */
export const NO_NOTES: NoteLookup = { find: () => null, missing: (key) => key };
