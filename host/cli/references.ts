/** `marginalia references [--json] [--document ID]`: the works the sources cite, parsed (issue 9). */
import { firstAuthorName } from '../../core/references/parse-reference.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, cell, withLibrary, type Verb } from './verb.ts';

export const referencesVerb: Verb = {
  name: 'references',
  summary: 'list the works the sources cite (footnotes, reference lists), parsed into CSL fields',
  usage: `references [--json] [--document ID] [--corpus DIR] [--data DIR]

  --json          print JSON: [{ id, document, path, origin, label, position, raw, csl, confidence,
                  correctedFields, textChanged, sourceId, sourceMatch }]
                  (origin: footnote | list; label: the note number or list entry number;
                  confidence: 0–1 per CSL field; sourceId: the library source it names, or null)
  --document ID   only this document's references (an id from \`library --json\`, or its path)
${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' }, document: { type: 'string' } },
  run: (values, _positionals, io) => withLibrary(values, async (library) => {
    const snap = await library.getLibrary();
    let documentId: string | undefined;
    if (typeof values.document === 'string') {
      const want = values.document;
      const doc = snap.documents.find((d) => d.id === want || d.path === want);
      if (!doc) { io.err(`There is no document "${want}" in the library. \`library --json\` lists their ids and paths.`); return 1; }
      documentId = doc.id;
    }
    const refs = await library.listReferences(documentId);
    const path = new Map(snap.documents.map((d) => [d.id, d.path]));
    if (values.json) {
      io.out(JSON.stringify(refs.map((r) => ({
        id: r.id, document: r.documentId, path: path.get(r.documentId) ?? null, origin: r.origin, label: r.label, position: r.position,
        raw: r.raw, csl: r.csl, confidence: r.confidence, correctedFields: r.correctedFields, textChanged: r.textChanged,
        sourceId: r.sourceId, sourceMatch: r.sourceMatch,
      })), null, 2));
      return 0;
    }
    io.out(`${refs.length} reference(s)`);
    for (const r of refs) {
      const year = (r.csl.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? 'n.d.';
      io.out(`${cell(path.get(r.documentId) ?? r.documentId, 36)}  ${r.origin === 'footnote' ? 'note' : 'list'} ${r.label.padEnd(4)} ${cell(firstAuthorName(r.csl) || '—', 22)} ${String(year).padEnd(5)} ${cell(String(r.csl.title ?? r.raw), 60).trimEnd()}${r.sourceId ? `  → ${r.sourceId}` : ''}`);
    }
    return 0;
  }),
};
