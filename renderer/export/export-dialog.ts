/**
 * The Export dialog (issue 6, item 7): one place for every way citations leave the app. The user
 * picks what (a bibliography, annotated notes, or W3C annotations), the format and its options,
 * sees a preview of the file as the host will write it, then copies it or saves it.
 *
 * What it covers comes from where it was opened: the claims a view lists (All claims with its
 * filters, a search's results) or the whole library. The host does the work (citeproc runs in its
 * worker thread); the dialog only asks for the finished text, and asks again when an option
 * changes (the latest answer wins, so a slow style never overwrites a newer choice).
 */
import type { ClaimSelection, ExportFormat, ExportRequest, ExportResult, ReaderBridge } from '../../core/api.ts';
import { h } from '../annotations/dom.ts';
import { errorMessage } from '../annotations/format.ts';
import { preferredStyle, rememberStyle } from './copy-citation.ts';

/** What the dialog exports, and how the dialog names it ("the 12 claims listed"). */
export interface ExportScope { selection?: ClaimSelection; label: string }

type What = 'bibliography' | 'notes' | 'annotations';

const BIBLIOGRAPHY_FORMATS: ReadonlyArray<[ExportFormat, string]> = [
  ['apa', 'APA 7 (formatted)'], ['chicago', 'Chicago author-date (formatted)'], ['mla', 'MLA 9 (formatted)'],
  ['bibtex', 'BibTeX (.bib)'], ['biblatex', 'BibLaTeX (.bib)'], ['ris', 'RIS (.ris)'], ['csl-json', 'CSL-JSON (.json)'],
];
const NOTES_FORMATS: ReadonlyArray<[ExportFormat, string]> = [['markdown', 'Markdown (.md)'], ['csv', 'CSV for spreadsheets (.csv)']];
const STYLES: ReadonlyArray<[string, string]> = [['apa', 'APA 7'], ['chicago-author-date', 'Chicago author-date'], ['mla', 'MLA 9']];
/** The preview shows the start of the file; the whole file is copied or saved. */
const PREVIEW_CHARS = 6000;

function select(id: string, label: string, options: ReadonlyArray<[string, string]>): { field: HTMLElement; input: HTMLSelectElement } {
  const input = h('select', { id, class: 'export-select' }, ...options.map(([v, l]) => h('option', { value: v }, l)));
  return { input, field: h('label', { class: 'export-field', for: id }, h('span', {}, label), input) };
}

