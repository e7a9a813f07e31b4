/**
 * Which document an imported annotation is about (issue 10, item 5). Tried in order:
 * 1. the target's source is a document's IRI (our own exports);
 * 2. one of the addresses the annotation gives (target source, Hypothesis `uri`, `document.link`)
 *    is the document's CSL `URL` or `DOI` once both are normalised (scheme, `www.`, trailing
 *    slash, fragment, tracking parameters: core/annotations/source-url.ts);
 * 3. failing those, its quote occurs in exactly one document of the open corpus: attached there,
 *    and reported as an assumption for the person to check (not for our own `urn:marginalia:doc:`
 *    IRIs: they name a file by its path, so a path this corpus lacks means the file is not here).
 * Anything else is not matched, with a reason that says what was tried.
 */
import type { DocumentSummary } from '../../core/api.ts';
import { cslSourceKeys, sourceKey } from '../../core/annotations/source-url.ts';
import type { ImportedAnnotation } from '../../core/annotations/web-annotation.ts';
import type { LibraryContext } from './context.ts';

/** Where an annotation goes, or why it goes nowhere. */
export type SourceMatch =
  /**
   * `by`: how it was found. Only an IRI names our own text, so only then do the annotation's
   * TextPositionSelector offsets count on it (another tool's are over its own copy of the page).
   */
  | { documentId: string; by: 'iri' | 'url' | 'quote'; assumption?: string }
  | { documentId: null; reason: string };

/** Whitespace runs as one space, so a quote copied from a web page still finds re-wrapped text. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function short(text: string, max = 60): string {
  const t = collapse(text).trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** A matcher over the open corpus (its documents and tombstones), built once per import. */
export function sourceMatcher(ctx: LibraryContext): (item: ImportedAnnotation) => SourceMatch {
  const byIri = new Map<string, string>();
  for (const d of ctx.documents.removed.values()) byIri.set(d.iri, d.id);
  for (const d of ctx.documents.summaries) byIri.set(d.iri, d.id);
  // A URL or DOI shared by two documents decides nothing: left out.
  const byKey = new Map<string, string | null>();
  for (const d of ctx.documents.summaries) {
    for (const k of new Set(cslSourceKeys(d.csl))) byKey.set(k, byKey.has(k) && byKey.get(k) !== d.id ? null : d.id);
  }
  let texts: Array<{ summary: DocumentSummary; text: string }> | null = null;
  const collapsedTexts = (): Array<{ summary: DocumentSummary; text: string }> =>
    (texts ??= ctx.documents.all().map((d) => ({ summary: d.summary, text: collapse(d.text) })));

  return (item) => {
    const addresses = [item.source, ...item.alternateSources];
    for (const a of addresses) { const id = byIri.get(a); if (id) return { documentId: id, by: 'iri' }; }
    for (const a of addresses) {
      const key = sourceKey(a);
      const id = key ? byKey.get(key) : undefined;
      if (id) return { documentId: id, by: 'url' };
    }
    // Our own IRIs name a file of a Marginalia corpus by its path: not in this corpus means not here.
    if (addresses.every((a) => a.startsWith('urn:marginalia:'))) {
      return { documentId: null, reason: `${item.label}: no document in the library has the source ${item.source}; skipped.` };
    }
    const quote = collapse(item.quote.exact).trim();
    const holders = quote ? collapsedTexts().filter((d) => d.text.includes(quote)) : [];
    if (holders.length === 1) {
      const d = holders[0]!.summary;
      return {
        documentId: d.id,
        by: 'quote',
        assumption: `${item.label}: no document has the source ${item.source} (by IRI, URL or DOI); its quote "${short(item.quote.exact)}" occurs only in "${d.title || d.path}", so it was attached there. This is an assumption: check it.`,
      };
    }
    const where = holders.length === 0 ? 'its quote is in no document either' : `its quote is in ${holders.length} documents, so which one is meant is unclear`;
    return { documentId: null, reason: `${item.label}: no document in the library has the source ${item.source} (by IRI, URL or DOI) and ${where}; skipped.` };
  };
}
