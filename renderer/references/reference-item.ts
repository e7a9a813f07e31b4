/**
 * One reference in the References view: a summary line (note number, first author, year, title,
 * badges) that opens to the raw text as found in the source beside the parsed CSL fields. Each
 * field is corrected in place and saved on its own when it changes (blur, Enter, a select's
 * change) as one undoable `updateReference` call; fields the parser is unsure of are marked, and
 * the confidence is given in words and numbers. "Add to library as a source" promotes it.
 */
import type { CslDate, CslName, DocumentReference, SourceField, SourcePatch } from '../../core/api.ts';
import { checkSourcePatch, formatDateText, formatNamesText, parseDateText, parseNamesText } from '../../core/cite/source-patch.ts';
import { LOW_CONFIDENCE } from '../../core/references/types.ts';
import { h } from '../ui/dom.ts';

/** The fields shown for a reference, in order, with how each is edited. */
const FIELDS: ReadonlyArray<{ field: SourceField; label: string; kind: 'type' | 'names' | 'date' | 'text' }> = [
  { field: 'type', label: 'Type', kind: 'type' },
  { field: 'author', label: 'Authors', kind: 'names' },
  { field: 'title', label: 'Title', kind: 'text' },
  { field: 'container-title', label: 'Container', kind: 'text' },
  { field: 'publisher', label: 'Publisher', kind: 'text' },
  { field: 'publisher-place', label: 'Place', kind: 'text' },
  { field: 'issued', label: 'Date', kind: 'date' },
  { field: 'volume', label: 'Volume', kind: 'text' },
  { field: 'issue', label: 'Issue', kind: 'text' },
  { field: 'page', label: 'Pages', kind: 'text' },
  { field: 'URL', label: 'URL', kind: 'text' },
  { field: 'DOI', label: 'DOI', kind: 'text' },
  { field: 'accessed', label: 'Accessed', kind: 'date' },
  { field: 'language', label: 'Language', kind: 'text' },
];

/** The CSL types a reference is most often, with their labels (the select also keeps any other type it has). */
const TYPES: ReadonlyArray<[string, string]> = [
  ['article-journal', 'Journal article'], ['book', 'Book'], ['chapter', 'Book chapter'], ['report', 'Report'],
  ['webpage', 'Web page'], ['article-newspaper', 'Newspaper article'], ['article-magazine', 'Magazine article'],
  ['paper-conference', 'Conference paper'], ['thesis', 'Thesis'], ['legislation', 'Legislation'], ['treaty', 'Treaty'],
  ['dataset', 'Dataset'], ['document', 'Document'],
];

/** What an item needs from the view. */
export interface ReferenceItemOptions {
  /** Save a correction; resolves when saved, rejects with a message a person can read. */
  correct(id: string, patch: SourcePatch): Promise<void>;
  promote(id: string): Promise<void>;
  /** Title of the library source a reference links to (document or metadata-only), for the link line. */
  sourceTitle(sourceId: string): { title: string; openable: boolean } | null;
  openSource(sourceId: string): void;
}

/** The year of a CSL date, or null. */
export function yearOf(date: unknown): number | null {
  const y = (date as CslDate | undefined)?.['date-parts']?.[0]?.[0];
  return typeof y === 'number' ? y : null;
}

/** "Yapici", "张振国", "Press Trust of India" (+ "et al." for more). */
export function authorWords(names: unknown): string {
  const list = Array.isArray(names) ? (names as CslName[]) : [];
  const first = list[0];
  if (!first) return '';
  const name = first.literal ?? (/\p{Script=Han}/u.test(first.family ?? '') ? `${first.family ?? ''}${first.given ?? ''}` : first.family ?? '');
  return list.length > 2 ? `${name} et al.` : list.length === 2 ? `${name} & ${list[1]!.literal ?? list[1]!.family ?? ''}` : name;
}

/** A field's value as the text box shows it. */
function fieldText(kind: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'names') return formatNamesText(value as CslName[]);
  if (kind === 'date') return formatDateText(value);
  return String(value);
}

/** Whether the parser is unsure of a field the reference has. */
export function unsure(ref: DocumentReference, field: string): boolean {
  const c = ref.confidence[field];
  return c !== undefined && c < LOW_CONFIDENCE;
}

