/**
 * The one contract between the UI and everything behind it (DESIGN.md, convention 1).
 *
 * Every method takes and returns plain JSON and returns a Promise. Two transports carry it:
 * Electron IPC (electron/ipc.ts + electron/preload.ts) and the loopback HTTP host
 * (host/web-host.ts + renderer/transport/web-client.ts). Channel names derive from the method
 * names through `channelFor`; no other file names a channel.
 *
 * Errors cross the contract as rejected promises whose message a person can read
 * (`ApiError.message`); `code` lets the UI tell "bad input" from "store broken".
 */

// ---------------------------------------------------------------------------------------------
// Document model: what the importer makes of a file (core/corpus), what the reader renders.
// ---------------------------------------------------------------------------------------------

/** Inline content of a text block. Markers are atoms: they add nothing to the plain text. */
export type Inline =
  | { t: 'text'; text: string }
  /** A footnote reference (`[footnoteRef:N]`); `note` is the id of the FootnoteBlock it points to. */
  | { t: 'fnref'; label: string; note: string }
  /** A wiki-style reference marker such as `[12]`, shown as a superscript; it has no note here. */
  | { t: 'refmark'; label: string };

/** A heading. Headings are not numbered (paragraph numbers count only reading blocks). */
export interface HeadingBlock { kind: 'heading'; id: string; level: number; content: Inline[] }
/** A paragraph; `n` is its paragraph number in the document (1-based), the citation locator. */
export interface ParagraphBlock { kind: 'paragraph'; id: string; n: number; content: Inline[] }
/** One item of a bullet list; items are numbered like paragraphs. */
export interface ListItemBlock { kind: 'item'; id: string; n: number; content: Inline[] }
export interface ListBlock { kind: 'list'; id: string; items: ListItemBlock[] }
/** A heading with everything up to the next heading of the same or a higher level. */
export interface SectionBlock { kind: 'section'; id: string; heading: HeadingBlock; children: Block[] }
export type Block = ParagraphBlock | ListBlock | SectionBlock;

/** A footnote's note text; `label` is what the reader shows (e.g. "3"). */
export interface FootnoteBlock { kind: 'footnote'; id: string; label: string; content: Inline[] }

/** A whole imported document. Blocks before the first heading sit at the top level. */
export interface DocumentModel {
  id: string;
  /** Stable IRI derived from the path within the corpus, not from the content. */
  iri: string;
  title: string;
  blocks: Block[];
  footnotes: FootnoteBlock[];
}

/** A text block as the anchoring layer sees it: its span [start, end) in the document's plain text. */
export interface TextSpan { id: string; start: number; end: number }

// ---------------------------------------------------------------------------------------------
// Library
// ---------------------------------------------------------------------------------------------

/** CSL-JSON item (subset we use). Unknown fields stay absent, never invented. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: Array<{ family?: string; given?: string; literal?: string }>;
  issued?: { 'date-parts': Array<Array<number>> };
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  language?: string;
  note?: string;
  [field: string]: unknown;
}

export interface DocumentSummary {
  id: string;
  iri: string;
  /** Path relative to the corpus folder, with forward slashes. */
  path: string;
  title: string;
  /** Author(s) as one display string, empty when unknown. */
  author: string;
  /** Year of issue, or null when unknown. */
  year: number | null;
  wordCount: number;
  /** sha256 hex of the file's bytes. */
  contentHash: string;
  format: 'txt' | 'md' | 'html';
  /** Non-fatal problems found while importing this file (e.g. "undecodable bytes replaced"). */
  problems: string[];
  /**
   * The effective CSL item: the corpus's `sources.json` item with the user's edits on top (edits
   * win, field by field; see `updateSource`). `note` here is the user's own note only: the
   * sources.json note is provenance and travels in `sourcesNote`. Null when neither exists.
   */
  csl: CslItem | null;
  /**
   * True when the effective CSL item has no title: `title` is then the importer's fallback (the
   * text's first line when it reads as a title, else the file name read as words) and the UI
   * marks it as such. Absent on summaries made before source editing existed (read as false).
   */
  untitled?: boolean;
  /** The `note` of the sources.json item (provenance for the corpus's maintainers), read-only. */
  sourcesNote?: string | null;
  /** CSL fields the user has set or cleared over sources.json, in SOURCE_FIELDS order. */
  editedFields?: SourceField[];
}

