/**
 * Text-level clean-up shared by every format: normalisation, WordPress-style shortcodes and
 * wiki `[edit]` links. Site chrome (menus, counters, repeated headers) is in chrome.ts.
 */

/**
 * NFC, LF line ends, no BOM, no control characters other than tab and newline. Run first, so
 * every later rule (and every stored quote) sees one spelling of each character.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\uFEFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\u2028\u2029]/g, '\n');
}

const SHORTCODE = /\[(\/?)([A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*)(\s[^\]\n]*)?\]/g;

/**
 * Removes shortcodes such as `[vc_row]`, `[/vc_column]`, `[vc_text_separator title="…"]`.
 * A bracketed word counts as a shortcode when it is a closing tag (`[/name]`), has an underscore
 * in its name, has `attr=` attributes, or is closed by a `[/name]` somewhere in the text. So
 * reference markers (`[12]`, `[a]`, `[citation needed]`) and footnote syntax stay.
 * Attribute values (e.g. a separator's title) are page layout, not text, and go with the tag.
 */
export function removeShortcodes(text: string): string {
  if (!text.includes('[')) return text;
  const closed = new Set<string>();
  for (const m of text.matchAll(/\[\/([A-Za-z][\w-]*)\]/g)) closed.add(m[1]!.toLowerCase());
  return text.replace(SHORTCODE, (all, slash: string, name: string, attrs: string | undefined) => {
    const isShortcode = slash === '/' || name.includes('_') || (attrs !== undefined && attrs.includes('=')) || closed.has(name.toLowerCase());
    return isShortcode ? '' : all;
  });
}

const EDIT_LINK = /\[\s*edit(?:\s+source)?(?:\s*\|\s*edit source)?\s*\]/gi;

/** Wiki section edit links: `[edit]`, `[edit source]`, `[edit | edit source]`, alone or after a heading. */
export function removeEditLinks(text: string): string {
  return text.includes('[') ? text.replace(EDIT_LINK, '') : text;
}

/**
 * Lines that carried a wiki edit link, before removeEditLinks takes it away: a line with text
 * and the link (`History[edit]`), or, for a link alone on its line, the nearest line above it
 * with text of its own (`History`, a blank line, `[edit]`). Indexes into `lines`.
 */
export function editMarkedLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let lastText = -1;
  lines.forEach((l, i) => {
    if (!l.includes('[')) { if (l.trim()) lastText = i; return; }
    const rest = l.replace(EDIT_LINK, '');
    if (rest.length === l.length) { if (l.trim()) lastText = i; return; }
    if (rest.trim()) { out.add(i); lastText = i; } else if (lastText >= 0) out.add(lastText);
  });
  return out;
}

/** Collapse runs of white space (including tabs and no-break spaces) to one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}
