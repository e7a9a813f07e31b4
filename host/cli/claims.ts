/** `marginalia claims [--json] [filters]`: the claims in the store, where they are anchored. */
import type { Claim } from '../../core/api.ts';
import { plainText } from '../../core/corpus/plain-text.ts';
import type { Library } from '../library.ts';
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, cell, withLibrary, type Verb } from './verb.ts';

export const claimsVerb: Verb = {
  name: 'claims',
  summary: 'list claims (id, document, status, range, quote, entities)',
  usage: `claims [--json] [filters] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: [{ id, document, status, start, end, paragraphs, quote, text, entities }]
                 paragraphs: [first, last] paragraph numbers (the locator ¶ first–last), null
                 when the claim is not in a paragraph; quote: the text as claimed; text: what
                 the claim covers now (differs from quote after a fuzzy re-anchor; null for
                 orphans and documents of a corpus that is not open)\n${FILTER_HELP}\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, ...FILTER_OPTIONS, json: { type: 'boolean' } },
  run: (values, _positionals, io) => {
    const filter = filterFrom(values); // usage errors before the store is opened
    return withLibrary(values, async (library) => {
      const [claims, entities, snap] = await Promise.all([library.listClaims(filter), library.listEntities(), library.getLibrary()]);
      const entityName = new Map(entities.map((e) => [e.id, e.name]));
      const texts = await documentTexts(library, claims);
      const rows = claims.map((c) => ({
        id: c.id,
        document: c.documentId,
        status: c.status,
        start: c.position.start,
        end: c.position.end,
        paragraphs: c.paragraph === null ? null : [c.paragraph, c.paragraphEnd ?? c.paragraph],
        quote: c.quote.exact,
        text: c.status === 'orphan' ? null : texts.get(c.documentId)?.slice(c.position.start, c.position.end) ?? null,
        entities: c.entityIds.map((id) => entityName.get(id) ?? id),
      }));
      if (values.json) {
        io.out(JSON.stringify(rows, null, 2));
        return 0;
      }
      const path = new Map(snap.documents.map((d) => [d.id, d.path]));
      io.out(`${rows.length} claim(s)`);
      for (const r of rows) {
        const where = r.paragraphs === null ? '' : r.paragraphs[1] > r.paragraphs[0] ? `¶ ${r.paragraphs[0]}–${r.paragraphs[1]}` : `¶ ${r.paragraphs[0]}`;
        io.out(`${cell(r.status, 6)}  ${cell(path.get(r.document) ?? r.document, 40)}  ${cell(where, 9)}  ${String(r.start).padStart(6)}–${String(r.end).padEnd(6)}  “${cell(r.quote, 60).trimEnd()}”${r.entities.length ? `  [${r.entities.join(', ')}]` : ''}`);
      }
      return 0;
    });
  },
};

/** Plain text of each open document the claims are on (documents of other corpora are left out). */
async function documentTexts(library: Library, claims: Claim[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(claims.map((c) => c.documentId))) {
    try { out.set(id, plainText(await library.getDocument(id))); } catch { /* not open, or gone: no text */ }
  }
  return out;
}