/** Opens the dialog; resolves when it closes. `toast` reports copies and saves. */
export function openExportDialog(reader: ReaderBridge, scope: ExportScope, toast: (message: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const whatInputs = (['bibliography', 'notes', 'annotations'] as const).map((w) => h('input', { type: 'radio', name: 'export-what', value: w, id: `export-what-${w}`, checked: w === 'bibliography' }));
    const whatLabels: Record<What, string> = { bibliography: 'Bibliography', notes: 'Annotated notes', annotations: 'Annotations (W3C JSON-LD)' };
    const what = h('fieldset', { class: 'export-what' }, h('legend', {}, 'Export'),
      ...whatInputs.map((i) => h('label', { for: i.id, class: 'export-radio' }, i, whatLabels[i.value as What])));
    const bibFormat = select('export-bib-format', 'Format', BIBLIOGRAPHY_FORMATS);
    const notesFormat = select('export-notes-format', 'Format', NOTES_FORMATS);
    const scopeSel = select('export-sources', 'Sources', [['cited', 'Those these claims cite'], ['all', 'Every source in the library']]);
    const group = select('export-group', 'Group by', [['source', 'Source'], ['entity', 'Entity']]);
    const citations = select('export-citations', 'Citations', [['formatted', 'Formatted in the style'], ['pandoc', 'Pandoc [@key, para. 3] + .bib']]);
    const style = select('export-style', 'Citation style', STYLES);
    const preview = h('pre', { class: 'export-preview', tabindex: 0, 'aria-label': 'Preview of the export' });
    const summary = h('p', { class: 'export-summary', role: 'status', 'aria-live': 'polite' });
    const warnings = h('ul', { class: 'export-warnings', 'aria-label': 'Warnings' });
    const copy = h('button', { type: 'button', class: 'kinds-button' }, 'Copy');
    const save = h('button', { type: 'button', class: 'kinds-button primary' }, 'Save…');
    const close = h('button', { type: 'button', class: 'kinds-button' }, 'Close');
    const options = h('div', { class: 'export-options' }, bibFormat.field, scopeSel.field, notesFormat.field, group.field, citations.field, style.field);
    const dialog = h('dialog', { class: 'export-dialog', 'aria-labelledby': 'export-title' },
      h('h2', { id: 'export-title' }, 'Export'),
      h('p', { class: 'export-scope' }, `Covers ${scope.label}.`),
      what, options, summary, warnings, preview,
      h('div', { class: 'kinds-buttons' }, close, copy, save));

    const current = (): What => (whatInputs.find((i) => i.checked)?.value as What) ?? 'bibliography';
    const request = (): ExportRequest => {
      const w = current();
      const format: ExportFormat = w === 'bibliography' ? bibFormat.input.value as ExportFormat : w === 'notes' ? notesFormat.input.value as ExportFormat : 'jsonld';
      const r: ExportRequest = { format, style: style.input.value };
      if (scope.selection) r.selection = scope.selection;
      if (w === 'bibliography' && scopeSel.input.value === 'all') r.allSources = true;
      if (format === 'markdown') { r.group = group.input.value as 'source' | 'entity'; r.citations = citations.input.value as 'formatted' | 'pandoc'; }
      return r;
    };
    const showFields = (): void => {
      const w = current();
      const r = request();
      bibFormat.field.hidden = w !== 'bibliography';
      scopeSel.field.hidden = w !== 'bibliography';
      notesFormat.field.hidden = w !== 'notes';
      group.field.hidden = r.format !== 'markdown';
      citations.field.hidden = r.format !== 'markdown';
      style.field.hidden = !(r.format === 'csv' || (r.format === 'markdown' && r.citations !== 'pandoc'));
    };

    let latest: ExportResult | null = null;
    let asked = 0;
    const refresh = async (): Promise<void> => {
      showFields();
      const mine = ++asked;
      latest = null;
      copy.disabled = true;
      save.disabled = true;
      summary.textContent = 'Preparing the preview…';
      try {
        const result = await reader.exportCitations(request());
        if (mine !== asked) return;
        latest = result;
        const more = result.text.length > PREVIEW_CHARS ? `\n… (${result.text.length - PREVIEW_CHARS} more characters in the file)` : '';
        preview.textContent = result.text.replace(/^\uFEFF/, '').slice(0, PREVIEW_CHARS) + more;
        summary.textContent = `${result.claims} claim${result.claims === 1 ? '' : 's'}, ${result.sources} source${result.sources === 1 ? '' : 's'} → ${result.filename}${result.companion ? ` and ${result.companion.filename}` : ''}.`;
        warnings.replaceChildren(...result.warnings.map((w) => h('li', {}, w)));
        const empty = result.claims === 0 && result.sources === 0;
        if (empty) {
          summary.textContent = scope.selection ? 'Nothing to export: no claim is listed here.' : 'Nothing to export yet: mark passages in the reader first.';
          preview.textContent = '';
        }
        copy.disabled = empty;
        save.disabled = empty;
      } catch (err) {
        if (mine !== asked) return;
        summary.textContent = `Could not export: ${errorMessage(err)}`;
        preview.textContent = '';
        warnings.replaceChildren();
      }
    };

    const download = (name: string, text: string, mime: string): void => {
      const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
      const a = h('a', { href: url, download: name, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    };
    save.addEventListener('click', () => {
      if (!latest) return;
      download(latest.filename, latest.text, latest.mime);
      if (latest.companion) download(latest.companion.filename, latest.companion.text, latest.companion.mime);
      toast(`Saved ${latest.filename}${latest.companion ? ` and ${latest.companion.filename}` : ''}.`);
    });
    copy.addEventListener('click', async () => {
      const r = request();
      try {
        if (r.format === 'apa' || r.format === 'chicago' || r.format === 'mla') {
          // Formatted bibliographies go on the clipboard as HTML (italics kept) and as plain text.
          const html = await reader.exportCitations({ ...r, output: 'html' });
          const text = latest?.text ?? (await reader.exportCitations(r)).text;
          await navigator.clipboard.write([new ClipboardItem({
            'text/html': new Blob([html.text], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }),
          })]);
        } else if (latest) {
          await navigator.clipboard.writeText(latest.text.replace(/^\uFEFF/, ''));
        }
        toast('Copied to the clipboard.');
      } catch (err) {
        toast(`Could not copy: ${errorMessage(err)}`);
      }
    });

    // Claims or sources changed meanwhile (this window, another one, undo): the preview and what
    // Save writes follow, as every other view does.
    const offAnnotations = reader.on('onDidChangeAnnotations', () => { void refresh(); });
    const offLibrary = reader.on('onDidChangeLibrary', () => { void refresh(); });
    const done = (): void => { offAnnotations(); offLibrary(); dialog.close(); dialog.remove(); resolve(); };
    close.addEventListener('click', done);
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(); });
    style.input.value = preferredStyle();
    if (!style.input.value) style.input.value = 'apa';
    style.input.addEventListener('change', () => rememberStyle(style.input.value));
    dialog.addEventListener('change', () => { void refresh(); });
    document.body.append(dialog);
    dialog.showModal();
    whatInputs[0]!.focus();
    void refresh();
  });
}
