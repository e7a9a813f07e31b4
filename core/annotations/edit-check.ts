/**
 * Whether the differences between a stored quote and the text a fuzzy match found look like an
 * edit of that passage, or like a different passage that happens to share most of its words.
 *
 * Parallel sentences are common in reports ("In 2014 cotton sales to Iran fell…", "In 2015
 * cotton sales to Turkey fell…"; "the rail link will open in 2026", "… will not open in 2026").
 * Character-level similarity cannot tell them from an edit; the words that differ can. A match
 * is an edit of the passage when every difference is one of:
 * - spelling: a word changed by a few letters (≤ 1 for words of up to 5 letters, ≤ 2 up to 10,
 *   ≤ 3 beyond) whose old spelling no longer occurs as a word of the new text (a misspelling
 *   that was fixed, not another word of the text), or a change of letter case;
 * - punctuation and white space (not words at all);
 * - a few other words (at most MAX_WORD_CHANGES and at most a quarter of the quote's words),
 *   and only when the caller says the context agrees on both sides.
 * It is never an edit when a number (a token with a digit, or a number word such as "tenth"),
 * a name (a capitalised word not opening a sentence, unless it is a spelling fix as above), or
 * a negation ("not", "no", "never", "n't", "without", …) differs, or when a word was swapped
 * for its opposite ("increase"/"decrease", "rose"/"fell", "before"/"after", …: the claim would
 * cite the reverse of what was claimed, the same harm as a negation).
 *
 * The word lists (negations, number words, opposites) are English. Text they cannot read (another
 * script, or Latin-script text without English function words: see `wordRulesApply`) gets only
 * what needs no word list: numbers with digits, capitalised names, spelling fixes of one letter
 * or one swap (two letters may be grammar there: Turkmen "aýtdy" said, "aýtmady" did not say),
 * punctuation and white space. Any other changed word there makes the match not an edit ("words differ in text
 * these rules cannot read"), so the claim becomes an orphan for the reader to re-attach, rather
 * than being moved onto a sentence that may say "nicht" or "не" where it said nothing.
 */

/** Words other than spelling fixes that an edit may change, with both contexts agreeing. */
export const MAX_WORD_CHANGES = 3;

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'none', 'nobody', 'nothing', 'nowhere', 'without',
  'cannot', 'non', 'hardly', 'barely', 'scarcely', 'unless', 'lack', 'lacks', 'lacked', 'lacking', 'fail', 'fails', 'failed']);
const NUMBER_WORDS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
  'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'thousand', 'million', 'billion',
  'trillion', 'dozen', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'first', 'second', 'third', 'fourth',
  'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'half', 'halves', 'quarter', 'quarters', 'thirds', 'fifths',
  'tenths', 'once', 'twice', 'thrice', 'double', 'triple', 'single', 'both', 'all', 'most', 'few', 'several', 'many']);
/** Pairs of opposites (word stems: a word matches a stem it starts with). */
const OPPOSITES: Array<[string, string]> = [
  ['increas', 'decreas'], ['rise', 'fall'], ['rose', 'fell'], ['risen', 'fallen'], ['rising', 'falling'],
  ['grow', 'shrink'], ['grew', 'shrank'], ['gain', 'loss'], ['gain', 'lost'], ['more', 'less'], ['more', 'fewer'],
  ['most', 'least'], ['higher', 'lower'], ['highest', 'lowest'], ['above', 'below'], ['over', 'under'],
  ['before', 'after'], ['earlier', 'later'], ['import', 'export'], ['accept', 'reject'], ['approv', 'reject'],
  ['support', 'oppos'], ['for', 'against'], ['allow', 'forbid'], ['allow', 'ban'], ['win', 'lose'], ['won', 'lost'],
  ['open', 'clos'], ['start', 'end'], ['begin', 'end'], ['join', 'leav'], ['join', 'left'], ['enter', 'exit'],
  ['agree', 'disagree'], ['like', 'dislike'], ['able', 'unable'], ['legal', 'illegal'], ['possible', 'impossible'],
  ['true', 'false'], ['always', 'never'], ['maximum', 'minimum'], ['strength', 'weak'],
  ['strong', 'weak'], ['good', 'bad'], ['better', 'worse'], ['best', 'worst'], ['success', 'failure'],
  ['surplus', 'deficit'], ['profit', 'loss'], ['buy', 'sell'], ['bought', 'sold'], ['north', 'south'],
  ['east', 'west'], ['left', 'right'], ['upper', 'lower'], ['inside', 'outside'], ['include', 'exclude'],
  ['inclusi', 'exclusi'], ['majority', 'minority'], ['ally', 'enemy'], ['allies', 'enemies'], ['peace', 'war'],
  ['up', 'down'], ['in', 'out'], ['on', 'off'], ['yes', 'no'],
];