/** A CSL name: a person (`family`, `given`) or an organisation (`literal`), never both. */
export interface CslName { family?: string; given?: string; literal?: string }
/** A CSL date: one `[year, month?, day?]` (as much as is known). */
export interface CslDate { 'date-parts': Array<Array<number>> }

/** The CSL fields of a source the user can edit (Zotero's item pane is the model). */
export type SourceField =
  | 'type' | 'title' | 'title-short' | 'author' | 'issued' | 'container-title' | 'publisher' | 'publisher-place'
  | 'volume' | 'issue' | 'page' | 'URL' | 'accessed' | 'DOI' | 'language' | 'note';

/**
 * An edit of a source's metadata: each present field is set to the value given, or cleared with
 * `null` (a cleared field stays empty even when sources.json has it). Absent fields keep what
 * they have. A value equal to the sources.json one drops the edit of that field. Empty strings
 * and an empty `author` list clear too. `type` cannot be cleared (null returns it to sources.json's
 * type, or 'document'). `note` is the user's own note; sources.json's note is never changed.
 */
export interface SourcePatch {
  type?: string | null;
  title?: string | null;
  'title-short'?: string | null;
  author?: CslName[] | null;
  issued?: CslDate | null;
  'container-title'?: string | null;
  publisher?: string | null;
  'publisher-place'?: string | null;
  volume?: string | null;
  issue?: string | null;
  page?: string | null;
  URL?: string | null;
  accessed?: CslDate | null;
  DOI?: string | null;
  language?: string | null;
  note?: string | null;
  /** Fields whose edit is dropped: they show sources.json's value again (and follow later changes of the file). */
  revert?: SourceField[];
}

/** A file that was skipped, with a reason a person can read. */
export interface ImportProblem { path: string; reason: string }

export type StoreState =
  | { ok: true; path: string; schemaVersion: number }
  /** The store could not be opened (unreadable, corrupt, newer schema). Nothing was written. */
  | { ok: false; path: string; reason: string };

/**
 * One corpus folder of the library (issue 10, item 13). The library holds several side by side,
 * like Zotero's collections; one is open at a time. Claims of a corpus that is not open keep
 * their status: they are never orphans for that reason.
 */
export interface CorpusSummary {
  /** Stable id in the store (kept when the folder goes missing). */
  id: string;
  /** Absolute path of the folder as last opened. */
  dir: string;
  /** What the library panel shows: the folder's name. */
  name: string;
  /** Documents present in it the last time it was read (tombstones not counted). */
  documentCount: number;
  /** The folder cannot be found now (an unplugged drive, renamed): shown as missing, never emptied. */
  missing: boolean;
}

export interface LibrarySnapshot {
  /** Folder of the open corpus (null: none yet). */
  corpusDir: string | null;
  /** Id of the open corpus in `corpora` (null: none yet). */
  corpusId: string | null;
  /** Every corpus of the library, in the order they were added. */
  corpora: CorpusSummary[];
  documents: DocumentSummary[];
  problems: ImportProblem[];
  store: StoreState;
}

export interface Settings {
  theme: 'light' | 'dark' | 'system';
  /** Annotation kinds: user-renamable labels and colours. */
  kinds: ClaimKindDef[];
}

// ---------------------------------------------------------------------------------------------
// Annotations (claims, links, entities)
// ---------------------------------------------------------------------------------------------

