/**
 * HTML → flat blocks, with htmlparser2 (a tolerant streaming tokenizer: broken markup still
 * yields text). Only text survives: the HTML is never rendered, so scripts, event handlers,
 * styles and remote loads have nowhere to run.
 *
 * - Dropped with their content: script, style, noscript, template, iframe, object, embed, svg,
 *   math, canvas, video, audio, form controls, head (except its title), nav, aside, footer, and
 *   elements that are hidden (`hidden`, `aria-hidden="true"`) or marked as chrome by role
 *   (navigation, banner, contentinfo, complementary, search) or by a class/id such as
 *   `navbox`, `sidebar`, `mw-editsection`, `cookie-banner`, `breadcrumb`.
 * - h1–h6 → headings of that level; p, div, blockquote, dd, figcaption… → paragraphs; li →
 *   list items (each ul/ol is one list); tr → one paragraph with cells joined by " | ";
 *   pre → one paragraph per line. br is a line break inside its paragraph (one `<p>`, one
 *   paragraph number, the break kept as "\n" in the text); outside a `<p>` (text straight in a
 *   div or body) two or more br in a row end a paragraph, as a blank line does in plain text;
 *   inside headings, list items and table cells br is a space.
 * - A linked superscript (`<sup><a>3</a></sup>`) is read as the reference marker `[3]`.
 * - Title: `<title>`, else the first h1.
 */
import { Parser } from 'htmlparser2';
import { removeEditLinks, removeShortcodes } from './clean-up.ts';
import type { FlatBlock } from './flat-block.ts';
import { HARD_BREAK, type FormatReading } from './format-reading.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'video', 'audio', 'button', 'select', 'textarea', 'input', 'form', 'head', 'nav', 'aside', 'footer']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'blockquote', 'dd', 'dt', 'dl', 'figure',
  'figcaption', 'caption', 'address', 'center', 'details', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'ol',
  'hr', 'body', 'html']);
const CHROME_ROLE = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);
const CHROME_CLASS = /(?:^|\s)(?:navbox|navbar|sidebar|mw-editsection|mw-jump-link|noprint|cookie-banner|cookie-notice|breadcrumbs?|share-buttons|social-share|skip-link)(?:\s|$)/i;

/** Reads an HTML document (after normalisation). */
export function readHtml(html: string): FormatReading {
  const blocks: FlatBlock[] = [];
  const stack: Array<{ name: string; skip: boolean }> = [];
  let skipDepth = 0;
  let buf = '';
  let heading = 0;
  let itemDepth = 0;
  const lists: number[] = [];
  let listNo = 0;
  let preDepth = 0;
  let pDepth = 0;
  let row: string[] | null = null;
  let inTitle = false;
  let titleText = '';
  let firstH1: string | null = null;
  const sups: Array<{ start: number; linked: boolean }> = [];

  // White space collapses, line breaks (HARD_BREAK) stay; inline.ts places them.
  const clean = (s: string): string => removeEditLinks(removeShortcodes(s)).replace(/[^\S\u2028]+/g, ' ').replace(/^[\s\u2028]+|[\s\u2028]+$/g, '');
  const flush = (): void => {
    if (row) {
      if (buf.trim()) row.push(clean(buf));
      buf = '';
      return;
    }
    const pieces = preDepth > 0 ? buf.split('\n') : [buf];
    buf = '';
    for (const piece of pieces) {
      const text = clean(piece);
      if (!text) continue;
      if (heading) {
        blocks.push({ kind: 'heading', level: heading, text });
        if (heading === 1 && firstH1 === null) firstH1 = text;
      } else if (itemDepth > 0) blocks.push({ kind: 'item', text, list: lists[lists.length - 1] ?? ++listNo });
      else blocks.push({ kind: 'paragraph', text });
    }
  };

  const parser = new Parser({
    onopentag(name, attribs) {
      const chrome = 'hidden' in attribs || attribs['aria-hidden'] === 'true' || CHROME_ROLE.has(attribs['role'] ?? '') ||
        CHROME_CLASS.test(`${attribs['class'] ?? ''} ${attribs['id'] ?? ''}`);
      const skip = name !== 'title' && (SKIP.has(name) || chrome);
      stack.push({ name, skip });
      if (name === 'title' && !stack.some((e) => e.name === 'svg')) { inTitle = true; return; }
      if (skip) skipDepth++;
      if (skipDepth > 0) return;
      if (/^h[1-6]$/.test(name)) { flush(); heading = Number(name[1]); }
      else if (name === 'ul' || name === 'ol') { flush(); lists.push(++listNo); }
      else if (name === 'li') { flush(); itemDepth++; }
      else if (name === 'tr') { flush(); row = []; }
      else if (name === 'td' || name === 'th') { if (row) flush(); else buf += ' '; }
      else if (name === 'pre') { flush(); preDepth++; }
      else if (name === 'br') {
        if (heading || itemDepth || row) buf += ' ';
        else if (preDepth) buf += '\n';
        else if (pDepth === 0 && /\u2028[^\S\u2028]*$/.test(buf)) flush(); // <br><br> outside a <p>: a paragraph break
        else buf += HARD_BREAK;
      } else if (name === 'p') { flush(); pDepth++; }
      else if (name === 'sup') sups.push({ start: buf.length, linked: false });
      else if (name === 'a' && sups.length) sups[sups.length - 1]!.linked = true;
      else if (BLOCK.has(name)) flush();
    },
    ontext(text) {
      if (inTitle) titleText += text;
      else if (skipDepth === 0) buf += text;
    },
    onclosetag(name) {
      const entry = stack.pop();
      if (name === 'title' && inTitle) { inTitle = false; return; }
      if (entry?.skip) { skipDepth--; return; }
      if (skipDepth > 0) return;
      if (/^h[1-6]$/.test(name)) { flush(); heading = 0; }
      else if (name === 'ul' || name === 'ol') { flush(); lists.pop(); }
      else if (name === 'li') { flush(); itemDepth = Math.max(0, itemDepth - 1); }
      else if (name === 'tr') {
        flush();
        const cells = row ?? [];
        row = null;
        if (cells.length) blocks.push({ kind: 'paragraph', text: cells.join(' | ') });
      } else if (name === 'pre') { flush(); preDepth = Math.max(0, preDepth - 1); }
      else if (name === 'p') { flush(); pDepth = Math.max(0, pDepth - 1); }
      else if (name === 'sup') {
        const sup = sups.pop();
        const inner = sup ? buf.slice(sup.start).trim() : '';
        if (sup?.linked && /^[\w ]{1,20}$/.test(inner)) buf = `${buf.slice(0, sup.start)}[${inner}]`;
      } else if (BLOCK.has(name)) flush();
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  flush();
  const title = titleText.replace(/\s+/g, ' ').trim() || firstH1;
  return { blocks, notes: [], title };
}
