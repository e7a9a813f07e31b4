/**
 * Export and import of annotations as W3C Web Annotation JSON-LD, from the library-wide view:
 * "Export annotations" downloads the claims the current filters show as `annotations.jsonld`;
 * "Import annotations…" reads a file and reports what came in and how it anchored.
 */
import type { ClaimFilter, ReaderBridge } from '../../../core/api.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';

/** The file name of an export: the W3C format's registered extension. */
export const EXPORT_FILE_NAME = 'annotations.jsonld';

/** Creates the two controls and the place their results are reported. */
export function createInterchangeControls(deps: { reader: ReaderBridge; filter(): ClaimFilter; toast(message: string): void }): HTMLElement {
  const report = h('div', { class: 'interchange-report', role: 'status', 'aria-live': 'polite' });
  const exportButton = h('button', { type: 'button', class: 'entities-button' }, 'Export annotations (W3C JSON-LD)');
  const file = h('input', { type: 'file', accept: '.jsonld,.json,application/ld+json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-hidden': 'true' });
  const importButton = h('button', { type: 'button', class: 'entities-button' }, 'Import annotations…');

  exportButton.addEventListener('click', async () => {
    exportButton.disabled = true;
    try {
      const jsonld = await deps.reader.exportAnnotations(deps.filter());
      const url = URL.createObjectURL(new Blob([jsonld], { type: 'application/ld+json' }));
      const a = h('a', { href: url, download: EXPORT_FILE_NAME, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const n = countItems(jsonld);
      report.replaceChildren(h('p', {}, `Exported ${n === null ? 'the claims shown' : `${n} annotation${n === 1 ? '' : 's'}`} to ${EXPORT_FILE_NAME}.`));
    } catch (err) {
      deps.toast(`Could not export: ${errorMessage(err)}`);
    } finally {
      exportButton.disabled = false;
    }
  });

  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    importButton.disabled = true;
    report.replaceChildren(h('p', {}, `Importing ${f.name}…`));
    try {
      const r = await deps.reader.importAnnotations(await f.text());
      const s = r.summary;
      report.replaceChildren(
        h('p', { class: 'interchange-summary' }, `Imported ${r.imported} annotation${r.imported === 1 ? '' : 's'} from ${f.name}: `
          + `${s.exact} exact, ${s.moved} moved, ${s.fuzzy} fuzzy, ${s.orphan} orphan${s.orphan === 1 ? '' : 's'}.`),
        ...(r.problems.length ? [h('ul', { class: 'interchange-problems', 'aria-label': 'Problems' }, ...r.problems.map((p) => h('li', {}, p)))] : []));
    } catch (err) {
      report.replaceChildren(h('p', { class: 'interchange-error' }, `Could not import ${f.name}: ${errorMessage(err)}`));
    } finally {
      importButton.disabled = false;
    }
  });

  return h('div', { class: 'interchange' }, h('div', { class: 'interchange-buttons' }, exportButton, importButton, file), report);
}

/** How many annotations an exported collection holds, or null when it does not say. */
function countItems(jsonld: string): number | null {
  try {
    const doc = JSON.parse(jsonld) as { total?: unknown; first?: { items?: unknown[] }; items?: unknown[] };
    if (typeof doc.total === 'number') return doc.total;
    const items = doc.first?.items ?? doc.items;
    return Array.isArray(items) ? items.length : null;
  } catch {
    return null;
  }
}
