/**
 * The item pane of one source (issue 6, item 1; Zotero's item pane is the model): the CSL fields
 * a citation needs, each saved on its own when it changes (blur, Enter, a select's change) as one
 * undoable `updateSource` call. A value that is not valid is checked here first and by the host
 * again; either way its message shows under the field, the typed value stays, nothing is saved.
 *
 * sources.json's note is provenance and is shown read-only ("From sources.json"); the Note field
 * is the user's own. A source without a title shows its fallback title, marked untitled.
 */
import type { CslDate, CslName, DocumentSummary, ReaderBridge, SourceField, SourcePatch } from '../../core/api.ts';
import type { SourceFieldDef } from '../../core/cite/source-fields.ts';
import { CSL_TYPES, SOURCE_FIELDS, checkSourcePatch, fieldLabel, formatDateText, parseDateText } from '../../core/cite/source-patch.ts';
import { append, errorMessage, h } from '../ui/dom.ts';
import { createNamesEditor, type NamesEditor } from './names-editor.ts';
import { describeUntitled } from './untitled.ts';

/** What the pane needs from the app. */
export interface SourcePaneOptions {
  reader: Pick<ReaderBridge, 'updateSource'>;
  /** The library's documents as last heard. */
  documents(): readonly DocumentSummary[];
}

/** The pane as the wiring sees it. */
export interface SourcePane {
  readonly element: HTMLElement;
  /** Shows the source of document `id` (null: none). */
  show(id: string | null): void;
  /** The document whose source is shown. */
  shown(): string | null;
  /** Re-reads the shown source from `documents()` (after a library change); fields in use keep what is typed. */
  refresh(): void;
  /** Focuses the first field. */
  focusFirst(): void;
}

/** Fields edited in a box that takes several lines. */
const MULTILINE: ReadonlySet<string> = new Set(['title', 'note']);
const fieldOf = (def: SourceFieldDef): SourceField => def.field as SourceField;

/** What the container field is called for a type (Zotero names it per type). */
function containerLabel(type: string): string {
  const byType: Record<string, string> = {
    'article-journal': 'Journal', 'article-magazine': 'Magazine', 'article-newspaper': 'Newspaper', webpage: 'Website',
    'post-weblog': 'Blog', chapter: 'Book title', 'entry-encyclopedia': 'Encyclopedia', 'entry-dictionary': 'Dictionary',
    'paper-conference': 'Proceedings',
  };
  return byType[type] ?? 'Published in';
}

