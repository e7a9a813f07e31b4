/**
 * Changing what a claim covers, and selecting by sentence, in the reader's text.
 *
 * - The open claim's highlight gets a drag handle at each end; dragging one moves that end (the
 *   selection shows the new extent while dragging) and letting go sets the claim's extent, its
 *   ends moved out to whole words.
 * - "Set extent to selection" (Alt+Shift+E) gives the open claim the selected text.
 * - "Select sentence" (Ctrl/⌘+Shift+S) selects the sentence at the caret; pressed again it adds
 *   the next sentence (Ctrl/⌘+Alt+Shift+S the one before), within the paragraph. Boundaries come
 *   from core/annotations/sentences.ts (Intl.Segmenter).
 *
 * Either way the host recomputes the claim's selectors from the new range, as one undoable
 * action ("Move claim"). A ProseMirror plugin: widgets for the handles, keys in handleKeyDown.
 */
import { Plugin, TextSelection, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { extendBySentence, sentenceAround } from '../../core/annotations/sentences.ts';
import { claimRange, claimsAt, selectedClaim } from '../editor/plugins/annotations.ts';
import { plainOffsetAt, plainRange, posAtPlainOffset, type TextMap } from '../editor/text-map.ts';
import { isPendingClaim, trimRange } from './claim-session.ts';

const MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);


/** What the plugin asks of the annotation layer. */
export interface ExtentHandlers {
  /** The open document's text map (plain text ↔ editor positions), or null. */
  textMap(): TextMap | null;
  /** Give `claimId` the plain-text range [start, end) (trimmed, non-empty). */
  setExtent(claimId: string, range: { start: number; end: number }): void;
  /** Said when a command cannot run ("Open a claim first"). */
  say(message: string): void;
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;
const mod = (e: KeyLike): boolean => (MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey);

/** Ctrl/⌘+Shift+S (forward) or Ctrl/⌘+Alt+Shift+S (backward); null for other keys. */
export function sentenceKey(e: KeyLike): 1 | -1 | null {
  if (!mod(e) || !e.shiftKey || !(e.code === 'KeyS' || e.key.toLowerCase() === 's')) return null;
  return e.altKey ? -1 : 1;
}
/** Alt+Shift+E. */
export function isSetExtentKey(e: KeyLike): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyE' || e.key.toLowerCase() === 'e');
}

/**
 * The plain-text range "select sentence" gives for a selection `[start, end)` (start = end for a
 * caret): the sentence(s) around it; when it already is whole sentences, one more sentence in
 * `direction`. Pure (tested in Node).
 */
export function nextSentenceRange(text: string, start: number, end: number, direction: 1 | -1): { start: number; end: number } {
  const sel = trimRange(text, start, end);
  if (sel.end <= sel.start) return sentenceAround(text, start);
  const whole = sentenceAround(text, sel.start, sel.end);
  if (whole.start === sel.start && whole.end === sel.end) return extendBySentence(text, sel, direction);
  return whole;
}

/**
 * A dragged range grown to whole words: an end that lands inside a word moves to that word's
 * edge, so a handle dropped on "Shoig|u" takes "Shoigu". Pure (tested in Node).
 */
export function snapToWords(text: string, r: { start: number; end: number }): { start: number; end: number } {
  const word = /[\p{L}\p{N}\p{M}'’-]/u;
  let { start, end } = r;
  while (start > 0 && word.test(text[start - 1]!) && word.test(text[start]!)) start--;
  while (end < text.length && word.test(text[end]!) && word.test(text[end - 1]!)) end++;
  return { start, end };
}

/** Selects a plain-text range in the view and scrolls it into sight. */
function selectPlain(view: EditorView, map: TextMap, r: { start: number; end: number }): void {
  const from = posAtPlainOffset(map, r.start, 1), to = posAtPlainOffset(map, r.end, -1);
  if (from === null || to === null) return;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)).scrollIntoView());
}

