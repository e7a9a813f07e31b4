/**
 * `marginalia export`: bibliographies (BibTeX, BibLaTeX, RIS, CSL-JSON; APA, Chicago, MLA),
 * annotated notes (Markdown, CSV) and W3C Web Annotations of the selected claims.
 * Files are written atomically (a temporary file, then a rename), so a failed export never leaves
 * a partial file; Pandoc notes get their .bib written beside them.
 */
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { EXPORT_FORMATS, type ClaimSelection, type ExportFormat, type ExportRequest } from '../../core/api.ts';
import { FILTER_HELP, FILTER_OPTIONS, filterFrom } from './filters.ts';
import { LIBRARY_OPTIONS, LIBRARY_OPTIONS_HELP, UsageError, withLibrary, type Values, type Verb } from './verb.ts';

const STYLES_HELP = 'apa, chicago-author-date, mla, or a .csl file';

/** The request the options describe. Throws UsageError for values it does not know. */
export function exportRequestFrom(values: Values): ExportRequest {
  const format = (typeof values.format === 'string' ? values.format : 'jsonld') as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown format "${format}"; known: ${EXPORT_FORMATS.join(', ')}.`);
  const filter = filterFrom(values);
  let selection: ClaimSelection | undefined;
  if (typeof values.query === 'string') {
    if (Object.keys(filter).length) throw new UsageError('--query cannot be combined with the filter options: put them in the query (tag:, kind:, entity:, source:).');
    selection = { query: values.query };
  } else if (Object.keys(filter).length) selection = { filter };
  const group = values.group;
  if (group !== undefined && group !== 'source' && group !== 'entity') throw new UsageError('--group is "source" or "entity".');
  const citations = values.citations;
  if (citations !== undefined && citations !== 'formatted' && citations !== 'pandoc') throw new UsageError('--citations is "formatted" or "pandoc".');
  const output = values.html ? 'html' : 'text';
  const request: ExportRequest = { format, output };
  if (selection) request.selection = selection;
  if (values['all-sources']) request.allSources = true;
  if (group) request.group = group;
  if (citations) request.citations = citations;
  if (typeof values.style === 'string') request.style = values.style;
  if (typeof values.out === 'string') request.filename = basename(values.out);
  return request;
}

/** Why a file could not be written, in words (the temporary file and rename stay out of it). */
function writeProblem(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT': return 'the folder does not exist';
    case 'EISDIR': return 'that is a folder, not a file name';
    case 'EACCES': case 'EPERM': return 'you may not write in that folder';
    case 'EROFS': return 'that disk is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'ENOTDIR': return 'part of the path is a file, not a folder';
    default: return err.message.replace(/,? (?:open|rename) '[^']*'(?: -> '[^']*')?/g, '');
  }
}

export const exportVerb: Verb = {
  name: 'export',
  summary: 'export a bibliography, annotated notes (Markdown, CSV) or annotations (JSON-LD)',
  usage: `export --format F [--query "…"] [--all-sources] [--group source|entity] [--citations formatted|pandoc]
       [--style S] [--html] [--out FILE] [filters] [--corpus DIR] [--data DIR]

  --format F       ${EXPORT_FORMATS.join(', ')} (default jsonld)
                   bibliographies: bibtex biblatex ris csl-json (data), apa chicago mla (formatted)
                   annotated notes: markdown csv; W3C Web Annotations: jsonld
  --query "…"      only the claims this search finds (the Search tab's syntax: words, "phrases",
                   tag: kind: entity: source: note:, -word)
  --all-sources    bibliographies: every source of the library, not only those the claims cite
  --group G        markdown: a section per source (default) or per entity
  --citations C    markdown: formatted (default) or pandoc ([@key, para. 3], .bib written beside)
  --style S        CSL style of formatted citations: ${STYLES_HELP} (default apa);
                   with apa/chicago/mla only a .csl file, which then formats the bibliography
  --html           apa/chicago/mla: HTML instead of plain text
  --out FILE       write to FILE (default: standard output); written whole or not at all
${FILTER_HELP}
${LIBRARY_OPTIONS_HELP}`,
  options: {
    ...LIBRARY_OPTIONS, ...FILTER_OPTIONS,
    format: { type: 'string' }, out: { type: 'string' }, query: { type: 'string' }, 'all-sources': { type: 'boolean' },
    group: { type: 'string' }, citations: { type: 'string' }, style: { type: 'string' }, html: { type: 'boolean' },
  },
  run: async (values, _positionals, io) => {
    const request = exportRequestFrom(values);
    return withLibrary(values, async (library) => {
      const result = await library.exportCitations(request);
      for (const w of result.warnings) io.err(`warning: ${w}`);
      if (result.claims === 0 && result.sources === 0) io.err(`warning: nothing to export: ${request.selection ? 'no claim matches' : 'the library has no claims yet'}${request.format === 'jsonld' || request.allSources ? '' : ' (--all-sources: every source)'}.`);
      if (typeof values.out !== 'string') {
        io.out(result.text.replace(/\n$/, ''));
        if (result.companion) io.err(`warning: the notes cite ${result.companion.filename}, which only --out FILE writes (beside FILE); pandoc --citeproc needs it.`);
        return 0;
      }
      const files = [{ path: values.out, text: result.text }];
      if (result.companion) files.push({ path: join(dirname(values.out), result.companion.filename), text: result.companion.text });
      for (const f of files) {
        try { await writeFileAtomic(f.path, f.text); } catch (err) {
          io.err(`Cannot write ${f.path}: ${writeProblem(err as NodeJS.ErrnoException)}. Nothing was written there.`);
          return 1;
        }
      }
      io.err(`Wrote ${files.map((f) => f.path).join(' and ')} (${result.claims} claims, ${result.sources} sources).`);
      return 0;
    });
  },
};