const DATE_WORDS = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MONTH_WORDS = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/** "14 July 2016", "July 2016", "2016" or "n.d." for what a date field holds. */
function dateWords(date: CslDate | null): string {
  const [y, m, d] = date?.['date-parts'][0] ?? [];
  if (y === undefined) return 'n.d. (no date)';
  if (m === undefined) return String(y);
  const at = new Date(Date.UTC(y, m - 1, d ?? 1));
  at.setUTCFullYear(y);
  return d === undefined ? MONTH_WORDS.format(at) : DATE_WORDS.format(at);
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** Builds the pane. */
export function createSourcePane(opts: SourcePaneOptions): SourcePane {
  let id: string | null = null;
  const heading = h('div', { className: 'source-heading' });
  const status = h('p', { className: 'source-status', role: 'status', 'aria-live': 'polite' });
  const provenance = h('details', { className: 'source-provenance' });
  const form = h('form', { className: 'source-form', 'aria-label': 'Source metadata', novalidate: true });
  const empty = h('p', { className: 'panel-empty' }, 'Open a document to see its source.');
  const element = h('div', { className: 'source-pane' }, empty, heading, form, provenance, status);
  const controls = new Map<SourceField, Control>();
  const errors = new Map<SourceField, HTMLElement>();
  const labels = new Map<SourceField, HTMLElement>();
  const reverts = new Map<SourceField, HTMLButtonElement>();
  /** Fields whose control takes the stored value at the next render even while focused (after a revert). */
  const refill = new Set<SourceField>();
  const hints = new Map<SourceField, HTMLElement>();
  let names: NamesEditor;

  const summary = (): DocumentSummary | undefined => (id ? opts.documents().find((d) => d.id === id) : undefined);
  const current = (field: SourceField): unknown => summary()?.csl?.[field];

  const showError = (field: SourceField, message: string): void => {
    errors.get(field)!.textContent = message;
    const target = field === 'author' ? names.element : controls.get(field)!;
    target.setAttribute('aria-invalid', String(message !== ''));
  };

  /** Sends one field; resolves true when saved (or nothing to save). */
  const save = async (field: SourceField, value: SourcePatch[SourceField]): Promise<boolean> => {
    const target = id;
    if (!target) return false;
    const patch = { [field]: value } as SourcePatch;
    const checked = checkSourcePatch(patch);
    if (checked.problems.length) { showError(field, checked.problems[0]!.message); status.textContent = `${fieldLabel(field)} not saved.`; return false; }
    if (JSON.stringify(checked.patch[field] ?? null) === JSON.stringify(current(field) ?? null)) { showError(field, ''); return true; }
    try {
      await opts.reader.updateSource(target, patch);
      if (id === target) { showError(field, ''); status.textContent = `${fieldLabel(field)} saved.`; }
      return true;
    } catch (err) {
      if (id === target) { showError(field, errorMessage(err)); status.textContent = `${fieldLabel(field)} not saved.`; }
      return false;
    }
  };

  /** Drops the user's edit of a field: sources.json's value (or none) shows again. */
  const revertField = async (def: SourceFieldDef): Promise<void> => {
    const field = fieldOf(def);
    const target = id;
    if (!target) return;
    const control = field === 'author' ? names.element.querySelector<HTMLElement>('input, button') : controls.get(field);
    control?.focus(); // the button is about to go
    showError(field, '');
    refill.add(field);
    try {
      await opts.reader.updateSource(target, { revert: [field] });
      if (id === target) { status.textContent = `${def.label}: the value from sources.json is back.`; render(false); }
    } catch (err) {
      refill.delete(field);
      if (id === target) status.textContent = `${def.label} not restored: ${errorMessage(err)}`;
    }
  };

  /** The value a control holds, as a patch value; a date that does not parse is a problem shown at once. */
  const valueOf = (def: SourceFieldDef, el: Control): SourcePatch[SourceField] | undefined => {
    if (def.kind === 'date') {
      const parsed = parseDateText(el.value, fieldOf(def));
      if (parsed && 'message' in parsed) { showError(fieldOf(def), parsed.message); status.textContent = `${def.label} not saved.`; return undefined; }
      return parsed;
    }
    return el.value;
  };

  const commit = (def: SourceFieldDef): void => {
    const el = controls.get(fieldOf(def))!;
    const value = valueOf(def, el);
    if (value !== undefined) void save(fieldOf(def), value);
  };

  /** Puts the stored value of a field into its control (not while the user is in it, nor over a refused value). */
  const fill = (def: SourceFieldDef, force = false): void => {
    const s = summary();
    const v = s?.csl?.[def.field];
    if (def.kind === 'names') { names.set(Array.isArray(v) ? v as CslName[] : []); return; }
    const el = controls.get(fieldOf(def))!;
    const invalid = el.getAttribute('aria-invalid') === 'true';
    if (!force && (document.activeElement === el || invalid)) return;
    if (def.kind === 'type') {
      const type = typeof v === 'string' ? v : 'document';
      const select = el as HTMLSelectElement;
      if (![...select.options].some((o) => o.value === type)) select.append(h('option', { value: type }, type));
      select.value = type;
    } else if (def.kind === 'date') {
      el.value = formatDateText(v);
    } else {
      el.value = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    }
  };

  const hint = (def: SourceFieldDef): void => {
    const el = hints.get(fieldOf(def));
    if (!el) return;
    const parsed = parseDateText(controls.get(fieldOf(def))!.value, fieldOf(def));
    el.textContent = parsed && 'message' in parsed ? '' : parsed ? dateWords(parsed) : def.field === 'issued' ? 'n.d. (no date)' : '';
  };

  for (const def of SOURCE_FIELDS) {
    const field = fieldOf(def);
    const controlId = `source-field-${field}`;
    const errorId = `${controlId}-error`;
    const label = h('label', { className: 'source-label', for: controlId, id: `${controlId}-label` }, def.label);
    const revert = h('button', {
      type: 'button', className: 'source-revert', hidden: true, 'aria-label': `Restore ${def.label} from sources.json`,
      title: 'You changed this field: restore the value from sources.json (or none)',
    }, '↺');
    revert.addEventListener('click', () => void revertField(def));
    reverts.set(field, revert);
    const error = h('p', { className: 'field-error', id: errorId, role: 'alert' });
    errors.set(field, error);
    labels.set(field, label);
    let control: HTMLElement;
    if (def.kind === 'names') {
      label.removeAttribute('for');
      names = createNamesEditor({ labelId: label.id, describedBy: errorId, save: (list) => save('author', list) });
      control = names.element;
    } else {
      let el: Control;
      const common = { id: controlId, 'aria-describedby': errorId, spellcheck: MULTILINE.has(field) ? 'true' : 'false', autocomplete: 'off', title: def.hint };
      if (def.kind === 'type') {
        el = h('select', { ...common, className: 'text-field' }, ...Object.entries(CSL_TYPES).map(([type, name]) => h('option', { value: type }, name)));
        el.addEventListener('change', () => commit(def));
      } else {
        const placeholder = def.kind === 'date' ? 'YYYY-MM-DD' : def.kind === 'url' ? 'https://…' : def.kind === 'doi' ? '10.xxxx/…' : def.kind === 'language' ? 'en' : undefined;
        el = MULTILINE.has(field)
          ? h('textarea', { ...common, className: 'text-field', rows: field === 'note' ? 4 : 2, placeholder: field === 'title' ? 'No title yet: the file name is shown' : 'Your own note' })
          : h('input', { ...common, type: 'text', className: 'text-field', placeholder, inputmode: def.kind === 'url' ? 'url' : undefined });
        el.addEventListener('change', () => commit(def));
        el.addEventListener('input', () => { if (el.getAttribute('aria-invalid') === 'true') showError(field, ''); if (def.kind === 'date') hint(def); });
        el.addEventListener('keydown', (e) => {
          const ke = e as KeyboardEvent;
          if (ke.key === 'Escape') { ke.preventDefault(); showError(field, ''); fill(def, true); hint(def); status.textContent = ''; }
          // Enter commits a one-line field (the title wraps but is one line); Ctrl/⌘+Enter the note
          else if (ke.key === 'Enter' && (field !== 'note' || ke.ctrlKey || ke.metaKey)) { ke.preventDefault(); commit(def); }
        });
      }
      controls.set(field, el);
      control = el;
    }
    const hintEl = def.kind === 'date' ? h('span', { className: 'source-hint', 'aria-hidden': 'true' }) : null;
    if (hintEl) hints.set(field, hintEl);
    form.append(h('div', { className: `source-row source-${def.kind}`, 'data-field': field },
      h('div', { className: 'source-label-cell' }, label, revert), h('div', { className: 'source-control' }, control, hintEl, error)));
  }
  form.addEventListener('submit', (e) => e.preventDefault());

  const render = (force: boolean): void => {
    const s = summary();
    empty.hidden = !!s;
    heading.hidden = form.hidden = status.hidden = !s;
    provenance.hidden = !s?.sourcesNote;
    if (!s) return;
    const untitled = describeUntitled(s);
    heading.replaceChildren(h('p', { className: `source-doc-title${untitled ? ' untitled' : ''}` }, s.title || s.path));
    append(heading, untitled ? h('p', { className: 'untitled-mark' }, untitled) : null, h('p', { className: 'source-doc-path' }, s.path));
    const type = typeof s.csl?.type === 'string' ? s.csl.type : 'document';
    labels.get('container-title')!.textContent = containerLabel(type);
    const edited = new Set(s.editedFields ?? []);
    for (const def of SOURCE_FIELDS) {
      const label = labels.get(fieldOf(def))!;
      const field = fieldOf(def);
      label.classList.toggle('edited', edited.has(field));
      label.title = edited.has(field) ? 'You changed this field; sources.json is not changed.' : '';
      // the user's note is cleared like any field; the others can go back to sources.json's value
      reverts.get(field)!.hidden = !edited.has(field) || field === 'note';
      if (force) showError(field, '');
      const again = refill.has(field) && !edited.has(field);
      if (again) refill.delete(field);
      if (field === 'author' && again) names.reset();
      fill(def, force || again);
      hint(def);
    }
    if (s.sourcesNote) {
      provenance.replaceChildren(h('summary', {}, 'From sources.json (read-only)'), h('p', {}, s.sourcesNote));
    }
  };

  return {
    element,
    show(next) {
      const changed = next !== id;
      id = next;
      if (changed) status.textContent = '';
      render(changed);
    },
    shown: () => id,
    refresh() { render(false); },
    focusFirst() { (controls.get('title') ?? controls.get('type'))?.focus(); },
  };
}