/** The claim a "set extent" applies to: the open (selected) one, else the only one under the selection. */
function targetClaim(state: EditorState): string | null {
  const open = selectedClaim(state);
  if (open) return open.id;
  const under = claimsAt(state, state.selection.from).filter((c) => !isPendingClaim(c.id));
  return under.length === 1 ? under[0]!.id : null;
}

function handle(end: 'start' | 'end'): HTMLElement {
  const el = document.createElement('span');
  el.className = `claim-handle claim-handle-${end}`;
  el.contentEditable = 'false';
  el.dataset.end = end;
  el.title = end === 'start' ? 'Drag to move the start of the claim' : 'Drag to move the end of the claim';
  el.setAttribute('aria-hidden', 'true'); // the keyboard way is Alt+Shift+E
  return el;
}

/** The plugin; put it before the claim-interaction plugin so a handle's drag is its own. */
export function claimExtent(handlers: ExtentHandlers): Plugin {
  const setFromSelection = (view: EditorView): void => {
    const map = handlers.textMap();
    const id = targetClaim(view.state);
    if (!map || !id) { handlers.say('Open a claim first (click it or Enter on it), then select the text it should cover.'); return; }
    const { from, to } = view.state.selection;
    const r = plainRange(map, from, to);
    const t = trimRange(map.text, r.start, r.end);
    if (t.end <= t.start) { handlers.say('Select the text the claim should cover, then press Alt+Shift+E.'); return; }
    handlers.setExtent(id, t);
  };

  const drag = (view: EditorView, e: MouseEvent, end: 'start' | 'end'): void => {
    const claim = selectedClaim(view.state);
    const range = claim ? claimRange(view.state, claim.id) : null;
    if (!claim || !range) return;
    const fixed = end === 'start' ? range.to : range.from;
    let moved = false;
    const move = (ev: MouseEvent): void => {
      const at = view.posAtCoords({ left: ev.clientX, top: ev.clientY })?.pos;
      if (at === undefined) return;
      moved = true;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, fixed, at)));
    };
    const up = (): void => {
      window.removeEventListener('mousemove', move, true);
      window.removeEventListener('mouseup', up, true);
      document.body.classList.remove('claim-extent-dragging');
      const map = handlers.textMap();
      if (!moved || !map) return;
      const { from, to } = view.state.selection;
      const r = plainRange(map, from, to);
      const t = trimRange(map.text, r.start, r.end);
      if (t.end > t.start) handlers.setExtent(claim.id, snapToWords(map.text, t));
    };
    e.preventDefault();
    document.body.classList.add('claim-extent-dragging');
    window.addEventListener('mousemove', move, true);
    window.addEventListener('mouseup', up, true);
  };

  return new Plugin({
    props: {
      decorations: (state) => {
        const claim = selectedClaim(state);
        const range = claim ? claimRange(state, claim.id) : null;
        if (!range) return null;
        return DecorationSet.create(state.doc, [
          Decoration.widget(range.from, () => handle('start'), { side: -1, key: `claim-handle-start-${claim!.id}`, ignoreSelection: true }),
          Decoration.widget(range.to, () => handle('end'), { side: 1, key: `claim-handle-end-${claim!.id}`, ignoreSelection: true }),
        ]);
      },
      handleKeyDown: (view, event) => {
        const dir = sentenceKey(event);
        if (dir) {
          const map = handlers.textMap();
          if (!map) return false;
          const { from, to } = view.state.selection;
          const a = plainOffsetAt(map, from), b = plainOffsetAt(map, to);
          selectPlain(view, map, nextSentenceRange(map.text, a, b, dir));
          return true;
        }
        if (isSetExtentKey(event)) { setFromSelection(view); return true; }
        return false;
      },
      handleDOMEvents: {
        mousedown: (view, e) => {
          const h = e.button === 0 && e.target instanceof Element ? e.target.closest<HTMLElement>('.claim-handle') : null;
          if (!h) return false;
          drag(view, e, h.dataset.end === 'start' ? 'start' : 'end');
          return true;
        },
      },
    },
  });
}
