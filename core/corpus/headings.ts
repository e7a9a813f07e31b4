/**
 * Which short lines of a plain text are headings, and at what level.
 *
 * A line can be a heading when it is short (≤ 120 characters, ≤ 16 words), has no closing
 * punctuation (. , ; : ! — a question mark is fine: "Time to revise the policy?"), does not open
 * with a quotation mark (dialogue), starts with a capital (or a section number, or is a year), has more words than numbers, is not a list item, a table row,
 * a figure/table caption (`Fig.1 …`, `Table 2 …`) or a line starting with a reference marker,
 * and contains no glued words (`MeetingDateLocation`: a flattened table).
 *
 * Levels (plain text has none, so they are inferred):
 * - the document's title line: 1;
 * - numbered headings: `1` / `1.` / `IV.` → 2, `1.1` → 3, `1.1.1` → 4;
 * - a year or year range (`2020`, `2019–2021`): one below the last other heading (a dated
 *   entry inside a section);
 * - a part heading (where a page joins a second article): 1, and what follows starts afresh;
 * - a heading directly under another heading (nothing between): one below it (`History` then
 *   `The old union`), except when both carried their own wiki `[edit]` link: a wiki gives every
 *   section heading one, so such headings are siblings; later headings stay at that depth as
 *   its siblings, until
 * - a heading directly followed by another heading, which opens a new group at level 2;
 * - any other heading: 2, or the sibling depth set by the rules above.
 */

/** What kind of heading a line would be. */
export type HeadingShape = { kind: 'plain' } | { kind: 'numbered'; depth: number } | { kind: 'label' } | { kind: 'part' };

const CLOSING_PUNCTUATION = /[.,;:!。，；：、！]["'”’»)]*$/u;
const OPENING_QUOTE = /^["'“‘«„]/u;
const YEAR_LABEL = /^(?:1[5-9]|20)\d\d(?:\s*[-–—]\s*(?:(?:1[5-9]|20)\d\d|present|today))?$/iu;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=[\p{Lu}\p{Lo}])/u;
const ROMAN = /^[IVXLC]{1,6}\.\s+(?=\p{Lu})/u;
const CAPTION = /^(?:fig(?:ure)?|tab(?:le)?|chart|graph|map|photo|image|illustration|plate|source)\s*\.?\s*\d/iu;
const GLUED_TOKEN = /\p{Ll}\p{Lu}[\p{L}]*\p{Ll}\p{Lu}/u;

/** The heading shape of `line`, or null when it cannot be a heading. */
export function headingShape(line: string): HeadingShape | null {
  if (line.length > 120 || line.length === 0) return null;
  if (YEAR_LABEL.test(line)) return { kind: 'label' };
  const tokens = line.split(/\s+/);
  if (tokens.length > 16) return null;
  if (CLOSING_PUNCTUATION.test(line) || OPENING_QUOTE.test(line) || CAPTION.test(line) || line.startsWith('[') || line.includes(' | ')) return null;
  if (GLUED_TOKEN.test(line)) return null;
  const wordTokens = tokens.filter((t) => /\p{L}{2,}|[\p{Lo}]/u.test(t)).length;
  const numberTokens = tokens.filter((t) => /^[^\p{L}]*\d[^\p{L}]*$/u.test(t)).length;
  const numbered = NUMBERED.exec(line);
  if (numbered) return wordTokens > 0 ? { kind: 'numbered', depth: numbered[1]!.split('.').length } : null;
  if (ROMAN.test(line)) return { kind: 'numbered', depth: 1 };
  if (wordTokens <= numberTokens) return null;
  const firstLetter = /[\p{L}]/u.exec(line);
  if (!firstLetter || /\p{Ll}/u.test(firstLetter[0])) return null;
  return { kind: 'plain' };
}

/** Words that name a section, never a whole document: such a first line is not the title. */
const GENERIC_SECTION = /^(?:abstract|introduction|summary|executive summary|contents|table of contents|preface|foreword|overview|background|conclusions?|references|bibliography|notes|acknowledg(?:e)?ments|appendix(?: [a-z0-9]+)?|chapter \S+|part \S+)$/iu;

/** Whether a heading's text could be the document's title (not "Introduction", not a year). */
export function canBeTitle(text: string, shape: HeadingShape): boolean {
  return shape.kind === 'plain' && !GENERIC_SECTION.test(text);
}

/** One heading in reading order, with what sits around it. */
export interface HeadingInfo {
  shape: HeadingShape;
  isTitle: boolean;
  /** The block just before it is a heading. */
  afterHeading: boolean;
  /** The block just after it is a heading (it opens a group of sub-headings). */
  beforeHeading: boolean;
  /** Its line carried a wiki `[edit]` link. */
  editMarked?: boolean;
}

/** Levels (1–6) for the headings of one document, by the rules at the top of this file. */
export function headingLevels(headings: HeadingInfo[]): number[] {
  const levels: number[] = [];
  let siblingLevel = 2;
  let lastOther: number | null = null;
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const prev = i > 0 ? headings[i - 1]! : null;
    let level: number;
    if (h.isTitle) level = 1;
    else if (h.shape.kind === 'part') { level = 1; siblingLevel = 2; }
    else if (h.shape.kind === 'numbered') level = 1 + h.shape.depth;
    else if (h.shape.kind === 'label') level = (lastOther ?? 1) + 1;
    else if (h.afterHeading && prev && h.editMarked && prev.editMarked) { level = levels[i - 1]!; siblingLevel = level; }
    else if (h.afterHeading && prev && prev.shape.kind !== 'label' && prev.shape.kind !== 'part') { level = levels[i - 1]! + 1; siblingLevel = level; }
    else if (h.beforeHeading) { level = 2; siblingLevel = 2; }
    else level = siblingLevel;
    level = Math.min(6, Math.max(1, level));
    if (h.shape.kind !== 'label') lastOther = level;
    levels.push(level);
  }
  return levels;
}
