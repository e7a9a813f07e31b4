/**
 * The renderer's view of the open document's claims, kept in step with the store.
 *
 * The annotations plugin holds what is drawn; this session is the one place that talks to the
 * host for claims, applies each committed result to the plugin, and tells the panels. A new
 * claim's highlight is drawn at once as a provisional one and replaced by the stored claim once
 * the host committed (or removed if it refused); every other change shows once committed.
 */
import { centerSettled } from '../editor/center.ts';
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
/**
 * From this many words a document's claims are fetched in two steps as it opens: those on its
 * first FIRST_DRAWN_CHARS characters (~5,000 words) with the text, the rest after the first
 * paint. 10,000 claims are 6 MB of JSON (host: SQL, stringify; page: parse) that the first
 * screens do not need; shorter documents take one fetch.
 */
const FETCH_IN_TWO_FROM_WORDS = 15_000;
/**
 * Claims lists kept for documents opened before, so switching back draws at once (documents
 * themselves are kept by renderer/ui/document-session.ts, 8 of them: the same number).
 */
const KEPT_LISTS = 8;

/** Runs `work` once the frame after this one has been painted (a task posted from a frame callback). */
function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Longest wait for a frame before a new claim is sent anyway: a hidden page paints none. */
const PAINT_WAIT_MAX_MS = 100;

/** Resolves once the next frame has been painted, or after PAINT_WAIT_MAX_MS. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MAX_MS);
    afterNextPaint(() => { clearTimeout(timer); resolve(); });
  });
}

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
  /**
   * The claims put into a document's first state by `preload`, until `opened` sees it shown;
   * `partial` when they were only those of its first screens (a long document).
   */
  #preloaded: { textMap: TextMap; hostChanges: number; partial: boolean } | null = null;
  /**
   * Bumped by every change made from here (own) and every host event: a claims list fetched at
   * an older generation may miss a change and is not reused.
   */
  #generation = 0;
  /** Claims lists by document id, as fetched at `generation`; most recently used last. */
  #lists = new Map<string, { claims: Claim[]; generation: number }>();
  /** Resolves once every new claim so far has been sent to the host (see `create`). */
  #sent: Promise<void> = Promise.resolve();

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
    this.#generation++;
    this.#own.set(reason, (this.#own.get(reason) ?? 0) + 1);
    try {
      await this.#sent; // a new claim waiting for its frame goes first (an undo right after it undoes it)
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
    this.#generation++;
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
    const words = this.ctx.documents().find((d) => d.id === id)?.wordCount ?? 0;
    // A long document's first screens need only their own claims; a list kept from before needs no fetch.
    const partial = !this.#kept(id) && words >= FETCH_IN_TWO_FROM_WORDS;
    const claims = partial
      ? await this.ctx.reader.listClaims({ documentId: id, overlaps: { start: 0, end: FIRST_DRAWN_CHARS } })
      : await this.#list(id);
    return (state, textMap) => {
      let next = state;
      const map = offsetToPos(textMap);
      // Many claims: the first screens' highlights come with the text, the rest right after it
      // is painted (see `opened`); a long document then opens as fast as without claims.
      const drawUntil = !partial && claims.length >= DRAW_IN_TWO_FROM ? map.posAt(FIRST_DRAWN_CHARS, 1) ?? undefined : undefined;
      setClaims(claims, map, { drawUntil })(state, (tr) => { next = state.apply(tr); });
      this.#preloaded = { textMap, hostChanges, partial };
      return next;
    };
  }

  /**
   * A document is on screen: its claims came with it (see `preload`), or they are loaded now.
   * What `preload` left for later (the rest of a long document's claims, or the highlights of
   * a list kept from before not drawn yet) comes after the frame that shows the text.
   */
  opened(d: OpenDocument): void {
    const pre = this.#preloaded;
    this.#preloaded = null;
    if (!pre || pre.textMap !== d.textMap || pre.hostChanges !== this.#hostChanges) { void this.refresh(); return; }
    if (pre.partial) {
      // the panels hear of the document's claims once all are in (not a count of the first screens')
      afterNextPaint(() => void this.refresh().then(() => {
        if (this.#same(d)) performance.mark('claims-all-drawn', { detail: { count: allClaims(d.view.state).length } });
      }, () => this.#changed())); // the host did not answer: the panels show what is drawn
      return;
    }
    this.#changed();
    afterNextPaint(() => this.#apply(d, (view) => {
      if (drawAllClaims()(view.state, view.dispatch)) performance.mark('claims-all-drawn', { detail: { count: allClaims(view.state).length } });
    }));
  }

  /** The claims list of document `id` kept from an earlier fetch, if nothing has changed since. */
  #kept(id: string): Claim[] | null {
    const kept = this.#lists.get(id);
    return kept && kept.generation === this.#generation ? kept.claims : null;
  }

  /** Document `id`'s claims: the list kept from before if still good, else fetched (and kept). */
  async #list(id: string): Promise<Claim[]> {
    const kept = this.#kept(id);
    if (kept) {
      this.#lists.delete(id); this.#lists.set(id, { claims: kept, generation: this.#generation });
      return kept;
    }
    const generation = this.#generation;
    const claims = await this.ctx.reader.listClaims({ documentId: id });
    this.#lists.delete(id);
    this.#lists.set(id, { claims, generation });
    while (this.#lists.size > KEPT_LISTS) this.#lists.delete(this.#lists.keys().next().value!);
    return claims;
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
   * id isPendingClaim knows: it cannot be opened or edited) and the claim is sent to the host
   * once that frame is painted (sending costs the page a few ms that the frame must not wait
   * for; calls through `own` made meanwhile wait for it, so an undo comes after it). When the
   * store has committed, the stored claim replaces the provisional one. If the host refuses, the
   * provisional highlight goes and the error is rethrown for the caller to say.
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
    const painted = nextPaint();
    this.#sent = this.#sent.then(() => painted);
    await painted;
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
      const claims = await this.#list(d.model.id);
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
        // ProseMirror scrolls only to a selection the DOM has, i.e. while the reader has focus; a
        // result opened from a side panel keeps the focus there, so the highlight is brought on
        // screen here (renderer/editor/center.ts).
        const mark = [...view.dom.querySelectorAll<HTMLElement>('.claim[data-claim-id]')].find((el) => el.dataset.claimId === id);
        if (mark) centerSettled(mark);
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
