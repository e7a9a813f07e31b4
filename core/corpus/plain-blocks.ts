/**
 * Plain text → flat blocks: paragraphs, list items, table rows and headings.
 *
 * Paragraphs. These texts mostly put one paragraph on one line, some with blank lines between
 * paragraphs. So each line is a paragraph, except:
 * - in a hard-wrapped text (most lines end near one width, ≤ 100 characters, without closing
 *   punctuation: e.g. Project Gutenberg files) a paragraph is a run of lines between blank lines;
 * - otherwise a line that starts with a lowercase letter right after a line without closing
 *   sentence punctuation continues that line (a broken line, not a new paragraph);
 * - a line indented by two or more spaces right after a list item continues the item.
 *
 * Lists. A line starting with `- `, `• `, `* `, `– ` or `▪ ` is a list item (the marker is
 * dropped, the renderer draws bullets); `1. ` / `1) ` lines are items when a neighbouring line
 * is numbered too (the number stays in the text: the model has no ordered lists), otherwise
 * they may be numbered headings. Adjacent items form one list.
 *
 * Tables. Word-exported tables put each cell on its own tab-indented line and rows between blank
 * lines: such a run becomes one paragraph with cells joined by " | " (a line without the tab
 * continues the cell above). A line with tabs between words is a row by itself.
 * Tables flattened to lines (scraped pages): a run of three or more lines without blank lines
 * between, at least two of them data lines (half or more of their tokens are figures: numbers,
 * amounts such as "$12.6 billion", ranks such as "(20th)", percentages; no sentence end) and
 * the rest short label lines (a header), is a table: one paragraph per row. A line of figures
 * only continues the row above (a row whose cells were split over several lines by the
 * extraction), so however the cells were split, the rows, and every paragraph number after the
 * table, stay the same. List items (`- `, `1. `) are never table lines.
 *
 * Parts. A page that joins several articles (a site's attribution line, "from Grokipedia",
 * between them: chrome.ts) gets a level-1 part heading there, so the second article is not filed
 * under the first one's last section.
 *
 * Headings. A line of heading shape (headings.ts) is a heading when what follows it is body:
 * a paragraph at least twice as long (and 60+ characters), a list, or another heading that is
 * body-led in turn; at most three headings in a row, so a table of contents stays text. A line
 * ending in a question mark is a heading only as the first line (a title such as "Time to
 * revise the neutrality policy?"); elsewhere it is dialogue.
 * The first line is the title (level 1) when it is a heading and not a generic section name.
 * Headings that each carried their own wiki `[edit]` link are siblings (headings.ts).
 */
import type { FlatBlock } from './flat-block.ts';
import { canBeTitle, headingLevels, headingShape, type HeadingInfo, type HeadingShape } from './headings.ts';

