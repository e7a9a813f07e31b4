/**
 * The claim editor in the side panel: the quote (read-only, with its ¶ locator), restatement,
 * note, kind, tags, entities, links, dates and Delete. Edits save on a typing pause or when a
 * field is left; "Saved" shows only once the host's promise resolved, errors show the host's
 * message. Escape hands the keyboard back to the reader.
 */
import type { Claim, ClaimPatch } from '../../core/api.ts';
import type { ClaimSession } from './claim-session.ts';
import { createClaimLinks } from './claim-links.ts';
import { h } from './dom.ts';
import { createEntityField, type EntityPickerFactory } from './entity-field.ts';
import { fuzzyCompare } from './fuzzy-compare.ts';
import { errorMessage, kindDef, locator, snippet, statusBadge, when } from './format.ts';
import { SaveQueue, type SaveState } from './save-queue.ts';
import { createTagInput } from './tag-input.ts';
import { copyClaimCitation, isCopyCitationKey, COPY_CITATION_KEYS } from '../export/copy-citation.ts';

/** What the editor asks of the rest of the annotation layer. */
export interface ClaimEditorOptions {
  session: ClaimSession;
  picker: EntityPickerFactory | null;
  /** Open another claim (following a link), in whatever document holds it. */
  onFollow(claim: Claim): void;
  /** Escape: give focus back to the reader, caret on the claim. */
  onLeave(claim: Claim): void;
  /** The claim was deleted (the toast and the undo hint are the caller's). */
  onDeleted(claim: Claim): void;
  onClose(): void;
}

/** The editor; `show` fills it with a claim, `refresh` takes in a newer copy from the store. */
export interface ClaimEditor {
  el: HTMLElement;
  /** The claim shown, if any. */
  shown(): Claim | null;
  show(claim: Claim, opts?: { focus?: 'restatement' | 'heading'; saved?: boolean }): void;
  /** A newer copy of the shown claim (from undo or another window); fields being edited keep their text. */
  refresh(claim: Claim): void;
  /** Saves anything waiting, then empties the editor. */
  clear(): Promise<void>;
  /** Saves anything waiting. */
  flush(): Promise<void>;
}

