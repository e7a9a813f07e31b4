/**
 * The renderer's view of the open document's claims, kept in step with the store.
 *
 * The annotations plugin holds what is drawn; this session is the one place that talks to the
 * host for claims, applies each committed result to the plugin, and tells the panels. A new
 * claim's highlight is drawn at once as a provisional one and replaced by the stored claim once
 * the host committed (or removed if it refused); every other change shows once committed.
 */
import type { EditorView } from 'prosemirror-view';
import type { Claim, ClaimKind, ClaimKindDef, ClaimPatch } from '../../core/api.ts';
import {
  addClaim, allClaims, claimRange, drawAllClaims, removeClaims, selectClaim, setClaims, updateClaim,
} from '../editor/plugins/annotations.ts';
import { offsetToPos, plainRange, type TextMap } from '../editor/text-map.ts';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { AnnotationContext, OpenDocument } from './context.ts';

/** What changed, for listeners that redraw. */
export type SessionChange = 'claims' | 'library';

/** Trims whitespace off a plain-text range so a sloppy drag still quotes words. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Ids of provisional highlights, drawn while the host commits a new claim. */
const PENDING_PREFIX = 'pending:';
let pendingCount = 0;
/** True for a provisional highlight's id (ClaimSession.create): not a claim in the store yet. */
export function isPendingClaim(id: string): boolean {
  return id.startsWith(PENDING_PREFIX);
}

/** From this many claims, a document's highlights are drawn in two steps as it opens. */
const DRAW_IN_TWO_FROM = 500;
/** How much text (plain-text characters) gets its highlights in the first step: several screens. */
const FIRST_DRAWN_CHARS = 30_000;

/** The open document's claims, the store calls that change them, and change notifications. */
export class ClaimSession {
  readonly ctx: AnnotationContext;
  #listeners = new Set<(change: SessionChange) => void>();
  #libraryClaims: Promise<Claim[]> | null = null;
  /** Host events we caused ourselves, by reason, so we do not reload what we already applied. */
  #own = new Map<string, number>();
  #refreshing: Promise<void> | null = null;
  #again = false;

  #kinds: () => ClaimKindDef[];
  /** Host changes seen so far: a preload that saw fewer may be stale by the time it is shown. */
  #hostChanges = 0;
  /** The claims put into a document's first state by `preload`, until `opened` sees it shown. */
  #preloaded: { textMap: TextMap; hostChanges: number } | null = null;

  constructor(ctx: AnnotationContext, kinds: () => ClaimKindDef[]) {
    this.ctx = ctx;
    this.#kinds = kinds;
  }

  /** The kinds from the settings, in their order. */
  kinds(): ClaimKindDef[] {
    return this.#kinds();
  }

  /** The document on screen, if any. */
  doc(): OpenDocument | null {
    return this.ctx.current();
  }

  /** The open document's claims in text order (orphans last). */
  claims(): Claim[] {
    const d = this.doc();
    if (!d) return [];
    return allClaims(d.view.state).sort((a, b) =>
      (a.status === 'orphan' ? 1 : 0) - (b.status === 'orphan' ? 1 : 0) || a.position.start - b.position.start || a.position.end - b.position.end);
  }

  /** One claim of the open document by id. */
  claim(id: string): Claim | null {
    const d = this.doc();
    return d ? allClaims(d.view.state).find((c) => c.id === id) ?? null : null;
  }

  /** Every claim in the library (for linking and the orphans list); cached until something changes. */
  libraryClaims(): Promise<Claim[]> {
    this.#libraryClaims ??= this.ctx.reader.listClaims().catch((err: unknown) => { this.#libraryClaims = null; throw err; });
    return this.#libraryClaims;
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  onDidChange(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #changed(change: SessionChange = 'claims'): void {
    this.#libraryClaims = null;
    for (const l of this.#listeners) l(change);
  }

  /**
   * Calls the host for a change we apply ourselves; the matching host event is then skipped.
   * `emitted` says whether the result means the host announced a change (undo with nothing to undo does not).
   */
  async own<T>(reason: string, call: () => Promise<T>, emitted: (result: T) => boolean = () => true): Promise<T> {
    this.#own.set(reason, (this.#own.get(reason) ?? 0) + 1);
    try {
      const result = await call();
      if (!emitted(result)) this.#drop(reason);
      return result;
    } catch (err) {
      this.#drop(reason);
      throw err;
    }
  }

  #drop(reason: string): boolean {
    const n = this.#own.get(reason) ?? 0;
    if (n <= 0) return false;
    if (n === 1) this.#own.delete(reason); else this.#own.set(reason, n - 1);
    return true;
  }

  /** A host event arrived: reload unless it was the echo of our own change. */
  hostChanged(reason: string): void {
    if (this.#drop(reason)) return;
    this.#hostChanges++;
    void this.refresh();
  }

  /**
   * The reader is about to open document `id`: fetch its claims alongside the document, and give
   * back the step that puts them into the document's first state, so text and highlights are
   * drawn together (a document with 10,000 claims is then laid out once, not twice).
   */
  async preload(id: string): Promise<((state: EditorState, textMap: TextMap) => EditorState) | null> {
    const hostChanges = this.#hostChanges;
    const claims = await this.ctx.reader.listClaims({ documentId: id });
    return (state, textMap) => {
      let next = state;
      const map = offsetToPos(textMap);
      // Many claims: the first screens' highlights come with the text, the rest right after it
      // is painted (see `opened`); a long document then opens as fast as without claims.
      const drawUntil = claims.length >= DRAW_IN_TWO_FROM ? map.posAt(FIRST_DRAWN_CHARS, 1) ?? undefined : undefined;
      setClaims(claims, map, { drawUntil })(state, (tr) => { next = state.apply(tr); });
      this.#preloaded = { textMap, hostChanges };
      return next;
    };
  }

  /** A document is on screen: its claims came with it (see `preload`), or they are loaded now. */
  opened(d: OpenDocument): void {
    const pre = this.#preloaded;
    this.#preloaded = null;
    if (pre && pre.textMap === d.textMap && pre.hostChanges === this.#hostChanges) {
      this.#changed();
      // after the frame that shows the text (and the highlights on it), the rest of them
      requestAnimationFrame(() => setTimeout(() => this.#apply(d, (view) => {
        if (drawAllClaims()(view.state, view.dispatch)) performance.mark('claims-all-drawn', { detail: { count: allClaims(view.state).length } });
      }), 0));
    } else void this.refresh();
  }

