/**
 * The names behind a claim's side terms (index-docs.ts): entities (name and aliases), kinds (id
 * and label) and sources (title). They are few (hundreds to a few thousand) and change by
 * renaming, so the engine matches a query word against them here, at query time, and then reads
 * the postings of the matching ids: a rename is reflected in the next query without re-indexing
 * a single claim.
 */
import type { ClaimKindDef, Entity } from '../../core/api.ts';
import { foldWord, spellingKey, termOf, words } from '../../core/search/terms.ts';

/** A query word in every form the index can match it in. */
export interface WordProbe {
  /** termOf(word): folded, stemmed; '' for a stop word. */
  term: string;
  /** foldWord(word): what prefixes extend. */
  folded: string;
  /** spellingKey(word), '' when none. */
  key: string;
  /** Match the word as a prefix too (the word being typed; labels people abbreviate). */
  prefix: boolean;
  /** Terms one edit away (already looked up), matched too. */
  fuzzy: readonly string[];
}

/** The word forms of a name, once: terms, spelling keys, folded words (per text, in order, for phrases). */
interface Named { id: string; label: string; folded: string[][]; terms: Set<string>; surfaces: string[]; keys: Set<string> }

function named(id: string, label: string, texts: readonly string[]): Named {
  const terms = new Set<string>(), keys = new Set<string>(), surfaces: string[] = [], folded: string[][] = [];
  for (const text of texts) {
    const list: string[] = [];
    for (const { word } of words(text)) {
      const t = termOf(word);
      if (t) terms.add(t);
      const k = spellingKey(word);
      if (k) keys.add(k);
      const f = foldWord(word);
      surfaces.push(f);
      list.push(f);
    }
    folded.push(list);
  }
  return { id, label, folded, terms, surfaces, keys };
}

/** Whether the folded words `phrase` stand in a row in `list` (what phraseRanges says of the text). */
function inRow(list: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= list.length; i++) {
    let j = 0;
    while (j < phrase.length && list[i + j] === phrase[j]) j++;
    if (j === phrase.length) return true;
  }
  return false;
}

function matches(n: Named, p: WordProbe): boolean {
  if (p.term && n.terms.has(p.term)) return true;
  if (p.key && n.keys.has(p.key)) return true;
  if (p.prefix && p.folded && n.surfaces.some((s) => s.startsWith(p.folded))) return true;
  return p.fuzzy.some((t) => n.terms.has(t));
}

/** Entities, kinds and titles, matched by word. */
export class SideTables {
  #entities = new Map<string, Named>();
  #kinds = new Map<string, Named>();
  #titles = new Map<string, Named>();

  setEntities(list: readonly Entity[]): void {
    this.#entities = new Map(list.map((e) => [e.id, named(e.id, e.name, [e.name, ...e.aliases])]));
  }
  setKinds(list: readonly ClaimKindDef[]): void {
    this.#kinds = new Map(list.map((k) => [k.id, named(k.id, k.label, [k.id, k.label])]));
  }
  setTitles(list: ReadonlyArray<readonly [string, string]>): void {
    this.#titles = new Map(list.map(([id, title]) => [id, named(id, title, [title])]));
  }

  entityName(id: string): string | undefined { return this.#entities.get(id)?.label; }
  title(documentId: string): string { return this.#titles.get(documentId)?.label ?? ''; }
  kinds(): Array<{ id: string; label: string }> { return [...this.#kinds.values()].map((k) => ({ id: k.id, label: k.label })); }

  /** Ids of entities with a name or alias matching the word. */
  entitiesMatching(p: WordProbe): string[] { return pick(this.#entities, p); }
  kindsMatching(p: WordProbe): string[] { return pick(this.#kinds, p); }
  documentsMatching(p: WordProbe): string[] { return pick(this.#titles, p); }
  /** Ids of the entities (names, aliases), kinds (id, label) or sources (title) that have the folded words in a row. */
  withPhrase(which: 'entity' | 'kind' | 'source', folded: readonly string[]): string[] {
    const table = which === 'entity' ? this.#entities : which === 'kind' ? this.#kinds : this.#titles;
    const out: string[] = [];
    if (!folded.length) return out;
    for (const n of table.values()) if (n.folded.some((list) => inRow(list, folded))) out.push(n.id);
    return out;
  }
}

function pick(table: Map<string, Named>, p: WordProbe): string[] {
  const out: string[] = [];
  for (const n of table.values()) if (matches(n, p)) out.push(n.id);
  return out;
}
