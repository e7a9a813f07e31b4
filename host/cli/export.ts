/** `marginalia export --format jsonld [--out FILE] [filters]`: claims as a W3C AnnotationCollection. */
import { writeFile } from 'node:fs/promises';
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, withLibrary, type Verb } from './verb.ts';

/** Export formats the CLI knows. */
const FORMATS = ['jsonld'] as const;

export const exportVerb: Verb = {
  name: 'export',
  summary: 'export annotations (W3C Web Annotation JSON-LD)',
  usage: `export [--format jsonld] [--out FILE] [filters] [--corpus DIR] [--data DIR]\n\n  --format F     ${FORMATS.join(', ')} (default jsonld)\n  --out FILE     write to FILE (default: standard output)\n${FILTER_HELP}\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, ...FILTER_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  run: async (values, _positionals, io) => {
    const format = typeof values.format === 'string' ? values.format : 'jsonld';
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; known: ${FORMATS.join(', ')}.`);
    const filter = filterFrom(values);
    return withLibrary(values, async (library) => {
      const jsonld = await library.exportAnnotations(filter);
      if (typeof values.out !== 'string') { io.out(jsonld); return 0; }
      try { await writeFile(values.out, jsonld); } catch (err) {
        io.err(`Cannot write ${values.out}: ${(err as Error).message}`);
        return 1;
      }
      io.err(`Wrote ${values.out}.`);
      return 0;
    });
  },
};
