/**
 * What `ReaderApi.search` takes and returns (beside core/api.ts, which re-exports it): a page of
 * ranked hits from the host's one search index (host/search/), over claims or over the corpus's
 * paragraphs. Offsets are UTF-16 code units, ranges are [start, end).
 */

/** A range [start, end) of a text to emphasise. */
export type TextRange = [number, number];

/** What to search and which page of the ranked results to return. */
export interface SearchOptions {
  /** Hits to return (1–500; default 50). */
  limit?: number;
  /** Hits to skip (default 0): the page starts at this rank. */
  offset?: number;
  /** 'claims' (default): what the reader marked. 'passages': every paragraph of every document. */
  scope?: 'claims' | 'passages';
  /**
   * Return the ids of EVERY matching claim (in rank order) as `SearchPage.allIds`, for "select all
   * N" and bulk actions; hits are still paged. Ignored for passages.
   */
  allIds?: boolean;
  /**
   * Only claims passing these (ids, as ClaimFilter: documentId, entityId, kind; tag: the whole tag, in any case;
   * status is not indexed and is ignored). With a filter an empty query lists every claim that
   * passes it, in source then text order: the All-claims view pages its list this way.
   * `corpusId` (CorpusSummary.id) keeps the claims of that corpus's documents (issue 10, item 13;
   * applied by host/library/corpus-scope.ts around the index); absent: every corpus.
   */
  filter?: { documentId?: string; corpusId?: string; entityId?: string; kind?: string; tag?: string };
}

/** A text cut to a window around its matches, with the matches moved to the cut text. */
export interface SearchSnippet { text: string; ranges: TextRange[] }

/** One claim that matched. */
export interface ClaimSearchHit {
  type: 'claim';
  claimId: string;
  documentId: string;
  /** The source's title (as the library shows it), '' when the document is unknown. */
  title: string;
  /**
   * The corpus (CorpusSummary.id) whose folder holds the claim's document, whether or not it is
   * the open one; null when no corpus of the library has the document any more (only then is the
   * document gone). Absent from hosts that do not say.
   */
  corpusId?: string | null;
  /** Paragraph number where the claim starts (its locator), null in headings or for orphans. */
  paragraph: number | null;
  /** Paragraph number where it ends: 4 for a claim over ¶ 3–4, equal to `paragraph` within one. */
  paragraphEnd: number | null;
  /** Where the quote starts in the document's plain text (to open it). */
  start: number;
  end: number;
  kind: string;
  /** Where anchoring placed it last ('exact' | 'moved' | 'fuzzy' | 'orphan'). */
  status: 'exact' | 'moved' | 'fuzzy' | 'orphan';
  /** BM25 over the claim's fields with the field boosts of core/search/fields.ts (higher is better). */
  score: number;
  /** How many of the query's words (an `A OR B` pair counts once) the claim has; see SearchPage.wanted. */
  matched: number;
  restatement: string;
  tags: string[];
  /** Names of its entities, in the claim's order. */
  entities: string[];
  /** The whole texts' matched ranges (quote: over the quote's exact text). */
  ranges: { quote: TextRange[]; restatement: TextRange[]; note: TextRange[]; tags: number[]; entities: number[] };
  /** The quote cut around its first match (about 180 characters). */
  snippet: SearchSnippet;
  /** The note cut around its first match, or null when the note has none (or is empty). */
  noteSnippet: SearchSnippet | null;
}

/** One paragraph (or list item) of the corpus that matched. */
export interface PassageSearchHit {
  type: 'passage';
  documentId: string;
  title: string;
  /** Paragraph number (locator); null for a heading. */
  paragraph: number | null;
  blockId: string;
  /** The block's span in the document's plain text: a claim can be made on it as it is. */
  start: number;
  end: number;
  score: number;
  matched: number;
  snippet: SearchSnippet;
}

export type SearchHit = ClaimSearchHit | PassageSearchHit;

/** One page of results. */
export interface SearchPage {
  scope: 'claims' | 'passages';
  /** Every hit there is (the pages together), not just this page's. */
  total: number;
  /** How many claims (or passages) the index holds: what an empty box can say. */
  indexed: number;
  offset: number;
  hits: SearchHit[];
  /** How many words and phrases the query asks for: a hit with `matched < wanted` has only some. */
  wanted: number;
  /** Ids of every matching claim in rank order, when `allIds` was asked for. */
  allIds?: string[];
  /**
   * Something to tell the person, or null: the valid kinds after `kind:nonsense`, the tags after
   * `tag:`, "only the first 32 words were searched", "the index is being built".
   */
  message: string | null;
}
