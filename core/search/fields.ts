/**
 * The fields of the annotation index, their boosts, and what of a claim fills each: shared by
 * the builder (annotation-index.ts) and the query side (search-claims.ts).
 */
import { isNameLike, words } from './terms.ts';

/**
 * Field boosts. A claim's restatement and its entities are what the reader said the claim is
 * ABOUT, in few words: a match there is a strong sign that this is the claim sought. The quote is
 * the source's own sentence, long and full of incidental words ("Turkmenistan" is in most quotes
 * of this corpus), so a match there counts less. Tags are the reader's own labels too, a little
 * below (they are often broad: "neutrality" on dozens of claims). The note is the reader's prose,
 * between. The source title matches every claim of a source, so it only breaks ties. The spelling
 * field (transliteration keys of names, terms.ts) is a looser match than the words themselves,
 * so it counts half.
 */
export const FIELD_BOOSTS = {
  restatement: 3, entities: 3, tags: 2, note: 1.5, kind: 1, quote: 1, title: 0.5, spelling: 0.5,
} as const;

/** An index field. */
export type IndexField = keyof typeof FIELD_BOOSTS;
/** Every field a plain word is searched in (all but the spelling keys). */
export const TEXT_FIELDS: readonly IndexField[] = ['restatement', 'entities', 'tags', 'note', 'kind', 'quote', 'title'];

/** What the index keeps of a claim: enough to filter phrases, rank ties and show a result. */
export interface IndexedClaim {
  id: string;
  documentId: string;
  /** The source's title ('' when the library does not know the document). */
  title: string;
  paragraph: number | null;
  /** Where the quote starts in the document's plain text (orders results within a source). */
  start: number;
  kind: string;
  kindLabel: string;
  quote: string;
  restatement: string;
  note: string;
  tags: string[];
  /** Names of the claim's entities, in the claim's order (unknown ids are left out). */
  entities: string[];
  /** Aliases of each of those entities (parallel to `entities`): searched, not shown. */
  aliases: string[][];
}

/** The texts of a claim that fill each index field. */
export function fieldTexts(c: IndexedClaim): Record<IndexField, string> {
  const nameWords = [c.quote, c.restatement, c.note].flatMap((t) => words(t).map((w) => w.word).filter(isNameLike));
  return {
    restatement: c.restatement,
    entities: [...c.entities, ...c.aliases.flat()].join(' \n '),
    tags: c.tags.join(' \n '),
    note: c.note,
    kind: c.kind === c.kindLabel ? c.kind : `${c.kind} ${c.kindLabel}`,
    quote: c.quote,
    title: c.title,
    spelling: [...nameWords, ...c.entities, ...c.aliases.flat()].join(' '),
  };
}

