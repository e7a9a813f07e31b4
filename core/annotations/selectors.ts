/**
 * W3C Web Annotation selectors for a range of a document's plain text (DESIGN.md, convention 5).
 *
 * Every claim stores both a TextQuoteSelector (the words and their surroundings) and a
 * TextPositionSelector (offsets): the position is the fast path, the quote is the truth that
 * re-anchoring falls back on when the text changes.
 */
import { ApiError } from '../api.ts';
import type { TextPositionSelector, TextQuoteSelector } from '../api.ts';

/**
 * Characters of context kept before and after a quote. 32 is what the Hypothesis client stores
 * (its `TextQuoteAnchor` takes 32 characters of prefix and suffix): enough to tell repeated
 * phrases apart, short enough that an edit next to the quote rarely destroys both sides.
 */
export const CONTEXT_CHARS = 32;

/** Both selectors of a range. */
export interface RangeSelectors { quote: TextQuoteSelector; position: TextPositionSelector }

/**
 * Describes `[start, end)` of `text` by quote (with CONTEXT_CHARS of prefix/suffix) and by
 * position. Throws `ApiError('bad-input')` with a readable message when the range cannot be a
 * claim: empty, reversed, outside the text, not whole numbers, or nothing but whitespace.
 */
export function describeRange(text: string, start: number, end: number): RangeSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new ApiError('bad-input', `A selection must be given in whole characters (got ${start}–${end}).`);
  }
  if (start > end) {
    throw new ApiError('bad-input', `The selection ends (${end}) before it starts (${start}).`);
  }
  if (start < 0 || end > text.length) {
    throw new ApiError('bad-input', `The selection ${start}–${end} lies outside the document, which has ${text.length} characters.`);
  }
  if (start === end) {
    throw new ApiError('bad-input', 'The selection is empty: select some text first.');
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '') {
    throw new ApiError('bad-input', 'The selection holds only spaces or line breaks: select some words.');
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, end + CONTEXT_CHARS),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