/** W3C Web Annotation TextQuoteSelector over the document's plain text. */
export interface TextQuoteSelector { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
/** W3C Web Annotation TextPositionSelector over the document's plain text. */
export interface TextPositionSelector { type: 'TextPositionSelector'; start: number; end: number }

/** Where the anchoring layer placed a claim last time it looked. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export type ClaimKind = string; // 'claim' | 'evidence' | 'question' | 'definition' | user's own
export interface ClaimKindDef { id: ClaimKind; label: string; color: string }

export interface Claim {
  id: string;
  documentId: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  status: AnchorStatus;
  /** Paragraph number of the block where the claim starts (null for orphans / headings). */
  paragraph: number | null;
  /**
   * Paragraph number of the block where it ends: equal to `paragraph` for a claim inside one
   * paragraph, 4 for a claim over ¶ 3–4 (null for orphans / headings).
   */
  paragraphEnd: number | null;
  /** The id of the annotation it was imported from (another tool's), exported again as `via`. */
  via?: string;
  /** Who made the imported annotation (e.g. Hypothesis `acct:name@hypothes.is`). */
  creator?: string;
  restatement: string;
  note: string;
  kind: ClaimKind;
  tags: string[];
  entityIds: string[];
  created: string; // ISO 8601
  modified: string; // ISO 8601
}

export interface NewClaim {
  documentId: string;
  /** Range over the document's plain text. The host derives both selectors from it. */
  start: number;
  end: number;
  restatement?: string;
  note?: string;
  kind?: ClaimKind;
  tags?: string[];
  entityIds?: string[];
}

export type ClaimPatch = Partial<Pick<Claim, 'restatement' | 'note' | 'kind' | 'tags' | 'entityIds'>> & {
  /** Re-attach (orphans) or move: a new range over the plain text. */
  range?: { start: number; end: number };
  /** A fuzzy claim: its stored quote becomes the text it covers now (undoable); status exact. */
  acceptText?: boolean;
};

export type LinkRelation = 'supports' | 'contradicts' | 'elaborates';
export interface ClaimLink { id: string; from: string; to: string; relation: LinkRelation }

export type EntityType = 'person' | 'organisation' | 'state' | 'place' | 'event' | 'concept' | 'other';
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
  /** `Q` + digits, or null. */
  wikidata: string | null;
}
export type NewEntity = Omit<Entity, 'id' | 'aliases' | 'description' | 'wikidata'> &
  Partial<Pick<Entity, 'aliases' | 'description' | 'wikidata'>>;

export interface ClaimFilter {
  documentId?: string;
  /** Claims of the documents of one corpus (CorpusSummary.id); absent: every corpus. */
  corpusId?: string;
  entityId?: string;
  kind?: ClaimKind;
  tag?: string;
  status?: AnchorStatus;
  /**
   * Only claims whose text position overlaps [start, end) (plain-text offsets, as
   * TextPositionSelector): the first screens of a long document, whose highlights the reader
   * draws before it asks for the rest.
   */
  overlaps?: { start: number; end: number };
}

/** A tag in use and how many claims carry it (spellings differing only in case are one tag). */
export interface TagCount { tag: string; count: number }

/** A passage that names an entity (or a near spelling of one of its names) outside its claims. */
export interface Mention {
  documentId: string;
  start: number;
  end: number;
  text: string;
  /** The name or alias it matched, and how closely (0 = exact after normalisation). */
  matched: string;
  distance: number;
  paragraph: number | null;
  /** True for the whole of a name (given name and surname); false for a surname or one word alone. */
  full: boolean;
  /** Other registered entities this passage may name instead (shared surname, a name next to it). */
  candidates: Array<{ entityId: string; name: string; reason: string }>;
  /** The sentence around the match (plain-text offsets): what "Make claim" claims. */
  sentence: { start: number; end: number };
  /** Further matches of the entity's names in the same sentence (one row per passage). */
  more: Array<{ start: number; end: number; text: string }>;
}

export interface ReanchorSummary {
  exact: number; moved: number; fuzzy: number; orphan: number;
  /**
   * `reanchor` only: each claim whose place differs from where the store last had it before
   * this run of the app (a first automatic pass at start-up included), in document order.
   */
  changes?: ReanchorChange[];
}

/** One claim that moved, went fuzzy or orphan (or came back) since the store last saw its file. */
export interface ReanchorChange {
  claimId: string;
  documentId: string;
  quote: string;
  before: { status: AnchorStatus; start: number; end: number; paragraph: number | null };
  after: { status: AnchorStatus; start: number; end: number; paragraph: number | null };
}

