/** `marginalia library [--json]`: the documents of the corpus and what could not be imported. */
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, cell, withLibrary, type Verb } from './verb.ts';

export const libraryVerb: Verb = {
  name: 'library',
  summary: 'list the documents of the corpus',
  usage: `library [--json] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: { corpusDir, store, documents: [{ id, iri, path, title, wordCount, contentHash, problems }], problems }\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' } },
  run: (values, _positionals, io) => withLibrary(values, async (library) => {
    const snap = await library.getLibrary();
    if (values.json) {
      io.out(JSON.stringify({
        corpusDir: snap.corpusDir,
        store: snap.store,
        documents: snap.documents.map((d) => ({ id: d.id, iri: d.iri, path: d.path, title: d.title, wordCount: d.wordCount, contentHash: d.contentHash, problems: d.problems })),
        problems: snap.problems,
      }, null, 2));
      return 0;
    }
    io.out(`${snap.documents.length} document(s) in ${snap.corpusDir ?? '(no corpus folder)'}`);
    if (snap.documents.length) {
      io.out(`${cell('TITLE', 48)}  ${'WORDS'.padStart(7)}  ${cell('PATH', 48)}  ID`);
      for (const d of snap.documents) io.out(`${cell(d.title, 48)}  ${String(d.wordCount).padStart(7)}  ${cell(d.path, 48)}  ${d.id}`);
    }
    for (const d of snap.documents) for (const p of d.problems) io.out(`  note: ${d.path}: ${p}`);
    for (const p of snap.problems) io.out(`  skipped: ${p.path}: ${p.reason}`);
    if (!snap.store.ok) io.err(`The store at ${snap.store.path} could not be opened: ${snap.store.reason}`);
    return 0;
  }),
};
