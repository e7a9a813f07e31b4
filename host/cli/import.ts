/** `marginalia import FILE.jsonld`: adds W3C Web Annotations to the store, anchored to the corpus. */
import { readFile } from 'node:fs/promises';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, withLibrary, type Verb } from './verb.ts';

export const importVerb: Verb = {
  name: 'import',
  summary: 'import annotations from a JSON-LD file',
  usage: `import FILE.jsonld [--json] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: { imported, summary, problems }\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' } },
  positionals: true,
  run: async (values, positionals, io) => {
    if (positionals.length !== 1) throw new UsageError('Give exactly one file to import.');
    const file = positionals[0]!;
    let text: string;
    try { text = await readFile(file, 'utf8'); } catch (err) {
      io.err(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`);
      return 1;
    }
    return withLibrary(values, async (library) => {
      const result = await library.importAnnotations(text);
      if (values.json) { io.out(JSON.stringify(result, null, 2)); return 0; }
      const s = result.summary;
      io.out(`Imported ${result.imported} annotation(s): ${s.exact} exact, ${s.moved} moved, ${s.fuzzy} fuzzy, ${s.orphan} orphan.`);
      for (const p of result.problems) io.out(`  problem: ${p}`);
      return 0;
    });
  },
};