/** What the host did for one user action; undo/redo report the action they reverted. */
export interface ActionResult { action: string; undoable: boolean }

/**
 * The answer of undo/redo (issue 8, item 17): each window undoes its own actions. Without
 * `conflict` the step was taken and `action` names it. With `conflict` NOTHING changed: a later
 * change from another window or the command line altered what the step would put back; ask the
 * user, and call again with `{ anyway: conflict.step }` to take it all the same.
 */
export interface HistoryStepResult extends ActionResult { conflict?: HistoryConflict }

/** Why an undo or redo was held back. */
export interface HistoryConflict {
  /** The history step in question (pass it as `HistoryStepOptions.anyway`). */
  step: number;
  /** 'changed': what the step would put back was changed since; 'deleted': the thing is gone (the step brings it back). */
  kind: 'changed' | 'deleted';
  /** Who changed it since: 'another window' or 'the command line'; null when the history does not say. */
  by: string | null;
  /** That later action's label ("Edit claim"), when known. */
  byAction: string | null;
  /** What was changed, in words: "the note of the claim “Since 1991 …”" (first of several: "… and 2 more"). */
  what: string;
  /** A sentence for the user: "Another window changed the note of the claim “…” since (Edit claim)." */
  message: string;
}

/** Options of undo/redo. */
export interface HistoryStepOptions {
  /** Take the step reported in conflict with this `step` number, over the other change. */
  anyway?: number;
}

// ---------------------------------------------------------------------------------------------
// Citations out (issue 6): bibliographies, citations with paragraph locators, annotated notes
// ---------------------------------------------------------------------------------------------

/**
 * What an export writes. Bibliographies: `bibtex`, `biblatex`, `ris`, `csl-json` (data) and
 * `apa`, `chicago`, `mla` (formatted by citeproc-js with that CSL style); annotated notes:
 * `markdown`, `csv`; W3C Web Annotations: `jsonld`.
 */
export type ExportFormat = 'bibtex' | 'biblatex' | 'ris' | 'csl-json' | 'apa' | 'chicago' | 'mla' | 'markdown' | 'csv' | 'jsonld';
export const EXPORT_FORMATS = ['bibtex', 'biblatex', 'ris', 'csl-json', 'apa', 'chicago', 'mla', 'markdown', 'csv', 'jsonld'] as const satisfies readonly ExportFormat[];

/**
 * Which claims an export covers: the ones a view lists (their ids, in the view's order), the ones
 * a search finds (the search syntax; with `corpusId`, in that corpus only, as the Search tab's
 * "This corpus"), or a filter. Absent: every claim of the library.
 */
export type ClaimSelection = { claimIds: string[] } | { query: string; corpusId?: string } | { filter: ClaimFilter };

/** One export, as the Export dialog and `marginalia export` ask for it. */
export interface ExportRequest {
  format: ExportFormat;
  selection?: ClaimSelection;
  /** Bibliographies: every source of the library instead of the sources the selected claims cite. */
  allSources?: boolean;
  /** Markdown notes: one section per source (default) or per entity. */
  group?: 'source' | 'entity';
  /** Markdown notes: citations formatted in `style` (default), or Pandoc `[@key, para. 3]` with a .bib beside. */
  citations?: 'formatted' | 'pandoc';
  /** CSL style for formatted citations: 'apa' (default), 'chicago-author-date', 'mla', or a .csl file's path. */
  style?: string;
  /** Formatted bibliographies (`apa`, `chicago`, `mla`): HTML (for the clipboard) or plain text (default). */
  output?: 'html' | 'text';
  /**
   * The name the file will be saved under (no folder), when known: Pandoc notes then name their
   * .bib after it (`notes.md` → `notes.bib`), so two exports in one folder keep their own.
   */
  filename?: string;
}

/** A finished export: the file's text and what to call it; nothing is written by the host. */
export interface ExportResult {
  /** The file's whole content (CSV starts with a UTF-8 BOM). */
  text: string;
  /** A suggested file name, e.g. `marginalia-notes.md`. */
  filename: string;
  mime: string;
  /** A second file that belongs beside the first (Pandoc notes: the .bib they cite). */
  companion?: { filename: string; text: string; mime: string };
  /** How many claims and sources it covers. */
  claims: number;
  sources: number;
  /** What a person should know: sources missing a title, author or date, unresolved styles. */
  warnings: string[];
}

