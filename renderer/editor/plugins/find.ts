/**
 * Find-in-document highlights: every match as an inline decoration, the current one marked.
 *
 * Shape as DESIGN.md §4: a factory, commands (verbs) that dispatch `tr.setMeta`, queries (nouns);
 * `apply` is a pure reducer. Matching itself (find-matches.ts) works on plain-text offsets; the
 * caller places the ranges with the text map and hands editor ranges to `setFindMatches`.
 */
import { Plugin, PluginKey, type Command, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** An editor range [from, to). */
export interface EditorRange { from: number; to: number }

interface FindState {
  matches: readonly EditorRange[];
  /** Index of the current match, -1 when there is none. */
  current: number;
  decorations: DecorationSet;
}

type Action = { type: 'set'; matches: readonly EditorRange[]; current: number } | { type: 'current'; index: number };

const key = new PluginKey<FindState>('find');
const EMPTY: FindState = { matches: [], current: -1, decorations: DecorationSet.empty };

const matchDeco = (r: EditorRange, current: boolean): Decoration =>
  Decoration.inline(r.from, r.to, { class: current ? 'find-match find-current' : 'find-match' }, { current });

/** The find plugin. */
export function find(): Plugin<FindState> {
  return new Plugin<FindState>({
    key,
    state: {
      init: () => EMPTY,
      apply(tr, prev, _old, state) {
        const action = tr.getMeta(key) as Action | undefined;
        if (!action) return prev;
        if (action.type === 'set') {
          if (!action.matches.length) return EMPTY;
          const current = clampIndex(action.current, action.matches.length);
          const decos = action.matches.map((m, i) => matchDeco(m, i === current));
          return { matches: action.matches, current, decorations: DecorationSet.create(state.doc, decos) };
        }
        const index = clampIndex(action.index, prev.matches.length);
        if (index === prev.current || index < 0) return prev;
        let decorations = prev.decorations;
        for (const [i, on] of [[prev.current, false], [index, true]] as const) {
          const m = prev.matches[i];
          if (!m) continue;
          decorations = decorations.remove(decorations.find(m.from, m.to).filter((d) => d.from === m.from && d.to === m.to));
          decorations = decorations.add(state.doc, [matchDeco(m, on)]);
        }
        return { ...prev, current: index, decorations };
      },
    },
    props: { decorations: (state) => key.getState(state)?.decorations },
  });
}

function clampIndex(i: number, n: number): number {
  if (n === 0) return -1;
  return ((i % n) + n) % n;
}

// --- commands -------------------------------------------------------------------------------

/** Replaces the matches (a new query); `current` is the index to mark. Empty clears. */
export function setFindMatches(matches: readonly EditorRange[], current = 0): Command {
  return (state, dispatch) => {
    if (!key.getState(state)) return false;
    dispatch?.(state.tr.setMeta(key, { type: 'set', matches, current } satisfies Action));
    return true;
  };
}

/** Makes match `index` current (wrapping around at either end). */
export function setFindCurrent(index: number): Command {
  return (state, dispatch) => {
    if (!key.getState(state)?.matches.length) return false;
    dispatch?.(state.tr.setMeta(key, { type: 'current', index } satisfies Action));
    return true;
  };
}

// --- queries --------------------------------------------------------------------------------

/** The matches and the current index. */
export function findResults(state: EditorState): { matches: readonly EditorRange[]; current: number } {
  const s = key.getState(state) ?? EMPTY;
  return { matches: s.matches, current: s.current };
}

/** Index of the first match at or after `pos` (wrapping to 0), or -1 when there are none. */
export function matchIndexFrom(state: EditorState, pos: number): number {
  const { matches } = findResults(state);
  if (!matches.length) return -1;
  let lo = 0, hi = matches.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (matches[mid]!.from < pos) lo = mid + 1; else hi = mid; }
  return lo === matches.length ? 0 : lo;
}
