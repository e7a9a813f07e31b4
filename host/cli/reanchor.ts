/**
 * `marginalia reanchor`: re-reads the corpus and puts every claim back on its passage, then says
 * what changed since the store last saw each file (a start-up pass of this run included).
 */
import { describeChange } from '../library/reanchor-report.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, withLibrary, type Verb } from './verb.ts';

export const reanchorVerb: Verb = {
  name: 'reanchor',
  summary: 're-read the corpus and re-anchor every claim',
  usage: `reanchor [--json] [--corpus DIR] [--data DIR]\n\n  --json         print JSON: { exact, moved, fuzzy, orphan, changes: [{ claimId, documentId,
                 quote, before: { status, start, end, paragraph }, after: {…} }] }\n${LIBRARY_OPTIONS_HELP}`,
  options: { ...LIBRARY_OPTIONS, json: { type: 'boolean' } },
  run: (values, _positionals, io) => withLibrary(values, async (library) => {
    const s = await library.reanchor();
    if (values.json) io.out(JSON.stringify(s));
    else {
      io.out(`Re-anchored ${s.exact + s.moved + s.fuzzy + s.orphan} claim(s): ${s.exact} exact, ${s.moved} moved, ${s.fuzzy} fuzzy, ${s.orphan} orphan.`);
      const changes = s.changes ?? [];
      io.out(changes.length ? `Changed since the store last saw the files (${changes.length}):` : 'Nothing changed since the store last saw the files.');
      for (const c of changes) io.out(`  ${describeChange(c)}`);
    }
    return 0;
  }),
};
