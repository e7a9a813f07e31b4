/**
 * Footnotes: notes are taken out of the body text and become FootnoteBlocks at the end of the
 * document; markers in the body point to them by id.
 *
 * Two syntaxes are read:
 * - Word/pandoc exports: markers `[footnoteRef:N]` in the body, notes `[N: text]` written inline
 *   after the paragraph (a note may run over several lines and contain brackets). Notes are only
 *   looked for when the text has at least one `[footnoteRef:` marker, so a bracketed `[3: …]` in
 *   an ordinary text is left alone.
 * - Markdown: markers `[^x]`, notes `[^x]: text`; markdown.ts finds them (markdown-it-footnote)
 *   and hands the notes over by key.
 *
 * Labels: these exports number markers and notes from 0 while readers number from 1, so when
 * the smallest number used is 0 every numeric label is shown as N+1 (`[footnoteRef:0]` → "1").
 * Otherwise the label is the key as written.
 */
import type { FootnoteBlock } from '../api.ts';
import type { IdKind } from './ids.ts';
import { NO_NOTES, toInlines, type NoteLookup } from './inline.ts';

/** A note as found in the text, before it becomes a block. */
export interface RawNote { key: string; text: string }

/** Takes `[N: text]` notes out of `text` (only when it has `[footnoteRef:` markers). */
export function extractBracketNotes(text: string): { body: string; notes: RawNote[] } {
  if (!text.includes('[footnoteRef:')) return { body: text, notes: [] };
  const notes: RawNote[] = [];
  const parts: string[] = [];
  let copied = 0;
  const start = /\[(\d{1,4}):\s/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(text)) !== null) {
    const end = closingBracket(text, m.index + 1);
    if (end < 0) continue;
    notes.push({ key: m[1]!, text: text.slice(m.index + m[0].length, end) });
    parts.push(text.slice(copied, m.index));
    copied = end + 1;
    start.lastIndex = end + 1;
  }
  parts.push(text.slice(copied));
  return { body: parts.join(''), notes };
}

/** Index of the `]` closing the bracket opened just before `from`, counting nested brackets. */
function closingBracket(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d && --depth === 0) return i;
  }
  return -1;
}

/** The notes as blocks, plus the lookup body text uses to resolve its markers. */
export interface Footnotes {
  blocks: FootnoteBlock[];
  lookup: NoteLookup;
  /** Problems to report once the body has been read (notes no marker pointed to). */
  unreferenced(): string[];
}

/**
 * Builds footnote blocks from raw notes; `problems` receives markers with no note. `markerKeys`
 * (the keys of the body's markers) take part in deciding whether numbering starts at 0.
 */
export function buildFootnotes(
  notes: RawNote[], markerKeys: string[], idFor: (kind: IdKind, text: string) => string, problems: string[],
): Footnotes {
  const keys = [...notes.map((n) => n.key), ...markerKeys];
  const zeroBased = keys.length > 0 && keys.every((k) => /^\d+$/.test(k)) && keys.some((k) => Number(k) === 0);
  const labelOf = (key: string): string => (zeroBased && /^\d+$/.test(key) ? String(Number(key) + 1) : key);
  const byKey = new Map<string, { id: string; label: string }>();
  const blocks: FootnoteBlock[] = [];
  for (const note of notes) {
    const content = toInlines(note.text, NO_NOTES);
    const text = content.map((i) => (i.t === 'text' ? i.text : '')).join('');
    const block: FootnoteBlock = { kind: 'footnote', id: idFor('footnote', text), label: labelOf(note.key), content };
    if (byKey.has(note.key)) problems.push(`Footnote ${block.label} has two notes; both are kept.`);
    else byKey.set(note.key, { id: block.id, label: block.label });
    blocks.push(block);
  }
  const used = new Set<string>();
  const missingReported = new Set<string>();
  const lookup: NoteLookup = {
    find(key) {
      const hit = byKey.get(key);
      if (hit) used.add(key);
      return hit ?? null;
    },
    missing(key) {
      const label = labelOf(key);
      if (!missingReported.has(key)) {
        missingReported.add(key);
        problems.push(`Footnote marker ${label} has no note; it is shown as a plain marker.`);
      }
      return label;
    },
  };
  const unreferenced = (): string[] =>
    [...byKey.keys()].filter((k) => !used.has(k)).map((k) => `Footnote ${labelOf(k)} is not referenced in the text; its note is kept.`);
  return { blocks, lookup, unreferenced };
}
