/**
 * A mention in its sentence: the text around a match, cut at word boundaries and never across a
 * paragraph break, so a list of mentions reads like a concordance. Pure: tested in Node.
 */
import { BLOCK_SEPARATOR } from '../../../core/corpus/plain-text.ts';

/** Characters shown on each side of a match: about a dozen words, one line and a half of the panel. */
export const CONTEXT_CHARS = 80;

/** The text before the match, the match, and the text after; `…` marks a cut. */
export interface MentionContext { before: string; match: string; after: string }

/** Context of [start, end) in a document's plain text. */
export function mentionContext(text: string, start: number, end: number, chars = CONTEXT_CHARS): MentionContext {
  const blockStart = text.lastIndexOf(BLOCK_SEPARATOR, start);
  const from = blockStart < 0 ? 0 : blockStart + BLOCK_SEPARATOR.length;
  const blockEnd = text.indexOf(BLOCK_SEPARATOR, end);
  const to = blockEnd < 0 ? text.length : blockEnd;

  let b = Math.max(from, start - chars);
  if (b > from) { const space = text.indexOf(' ', b); if (space >= 0 && space < start) b = space + 1; }
  let a = Math.min(to, end + chars);
  if (a < to) { const space = text.lastIndexOf(' ', a); if (space > end) a = space; }
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  return {
    before: (b > from ? '…' : '') + flat(text.slice(b, start)),
    match: flat(text.slice(start, end)),
    after: flat(text.slice(end, a)) + (a < to ? '…' : ''),
  };
}

/** One piece of a passage as shown: plain text, or a match to emphasise. */
export interface PassagePiece { text: string; mark: boolean }

/**
 * A sentence with each of its matches emphasised, for a sweep row that stands for the whole
 * sentence. A sentence longer than the matches plus `chars` on each side is cut at word
 * boundaries around them (`…` marks a cut). `marks` may come in any order; overlaps are merged.
 */
export function passagePieces(text: string, sentence: { start: number; end: number }, marks: Array<{ start: number; end: number }>, chars = CONTEXT_CHARS): PassagePiece[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  const first = sorted[0]?.start ?? sentence.start, last = Math.max(...sorted.map((m) => m.end), first);
  let b = Math.max(sentence.start, first - chars);
  if (b > sentence.start) { const space = text.indexOf(' ', b); if (space >= 0 && space < first) b = space + 1; }
  let a = Math.min(sentence.end, last + chars);
  if (a < sentence.end) { const space = text.lastIndexOf(' ', a); if (space > last) a = space; }
  const flat = (s: string): string => s.replace(/\s+/g, ' ');
  const out: PassagePiece[] = [];
  let at = b;
  for (const m of sorted) {
    if (m.end <= at) continue;
    const s = Math.max(m.start, at);
    if (s > at) out.push({ text: flat(text.slice(at, s)), mark: false });
    out.push({ text: flat(text.slice(s, m.end)), mark: true });
    at = m.end;
  }
  if (a > at) out.push({ text: flat(text.slice(at, a)), mark: false });
  if (b > sentence.start) out.unshift({ text: '…', mark: false });
  if (a < sentence.end) out.push({ text: '…', mark: false });
  return out;
}
