/**
 * Markdown inline syntax → plain text, minimally: we read Markdown, we do not render it.
 * Images go (no text to read), links keep their text, emphasis and code markers go, inline HTML
 * tags go, backslash escapes resolve. Footnote markers `[^x]` and `[12]` stay for inline.ts.
 */
export function stripMarkdownInline(s: string): string {
  if (!/[\\`*_~[<!]/.test(s)) return s;
  return s
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]^][^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]^][^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?[^\s\\])\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w\\])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2')
    .replace(/~~(?=\S)([^~]*?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
}
