/**
 * Small edit-distance helpers shared by anchoring (context agreement), the entity picker and
 * mention finding. Strings here are short (names, 32-character contexts), so plain dynamic
 * programming with two rows is the right tool; long texts go through approx-string-match.
 */

/**
 * Levenshtein distance between `a` and `b`, giving up early: when the distance is certainly
 * greater than `max`, returns `max + 1` without finishing the table.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev; prev = cur; cur = t;
  }
  return prev[n];
}

/**
 * Smallest edit distance between `pattern` and any prefix of `word`: how far a half-typed
 * query is from the start of a word ("berdym" is one edit from a prefix of "berdimuhamedow").
 */
export function prefixEditDistance(pattern: string, word: string): number {
  const m = pattern.length, n = word.length;
  if (m === 0) return 0;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1] + (ca === word.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    const t = prev; prev = cur; cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** Whether a UTF-16 code is a space, tab, line break or no-break space. */
export const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0;

/**
 * How well stored context agrees with the text next to a candidate, in [0, 1].
 *
 * `context` is a stored prefix (`side: 'before'`, compared with the text ending at `at`) or
 * suffix (`side: 'after'`, compared with the text starting at `at`). The alignment is anchored
 * next to the quote and free at the far end, so a deleted or inserted character costs one edit
 * instead of shifting everything after it. Any whitespace matches any whitespace: re-wrapping
 * lines does not change what a passage says.
 */
export function contextSimilarity(context: string, text: string, at: number, side: 'before' | 'after'): number {
  const m = context.length;
  if (m === 0) return NaN; // callers decide what "no stored context" means
  const slack = Math.max(4, m >> 2);
  const n = side === 'after' ? Math.min(m + slack, text.length - at) : Math.min(m + slack, at);
  if (n <= 0) return 0;
  // Quick exit: the usual case is context that still matches character for character.
  if (n >= m && (side === 'after' ? text.startsWith(context, at) : text.startsWith(context, at - m))) return 1;
  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = side === 'after' ? context.charCodeAt(i - 1) : context.charCodeAt(m - i);
    const wa = isSpace(ca);
    for (let j = 1; j <= n; j++) {
      const cb = side === 'after' ? text.charCodeAt(at + j - 1) : text.charCodeAt(at - j);
      const same = ca === cb || (wa && isSpace(cb));
      const sub = prev[j - 1] + (same ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
    }
    const t = prev; prev = cur; cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if (prev[j] < best) best = prev[j];
  return 1 - best / m;
}
