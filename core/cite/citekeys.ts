/**
 * Citation keys: the `@yapici2018neutrality` a writer types in Pandoc Markdown or LaTeX. A key
 * must be readable (who, when, what), plain ASCII letters and digits (every BibTeX tool and
 * Pandoc's `@key` accept it), and stable: a paper keeps citing the same key however the library
 * grows, so a key depends only on its own source and on the sources it clashes with.
 */
import type { CslItem } from '../api.ts';
import { foldName } from '../annotations/names.ts';
import { dateOf, names, text } from './csl.ts';

/** Words that say nothing about a source, skipped when a key takes a "significant" title word. */
const STOPWORDS = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'to', 'and', 'or', 'for', 'at', 'by', 'with', 'from', 'as', 'is', 'are', 'was',
  'be', 'its', 'it', 'into', 'about', 'over', 'under', 'this', 'that', 'what', 'why', 'how', 'when', 'where', 'who',
  'which', 'whether', 'between', 'among', 'towards', 'toward', 'after', 'before', 'since', 'per', 'via', 'untitled',
  'le', 'la', 'les', 'der', 'die', 'das', 'el', 'los', 'un', 'une',
]);

/** Cyrillic to ASCII (BGN/PCGN-like, simplified), so Russian and Turkmen names give readable keys. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ә: 'a', ө: 'o', ү: 'u', ң: 'n',
  җ: 'zh', қ: 'q', ғ: 'gh', ұ: 'u', һ: 'h',
};

/** Longest piece (author or word) a key takes, so a 40-letter compound does not make a 60-letter key. */
const MAX_PIECE = 20;

/**
 * The ASCII form of a word for a key: lower case, diacritics dropped (Yapıcı → yapici,
 * Türkmenbaşy → turkmenbasy), Cyrillic transliterated; letters with no ASCII form (Chinese)
 * are left out, so "张" gives ''.
 */
export function asciiFold(s: string): string {
  return foldName(s)
    .replace(/[\u0400-\u04ff]/g, (c) => CYRILLIC[c] ?? '')
    .replace(/[^a-z0-9]+/g, '');
}

/** The significant words of a phrase, folded to ASCII, in order (stopwords and bare numbers skipped). */
function significantWords(phrase: string): string[] {
  return phrase
    .split(/[\s\p{P}\p{S}]+/u)
    .map((w) => asciiFold(w).slice(0, MAX_PIECE))
    .filter((w) => w !== '' && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/** The words of the source's title, or of its file name (its id) when it has no title. */
function titleWords(item: CslItem): string[] {
  const title = text(item, 'title');
  // A bracketed title is exportableItem's description of an untitled source, not a title.
  if (title && !/^\[.*\]$/.test(title)) {
    const words = significantWords(title);
    if (words.length) return words;
  }
  return significantWords(item.id.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[-_]+/g, ' '));
}

/** The author part: first author's family name (with particle) or the organisation's first significant word. */
function authorPart(item: CslItem): string {
  const first = names(item, 'author')[0] ?? names(item, 'editor')[0];
  if (!first) return '';
  if (first.literal) return significantWords(first.literal)[0] ?? '';
  return asciiFold([first['non-dropping-particle'], first.family ?? first.given].filter(Boolean).join('')).slice(0, MAX_PIECE);
}

/**
 * A source's key before clashes are settled: author + year (or "nd") + first significant title
 * word ("yapici2018neutrality", "international2016central"). Without an author usable in ASCII
 * (none, or a Chinese name), the title's first two significant words take the author's and the
 * word's places ("turkmenistan2016time"); without a title (or with exportableItem's bracketed
 * description of an untitled source), the file name's words do, so the key is the same before
 * and after export.
 */
export function citekeyBase(item: CslItem): string {
  const issued = dateOf(item);
  const year = issued ? String(Math.abs(issued.year)) : 'nd';
  const words = titleWords(item);
  const author = authorPart(item);
  const key = author ? `${author}${year}${words[0] ?? ''}` : `${words[0] ?? item.type.replace(/[^a-z]/g, '')}${year}${words[1] ?? ''}`;
  return /^[a-z]/.test(key) ? key : `ref${key}`;
}

/** 0 → '', 1 → 'a', 26 → 'z', 27 → 'aa': the suffix of the n-th source sharing a key. */
function suffix(n: number): string {
  let s = '';
  while (n > 0) {
    n--;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

/** A key a source carries itself (CSL 1.0.2 `citation-key`), if it is safe for BibTeX and Pandoc. */
function ownKey(item: CslItem): string | undefined {
  const k = text(item, 'citation-key');
  return k && /^[A-Za-z][\w:.#$%&+?<>~/-]*$/.test(k) && !/[{}",\s]/.test(k) ? k : undefined;
}

/**
 * Citation keys for `items`: item id → key. Order of `items` does not matter. A source that
 * names its own key (`citation-key`) or has one in `pinned` (keys already handed out and kept
 * by the caller) keeps it. The others get citekeyBase; sources sharing a base are ordered by
 * id, the first keeps the bare base and the next ones get "a", "b", … So adding a source never
 * changes the key of a source it does not clash with, and with `pinned` never changes any.
 * One exception without `pinned`: a new source whose own base is spelled like a suffixed key
 * (title word "Neutralitya" beside two "Neutrality" keys) keeps its bare key, and the suffixed
 * source moves on to the next letter.
 */
export function assignCitekeys(items: readonly CslItem[], pinned?: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const item of sorted) {
    const fixed = pinned?.get(item.id) ?? ownKey(item);
    if (fixed && !taken.has(fixed)) {
      out.set(item.id, fixed);
      taken.add(fixed);
    }
  }
  // Bare bases first (to the first source of each group, by id), so a suffixed key can never
  // take the bare key of another group ("foo2016bar" + "a" against a title word "bara").
  const groups = new Map<string, CslItem[]>();
  for (const item of sorted) {
    if (out.has(item.id)) continue;
    const base = citekeyBase(item);
    const group = groups.get(base);
    if (group) group.push(item);
    else groups.set(base, [item]);
  }
  for (const [base, members] of groups) {
    if (taken.has(base)) continue;
    out.set(members[0]!.id, base);
    taken.add(base);
  }
  for (const [base, members] of groups) {
    let n = 1;
    for (const item of members) {
      if (out.has(item.id)) continue;
      while (taken.has(base + suffix(n))) n++;
      out.set(item.id, base + suffix(n));
      taken.add(base + suffix(n));
    }
  }
  return out;
}
