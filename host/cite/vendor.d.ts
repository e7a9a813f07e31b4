/**
 * Types for the untyped packages the cite worker loads (kept to what host/cite uses).
 * `citeproc` is citeproc-js (CPAL-1.0 OR AGPL-3.0, see THIRD-PARTY-NOTICES.md); the two JSON
 * files are the APA 7 style and the CSL locales that @citation-js/plugin-csl ships.
 */
declare module 'citeproc' {
  /** The `sys` object citeproc-js calls back into. */
  export interface CiteprocSys {
    retrieveLocale(lang: string): string | object | undefined;
    retrieveItem(id: string): object | undefined;
  }
  /** citeproc-js's output format record (string transforms keyed by decoration name). */
  export type OutputFormat = Record<string, unknown>;
  export class Engine {
    constructor(sys: CiteprocSys, style: string | object, lang?: string, forceLang?: boolean);
    opt: { class: 'in-text' | 'note'; development_extensions: Record<string, boolean> };
    setOutputFormat(format: string): void;
    updateItems(ids: string[]): void;
    updateUncitedItems(ids: string[]): void;
    rebuildProcessorState(
      citations: Array<{ citationID: string; citationItems: Array<Record<string, unknown>>; properties: { noteIndex: number } }>,
      mode: string,
      uncitedItemIDs: string[],
    ): Array<[string, number, string]>;
    makeBibliography(): false | [{ entry_ids: string[][]; bibstart: string; bibend: string }, string[]];
  }
  const CSL: { Engine: typeof Engine; Output: { Formats: Record<string, OutputFormat> } };
  export default CSL;
}

declare module '@citation-js/plugin-csl/lib/styles.json' {
  /** Style id (apa, vancouver, harvard1) → CSL XML text. */
  const styles: Record<string, string>;
  export default styles;
}

declare module '@citation-js/plugin-csl/lib/locales.json' {
  /** Locale (en-US, …) → CSL locale XML text. */
  const locales: Record<string, string>;
  export default locales;
}