const SENTENCE_END = /[.!?…:;。！？]["'”’»)\]]*$/u;
const BULLET = /^\s*[-•*–▪◦]\s+(.*)$/u;
const ORDERED = /^\s*\d{1,3}[.)]\s+\S/u;
const QUESTION_END = /[?？]["'”’»)]*$/u;

interface Unit {
  kind: 'paragraph' | 'item' | 'part';
  text: string;
  /** Made of a single source line (only those can be headings). */
  single: boolean;
  list: number;
  /** Its line carried a wiki `[edit]` link. */
  editMarked?: boolean;
}

/** What the caller learnt about lines before clean-up removed it (indexes into the lines). */
export interface LineMarks {
  /** Lines that carried a wiki `[edit]` link (section headings of a scraped wiki page). */
  editMarked?: ReadonlySet<number>;
  /** Lines where a new part (article) begins, with the text of its part heading. */
  parts?: ReadonlyMap<number, string>;
}

const FIGURE = /^[([]?[-+−~≈]?[$€£¥₽]?[-+−]?\d[\d,.\u00A0]*(?:%|st|nd|rd|th|[kKmMbB]n?)?[)\]]?[,;]?$/u;
const FIGURE_WORD = /^(?:billion|million|trillion|thousand|bn|mn|percent|km2?|km²|n\/a)$/iu;

/** Whether a line is a row of figures from a flattened table (see the file comment). */
function isDataLine(line: string): boolean {
  if (line.length > 400 || BULLET.test(line) || ORDERED.test(line)) return false; // 40 cells at most; list items are lists
  const t = line.trim();
  const tokens = t.split(/\s+/).filter(Boolean);
  if (!tokens.length || tokens.length > 40 || (SENTENCE_END.test(t) && !/\d$/.test(t))) return false;
  const figures = tokens.filter((t) => FIGURE.test(t) || FIGURE_WORD.test(t)).length;
  return figures >= 1 && figures * 2 >= tokens.length;
}

/** Whether a line could be a table's header or a row's label: short, no sentence end. */
function isLabelLine(line: string): boolean {
  if (line.length > 400 || BULLET.test(line) || ORDERED.test(line)) return false;
  const t = line.trim();
  return t.length > 0 && t.length <= 200 && t.split(/\s+/).length <= 24 && !SENTENCE_END.test(t);
}

/** Whether a line is figures only ("(20th)", "$456.003 billion"): the rest of the row above. */
const onlyFigures = (line: string): boolean => line.trim().split(/\s+/).every((t) => FIGURE.test(t) || FIGURE_WORD.test(t));

/**
 * Indexes (within a group) of the lines that form flattened tables: runs of 3+ data or label
 * lines holding 2+ data lines, and at least as many data lines as label lines.
 */
function tableLines(group: Array<{ text: string }>): Set<number> {
  const out = new Set<number>();
  let i = 0;
  while (i < group.length) {
    if (!isDataLine(group[i]!.text) && !isLabelLine(group[i]!.text)) { i++; continue; }
    let j = i;
    let data = 0;
    while (j < group.length && (isDataLine(group[j]!.text) || isLabelLine(group[j]!.text))) { if (isDataLine(group[j]!.text)) data++; j++; }
    // Trim label lines off the end: a table ends with data, a heading after it is not a row.
    let end = j;
    while (end > i && !isDataLine(group[end - 1]!.text)) end--;
    const labels = end - i - data;
    if (end - i >= 3 && data >= 2 && data >= labels) for (let k = i; k < end; k++) out.add(k);
    i = j;
  }
  return out;
}

/** Whether the text is hard-wrapped at a fixed width (see the file comment). */
export function isHardWrapped(lines: string[]): boolean {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0);
  if (lengths.length < 5) return false;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95) - (sorted.length >= 20 ? 0 : 1)] ?? sorted[sorted.length - 1]!;
  if (p95 > 100) return false;
  const nearWidth = lengths.filter((n) => n >= 0.6 * p95).length / lengths.length;
  let followed = 0;
  let open = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const t = lines[i]!.trim();
    if (!t || !lines[i + 1]!.trim()) continue;
    followed++;
    if (!SENTENCE_END.test(t)) open++;
  }
  return nearWidth >= 0.6 && followed > 0 && open / followed >= 0.5;
}

/** Runs of non-blank lines, each line with its index in `lines`. */
function splitGroups(lines: string[]): Array<Array<{ text: string; index: number }>> {
  const groups: Array<Array<{ text: string; index: number }>> = [];
  let cur: Array<{ text: string; index: number }> = [];
  lines.forEach((l, index) => {
    if (l.trim() === '') { if (cur.length) groups.push(cur); cur = []; } else cur.push({ text: l.trimEnd(), index });
  });
  if (cur.length) groups.push(cur);
  return groups;
}

/**
 * Splits off a Word-style table row at the end of a group: from the first tab-led line on, when
 * there are two or more tab-led lines and none is longer than 80 characters. Lines before it
 * (a caption) stay ordinary lines.
 */
function tableRow(group: string[]): { before: string[]; row: string } | null {
  const start = group.findIndex((l) => l.startsWith('\t'));
  if (start < 0) return null;
  const rest = group.slice(start);
  if (rest.filter((l) => l.startsWith('\t')).length < 2 || rest.some((l) => l.trim().length > 80)) return null;
  const cells: string[] = [];
  for (const l of rest) {
    if (l.startsWith('\t') || cells.length === 0) cells.push(l.trim());
    else cells[cells.length - 1] += ' ' + l.trim();
  }
  return { before: group.slice(0, start), row: cells.join(' | ') };
}

