/**
 * How the reader's text responds to claims: click a highlight (or Enter with the caret in one)
 * to open it, the make-a-claim shortcut, the context menu, hover, and telling the floating
 * toolbar when the selection moved. A ProseMirror plugin so it sees the view's events first;
 * put it before the read-only guard, which swallows Enter.
 */
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Claim } from '../../core/api.ts';
import { claimsAt } from '../editor/plugins/annotations.ts';

/** The make-a-claim shortcut, as ProseMirror keymaps write it (Mod = Ctrl, or Cmd on macOS). */
export const MAKE_CLAIM_SHORTCUT = 'Mod-Shift-H';

const MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl';

/** The claims' keys as the shortcuts overlay lists them (alternatives separated by " / "). */
export const CLAIM_SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: `${MOD}+Shift+H`, action: 'Make a claim of the selected text' },
  { keys: `${MOD}+Shift+S`, action: 'Select the sentence at the caret; again: add the next sentence' },
  { keys: `${MOD}+Alt+Shift+S`, action: 'Add the sentence before to the selection' },
  { keys: 'Alt+Shift+E', action: 'Set the open claim’s extent to the selection (or drag its ends)' },
  { keys: 'Enter', action: 'Open the claim under the caret' },
  { keys: 'Shift+F10', action: 'Claim menu: make one of any kind, or open one' },
  { keys: `${MOD}+Z`, action: 'Undo the last claim change' },
  { keys: MAC ? '⌘+Shift+Z' : 'Ctrl+Shift+Z / Ctrl+Y', action: 'Redo' },
  { keys: `${MOD}+Alt+C`, action: 'Copy the open claim with its citation (quote, source, ¶)' },
  { keys: 'Esc', action: 'From the claim editor back to the text' },
];

/** What the plugin reports; the annotation layer decides what to do. */
export interface InteractionHandlers {
  open(claim: Claim): void;
  make(): void;
  contextMenu(view: EditorView, event: MouseEvent): boolean;
  hover(view: EditorView, event: MouseEvent): void;
  selectionChanged(view: EditorView): void;
}

/** Whether a key event is the make-a-claim shortcut. */
export function isMakeClaimKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac: boolean): boolean {
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return mod && e.shiftKey && !e.altKey && (e.key.toLowerCase() === 'h' || e.code === 'KeyH');
}

/** The innermost claim the caret or click is inside of (highlight edges included). */
function claimUnder(view: EditorView, pos: number): Claim | null {
  return claimsAt(view.state, pos)[0] ?? null;
}

/** The plugin. */
export function claimInteraction(handlers: InteractionHandlers): Plugin {
  const mac = MAC;
  let dragging = false;
  return new Plugin({
    view: (editorView) => {
      // The button may come up outside the text; listen on the window so a drag always ends.
      const up = (): void => {
        if (!dragging) return;
        dragging = false;
        setTimeout(() => handlers.selectionChanged(editorView), 0);
      };
      window.addEventListener('mouseup', up);
      return {
        update: (view, prev) => {
          if (!dragging && (!prev.selection.eq(view.state.selection) || prev.doc !== view.state.doc)) handlers.selectionChanged(view);
        },
        destroy: () => window.removeEventListener('mouseup', up),
      };
    },
    props: {
      handleClick: (view, pos, event) => {
        if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
        if (!(event.target instanceof Element) || !event.target.closest('.claim')) return false;
        const claim = claimUnder(view, pos);
        if (claim) handlers.open(claim);
        return false;
      },
      handleKeyDown: (view, event) => {
        if (isMakeClaimKey(event, mac)) {
          handlers.make();
          return true;
        }
        if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && view.state.selection.empty) {
          const claim = claimUnder(view, view.state.selection.head);
          if (claim) { handlers.open(claim); return true; }
        }
        return false;
      },
      handleDOMEvents: {
        mousedown: (_view, e) => { if (e.button === 0) dragging = true; return false; },
        contextmenu: (view, e) => handlers.contextMenu(view, e),
        mouseover: (view, e) => { handlers.hover(view, e); return false; },
        mouseout: (view, e) => { handlers.hover(view, e); return false; },
        focus: (view) => { handlers.selectionChanged(view); return false; },
        blur: (view) => { setTimeout(() => handlers.selectionChanged(view), 0); return false; },
      },
    },
  });
}