/** Builds the editor (empty until `show`). */
export function createClaimEditor(opts: ClaimEditorOptions): ClaimEditor {
  const { session } = opts;
  const el = h('section', { class: 'claim-editor', 'aria-label': 'Claim editor', hidden: true });
  let current: Claim | null = null;
  let queue: SaveQueue<ClaimPatch> | null = null;
  /** Under the quote: a fuzzy claim's old and new text side by side (fuzzy-compare.ts). */
  const fuzzySlot = h('div', { class: 'fuzzy-slot' });
  const showFuzzy = (c: Claim): void => {
    const box = fuzzyCompare(session, c, (updated) => editor.refresh(updated));
    if (box) fuzzySlot.replaceChildren(box); else fuzzySlot.replaceChildren();
  };
  let fields: {
    restatement: HTMLTextAreaElement; note: HTMLTextAreaElement; kind: HTMLSelectElement;
    tags: ReturnType<typeof createTagInput>; entities: ReturnType<typeof createEntityField>;
    meta: HTMLElement; heading: HTMLElement; swatch: HTMLElement; quote: HTMLElement;
  } | null = null;

  const saveStatus = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite' });
  /** "Changed in another window" while this window edits the same field (refresh()). */
  const conflict = h('p', { class: 'claim-conflict', role: 'status' });
  conflict.hidden = true;
  const showState = (s: SaveState): void => {
    saveStatus.dataset.state = s.kind;
    saveStatus.textContent = s.kind === 'saving' ? 'Saving…' : s.kind === 'saved' ? 'Saved'
      : s.kind === 'error' ? `Not saved: ${s.message}` : '';
    saveStatus.setAttribute('role', s.kind === 'error' ? 'alert' : 'status');
  };

  const metaText = (c: Claim): string => {
    const made = when(c.created);
    const changed = when(c.modified);
    return changed && changed !== made ? `Created ${made} · modified ${changed}` : `Created ${made}`;
  };
  const quoteChildren = (c: Claim): Array<Node | string> => {
    const badge = statusBadge(c.status);
    return [
      h('span', { class: 'claim-quote-text' }, snippet(c.quote.exact, 600)),
      ' ',
      h('cite', { class: 'claim-locator' }, locator(c)),
      badge ? h('span', { class: `status-badge status-${c.status}`, title: badge.title }, badge.text) : '',
    ];
  };

  const build = (claim: Claim): void => {
    const kinds = session.kinds();
    const id = `claim-${claim.id}`;
    const k = kindDef(kinds, claim.kind);
    const save = (patch: ClaimPatch): Promise<unknown> => session.update(claim.id, patch).then((c) => {
      if (current?.id !== c.id) return;
      current = c;
      if (fields) fields.meta.textContent = metaText(c);
    });
    const q: SaveQueue<ClaimPatch> = new SaveQueue<ClaimPatch>(save, (st) => { if (queue === q) showState(st); });
    queue = q;

    const swatch = h('span', { class: 'kind-dot', style: `--claim-color: ${k.color}` });
    const heading = h('h2', { class: 'claim-editor-title', tabindex: -1 }, k.label);
    // One line of meaning that wraps and grows with its text (a textarea; Enter saves, no newlines).
    const restatement = h('textarea', { id: `${id}-restatement`, rows: 1, class: 'claim-restatement', placeholder: 'In your own words…', autocomplete: 'off' });
    restatement.value = claim.restatement;
    const grow = (): void => { restatement.style.height = 'auto'; restatement.style.height = `${restatement.scrollHeight + 2}px`; };
    restatement.addEventListener('input', () => {
      if (/[\r\n]/.test(restatement.value)) restatement.value = restatement.value.replace(/\s*[\r\n]+\s*/g, ' ');
      grow();
      q.later({ restatement: restatement.value });
    });
    requestAnimationFrame(grow);
    restatement.addEventListener('blur', () => void q.flush());
    restatement.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); void q.flush(); } });

    const note = h('textarea', { id: `${id}-note`, class: 'claim-note', rows: 4, placeholder: 'Note' });
    note.value = claim.note;
    note.addEventListener('input', () => q.later({ note: note.value }));
    note.addEventListener('blur', () => void q.flush());

    const kind = h('select', { id: `${id}-kind`, class: 'claim-kind' },
      ...kinds.map((kd) => h('option', { value: kd.id, selected: kd.id === claim.kind }, kd.label)));
    if (!kinds.some((kd) => kd.id === claim.kind)) kind.append(h('option', { value: claim.kind, selected: true }, claim.kind));
    kind.addEventListener('change', () => {
      const kd = kindDef(kinds, kind.value);
      swatch.style.setProperty('--claim-color', kd.color);
      heading.textContent = kd.label;
      void q.now({ kind: kind.value });
    });

    const tags = createTagInput({ id: `${id}-tags`, tags: claim.tags, onChange: (t) => void q.now({ tags: t }), tagsInUse: () => session.ctx.reader.listTags() });
    const entities = createEntityField({
      reader: session.ctx.reader, entityIds: claim.entityIds, picker: opts.picker,
      onChange: (ids) => void q.now({ entityIds: ids }),
    });
    const links = createClaimLinks({
      reader: session.ctx.reader, claim, kinds, documents: () => session.ctx.documents(),
      libraryClaims: () => session.libraryClaims(), own: (r, call) => session.own(r, call),
      onFollow: (c) => void q.flush().then(() => opts.onFollow(c)), onChanged: () => undefined,
    });
    const quote = h('blockquote', { class: 'claim-quote', 'aria-label': 'Quote' }, ...quoteChildren(claim));
    const meta = h('p', { class: 'claim-meta' }, metaText(claim));
    const del = h('button', {
      type: 'button', class: 'danger-button',
      onclick: async () => {
        await q.flush();
        try {
          await session.delete([claim.id]);
          opts.onDeleted(claim);
        } catch (err) { showState({ kind: 'error', message: errorMessage(err) }); }
      },
    }, 'Delete claim');
    const copyStatus = h('span', { class: 'copy-citation-status', role: 'status', 'aria-live': 'polite' });
    const copyCitation = h('button', {
      type: 'button', class: 'copy-citation-button', title: `Copy the quote with its citation (${COPY_CITATION_KEYS})`,
      onclick: () => void copyClaimCitation(session.ctx.reader, claim.id).then((m) => { copyStatus.textContent = m; }),
    }, 'Copy as citation');
    const close = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close claim editor', title: 'Close (Esc returns to the text)', onclick: () => opts.onClose() }, '×');

    const field = (label: string, forId: string | null, control: HTMLElement): HTMLElement =>
      h('div', { class: 'claim-field' }, forId ? h('label', { for: forId }, label) : h('span', { class: 'field-label' }, label), control);

    showFuzzy(claim);
    el.replaceChildren(
      h('header', { class: 'claim-editor-header' }, swatch, heading, saveStatus, close),
      conflict,
      quote,
      fuzzySlot,
      field('Restatement', restatement.id, restatement),
      field('Note', note.id, note),
      field('Kind', kind.id, kind),
      field('Tags', `${id}-tags`, tags.el),
      field('Entities', null, entities.el),
      field('Links', null, links.el),
      h('div', { class: 'claim-editor-cite' }, copyCitation, copyStatus),
      h('footer', { class: 'claim-editor-footer' }, meta, del),
    );
    fields = { restatement, note, kind, tags, entities, meta, heading, swatch, quote };
  };

  // Ctrl/⌘+Alt+C anywhere copies the open claim as a citation (the reader keeps focus).
  document.addEventListener('keydown', (e) => {
    if (!current || e.defaultPrevented || !isCopyCitationKey(e)) return;
    e.preventDefault();
    const status = el.querySelector('.copy-citation-status');
    void copyClaimCitation(session.ctx.reader, current.id).then((m) => { if (status) status.textContent = m; });
  });
  el.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !current || e.defaultPrevented) return;
    e.preventDefault();
    const c = current;
    void queue?.flush();
    opts.onLeave(c);
  });

  const editor: ClaimEditor = {
    el,
    shown: () => current,
    show(claim, o = {}) {
      if (current?.id !== claim.id) void queue?.flush();
      current = claim;
      conflict.hidden = true;
      showState(o.saved ? { kind: 'saved' } : { kind: 'idle' });
      build(claim);
      el.hidden = false;
      // No scroll on focus: the layer brings the claim's header and quote into view (index.ts).
      if (o.focus === 'restatement') fields?.restatement.focus({ preventScroll: true });
      else if (o.focus === 'heading') fields?.heading.focus({ preventScroll: true });
    },
    refresh(claim) {
      if (!fields || !current || current.id !== claim.id) return;
      const prev = current;
      current = claim;
      const active = document.activeElement;
      const busy = queue?.busy() ?? false;
      if (!busy && active !== fields.restatement) {
        const r = fields.restatement;
        r.value = claim.restatement;
        r.style.height = 'auto';
        r.style.height = `${r.scrollHeight + 2}px`;
      }
      if (!busy && active !== fields.note) fields.note.value = claim.note;
      // Changed elsewhere (another window, the CLI) while being typed here: say so, keep what is typed.
      const clashes = ([['restatement', fields.restatement], ['note', fields.note]] as const)
        .filter(([f, input]) => (busy || active === input) && claim[f] !== prev[f] && claim[f] !== input.value);
      if (clashes.length) {
        const names = clashes.map(([f]) => f).join(' and ');
        // The other window's text as it is now: by the time the button is pressed, what is typed
        // here may have been saved over it (a typing pause), and `current` then holds that.
        const theirs = new Map(clashes.map(([f]) => [f, claim[f]]));
        conflict.replaceChildren(`The ${names} changed in another window. What you type here is saved over it. `,
          h('button', {
            type: 'button', class: 'link-button',
            onclick: () => { for (const [f, input] of clashes) { input.value = theirs.get(f) ?? input.value; void queue?.now({ [f]: input.value }); } conflict.hidden = true; },
          }, 'Use the other window’s text'));
        conflict.hidden = false;
      }
      if (!busy) {
        fields.kind.value = claim.kind;
        if (prev.tags.join('\n') !== claim.tags.join('\n')) fields.tags.set(claim.tags);
        if (prev.entityIds.join(' ') !== claim.entityIds.join(' ')) fields.entities.set(claim.entityIds);
      }
      const k = kindDef(session.kinds(), claim.kind);
      // the kinds may have been renamed or recoloured meanwhile ("Kinds…")
      for (const opt of fields.kind.options) { const d = session.kinds().find((x) => x.id === opt.value); if (d) opt.textContent = d.label; }
      fields.heading.textContent = k.label;
      fields.swatch.style.setProperty('--claim-color', k.color);
      fields.quote.replaceChildren(...quoteChildren(claim));
      if (prev.status !== claim.status || prev.quote.exact !== claim.quote.exact || prev.position.start !== claim.position.start) showFuzzy(claim);
      fields.meta.textContent = metaText(claim);
    },
    async clear() {
      await queue?.flush();
      current = null;
      queue = null;
      fields = null;
      el.replaceChildren();
      el.hidden = true;
    },
    flush: () => queue?.flush() ?? Promise.resolve(),
  };
  return editor;
}