/** Paragraph and item units of the text, before heading detection. */
function units(lines: string[], marks: LineMarks): Unit[] {
  const wrapped = isHardWrapped(lines);
  const out: Unit[] = [];
  let listNo = 0;
  let prevWasItem = false;
  for (const wholeGroup of splitGroups(lines)) {
    const table = tableRow(wholeGroup.map((l) => l.text));
    const entries = table ? wholeGroup.slice(0, table.before.length) : wholeGroup;
    const group = entries.map((l) => l.text);
    const flatTable = wrapped ? new Set<number>() : tableLines(entries);
    let last: Unit | null = null;
    let lastRow: Unit | null = null;
    for (let i = 0; i < group.length; i++) {
      const raw = group[i]!;
      const line = raw.trim();
      const part = marks.parts?.get(entries[i]!.index);
      if (part !== undefined) {
        out.push({ kind: 'part', text: part, single: true, list: 0 });
        last = null; lastRow = null; prevWasItem = false;
        continue;
      }
      if (flatTable.has(i)) {
        if (lastRow && flatTable.has(i - 1) && onlyFigures(line)) { lastRow.text += ' ' + line; continue; }
        lastRow = { kind: 'paragraph', text: line, single: false, list: 0 };
        out.push(lastRow);
        last = lastRow;
        prevWasItem = false;
        continue;
      }
      lastRow = null;
      const bullet = BULLET.exec(raw);
      const ordered = ORDERED.test(raw) && (ORDERED.test(group[i - 1] ?? '') || ORDERED.test(group[i + 1] ?? ''));
      if ((bullet && /[\p{L}\p{N}]/u.test(bullet[1]!)) || ordered) {
        if (!prevWasItem) listNo++;
        last = { kind: 'item', text: bullet && !ordered ? bullet[1]!.trim() : line, single: true, list: listNo };
        out.push(last);
        prevWasItem = true;
        continue;
      }
      const continues = last !== null && (
        wrapped ||
        (last.kind === 'item' && /^(\s{2,}|\t)/.test(raw)) ||
        (/^\p{Ll}/u.test(line) && !SENTENCE_END.test(last.text)));
      if (continues && last) {
        last.text += ' ' + line.replace(/\t+/g, ' ');
        last.single = false;
        continue;
      }
      const text = /\S\t+\S/.test(line) ? line.split(/\t+/).map((c) => c.trim()).join(' | ') : line;
      last = { kind: 'paragraph', text, single: true, list: 0, editMarked: marks.editMarked?.has(entries[i]!.index) };
      out.push(last);
      prevWasItem = false;
    }
    if (table) { out.push({ kind: 'paragraph', text: table.row, single: false, list: 0 }); prevWasItem = false; }
  }
  return out;
}

/**
 * Flat blocks of a cleaned plain text given as lines; `title` is the title line's text, if any.
 * `marks` carries what clean-up removed but structure needs (edit links, part boundaries).
 */
export function readPlainLines(lines: string[], marks: LineMarks = {}): { blocks: FlatBlock[]; title: string | null } {
  const us = units(lines, marks);
  const shapes: Array<HeadingShape | null> = us.map((u, i) => {
    if (u.kind === 'part') return { kind: 'part' };
    if (u.kind !== 'paragraph' || !u.single) return null;
    const shape = headingShape(u.text);
    // A question is a heading only as the first line (a title): elsewhere it is dialogue.
    return shape?.kind === 'plain' && i > 0 && QUESTION_END.test(u.text) ? null : shape;
  });
  // Backward pass: a candidate is a heading when body follows it (chain length ≤ 3).
  const chain = new Array<number>(us.length).fill(0);
  for (let i = us.length - 1; i >= 0; i--) {
    if (!shapes[i]) continue;
    if (us[i]!.kind === 'part') { chain[i] = 1; continue; } // a part heading whatever follows
    const next = us[i + 1];
    if (!next) continue;
    if (next.kind === 'item') chain[i] = 1;
    else if (chain[i + 1]! > 0) chain[i] = chain[i + 1]! < 3 ? chain[i + 1]! + 1 : 0;
    else if (next.text.length >= Math.max(2 * us[i]!.text.length, 60)) chain[i] = 1;
    // The first line, shaped like a title, is the title whatever follows it: a short first
    // paragraph (an added dateline, a one-line lead) must not turn it into body text.
    else if (i === 0 && canBeTitle(us[0]!.text, shapes[0]!)) chain[i] = 1;
  }
  const infos: HeadingInfo[] = [];
  const headingAt: number[] = [];
  let title: string | null = null;
  for (let i = 0; i < us.length; i++) {
    if (!chain[i]) continue;
    const shape = shapes[i]!;
    const isTitle = i === 0 && canBeTitle(us[i]!.text, shape);
    if (isTitle) title = us[i]!.text;
    infos.push({ shape, isTitle, afterHeading: i > 0 && chain[i - 1]! > 0, beforeHeading: chain[i + 1]! > 0, editMarked: us[i]!.editMarked === true });
    headingAt.push(i);
  }
  const levels = headingLevels(infos);
  const levelOf = new Map(headingAt.map((at, k) => [at, levels[k]!]));
  const blocks: FlatBlock[] = us.map((u, i) => {
    const level = levelOf.get(i);
    if (level !== undefined) return { kind: 'heading', level, text: u.text };
    return u.kind === 'item' ? { kind: 'item', text: u.text, list: u.list } : u.kind === 'part' ? { kind: 'heading', level: 1, text: u.text } : { kind: 'paragraph', text: u.text };
  });
  return { blocks, title };
}