interface Token { text: string; lower: string; sentenceStart: boolean }

/**
 * Frequent English function words that are not also common words of other Latin-script languages
 * ("in", "an", "was", "we", "is", "so" are German, Dutch or Turkmen words too): text of some
 * length without any of them is not English.
 */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'of', 'and', 'to', 'that', 'for', 'with', 'this', 'these', 'those',
  'are', 'from', 'which', 'but', 'have', 'has', 'they', 'were', 'their', 'been', 'will', 'would', 'there', 'than',
  'who', 'its', 'his', 'she', 'not', 'by', 'be', 'it', 'at', 'or', 'our', 'should', 'could', 'what', 'when']);
/** Words a text needs before the absence of English function words says it is not English. */
const MIN_WORDS_TO_JUDGE = 6;

/**
 * Whether the English word rules can judge a quote: false when most of its letters are not Latin
 * script (Cyrillic, Han, Arabic, …), or when it has MIN_WORDS_TO_JUDGE or more words and none is
 * an English function word (German, French, Turkmen, … prose). A quote too short to judge is
 * judged with its `context` (the stored prefix and suffix: the same document's neighbouring text);
 * Latin text too short even then is taken as English.
 */
export function wordRulesApply(quote: string, context = ''): boolean {
  const judge = (text: string): boolean | null => {
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (!letters) return null;
    const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (latin * 2 < letters) return false;
    const words = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
    if (words.length < MIN_WORDS_TO_JUDGE) return null;
    return words.some((w) => ENGLISH_FUNCTION_WORDS.has(w));
  };
  return judge(quote) ?? judge(`${context} ${quote}`) ?? true;
}