/** A claim ready for the clipboard: quote and formatted citation, as plain text and HTML. */
export interface ClaimCitation {
  text: string;
  html: string;
  /** The in-text citation alone, e.g. "(Turkmenistan: Time to Revise the Neutrality Policy?, 2016, para. 3)". */
  citation: string;
  /** The link that opens the claim in the app (`marginalia://claim/<id>`). */
  link: string;
}

/** A CSL style the formatter can use: the built-in ones and any .csl file the user added. */
export interface CitationStyle { id: string; title: string }

// ---------------------------------------------------------------------------------------------
// Works cited (issue 9): the references found in the sources' footnotes and reference lists
// ---------------------------------------------------------------------------------------------

/**
 * A work a source cites: one footnote or reference-list entry, parsed into CSL fields
 * (core/references), with the user's corrections on top. Computed from the document's text;
 * only corrections and promotions are stored, so a reference survives re-import of its file.
 */
export interface DocumentReference {
  /** `<documentId>:n<label>` for a footnote, `<documentId>:l<label>` for a list entry (`~2`… on a repeated label). */
  id: string;
  documentId: string;
  origin: 'footnote' | 'list';
  /** The note's label ("3") or the list entry's number (its own, else its position). */
  label: string;
  /** 1-based order among the document's references. */
  position: number;
  /** The text as found in the source; never altered. */
  raw: string;
  /** The parsed CSL item with the corrections on top; `id` is the reference's id. */
  csl: CslItem;
  /** How sure the parser is of each field it filled (0–1, rule strengths: core/references/types.ts); corrected fields are 1. */
  confidence: Record<string, number>;
  /** Fields the user corrected (set or cleared). */
  correctedFields: SourceField[];
  /** The note's text changed since it was corrected: the corrections are kept and should be checked. */
  textChanged: boolean;
  /** The library source this reference names (a document id or a metadata-only source id), or null. */
  sourceId: string | null;
  /** Why: the same DOI or URL, a similar title with the same year, or the user promoted it. */
  sourceMatch: 'doi' | 'url' | 'title' | 'promoted' | null;
}

/** A source known only by its metadata ("Add to library as a source" on a reference): it has no text. */
export interface MetadataSource {
  /** `src-` + the promoted reference's id hashed. */
  id: string;
  csl: CslItem;
  /** The reference it was promoted from. */
  referenceId: string;
  created: string; // ISO 8601
}

import type { SearchOptions, SearchPage } from './search-wire.ts';
export type { ClaimSearchHit, PassageSearchHit, SearchHit, SearchOptions, SearchPage, SearchSnippet, TextRange } from './search-wire.ts';

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

export interface ReaderApi {
  // library (issue: the reader)
  getLibrary(): Promise<LibrarySnapshot>;
  /**
   * Open a corpus folder: add it to the library, or switch to it if it is there already (it is
   * re-read from disk; originals are never modified). The other corpora and their claims stay
   * as they are. A known folder that is missing opens from the store, marked missing.
   */
  openCorpus(dir: string): Promise<LibrarySnapshot>;
  getDocument(id: string): Promise<DocumentModel>;
  getSettings(): Promise<Settings>;
  setSettings(patch: Partial<Settings>): Promise<Settings>;
  /** Human-readable name/version for Help → About and the page title. */
  getAppInfo(): Promise<{ name: string; version: string; transport: 'electron' | 'web'; dataDir: string }>;

