/**
 * Claim highlights as ProseMirror decorations (DESIGN.md §3–4).
 *
 * The source text is read-only, so highlights never enter the document: the plugin keeps the
 * claims of the open document and one DecorationSet, maps both through every transaction, and
 * changes only through `tr.setMeta(key, action)` read by a pure reducer — the shape of
 * prosemirror-history. Commands are verbs (`addClaim`), queries are nouns (`claimsAt`).
 *
 * Claims carry offsets into the document's plain text (core/corpus/plain-text.ts); commands turn
 * them into editor positions with the reader's text map before dispatching, so the reducer stays
 * pure and never sees offsets.
 */
import { Plugin, PluginKey, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { Claim, ClaimKindDef } from '../../../core/api.ts';
import { ClaimMap } from './claim-map.ts';

/** What the plugin needs from the reader's text map: plain-text offset → editor position. */
export interface OffsetToPos {
  /** The editor position of a plain-text offset; `side` says which side of a block gap to prefer. */
  posAt(offset: number, side: -1 | 1): number | null;
}

/** An editor range [from, to). */
export interface ClaimRange { from: number; to: number }

interface Placed { claim: Claim; range: ClaimRange | null }

interface ClaimsState {
  /** By id; a change shares the other entries (claim-map.ts), so adding one of 10,000 claims copies none. */
  claims: ClaimMap<Placed>;
  decorations: DecorationSet;
  selected: string | null;
  /**
   * While a large document opens, only the highlights before `until` are drawn (`set`), so its
   * first frame is not held up by thousands of highlights far below the fold; `drawAllClaims`
   * (or any other change) draws the rest. Queries always see every claim.
   */
  drawn: { until: number; set: DecorationSet } | null;
}

type Action =
  | { type: 'set'; placed: Placed[]; drawUntil?: number }
  | { type: 'drawAll' }
  | { type: 'put'; placed: Placed }
  | { type: 'remove'; ids: string[] }
  | { type: 'select'; id: string | null };

interface DecoSpec { claimId: string }

const key = new PluginKey<ClaimsState>('annotations');

/** Where a kind's colour comes from when the settings do not name it. */
const FALLBACK_COLOR = '#9a9a9a';

/**
 * The annotations plugin. `kinds` gives each kind its colour (a CSS custom property on the
 * highlight, so overlapping highlights stack and show darker); pass a function when the kinds
 * load after the editor is made (it is read whenever a highlight is drawn).
 */
export function annotations(config: { kinds: readonly ClaimKindDef[] | (() => readonly ClaimKindDef[]) }): Plugin<ClaimsState> {
  let known: readonly ClaimKindDef[] | null = null;
  let colors = new Map<string, string>();
  const colorOf = (kind: string): string | undefined => {
    const kinds = typeof config.kinds === 'function' ? config.kinds() : config.kinds;
    if (kinds !== known) { known = kinds; colors = new Map(kinds.map((k) => [k.id, k.color])); }
    return colors.get(kind);
  };
  const deco = (p: Placed, selected: boolean): Decoration | null => {
    if (!p.range) return null;
    const { claim } = p;
    const cls = `claim claim-kind-${cssIdent(claim.kind)}${selected ? ' claim-selected' : ''}`;
    return Decoration.inline(p.range.from, p.range.to, {
      nodeName: 'span',
      class: cls,
      style: `--claim-color: ${colorOf(claim.kind) ?? FALLBACK_COLOR}`,
      'data-claim-id': claim.id,
    }, { claimId: claim.id } satisfies DecoSpec);
  };

  return new Plugin<ClaimsState>({
    key,
    state: {
      init: () => ({ claims: ClaimMap.of<Placed>(), decorations: DecorationSet.empty, selected: null, drawn: null }),
      apply: (tr, prev, _old, state) => reduce(tr, prev, state, deco),
    },
    props: {
      decorations: (state) => { const s = key.getState(state); return s?.drawn?.set ?? s?.decorations; },
    },
  });
}

function reduce(
  tr: Transaction, prev: ClaimsState, state: EditorState,
  deco: (p: Placed, selected: boolean) => Decoration | null,
): ClaimsState {
  let cur = prev;
  // a partial drawing lasts only until the next change of any kind
  if (cur.drawn && (tr.docChanged || tr.getMeta(key))) cur = { ...cur, drawn: null };
  if (tr.docChanged) {
    const claims = ClaimMap.of([...cur.claims.entries()].map(([id, p]) => [id, { claim: p.claim, range: mapRange(p.range, tr) }] as const));
    cur = { ...cur, claims, decorations: cur.decorations.map(tr.mapping, tr.doc) };
  }
  const action = tr.getMeta(key) as Action | undefined;
  if (!action) return cur;
  switch (action.type) {
    case 'set': {
      const claims = ClaimMap.of(action.placed.map((p) => [p.claim.id, p] as const));
      const decos: Decoration[] = [];
      for (const p of action.placed) {
        const d = deco(p, p.claim.id === cur.selected);
        if (d) decos.push(d);
      }
      const selected = cur.selected && claims.has(cur.selected) ? cur.selected : null;
      const until = action.drawUntil;
      // before DecorationSet.create, which consumes the array it is given
      const first = until === undefined ? decos : decos.filter((d) => d.from < until);
      const decorations = DecorationSet.create(state.doc, [...decos]);
      const drawn = until !== undefined && first.length < decos.length ? { until, set: DecorationSet.create(state.doc, first) } : null;
      return { claims, selected, decorations, drawn };
    }
    case 'drawAll':
      return cur;
    case 'put': {
      const id = action.placed.claim.id;
      const old = cur.claims.get(id);
      const claims = cur.claims.set(id, action.placed);
      let decorations = old ? cur.decorations.remove(findDecos(cur.decorations, old, id)) : cur.decorations;
      const d = deco(action.placed, id === cur.selected);
      if (d) decorations = decorations.add(state.doc, [d]);
      return { ...cur, claims, decorations };
    }
    case 'remove': {
      const claims = cur.claims.delete(action.ids);
      const gone: Decoration[] = [];
      for (const id of action.ids) {
        const old = cur.claims.get(id);
        if (old) gone.push(...findDecos(cur.decorations, old, id));
      }
      const selected = cur.selected && claims.has(cur.selected) ? cur.selected : null;
      return { ...cur, claims, selected, decorations: cur.decorations.remove(gone) };
    }
    case 'select': {
      if (action.id === cur.selected) return cur;
      let decorations = cur.decorations;
      for (const [id, on] of [[cur.selected, false], [action.id, true]] as const) {
        const p = id ? cur.claims.get(id) : undefined;
        if (!id || !p) continue;
        decorations = decorations.remove(findDecos(decorations, p, id));
        const d = deco(p, on);
        if (d) decorations = decorations.add(state.doc, [d]);
      }
      const selected = action.id && cur.claims.has(action.id) ? action.id : null;
      return { ...cur, decorations, selected };
    }
  }
}

function findDecos(set: DecorationSet, p: Placed, id: string): Decoration[] {
  if (!p.range) return [];
  return set.find(p.range.from, p.range.to, (spec: DecoSpec) => spec.claimId === id);
}

function mapRange(range: ClaimRange | null, tr: Transaction): ClaimRange | null {
  if (!range) return null;
  const from = tr.mapping.map(range.from, 1);
  const to = tr.mapping.map(range.to, -1);
  return from < to ? { from, to } : null;
}

/** Kind ids are the user's; keep the class name a valid CSS identifier. */
function cssIdent(kind: string): string {
  return kind.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Where a claim sits in the editor, or null for orphans and ranges the document cannot hold. */
function place(claim: Claim, map: OffsetToPos, docSize: number): Placed {
  if (claim.status === 'orphan') return { claim, range: null };
  const { start, end } = claim.position;
  if (!(end > start)) return { claim, range: null };
  const from = map.posAt(start, 1);
  const to = map.posAt(end, -1);
  if (from === null || to === null || !(to > from) || from < 0 || to > docSize) return { claim, range: null };
  return { claim, range: { from, to } };
}

function dispatchAction(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, action: Action): boolean {
  if (!key.getState(state)) return false;
  if (dispatch) dispatch(state.tr.setMeta(key, action).setMeta('addToHistory', false));
  return true;
}

// --- commands (verbs) -----------------------------------------------------------------------

/**
 * Replace every claim (opening a document, or after undo/redo changed the store). With
 * `drawUntil`, only the highlights starting before that position are drawn until `drawAllClaims`
 * (or the next change): a document opening with thousands of claims shows its first screens at
 * once and draws the rest right after.
 */
export function setClaims(claims: readonly Claim[], map: OffsetToPos, opts: { drawUntil?: number } = {}): Command {
  return (state, dispatch) => {
    const size = state.doc.content.size;
    return dispatchAction(state, dispatch, { type: 'set', placed: claims.map((c) => place(c, map, size)), drawUntil: opts.drawUntil });
  };
}

/** Draws the highlights a `setClaims(…, { drawUntil })` left out; false when all are drawn. */
export function drawAllClaims(): Command {
  return (state, dispatch) => {
    if (!key.getState(state)?.drawn) return false;
    return dispatchAction(state, dispatch, { type: 'drawAll' });
  };
}

/**
 * Show one new claim (after the store committed it). Marks `claim-highlight-visible` once the
 * decoration has been dispatched, for the highlight benchmark.
 */
export function addClaim(claim: Claim, map: OffsetToPos): Command {
  return (state, dispatch) => {
    const ok = dispatchAction(state, dispatch, { type: 'put', placed: place(claim, map, state.doc.content.size) });
    if (ok && dispatch) performance.mark('claim-highlight-visible', { detail: { claimId: claim.id } });
    return ok;
  };
}

/** Replace one claim's data (kind, restatement, range after re-attaching). */
export function updateClaim(claim: Claim, map: OffsetToPos): Command {
  return (state, dispatch) =>
    dispatchAction(state, dispatch, { type: 'put', placed: place(claim, map, state.doc.content.size) });
}

/** Drop claims (deleted in the store). */
export function removeClaims(ids: readonly string[]): Command {
  return (state, dispatch) => dispatchAction(state, dispatch, { type: 'remove', ids: [...ids] });
}

/** Mark one claim as the one open in the editor (null: none). */
export function selectClaim(id: string | null): Command {
  return (state, dispatch) => dispatchAction(state, dispatch, { type: 'select', id });
}

// --- queries (nouns) ------------------------------------------------------------------------

/** The placed claims covering `pos` (ends included), innermost (shortest) first. */
export function claimsAt(state: EditorState, pos: number): Claim[] {
  const s = key.getState(state);
  if (!s) return [];
  const hits = s.decorations.find(pos, pos).filter((d) => d.from <= pos && pos <= d.to);
  hits.sort((a, b) => (a.to - a.from) - (b.to - b.from));
  const out: Claim[] = [];
  for (const d of hits) {
    const p = s.claims.get((d.spec as DecoSpec).claimId);
    if (p) out.push(p.claim);
  }
  return out;
}

/** The highlight decorations (for tests and for other plugins that need to avoid them). */
export function claimDecorations(state: EditorState): DecorationSet {
  return key.getState(state)?.decorations ?? DecorationSet.empty;
}

/** The claim open in the editor, if any. */
export function selectedClaim(state: EditorState): Claim | null {
  const s = key.getState(state);
  return (s?.selected && s.claims.get(s.selected)?.claim) || null;
}

/** Where a claim sits in the editor now (null: orphan or unknown). */
export function claimRange(state: EditorState, id: string): ClaimRange | null {
  return key.getState(state)?.claims.get(id)?.range ?? null;
}

/** Every claim the plugin holds, placed or not. */
export function allClaims(state: EditorState): Claim[] {
  const s = key.getState(state);
  return s ? [...s.claims.values()].map((p) => p.claim) : [];
}
