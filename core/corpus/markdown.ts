/**
 * Markdown → flat blocks. Enough Markdown to read prose faithfully, not a renderer:
 * - YAML front matter (between `---` lines at the top) is dropped; its `title:` is the title;
 * - ATX (`## Heading`) and setext (`Heading` over `===` / `---`) headings keep their level;
 *   the title is the first level-1 heading when there is no front-matter title;
 * - paragraphs are runs of lines between blank lines (soft line breaks joined by a space);
 * - `-`, `*`, `+` and `1.` list items (continuation lines join the item; a change of marker
 *   starts a new list; ordered items keep their number as text: the model has no ordered lists);
 * - `>` quote markers are dropped (a quote reads as a paragraph); fenced code keeps one
 *   paragraph per line; thematic breaks and link definitions (`[id]: url`) are dropped;
 * - footnotes `[^x]` / `[^x]: note` as in footnotes.ts; inline syntax as in markdown-inline.ts.
 */
import type { FlatBlock } from './flat-block.ts';
import { extractMarkdownNotes } from './footnotes.ts';
import { stripMarkdownInline } from './markdown-inline.ts';
import type { FormatReading } from './parse.ts';

const ATX = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const SETEXT = /^ {0,3}(=+|-+)\s*$/;
const BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEF = /^ {0,3}\[[^\]^][^\]]*\]:\s*\S+/;

/** Front matter and its title, if the text opens with one. */
function frontMatter(lines: string[]): { skip: number; title: string | null } {
  if (lines[0]?.trim() !== '---') return { skip: 0, title: null };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return { skip: 0, title: null };
  const t = lines.slice(1, end).map((l) => /^title:\s*(.+)$/i.exec(l)).find(Boolean);
  return { skip: end + 1, title: t ? t[1]!.trim().replace(/^(['"])(.*)\1$/, '$2') : null };
}

/** Reads a Markdown text (after normalisation). */
export function readMarkdown(text: string): FormatReading {
  const all = text.split('\n');
  const front = frontMatter(all);
  const { body, notes } = extractMarkdownNotes(all.slice(front.skip));
  const blocks: FlatBlock[] = [];
  let para: string[] = [];
  let item: { text: string; list: number } | null = null;
  let listNo = 0;
  let inList = false;
  let listMarker = '';
  let fence: string | null = null;
  let title = front.title;

  const flush = (): void => {
    if (para.length) blocks.push({ kind: 'paragraph', text: stripMarkdownInline(para.join(' ')) });
    if (item) blocks.push({ kind: 'item', text: stripMarkdownInline(item.text), list: item.list });
    para = [];
    item = null;
  };
  const heading = (level: number, raw: string): void => {
    flush();
    inList = false;
    const t = stripMarkdownInline(raw.trim());
    if (level === 1 && title === null) title = t;
    blocks.push({ kind: 'heading', level, text: t });
  };

  for (let i = 0; i < body.length; i++) {
    const raw = body[i]!;
    if (fence !== null) {
      if (raw.trim().startsWith(fence)) { fence = null; continue; }
      if (raw.trim()) blocks.push({ kind: 'paragraph', text: raw.trim() });
      continue;
    }
    const f = FENCE.exec(raw);
    if (f) { flush(); inList = false; fence = f[1]!; continue; }
    const line = raw.replace(/^(\s{0,3}>\s?)+/, '');
    if (line.trim() === '') { flush(); continue; }
    const atx = ATX.exec(line);
    if (atx) { heading(atx[1]!.length, atx[2] ?? ''); continue; }
    const next = body[i + 1];
    if (para.length === 0 && !item && next !== undefined && SETEXT.test(next) && !ITEM.test(line) && !BREAK.test(line)) {
      heading(next.trim().startsWith('=') ? 1 : 2, line);
      i++;
      continue;
    }
    if (BREAK.test(line) || LINK_DEF.test(line)) { flush(); continue; }
    const it = ITEM.exec(line);
    if (it) {
      if (para.length) { flush(); inList = false; }
      if (item) flush();
      const marker = /^\d/.test(it[2]!) ? it[2]!.slice(-1) : it[2]!;
      if (!inList || marker !== listMarker) { listNo++; inList = true; listMarker = marker; }
      item = { text: /^\d/.test(it[2]!) ? `${it[2]} ${it[3]}` : it[3]!, list: listNo };
      continue;
    }
    if (item) { item.text += ' ' + line.trim(); continue; }
    if (inList && para.length === 0 && !/^\s/.test(raw)) inList = false;
    para.push(line.trim());
  }
  flush();
  return { blocks, notes, title };
}