  // claims (issue: the annotation layer)
  listClaims(filter?: ClaimFilter): Promise<Claim[]>;
  /**
   * How many claims pass `filter` (absent: every claim of the library), counted per entity they
   * carry (`'entity'`: keys are entity ids; a claim with two entities counts for both) or per
   * document they stand in (`'document'`: keys are document ids). Keys with no claim are absent.
   * For the entity registry's counts and an entity page's sources, without fetching any claim.
   * Rejects with 'bad-input' for another `by`.
   */
  claimCounts(by: 'entity' | 'document', filter?: ClaimFilter): Promise<Record<string, number>>;
  /** One claim by id (a claim link, `marginalia://claim/<id>`, names it); not-found when the library has none. */
  getClaim(id: string): Promise<Claim>;
  createClaim(input: NewClaim): Promise<Claim>;
  updateClaim(id: string, patch: ClaimPatch): Promise<Claim>;
  updateClaims(ids: string[], patch: Pick<ClaimPatch, 'kind'> & { addTags?: string[]; removeTags?: string[] }): Promise<Claim[]>;
  deleteClaims(ids: string[]): Promise<ActionResult>;
  listLinks(claimId?: string): Promise<ClaimLink[]>;
  linkClaims(from: string, to: string, relation: LinkRelation): Promise<ClaimLink>;
  unlinkClaims(linkId: string): Promise<ActionResult>;

  // entities
  listEntities(): Promise<Entity[]>;
  createEntity(input: NewEntity): Promise<Entity>;
  updateEntity(id: string, patch: Partial<Omit<Entity, 'id'>>): Promise<Entity>;
  /** Merge `fromId` into `intoId`: aliases combine, claims re-point, `fromId` goes. */
  mergeEntities(intoId: string, fromId: string): Promise<Entity>;
  /** Delete an entity; claims stay, the tag goes. */
  deleteEntity(id: string): Promise<ActionResult>;
  /** Every passage naming the entity that is not yet inside a claim tagged to it. */
  findMentions(entityId: string): Promise<Mention[]>;
  /** Every tag in use in the library with its claim count, most used first (autocomplete, tag manager). */
  listTags(): Promise<TagCount[]>;
  /** Rename a tag on every claim; into a tag in use already it is a merge. One undoable action. */
  renameTag(from: string, to: string): Promise<ActionResult>;
  /** Remove a tag from every claim. One undoable action. */
  deleteTag(tag: string): Promise<ActionResult>;

  // history: one entry per user action, kept in the store, with the client (window, tab, command
  // line) that made it. Each client undoes and redoes its own actions; null: it has none.
  undo(options?: HistoryStepOptions): Promise<HistoryStepResult | null>;
  redo(options?: HistoryStepOptions): Promise<HistoryStepResult | null>;

  // interchange
  /** W3C Web Annotation AnnotationCollection (JSON-LD) of the claims matching the filter. */
  exportAnnotations(filter?: ClaimFilter): Promise<string>;
  importAnnotations(jsonld: string): Promise<{ imported: number; summary: ReanchorSummary; problems: string[] }>;
  /** Re-read the corpus from disk and re-anchor every claim. */
  reanchor(): Promise<ReanchorSummary>;

  // search (issue 11): one index in the host; pages of ranked hits (core/search-wire.ts)
  /** Ranked claims or passages for a query (core/search/query-syntax.ts). Never rejects for odd input: a `message` says what was wrong. */
  search(query: string, options?: SearchOptions): Promise<SearchPage>;

  // source metadata (issue 6, item 1)
  /**
   * Edit the metadata of a document's source (see SourcePatch): one undoable action; every
   * window hears `onDidChangeLibrary`. Resolves to the document's new summary. Rejects with
   * 'bad-input' naming the field ("DOI: …") and saves nothing when any field is invalid;
   * 'not-found' for an unknown document.
   */
  updateSource(id: string, patch: SourcePatch): Promise<DocumentSummary>;

  // citations out (issue 6)
  /** Bibliography, annotated notes or annotations of the selected claims; see ExportRequest. */
  exportCitations(request: ExportRequest): Promise<ExportResult>;
  /** A claim as quote + in-text citation with its paragraph locator, for the clipboard. */
  citeClaim(claimId: string, style?: string): Promise<ClaimCitation>;
  /** The CSL styles formatted exports can use. */
  listCitationStyles(): Promise<CitationStyle[]>;

