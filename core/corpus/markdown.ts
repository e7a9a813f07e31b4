/**
 * Markdown → flat blocks, read with markdown-it (CommonMark, plus GFM tables) and
 * markdown-it-footnote, then reduced to what the reader keeps: text.
 * - YAML front matter (between `---` lines at the top) is dropped; its `title:` is the title;
 *   otherwise the first level-1 heading is.
 * - Headings keep their level; paragraphs join soft line breaks with a space; a hard break
 *   (two trailing spaces or a backslash) stays a line break inside the paragraph.
 * - List items are items (each list is one list; an item's later paragraphs join it; ordered
 *   items keep their number as text: the model has no ordered lists); block quotes read as
 *   paragraphs; fenced and indented code give one paragraph per line; table rows one paragraph
 *   each with cells joined by " | " (as HTML tables); thematic breaks, link definitions and
 *   images leave nothing; raw HTML leaves its text only.
 * - Footnotes `[^x]` / `[^x]: note`, with CommonMark's rules: indented lines and lazy
 *   continuation lines (an unindented line right after the note's text) belong to the note.
 *   Markers stay in the text as `[^x]` for inline.ts; notes go to footnotes.ts by key.
 */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { FlatBlock } from './flat-block.ts';
import type { RawNote } from './footnotes.ts';
import { HARD_BREAK, type FormatReading } from './format-reading.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

/** One parser for every file: markdown-it keeps no state between `parse` calls. */
const md = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(footnote);

/** Front matter and its title, if the text opens with one. */
function frontMatter(lines: string[]): { skip: number; title: string | null } {
  if (lines[0]?.trim() !== '---') return { skip: 0, title: null };
  const end = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (end < 0) return { skip: 0, title: null };
  const t = lines.slice(1, end).map((l) => /^title:\s*(.+)$/i.exec(l)).find(Boolean);
  return { skip: end + 1, title: t ? t[1]!.trim().replace(/^(['"])(.*)\1$/, '$2') : null };
}

/** The text of an inline token: markup gone, footnote references kept as `[^label]`. */
function inlineText(token: Token): string {
  let s = '';
  for (const c of token.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') s += c.content;
    else if (c.type === 'softbreak') s += ' ';
    else if (c.type === 'hardbreak') s += HARD_BREAK;
    else if (c.type === 'footnote_ref') s += `[^${(c.meta as { label?: string } | null)?.label ?? ''}]`;
    else if (c.type === 'html_inline' && /^<br\s*\/?>$/i.test(c.content)) s += HARD_BREAK;
    // images, link and emphasis markers, other inline HTML: no text of their own
  }
  return s;
}

/** Text of raw HTML: tags and comments go, entities for the common characters resolve. */
function htmlText(html: string): string {
  return html.replace(/<!--[^]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Reads a Markdown text (after normalisation). */
export function readMarkdown(text: string): FormatReading {
  const all = text.split('\n');
  const front = frontMatter(all);
  const tokens = md.parse(all.slice(front.skip).join('\n'), {});
  const blocks: FlatBlock[] = [];
  const notes: RawNote[] = [];
  let title = front.title;
  let listNo = 0;
  const lists: Array<{ no: number; ordered: boolean }> = [];
  /** The item being read: its later paragraphs join it. */
  let item: { text: string; list: number; paragraphs: number } | null = null;
  let note: RawNote | null = null;
  let row: string[] | null = null;
  let heading = 0;

  const flushItem = (): void => {
    if (item && item.text.trim()) blocks.push({ kind: 'item', text: item.text, list: item.list });
    item = null;
  };

  for (const t of tokens) {
    switch (t.type) {
      case 'heading_open': flushItem(); heading = Number(t.tag.slice(1)); break;
      case 'heading_close': heading = 0; break;
      case 'bullet_list_open': case 'ordered_list_open':
        flushItem();
        lists.push({ no: ++listNo, ordered: t.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close': case 'ordered_list_close': flushItem(); lists.pop(); break;
      case 'list_item_open': {
        flushItem();
        const list = lists[lists.length - 1]!;
        item = { text: list.ordered ? `${t.info}${t.markup} ` : '', list: list.no, paragraphs: 0 };
        break;
      }
      case 'list_item_close': flushItem(); break;
      case 'footnote_open': flushItem(); note = { key: (t.meta as { label?: string } | null)?.label ?? String(notes.length), text: '' }; break;
      case 'footnote_close': if (note) notes.push(note); note = null; break;
      case 'tr_open': row = []; break;
      case 'tr_close': if (row?.some((c) => c.trim())) blocks.push({ kind: 'paragraph', text: row.join(' | ') }); row = null; break;
      case 'fence': case 'code_block':
        flushItem();
        for (const line of t.content.split('\n')) if (line.trim()) blocks.push({ kind: 'paragraph', text: line.trim() });
        break;
      case 'html_block': {
        const s = htmlText(t.content).trim();
        if (s) { if (note) note.text += (note.text ? ' ' : '') + s; else blocks.push({ kind: 'paragraph', text: s }); }
        break;
      }
      case 'inline': {
        const s = inlineText(t);
        if (row) { row.push(s.trim()); break; }
        if (note) { note.text += (note.text ? ' ' : '') + s; break; }
        if (heading) {
          if (heading === 1 && title === null) title = s.trim();
          blocks.push({ kind: 'heading', level: heading, text: s });
        } else if (item) {
          item.text += (item.paragraphs++ > 0 ? ' ' : '') + s;
        } else {
          blocks.push({ kind: 'paragraph', text: s });
        }
        break;
      }
      default: break; // paragraph/blockquote open and close, hr, footnote blocks, table parts: structure only
    }
  }
  flushItem();
  return { blocks, notes, title };
}
