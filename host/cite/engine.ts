/**
 * One citeproc-js engine for one style, and the two things we ask of it: a bibliography whose
 * entries carry the id of the item each was made from, and in-text citations formatted from the
 * same processor state as that bibliography (so "n.d.-a"/"n.d.-b" and other disambiguation agree).
 *
 * Pairing entries with items: citeproc-js's `makeBibliography()` lists `entry_ids` beside the
 * entry strings, but a style may print nothing for an item (Chicago author-date prints no entry
 * for an authorless encyclopedia article) while its id stays listed, so pairing by index shifts
 * every later entry. Here each entry is tagged with its own item's id by the output format
 * itself: two output formats derived from citeproc-js's `html` and `text` wrap
 * `@bibliography/entry` (called once per printed entry, with the entry's item as `this`) and
 * prefix a marker holding `this.system_id`. Nothing in citeproc-js is changed; the formats are
 * added under our own names.
 *
 * Building an engine parses the style and locale: 1–4 s for APA and Chicago, ~0.1 s for MLA
 * (issue 6, measured on this machine); so this runs in the cite worker only.
 */
import CSL from 'citeproc';
import locales from '@citation-js/plugin-csl/lib/locales.json' with { type: 'json' };
import type { CslItem } from '../../core/api.ts';
import { StyleError, type LoadedStyle } from './styles.ts';

/** Output wanted by a caller: HTML (for the clipboard and previews) or plain text. */
export type CiteOutput = 'html' | 'text';

/** One cite inside a citation: an item id and where in it (`locator` with a CSL `label`). */
export interface CiteRef { id: string; locator?: string; label?: string; prefix?: string; suffix?: string }

/** A bibliography entry and the id of the item it was made from. */
export interface BibEntry { id: string; text: string }

/** The locale every engine uses (plugin-csl ships en-US from the CSL locales repository). */
export const LOCALE = 'en-US';

const MARK_START = '\u0001';
const MARK_END = '\u0002';
const FORMAT_NAME: Record<CiteOutput, string> = { html: 'marginalia-html', text: 'marginalia-text' };

/** Adds the two id-tagging output formats to citeproc-js once (idempotent). */
function registerFormats(): void {
  const formats = CSL.Output.Formats as Record<string, Record<string, unknown>>;
  for (const base of ['html', 'text'] as const) {
    const name = FORMAT_NAME[base];
    if (formats[name]) continue;
    const original = formats[base]!['@bibliography/entry'] as (this: { system_id?: string }, state: unknown, str: string) => string;
    formats[name] = {
      ...formats[base],
      '@bibliography/entry': function (this: { system_id?: string }, state: unknown, str: string): string {
        return `${MARK_START}${this?.system_id ?? ''}${MARK_END}${original.call(this, state, str)}`;
      },
    };
  }
}

/** citeproc-js's locale callback: en-US for every request (the styles we ship are English). */
function retrieveLocale(lang: string): string {
  const table = locales as Record<string, string>;
  return table[lang] ?? table[lang.replace('_', '-')] ?? table[LOCALE]!;
}

/**
 * A citeproc-js engine for one style, reused across requests: each request hands it a new item
 * set (the item callback reads from it) and rebuilds the processor state from scratch.
 */
export class StyleEngine {
  readonly style: LoadedStyle;
  /** Milliseconds it took to build the engine (style and locale parsing). */
  readonly buildMs: number;
  private readonly engine: InstanceType<typeof CSL.Engine>;
  private items = new Map<string, CslItem>();

  /** Builds the engine; throws StyleError when citeproc-js cannot read the style. */
  constructor(style: LoadedStyle) {
    registerFormats();
    this.style = style;
    const started = performance.now();
    const sys = {
      retrieveLocale,
      retrieveItem: (id: string) => {
        const item = this.items.get(String(id));
        if (!item) throw new Error(`No source with id "${id}" was given.`);
        return item;
      },
    };
    try {
      this.engine = new CSL.Engine(sys, style.source, LOCALE, true);
    } catch (err) {
      throw new StyleError(`The style ${style.title} cannot be used: citeproc-js says "${firstLine(err)}".`);
    }
    // Plain URLs, as the style writes them (no <a> wrapping in HTML).
    this.engine.opt.development_extensions.wrap_url_and_doi = false;
    this.buildMs = Math.round(performance.now() - started);
  }

  /** True for note styles (a citation is a footnote), false for author-date and numeric ones. */
  get isNoteStyle(): boolean { return this.engine.opt.class === 'note'; }

  /**
   * Formats the bibliography of `items` (every item, cited or not) and, when `cites` is given,
   * each citation in order (each an array of cites: one parenthetical or one footnote), from one
   * processor state. Entries are in the style's order, each with its item's id; items the style
   * prints no entry for are listed in `unprinted`. Throws Error with a readable message on an
   * item id that is not in `items`.
   */
  format(items: readonly CslItem[], cites: ReadonlyArray<readonly CiteRef[]>, output: CiteOutput): { citations: string[]; entries: BibEntry[]; unprinted: string[] } {
    const mode = FORMAT_NAME[output];
    this.engine.setOutputFormat(mode);
    // Drop the previous request's items (their data may have changed since). citeproc-js reads
    // them once more while it unregisters them, so the old item set stays readable until then.
    this.engine.updateItems([]);
    this.engine.updateUncitedItems([]);
    this.items = new Map(items.map((i) => [String(i.id), i]));
    for (const [n, cluster] of cites.entries()) {
      for (const c of cluster) if (!this.items.has(String(c.id))) throw new Error(`Citation ${n + 1} cites "${c.id}", which is not among the sources given.`);
    }
    const note = this.isNoteStyle;
    const citations = cites.map((cluster, n) => ({
      citationID: `c${n}`,
      citationItems: cluster.map((c) => ({ ...c, id: String(c.id) })),
      properties: { noteIndex: note ? n + 1 : 0 },
    }));
    // rebuildProcessorState grows with the square of the citations it is given (measured: 1,000
    // citations 4.8 s, 2,000 12 s, 4,000 64 s), so they go in chunks. Each chunk registers every
    // item, so disambiguation (n.d.-a / n.d.-b) is the same in every chunk and in the
    // bibliography; only "ibid."-style position tracking of note styles restarts at a chunk edge.
    const all = [...this.items.keys()];
    const byCitation = new Map<string, string>();
    for (let i = 0; i < citations.length || i === 0; i += CITATION_CHUNK) {
      for (const [id, , text] of this.engine.rebuildProcessorState(citations.slice(i, i + CITATION_CHUNK), mode, all)) byCitation.set(id, text);
    }
    const texts = citations.map((c) => (byCitation.get(c.citationID) ?? '').trim());

    const bib = this.engine.makeBibliography();
    const entries: BibEntry[] = [];
    if (bib) {
      for (const raw of bib[1]) {
        const m = /^\u0001([^\u0002]*)\u0002/.exec(raw);
        entries.push({ id: m?.[1] ?? '', text: cleanEntry(m ? raw.slice(m[0].length) : raw) });
      }
    }
    const printed = new Set(entries.map((e) => e.id));
    return { citations: texts, entries, unprinted: [...this.items.keys()].filter((id) => !printed.has(id)) };
  }
}

/** Citations given to citeproc at once (see Engine.format): 100 at a time kept 4,000 citations near-linear (8–12 s on a loaded 2-core machine, 64 s in one call). */
export const CITATION_CHUNK = 100;

/** An entry without citeproc's trailing newline; HTML keeps its `<div class="csl-entry">`. */
function cleanEntry(s: string): string {
  return s.trim();
}


function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 300);
}