  // works cited (issue 9)
  /** The references of one document in order, or of every present document; [] for an unknown one. */
  listReferences(documentId?: string): Promise<DocumentReference[]>;
  /**
   * Correct a reference's fields (a SourcePatch: a value sets, null clears, the parsed value
   * drops the correction): one undoable action. Rejects with 'bad-input' naming the field.
   */
  updateReference(id: string, patch: SourcePatch): Promise<DocumentReference>;
  /**
   * "Add to library as a source": a metadata-only source made from the reference (undoable).
   * Promoting again, or promoting a reference to a work already promoted, gives the same source
   * (`created: false`). Rejects with 'bad-input' when the work is a document of the library.
   */
  promoteReference(id: string): Promise<{ source: MetadataSource; created: boolean; reference: DocumentReference }>;
  /** The metadata-only sources of the library, oldest first. */
  listMetadataSources(): Promise<MetadataSource[]>;
  /**
   * The references a claim cites: those whose footnote or `[12]` markers stand in the paragraphs
   * the claim touches, in marker order (for "as cited in" citations); [] for an orphan.
   */
  referencesForClaim(claimId: string): Promise<DocumentReference[]>;
  /**
   * A claim as quote + in-text citation of a work its paragraph cites (one of
   * `referencesForClaim`'s), "as cited in" the claim's source with its paragraph locator, by the
   * style's rule (APA "as cited in", Chicago "quoted in", MLA "qtd. in"); for the clipboard.
   */
  citeClaimAsCitedIn(claimId: string, referenceId: string, style?: string): Promise<ClaimCitation>;
}

/** Names of the methods of ReaderApi, for generic transports. */
export type ReaderMethod = keyof ReaderApi;

/** Every method name, once: the transports register/expose exactly these. */
export const READER_METHODS = [
  'getLibrary', 'openCorpus', 'getDocument', 'getSettings', 'setSettings', 'getAppInfo',
  'listClaims', 'claimCounts', 'getClaim', 'createClaim', 'updateClaim', 'updateClaims', 'deleteClaims', 'listLinks', 'linkClaims', 'unlinkClaims',
  'listEntities', 'createEntity', 'updateEntity', 'mergeEntities', 'deleteEntity', 'findMentions',
  'listTags', 'renameTag', 'deleteTag',
  'undo', 'redo',
  'exportAnnotations', 'importAnnotations', 'reanchor',
  'search',
  'updateSource',
  'exportCitations', 'citeClaim', 'listCitationStyles',
  'listReferences', 'updateReference', 'promoteReference', 'listMetadataSources', 'referencesForClaim', 'citeClaimAsCitedIn',
] as const satisfies readonly ReaderMethod[];

/** Events the host pushes to the renderer. */
export interface ReaderEvents {
  /** The library (documents, problems, store state) changed, e.g. after opening a corpus. */
  onDidChangeLibrary: LibrarySnapshot;
  /** Claims or entities changed (another window, the CLI, undo/redo). */
  onDidChangeAnnotations: { reason: string };
  /** The settings changed (theme, the claim kinds' labels and colours), in any window. */
  onDidChangeSettings: Settings;
  /** A menu command from the desktop shell (e.g. 'theme:dark', 'find', 'open-corpus'). */
  onDidRequestCommand: { command: string; arg?: string };
}
export type ReaderEventName = keyof ReaderEvents;
export const READER_EVENTS = ['onDidChangeLibrary', 'onDidChangeAnnotations', 'onDidChangeSettings', 'onDidRequestCommand'] as const satisfies readonly ReaderEventName[];

/** What the renderer sees as `window.reader`: the API plus event subscriptions. */
export type ReaderBridge = ReaderApi & {
  on<E extends ReaderEventName>(event: E, listener: (payload: ReaderEvents[E]) => void): () => void;
};

/** The one place channel names are made (IPC channel / HTTP path segment). */
export function channelFor(name: ReaderMethod | ReaderEventName): string {
  return `reader:${name}`;
}

/** Error codes that cross the contract. */
export type ApiErrorCode = 'bad-input' | 'not-found' | 'store-unavailable' | 'internal';
/** The error shape both transports carry; `message` is written for a person. */
export interface ApiErrorShape { code: ApiErrorCode; message: string }

/** An error thrown by the host for input the user can fix; transports keep code and message. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}
