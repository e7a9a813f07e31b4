/**
 * Sentences of a document's plain text, for "Make claim" on a mention (the claim is the sentence
 * around the name) and the reader's "select sentence" command. Boundaries come from the platform
 * (Intl.Segmenter, ICU's sentence rules, the same in Node and Chromium), inside one block: a
 * sentence never crosses a paragraph break (a newline in the plain text).
 *
 * ICU as exposed to JavaScript applies no abbreviation list, so "St. Petersburg" and
 * "Mr. Niyazov" would break after the dot. One rule repairs that: a segment whose last word is
 * a title-case word of at most three letters followed by a dot ("St.", "Mr.", "Dr.", an initial
 * "A.") runs on into the next segment.
 */

/** A character range of the plain text: `start` inclusive, `end` exclusive (UTF-16 units). */
export interface TextRange { start: number; end: number }

/** "St.", "Mr.", "Mrs.", "Dr.", "A." at the end of a segment (trailing spaces allowed). */
const ABBREVIATION_END_RE = /(?:^|[\s(“"'])\p{Lu}\p{Ll}{0,2}\.\s*$/u;

let segmenter: Intl.Segmenter | null = null;
function sentenceSegmenter(): Intl.Segmenter {
  return segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
}

/** The block (line) of `text` around `pos`: from after the previous newline to the next one. */
function blockAround(text: string, pos: number): TextRange {
  const start = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
  const nl = text.indexOf('\n', pos);
  return { start: pos > 0 && text[pos - 1] === '\n' ? pos : start, end: nl < 0 ? text.length : nl };
}

/**
 * The sentences of one block of `text` (`block` as plain-text offsets), in order, each without
 * its trailing whitespace. Empty blocks have none.
 */
export function sentencesIn(text: string, block: TextRange): TextRange[] {
  const slice = text.slice(block.start, block.end);
  const out: TextRange[] = [];
  let pending: TextRange | null = null;
  for (const seg of sentenceSegmenter().segment(slice)) {
    const start = block.start + seg.index;
    const end = start + seg.segment.trimEnd().length;
    const range: TextRange = pending ? { start: pending.start, end } : { start, end };
    if (ABBREVIATION_END_RE.test(seg.segment) && seg.index + seg.segment.length < slice.length) { pending = range; continue; }
    pending = null;
    if (range.end > range.start) out.push(range);
  }
  if (pending && pending.end > pending.start) out.push(pending);
  return out;
}

/**
 * The sentence holding the range `[start, end)` of `text`: from the start of the sentence where
 * it starts to the end of the sentence where it ends (both in the block of `start`; a range
 * running past its block is cut at the block's end). A range in blank space gets itself back.
 */
export function sentenceAround(text: string, start: number, end = start): TextRange {
  const block = blockAround(text, start);
  const sentences = sentencesIn(text, block);
  const stop = Math.min(Math.max(end, start), block.end);
  const first = sentences.find((s) => start < s.end) ?? null;
  if (!first) return { start, end: Math.max(start, stop) };
  let last = first;
  for (const s of sentences) if (s.start < stop && s.end > last.end) last = s;
  return { start: Math.min(first.start, start), end: Math.max(last.end, stop) };
}

/**
 * The range grown by one sentence in `direction` within its block: forward, to the end of the
 * sentence after the one where the range ends; backward, to the start of the sentence before
 * the one where it starts. At the block's edge it stays (a claim does not silently span
 * paragraphs).
 */
export function extendBySentence(text: string, range: TextRange, direction: 1 | -1): TextRange {
  const block = blockAround(text, range.start);
  const sentences = sentencesIn(text, block);
  if (direction > 0) {
    const next = sentences.find((s) => s.end > range.end);
    return next ? { start: range.start, end: next.end } : range;
  }
  const prev = [...sentences].reverse().find((s) => s.start < range.start);
  return prev ? { start: prev.start, end: range.end } : range;
}
