/**
 * `marginalia import FILE`: adds W3C Web Annotations (ours, Hypothesis JSON-LD, Hypothesis API
 * JSON) to the store, anchored to the corpus. Exit 0 when at least one was imported (skipped rows
 * listed), 1 when none was (every row's reason on stderr), or for a file that cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, withLibrary, type Verb } from './verb.ts';

export const importVerb: Verb = {
  name: 'import',
  summary: 'import annotations from a JSON-LD file',
  usage: `import FILE.jsonld [--json] [--corpus DIR] [--data DIR]\n\n  FILE           W3C Web Annotations (Marginalia or Hypothesis JSON-LD) or Hypothesis API JSON\n  --json         print JSON: { imported, summary, problems }\n\nExit 1 when nothing could be imported.\n${LIBRARY_OPTIONS_HELP}`,
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
      const code = result.imported === 0 ? 1 : 0;
      if (values.json) { io.out(JSON.stringify(result, null, 2)); return code; }
      const s = result.summary;
      if (code !== 0) {
        io.err(`Nothing was imported from ${file}:`);
        for (const p of result.problems) io.err(`  ${p}`);
        return code;
      }
      io.out(`Imported ${result.imported} annotation(s): ${s.exact} exact, ${s.moved} moved, ${s.fuzzy} fuzzy, ${s.orphan} orphan.`);
      for (const p of result.problems) io.out(`  problem: ${p}`);
      return 0;
    });
  },
};