/** Words and numbers of `s`; `sentenceStart` when nothing but space and opening quotes precedes it since a sentence end. */
export function tokens(s: string, startsSentence: boolean): Token[] {
  const out: Token[] = [];
  let atStart = startsSentence;
  let last = 0;
  for (const m of s.matchAll(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*(?:[.,][\p{N}]+)*%?/gu)) {
    const between = s.slice(last, m.index);
    if (/[.!?…:]["'”’»)\]]*\s|\n\s*\n/u.test(between)) atStart = true;
    out.push({ text: m[0], lower: m[0].toLowerCase(), sentenceStart: atStart });
    atStart = false;
    last = m.index + m[0].length;
  }
  return out;
}

const hasDigit = (t: Token): boolean => /\p{N}/u.test(t.text);
const isNumber = (t: Token): boolean => hasDigit(t) || NUMBER_WORDS.has(t.lower);
const isNegation = (t: Token): boolean => NEGATIONS.has(t.lower) || /n['’]t$/.test(t.lower);
const isName = (t: Token): boolean => /^\p{Lu}/u.test(t.text) && !t.sentenceStart;

/** A word is a form of a stem: the stem itself, or (stems of 4+ letters) the stem with an ending. */
const formOf = (word: string, stem: string): boolean => word === stem || (stem.length > 3 && word.startsWith(stem));

function opposite(a: string, b: string): boolean {
  for (const [x, y] of OPPOSITES) if ((formOf(a, x) && formOf(b, y)) || (formOf(a, y) && formOf(b, x))) return true;
  return false;
}

/** Letters a spelling fix may change in a word of `n` letters. */
const spellingBudget = (n: number): number => (n <= 5 ? 1 : n <= 10 ? 2 : 3);

/**
 * Whether `o` → `w` is a misspelling fixed: a few letters changed and the old spelling gone from
 * the new text. Names are held to more: 6+ letters, the same first two letters and one letter
 * changed (two from 11 letters), since short names one letter apart are different names
 * ("Iran"/"Iraq", "Mali"/"Bali") and so are names that differ at the start ("Gambia"/"Zambia").
 */
function isSpellingFix(o: Token, w: Token, name: boolean, ctx: EditContext, wordRules: boolean): boolean {
  const n = Math.max(o.lower.length, w.lower.length);
  // In text the English rules cannot read, a change of two letters may be grammar, not a typo
  // (Turkmen "aýtdy" said → "aýtmady" did not say): one letter or one swap only.
  let budget = wordRules ? spellingBudget(n) : 1;
  if (name) {
    if (Math.min(o.lower.length, w.lower.length) < 6 || o.lower.slice(0, 2) !== w.lower.slice(0, 2)) return false;
    budget = n > 10 ? 2 : 1;
  }
  return typoDistance(o.lower, w.lower) <= budget && !ctx.occursInNewText(o.text);
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("Untied" → "United"),
 * the commonest typo (optimal string alignment distance). Words are short: a full table is fine.
 */
export function typoDistance(a: string, b: string): number {
  const m = a.length, n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/** Longest common subsequence alignment of two token lists: pairs of matched indexes. */
function align(a: Token[], b: Token[]): Array<[number, number]> {
  const n = a.length, m = b.length;
  const dp = new Array<Int32Array>(n + 1);
  for (let i = 0; i <= n; i++) dp[i] = new Int32Array(m + 1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i]!.text === b[j]!.text ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) { pairs.push([i, j]); i++; j++; }
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** What the caller knows about the match besides the two strings. */
export interface EditContext {
  /** Whether the quote opens a sentence in the old text (its stored prefix ends one, or is empty). */
  oldStartsSentence: boolean;
  /** Whether the matched text opens a sentence in the new text. */
  newStartsSentence: boolean;
  /** Whether the stored prefix and suffix both still agree with the text around the match. */
  contextsAgree: boolean;
  /** Whether `word` occurs as a whole word in the new text (so it is not a misspelling that was fixed). */
  occursInNewText(word: string): boolean;
  /**
   * For context windows: words only one side has at this end ('start' of a prefix, 'end' of a
   * suffix) are where the windows were cut, and are not compared.
   */
  farEnd?: 'start' | 'end';
  /**
   * The strings are context next to a quote, not the quote: up to this many other words may
   * differ whatever their share of the window (a window has few words), more may not (a
   * different sentence that shares a few words with the claimed one).
   */
  contextWordChanges?: number;
  /**
   * Whether the English word lists can judge these strings (`wordRulesApply` of the quote with
   * its context, decided once by the caller); when absent, decided from `before` alone.
   */
  wordRules?: boolean;
}

/**
 * Why the change from `before` (the stored quote) to `after` (the matched text) is not an edit
 * of the same passage, or null when it is one. Reasons name the class: "a number differs",
 * "a name differs", "a negation differs", "a word was replaced by its opposite", "too many
 * words differ", "words differ and the context does not agree", "words differ in text these
 * rules cannot read".
 */
export function meaningChange(before: string, after: string, ctx: EditContext): string | null {
  if (before === after) return null;
  const wordRules = ctx.wordRules ?? wordRulesApply(before);
  const a = tokens(before, ctx.oldStartsSentence);
  const b = tokens(after, ctx.newStartsSentence);
  const pairs = align(a, b);
  pairs.push([a.length, b.length]);
  let wordChanges = 0;
  let i = 0, j = 0;
  for (const [pi, pj] of pairs) {
    const olds = a.slice(i, pi), news = b.slice(j, pj);
    const atFarEnd = (ctx.farEnd === 'start' && i === 0 && j === 0) || (ctx.farEnd === 'end' && pi === a.length && pj === b.length);
    i = pi + 1; j = pj + 1;
    if (!olds.length && !news.length) continue;
    if (atFarEnd && (!olds.length || !news.length)) continue;
    for (const t of [...olds, ...news]) {
      if (hasDigit(t)) return 'a number differs';
      if (isNegation(t)) return 'a negation differs';
    }
    // Pair the changed words in order; the rest were inserted or deleted.
    const k = Math.min(olds.length, news.length);
    for (let x = 0; x < k; x++) {
      const o = olds[x]!, w = news[x]!;
      if (o.lower === w.lower) continue; // letter case only
      if (opposite(o.lower, w.lower)) return 'a word was replaced by its opposite';
      // A number word may be the result of a spelling fix ("thrid" → "third"), never its start.
      if (isNumber(o)) return 'a number differs';
      const name = isName(o) || isName(w);
      if (isSpellingFix(o, w, name, ctx, wordRules)) continue;
      if (isNumber(w)) return 'a number differs';
      if (name) return 'a name differs';
      wordChanges++;
    }
    for (const t of [...olds.slice(k), ...news.slice(k)]) {
      if (isNumber(t)) return 'a number differs';
      if (isName(t)) return 'a name differs';
      wordChanges++;
    }
  }
  if (wordChanges === 0) return null;
  if (!wordRules) return 'words differ in text these rules cannot read';
  if (ctx.contextWordChanges !== undefined) return wordChanges > ctx.contextWordChanges ? 'too many words differ' : null;
  if (!ctx.contextsAgree) return 'words differ and the context does not agree';
  if (wordChanges > MAX_WORD_CHANGES || wordChanges * 4 > Math.max(1, a.length)) return 'too many words differ';
  return null;
}
