/**
 * `marginalia library [--json]`: the corpora of the library (issue 10, item 13), the documents of
 * the open one and what could not be imported.
 */
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, cell, withLibrary, type Verb } from './verb.ts';

export const libraryVerb: Verb = {
  name: 'library',
  summary: 'list the documents of the corpus',
  usage: `library [--json] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: { corpusDir, corpusId, corpora: [{ id, dir, name, documentCount, missing }],\n                 store, documents: [{ id, iri, path, title, wordCount, contentHash, problems }], problems }\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' } },
  run: (values, _positionals, io) => withLibrary(values, async (library) => {
    const snap = await library.getLibrary();
    if (values.json) {
      io.out(JSON.stringify({
        corpusDir: snap.corpusDir,
        corpusId: snap.corpusId,
        corpora: snap.corpora,
        store: snap.store,
        documents: snap.documents.map((d) => ({ id: d.id, iri: d.iri, path: d.path, title: d.title, wordCount: d.wordCount, contentHash: d.contentHash, problems: d.problems })),
        problems: snap.problems,
      }, null, 2));
      return 0;
    }
    const open = snap.corpora.find((c) => c.id === snap.corpusId);
    io.out(`${snap.documents.length} document(s) in ${snap.corpusDir ?? '(no corpus folder)'}${open?.missing ? ' (folder missing: shown as last read)' : ''}`);
    if (snap.corpora.length > 1) {
      io.out(`${snap.corpora.length} corpora in the library (open one marked *):`);
      for (const c of snap.corpora) io.out(`  ${c.id === snap.corpusId ? '*' : ' '} ${cell(c.name, 24)}  ${String(c.documentCount).padStart(5)} document(s)  ${c.dir}${c.missing ? '  [missing]' : ''}`);
    }
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