/** Builds the item; `open` keeps it expanded across re-renders. */
export function renderReferenceItem(ref: DocumentReference, open: boolean, opts: ReferenceItemOptions): HTMLDetailsElement {
  const csl = ref.csl;
  const year = yearOf(csl.issued);
  const toCheck = FIELDS.filter((f) => unsure(ref, f.field)).length;
  const link = ref.sourceId ? opts.sourceTitle(ref.sourceId) : null;
  const summary = h('summary', { className: 'ref-summary' },
    h('span', { className: 'ref-label', title: ref.origin === 'footnote' ? `Footnote ${ref.label}` : `Reference list entry ${ref.label}` }, ref.label),
    h('span', { className: 'ref-line' },
      h('span', { className: 'ref-author' }, authorWords(csl.author) || 'No author'),
      ' ', h('span', { className: 'ref-year' }, year !== null ? `(${year})` : '(n.d.)'),
      ' ', h('span', { className: 'ref-title' }, typeof csl.title === 'string' && csl.title ? csl.title : ref.raw)),
    h('span', { className: 'ref-badges' },
      toCheck > 0 && h('span', { className: 'ref-badge ref-badge-check', title: `${toCheck} field(s) the parser is unsure of` }, `check ${toCheck}`),
      ref.textChanged && h('span', { className: 'ref-badge ref-badge-changed', title: 'The note’s text changed since you corrected it: check your corrections' }, 'note changed'),
      ref.sourceId && h('span', { className: 'ref-badge ref-badge-linked', title: link ? `In the library: ${link.title}` : 'In the library' }, 'in library')));

  const message = h('p', { className: 'ref-message', role: 'status', 'aria-live': 'polite' });
  const rows = FIELDS.map(({ field, label, kind }) => {
    const value = csl[field];
    const inputId = `ref-${ref.id}-${field}`.replace(/[^\w-]/g, '_');
    const conf = ref.confidence[field];
    const isUnsure = unsure(ref, field);
    const corrected = ref.correctedFields.includes(field);
    let control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (kind === 'type') {
      const select = h('select', { id: inputId, className: 'ref-input', 'data-field': field });
      const types = TYPES.some(([t]) => t === csl.type) ? TYPES : [...TYPES, [csl.type, csl.type] as [string, string]];
      for (const [t, label] of types) select.append(h('option', { value: t, selected: t === csl.type }, label));
      control = select;
    } else if (field === 'title' || field === 'container-title') {
      // Titles are long: a box of a few lines shows them whole.
      const area = h('textarea', { id: inputId, className: 'ref-input', rows: field === 'title' ? 3 : 2, 'data-field': field, spellcheck: 'true' });
      area.value = fieldText(kind, value);
      area.defaultValue = area.value;
      control = area;
    } else {
      control = h('input', {
        id: inputId, className: 'ref-input', type: 'text', 'data-field': field, value: fieldText(kind, value),
        placeholder: kind === 'names' ? 'Family, Given; Organisation' : kind === 'date' ? 'YYYY-MM-DD' : '',
        spellcheck: 'false',
      });
    }
    if (isUnsure) control.setAttribute('aria-description', `The parser is unsure of this field (confidence ${conf!.toFixed(2)}).`);
    let saved: unknown = value; // what this field last sent (Enter and the change event both ask)
    const save = (): void => {
      const text = control.value;
      let patchValue: unknown;
      if (kind === 'names') {
        try {
          patchValue = text.trim() ? parseNamesText(text) : null;
        } catch (e) {
          message.textContent = (e as Error).message;
          control.setAttribute('aria-invalid', 'true');
          return;
        }
      } else if (kind === 'date') {
        const d = parseDateText(text, field);
        if (d && 'message' in d) { message.textContent = d.message; control.setAttribute('aria-invalid', 'true'); return; }
        patchValue = d;
      } else patchValue = text.trim() === '' ? null : text;
      if (fieldText(kind, saved) === fieldText(kind, patchValue)) return;
      saved = patchValue;
      const patch = { [field]: patchValue } as SourcePatch;
      const checked = checkSourcePatch(patch);
      if (checked.problems.length) { message.textContent = checked.problems.map((p) => p.message).join(' '); control.setAttribute('aria-invalid', 'true'); return; }
      control.removeAttribute('aria-invalid');
      message.textContent = 'Saving…';
      // The typed value is now the one to show: the view may re-render over this field again.
      if (!(control instanceof HTMLSelectElement)) control.defaultValue = control.value;
      opts.correct(ref.id, patch).then(() => { message.textContent = ''; }, (err: unknown) => { message.textContent = err instanceof Error ? err.message : String(err); });
    };
    control.addEventListener('change', save);
    // Enter saves (a title has no line breaks: Enter in its box saves too).
    control.addEventListener('keydown', (e) => { if ((e as KeyboardEvent).key === 'Enter' && !(control instanceof HTMLSelectElement)) { e.preventDefault(); save(); } });
    const state = corrected ? h('span', { className: 'ref-state ref-corrected', title: 'You corrected this field' }, 'corrected')
      : isUnsure ? h('span', { className: 'ref-state ref-unsure', title: `The parser is unsure of this field (confidence ${conf!.toFixed(2)})` }, `unsure ${conf!.toFixed(2)}`)
        : null;
    return h('div', { className: `ref-row${isUnsure ? ' is-unsure' : ''}${corrected ? ' is-corrected' : ''}`, 'data-field': field },
      h('div', { className: 'ref-label-cell' }, h('label', { for: inputId }, label), state), control);
  });

  const linkLine = ref.sourceId
    ? h('p', { className: 'ref-link' }, ref.sourceMatch === 'promoted' ? 'Added to the library as a source: ' : 'Names a source of the library: ',
      link?.openable
        ? h('button', { type: 'button', className: 'link-button', onclick: () => opts.openSource(ref.sourceId!) }, link.title)
        : h('span', {}, link?.title ?? ref.sourceId),
      ref.sourceMatch && ref.sourceMatch !== 'promoted' ? ` (same ${ref.sourceMatch === 'title' ? 'title and year' : ref.sourceMatch.toUpperCase()})` : '')
    : h('p', { className: 'ref-link' }, h('button', {
      type: 'button', className: 'ref-promote',
      onclick: (e: Event) => {
        const b = e.currentTarget as HTMLButtonElement;
        b.disabled = true;
        message.textContent = 'Adding…';
        opts.promote(ref.id).then(() => { message.textContent = ''; }, (err: unknown) => { b.disabled = false; message.textContent = err instanceof Error ? err.message : String(err); });
      },
    }, 'Add to library as a source'));

  const body = h('div', { className: 'ref-body' },
    h('figure', { className: 'ref-raw' },
      h('figcaption', {}, ref.origin === 'footnote' ? `Footnote ${ref.label}, as written` : `Entry ${ref.label}, as written`),
      h('blockquote', { lang: typeof csl.language === 'string' ? csl.language : '' }, ref.raw || '(empty note)')),
    h('form', { className: 'ref-fields', 'aria-label': `Parsed fields of reference ${ref.label}`, onsubmit: (e: Event) => e.preventDefault() }, ...rows),
    linkLine, message);
  const details = h('details', { className: 'ref-item', 'data-id': ref.id, open }, summary, body);
  return details;
}