  /** The current selection as a trimmed plain-text range, or null when nothing is selected. */
  selectionRange(): { start: number; end: number } | null {
    const d = this.doc();
    if (!d) return null;
    const { from, to } = d.view.state.selection;
    if (from === to) return null;
    const r = plainRange(d.textMap, from, to);
    const t = trimRange(d.textMap.text, r.start, r.end);
    return t.end > t.start ? t : null;
  }

  /**
   * Makes a claim of the selected text. The highlight is drawn at once as a provisional one (an
   * id isPendingClaim knows: it cannot be opened or edited); when the store has committed, the
   * stored claim replaces it. If the host refuses, the provisional highlight goes and the error
   * is rethrown for the caller to say.
   */
  async create(kind: ClaimKind): Promise<Claim | null> {
    const d = this.doc();
    const range = this.selectionRange();
    if (!d || !range) return null;
    const now = new Date().toISOString();
    const provisional: Claim = {
      id: `${PENDING_PREFIX}${++pendingCount}`, documentId: d.model.id,
      quote: { type: 'TextQuoteSelector', exact: d.textMap.text.slice(range.start, range.end), prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: range.start, end: range.end },
      status: 'exact', paragraph: null, paragraphEnd: null, restatement: '', note: '', kind, tags: [], entityIds: [], created: now, modified: now,
    };
    this.#apply(d, (view) => addClaim(provisional, offsetToPos(d.textMap))(view.state, view.dispatch));
    let claim: Claim;
    try {
      claim = await this.own('create-claim', () =>
        this.ctx.reader.createClaim({ documentId: d.model.id, start: range.start, end: range.end, kind }));
    } catch (err) {
      this.#apply(d, (view) => removeClaims([provisional.id])(view.state, view.dispatch));
      throw err;
    }
    this.#apply(d, (view) => {
      removeClaims([provisional.id])(view.state, view.dispatch);
      addClaim(claim, offsetToPos(d.textMap))(view.state, view.dispatch);
    });
    this.#changed();
    return claim;
  }

  /** Saves a patch and shows the committed claim. */
  async update(id: string, patch: ClaimPatch): Promise<Claim> {
    const claim = await this.own('update-claim', () => this.ctx.reader.updateClaim(id, patch));
    this.applyUpdated(claim);
    return claim;
  }

  /** Shows a claim as the store now has it (after any update that went through the host). */
  applyUpdated(claim: Claim): void {
    const d = this.doc();
    if (d && d.model.id === claim.documentId) {
      this.#apply(d, (view) => updateClaim(claim, offsetToPos(d.textMap))(view.state, view.dispatch));
    }
    this.#changed();
  }

  /** Deletes claims in the store, then drops their highlights. Returns the host's action name. */
  async delete(ids: string[]): Promise<string> {
    const result = await this.own('delete-claims', () => this.ctx.reader.deleteClaims(ids));
    const d = this.doc();
    if (d) this.#apply(d, (view) => removeClaims(ids)(view.state, view.dispatch));
    this.#changed();
    return result.action;
  }

  /** Reloads the open document's claims from the store (after undo, or another window's change). */
  refresh(): Promise<void> {
    if (this.#refreshing) { this.#again = true; return this.#refreshing; }
    const run: Promise<void> = this.#reload().finally(() => { if (this.#refreshing === run) this.#refreshing = null; });
    this.#refreshing = run;
    return run;
  }

  async #reload(): Promise<void> {
    do {
      this.#again = false;
      const d = this.doc();
      if (!d) { this.#changed(); return; }
      const claims = await this.ctx.reader.listClaims({ documentId: d.model.id });
      if (!this.#same(d)) continue;
      this.#apply(d, (view) => setClaims(claims, offsetToPos(d.textMap))(view.state, view.dispatch));
      this.#changed();
    } while (this.#again);
  }

  /** Marks a claim as the open one and, if asked, scrolls it into view with the caret at its start. */
  select(id: string | null, opts: { scroll?: boolean } = {}): void {
    const d = this.doc();
    if (!d) return;
    this.#apply(d, (view) => {
      selectClaim(id)(view.state, view.dispatch);
      const range = id ? claimRange(view.state, id) : null;
      if (range && opts.scroll) {
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from)).scrollIntoView());
      }
    });
  }

  /** Whether `d` is still the document on screen (the reader may hand out fresh wrapper objects). */
  #same(d: OpenDocument): boolean {
    const now = this.doc();
    return !!now && now.model.id === d.model.id && now.textMap === d.textMap;
  }

  #apply(d: OpenDocument, step: (view: EditorView) => void): void {
    if (this.#same(d)) step(d.view);
  }
}
