/**
 * What every claim-by-claim export writes about one claim (the Markdown notes and the CSV): the
 * claim's own text and labels, its formatted citation and its link. Each writer adds where the
 * claim sits in its own words (`NoteEntry.place`, `CsvClaimRow.paragraphs`).
 */
export interface ClaimFacts {
  /** The highlighted passage, verbatim. */
  quote: string;
  restatement: string;
  note: string;
  /** The kind's label, e.g. "Evidence". */
  kind: string;
  /** Entity names, in the claim's order (unknown ids left out). */
  entities: string[];
  tags: string[];
  /**
   * The citation as it goes into the file: a formatted in-text citation such as
   * "(Central Asian Union, n.d., para. 2)", or in Pandoc notes `[@yapici2018neutrality, para. 3]`.
   */
  citation: string;
  /** `marginalia://claim/<id>`. */
  link: string;
}
