/**
 * Site chrome of scraped web pages: menu items, logos, counters, "be the first to comment",
 * glued link lists, "from Wikipedia" attributions. Rules are conservative: when in doubt a line
 * stays, because a dropped line is text the reader can never annotate.
 *
 * Everywhere in the text:
 * - a source attribution alone on its line: `from Wikipedia`, `From Grokipedia, the free encyclopedia`
 *   (after prose it also marks where a second article begins: partBreaks);
 * - a short line (≤ 12 words, no closing punctuation) of link texts glued together, seen as two
 *   or more places where a lowercase letter runs into a capital right after a multi-word phrase
 *   (`Revisions and contributorsEdit on WikipediaRead on Wikipedia`). Glued single words
 *   (`MeetingDateLocation`, a flattened table header) do not count.
 *
 * Only before the first prose line and after the last one (a prose line has 8+ words, ends with
 * sentence punctuation and occurs once in the text); not at all when the text has no prose line:
 * - interface phrases: a line of at most four words ending in a UI noun (`Open search`,
 *   `Hubbry Logo`, `Community hub`, `User Avatar`, `Add your contribution`), and fixed phrases
 *   (`No comments yet.`, `Be the first to …`, `Skip to content`, `Back to top`, `Read more`);
 * - counters: `8 pages, 0 posts`, `0 subscribers`, `12 comments`, `3 min read`;
 * - a line repeated verbatim in that stretch (site header and page title printed twice): only
 *   the occurrence nearest the prose is kept.
 * The line just before the first prose line is never dropped by these rules: it is where a
 * page's title sits (`Binary search` is a title, not a search box).
 */

const TERMINAL = /[.!?…:;,]["'”’»)\]]*$/u;
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

const ATTRIBUTION = /^from [\p{Lu}][\p{L}\p{N}.-]*(?:, the free encyclopedia)?$/iu;
const UI_NOUN_LINE = /^(?:[\p{L}\p{N}'’]+\s+){0,3}(?:logo|search|menu|navigation|hubs?|avatar|log ?in|log ?out|sign ?in|sign ?up|subscribe|subscribers|followers|share|comments?|posts?|contributions?)$/iu;
const UI_PHRASE = /^(?:no (?:comments|posts|replies|discussions?)(?: yet)?|be the first to [^.]{1,50}|skip to (?:main )?content|jump to (?:navigation|search|content)|back to top|read more|load more|show more|share this(?: page| article)?|toggle (?:navigation|menu))[.!]?$/iu;
const COUNTER_UNIT = '(?:pages?|posts?|subscribers?|followers?|comments?|views?|likes?|shares?|members?|replies|articles?|reactions?|min read|minutes? read)';
const COUNTER = new RegExp(`^\\d[\\d,.]*\\s*[kKmM]?\\s+${COUNTER_UNIT}(?:\\s*[,·|•]\\s*\\d[\\d,.]*\\s*[kKmM]?\\s+${COUNTER_UNIT})*$`, 'iu');

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** Places where a multi-word phrase runs into the next capitalised word without a space. */
export function gluedPhraseJoins(line: string): number {
  let joins = 0;
  let segmentStart = 0;
  for (const m of line.matchAll(/\p{Ll}(?=\p{Lu})/gu)) {
    const segment = line.slice(segmentStart, m.index + 1);
    if (/\s/.test(segment.trim())) joins++;
    segmentStart = m.index + 1;
  }
  return joins;
}

function isGluedLinks(line: string): boolean {
  return words(line) <= 12 && !TERMINAL.test(line) && gluedPhraseJoins(line) >= 2;
}

function isUiLine(line: string): boolean {
  return UI_NOUN_LINE.test(line) || UI_PHRASE.test(line) || COUNTER.test(line);
}

/**
 * Where a page made of several articles starts a new one: an attribution line (`from Wikipedia`,
 * `From Grokipedia, the free encyclopedia`) with prose before it. The line itself is chrome
 * (dropChromeLines removes it) but the boundary is structure: the caller puts a part heading
 * there, named by the site (`Grokipedia`). An attribution before any prose only says where the
 * first article came from: no part. `kept` is `lines` after dropChromeLines (same indexes), so
 * chrome such as "Be the first to start a discussion here." does not count as prose.
 * Returns line index → the part heading's text.
 */
export function partBreaks(lines: string[], kept: string[]): Map<number, string> {
  const out = new Map<number, string>();
  let prose = false;
  lines.forEach((l, i) => {
    const t = l.trim();
    if (ATTRIBUTION.test(t)) {
      if (prose) out.set(i, t.replace(/^from\s+/i, '').replace(/, the free encyclopedia$/i, ''));
      prose = false;
      return;
    }
    const k = (kept[i] ?? '').trim();
    if (!prose && SENTENCE_END.test(k) && words(k) >= 8) prose = true;
  });
  return out;
}

/** Removes site chrome; dropped lines become empty lines, so paragraph breaks stay where they were. */
export function dropChromeLines(lines: string[]): string[] {
  const out = lines.map((l) => {
    const t = l.trim();
    return t !== '' && (ATTRIBUTION.test(t) || isGluedLinks(t)) ? '' : l;
  });
  const counts = new Map<string, number>();
  for (const l of out) {
    const t = l.trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const isProse = (l: string): boolean => {
    const t = l.trim();
    return words(t) >= 8 && SENTENCE_END.test(t) && counts.get(t) === 1 && !isUiLine(t);
  };
  const first = out.findIndex(isProse);
  if (first < 0) return out;
  let last = out.length - 1;
  while (!isProse(out[last]!)) last--;

  // Leading stretch: walk back from the prose, keeping the nearest copy of repeated lines.
  let protectedLine = first - 1;
  while (protectedLine >= 0 && out[protectedLine]!.trim() === '') protectedLine--;
  const seenBefore = new Set<string>();
  for (let i = first - 1; i >= 0; i--) {
    const t = out[i]!.trim();
    if (!t || i === protectedLine) { if (t) seenBefore.add(t); continue; }
    if (isUiLine(t) || (seenBefore.has(t) && words(t) <= 12)) out[i] = '';
    else seenBefore.add(t);
  }
  const seenAfter = new Set<string>();
  for (let i = last + 1; i < out.length; i++) {
    const t = out[i]!.trim();
    if (!t) continue;
    if (isUiLine(t) || (seenAfter.has(t) && words(t) <= 12)) out[i] = '';
    else seenAfter.add(t);
  }
  return out;
}
