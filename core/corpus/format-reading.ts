/**
 * What each format reader (plain text: parse.ts, Markdown: markdown.ts, HTML: html.ts) hands
 * to the common tail of the import pipeline (footnotes, sections, ids). A module of its own so
 * the readers and parse.ts do not import each other.
 */
import type { FlatBlock } from './flat-block.ts';
import type { RawNote } from './footnotes.ts';

/** The flat blocks of one file, its footnote texts (by key), and its title when the format names one. */
export interface FormatReading { blocks: FlatBlock[]; notes: RawNote[]; title: string | null }

/**
 * A line break inside a block (HTML `<br>` in a paragraph, a Markdown hard break) in the raw
 * text of a FlatBlock. U+2028 LINE SEPARATOR cannot occur in that text otherwise: normalisation
 * turns it into a newline first (clean-up.ts). inline.ts makes it a "\n" in the block's text.
 */
export const HARD_BREAK = '\u2028';
