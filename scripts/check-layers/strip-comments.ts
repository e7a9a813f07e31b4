/**
 * A small lexer for the layer check: removes comments (so prose like "the window." or "ipcMain"
 * in a doc comment is not a violation) and, in a second copy, string contents as well (so a
 * quoted word is not taken for code). Line breaks are kept, so line numbers stay true.
 * Regex literals are recognised by the usual rule (a `/` where an expression may start).
 */

/** `code`: comments and regex bodies blanked. `strings`: string contents blanked as well. */
export function stripComments(src: string): { code: string; strings: string } {
  let code = '';
  let strings = '';
  const both = (s: string) => { code += s; strings += s; };
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  /** Brace depth inside each open `${` of a template literal. */
  const templates: number[] = [];
  let last = ''; // last significant code character, to tell a regex from a division
  let i = 0;
  const n = src.length;

  const readTemplate = () => { // at a backtick or a `}` closing `${`: read template text
    let j = i + 1;
    while (j < n && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) j += src[j] === '\\' ? 2 : 1;
    const body = src.slice(i + 1, Math.min(j, n));
    code += src[i] + body;
    strings += src[i] + blank(body);
    if (src[j] === '`') { both('`'); i = j + 1; last = '`'; } else { both('${'); templates.push(0); i = j + 2; last = '{'; }
  };

  while (i < n) {
    const c = src[i]!;
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = src.indexOf('\n', i);
      if (j < 0) j = n;
      both(blank(src.slice(i, j)));
      i = j;
    } else if (c === '/' && d === '*') {
      let j = src.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      both(blank(src.slice(i, j)));
      i = j;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
      const body = src.slice(i + 1, Math.min(j, n));
      code += c + body;
      strings += c + blank(body);
      if (src[j] === c) { both(c); j += 1; }
      i = j;
      last = c;
    } else if (c === '`') {
      readTemplate();
    } else if (c === '}' && templates.length && templates[templates.length - 1] === 0) {
      templates.pop();
      readTemplate();
    } else if (c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || /\breturn\s*$|\btypeof\s*$/.test(code.slice(-12)))) {
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n' && (inClass || src[j] !== '/')) {
        if (src[j] === '\\') j += 1;
        else if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        j += 1;
      }
      both('/' + blank(src.slice(i + 1, j)) + (src[j] === '/' ? '/' : ''));
      i = src[j] === '/' ? j + 1 : j;
      last = '/x';
    } else {
      if (templates.length) {
        if (c === '{') templates[templates.length - 1]! += 1;
        else if (c === '}') templates[templates.length - 1]! -= 1;
      }
      both(c);
      if (!/\s/.test(c)) last = c;
      i += 1;
    }
  }
  return { code, strings };
}
