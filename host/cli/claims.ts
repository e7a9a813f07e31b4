/** `marginalia claims [--json] [filters]`: the claims in the store, where they are anchored. */
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, cell, withLibrary, type Verb } from './verb.ts';

export const claimsVerb: Verb = {
  name: 'claims',
  summary: 'list claims (id, document, status, range, quote, entities)',
  usage: `claims [--json] [filters] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: [{ id, document, status, start, end, quote, entities }]\n${FILTER_HELP}\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, ...FILTER_OPTIONS, json: { type: 'boolean' } },
  run: (values, _positionals, io) => {
    const filter = filterFrom(values); // usage errors before the store is opened
    return withLibrary(values, async (library) => {
      const [claims, entities, snap] = await Promise.all([library.listClaims(filter), library.listEntities(), library.getLibrary()]);
      const entityName = new Map(entities.map((e) => [e.id, e.name]));
      const rows = claims.map((c) => ({
        id: c.id,
        document: c.documentId,
        status: c.status,
        start: c.position.start,
        end: c.position.end,
        quote: c.quote.exact,
        entities: c.entityIds.map((id) => entityName.get(id) ?? id),
      }));
      if (values.json) {
        io.out(JSON.stringify(rows, null, 2));
        return 0;
      }
      const path = new Map(snap.documents.map((d) => [d.id, d.path]));
      io.out(`${rows.length} claim(s)`);
      for (const r of rows) {
        io.out(`${cell(r.status, 6)}  ${cell(path.get(r.document) ?? r.document, 40)}  ${String(r.start).padStart(6)}–${String(r.end).padEnd(6)}  “${cell(r.quote, 60).trimEnd()}”${r.entities.length ? `  [${r.entities.join(', ')}]` : ''}`);
      }
      return 0;
    });
  },
};
