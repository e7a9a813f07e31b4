/**
 * One corpus or all (issue 10, item 13): the scope control of the Search tab and the All-claims
 * view, how a claim of another corpus is labelled, and opening such a claim (switching corpora).
 *
 * Default "This corpus": the library panel shows one corpus at a time, as Zotero's item list
 * shows the selected collection, and Zotero's search box searches what is shown; so a search, a
 * list, a bulk action ("Select all", "Delete…") and an export cover the corpus on screen unless
 * the person widens them. "All corpora" is one click away and remembered per view. A library of
 * one corpus shows no control: the two scopes are the same.
 */
import type { ClaimSearchHit, CorpusSummary, LibrarySnapshot, ReaderBridge } from '../../core/api.ts';
import { hashForClaim } from '../annotations/claim-route.ts';
import { h } from '../ui/dom.ts';

/** Which claims a view covers: the open corpus's, or the whole library's. */
export type CorpusScopeChoice = 'this' | 'all';

/** The control and what the view asks of it. */
export interface CorpusScope {
  /** The control (a labelled select); hidden while the library has one corpus. */
  el: HTMLElement;
  /** The filter's `corpusId`: the open corpus's id under "This corpus", undefined under "All corpora" (or before the library is known). */
  corpusId(): string | undefined;
  choice(): CorpusScopeChoice;
  /** The library as last heard (corpora and which is open), or null before the first answer. */
  library(): LibrarySnapshot | null;
  /** ` in the corpus “name”` under "This corpus" (with two corpora or more), else '': for labels such as the Export dialog's. */
  inWords(): string;
  /** Widen (or narrow) the scope as if the person had chosen it: remembered, and `onChange` runs. */
  choose(choice: CorpusScopeChoice): void;
  /** Grey the control out (with why), e.g. while the Search tab searches the open corpus's text. */
  setDisabled(why: string | null): void;
  dispose(): void;
}

const STORAGE_PREFIX = 'marginalia.corpusScope.';

/** The remembered choice for `view`, "This corpus" when none was made. */
export function rememberedScope(view: string): CorpusScopeChoice {
  try { return localStorage.getItem(STORAGE_PREFIX + view) === 'all' ? 'all' : 'this'; } catch { return 'this'; }
}

/**
 * Creates the control for `view` ('search', 'all-claims': each remembers its own choice).
 * `onChange` runs when the choice changes, and when the open corpus changes under "This corpus".
 */
export function createCorpusScope(reader: ReaderBridge, view: string, onChange: () => void): CorpusScope {
  const select = h('select', { className: 'corpus-scope-select', 'aria-label': 'Claims from' },
    h('option', { value: 'this' }, 'This corpus'), h('option', { value: 'all' }, 'All corpora'));
  select.value = rememberedScope(view);
  const label = h('label', { className: 'corpus-scope', hidden: true }, h('span', { className: 'corpus-scope-label' }, 'Claims from'), select);
  let snapshot: LibrarySnapshot | null = null;
  const show = (s: LibrarySnapshot): void => {
    const before = snapshot?.corpusId;
    snapshot = s;
    label.hidden = s.corpora.length < 2;
    const open = s.corpora.find((c) => c.id === s.corpusId);
    select.options[0]!.textContent = open ? `This corpus (${open.name})` : 'This corpus';
    if (before !== undefined && before !== s.corpusId && select.value === 'this') onChange();
  };
  const chosen = (): void => {
    try { localStorage.setItem(STORAGE_PREFIX + view, select.value); } catch { /* storage off: not remembered */ }
    onChange();
  };
  select.addEventListener('change', chosen);
  const off = reader.on('onDidChangeLibrary', show);
  reader.getLibrary().then((s) => { if (!snapshot) { show(s); if (select.value === 'this' && s.corpora.length > 1) onChange(); } }, () => undefined);
  return {
    el: label,
    corpusId: () => (select.value === 'this' && snapshot?.corpusId && snapshot.corpora.length > 1 ? snapshot.corpusId : undefined),
    choice: () => (select.value === 'all' ? 'all' : 'this'),
    library: () => snapshot,
    inWords: () => {
      const id = select.value === 'this' && snapshot && snapshot.corpora.length > 1 ? snapshot.corpusId : null;
      const name = id ? snapshot!.corpora.find((c) => c.id === id)?.name : undefined;
      return name ? ` in the corpus “${name}”` : '';
    },
    choose: (choice) => { if (select.value !== choice) { select.value = choice; chosen(); } },
    setDisabled: (why) => { select.disabled = why !== null; label.title = why ?? ''; },
    dispose: off,
  };
}

/** How a claim's source reads in a result row. */
export interface SourceLabel {
  /** The corpus's name when it is not the open one (null: the open corpus, or unknown). */
  corpus: string | null;
  /** The document's title, or what to say when no corpus holds it any more. */
  title: string;
  /** True only when no corpus of the library holds the document: the one case that is "gone". */
  gone: boolean;
}

/** Says where a claim hit's document is: its title, and its corpus when that is not the open one. */
export function sourceLabel(hit: Pick<ClaimSearchHit, 'title' | 'corpusId'>, library: LibrarySnapshot | null): SourceLabel {
  const gone = hit.corpusId === null || (hit.corpusId === undefined && !hit.title);
  if (gone) return { corpus: null, title: 'A document gone from every corpus (the claim is kept)', gone };
  const other = hit.corpusId && library && hit.corpusId !== library.corpusId ? library.corpora.find((c) => c.id === hit.corpusId) : undefined;
  return { corpus: other ? other.name : null, title: hit.title || 'Untitled source', gone };
}

/** A source label as a row shows it: "[corpus] title". */
export function sourceLabelElement(label: SourceLabel, className: string): HTMLElement {
  return h('span', { className: `${className}${label.gone ? ' source-gone' : ''}` },
    label.corpus ? h('span', { className: 'corpus-chip', title: `In the corpus “${label.corpus}” (opening it switches to that corpus)` }, label.corpus) : null,
    label.title);
}

/**
 * Opens a claim wherever its document is: in the open corpus through `open` (the URL), in another
 * corpus by switching to it first, as one click in the library panel does (`reader.openCorpus`;
 * the reader follows the host's onDidChangeLibrary and, since the URL already names the claim's
 * document, opens that one rather than the corpus's first). `say` reports a failure.
 */
export async function openClaimInItsCorpus(
  reader: ReaderBridge, hit: Pick<ClaimSearchHit, 'documentId' | 'claimId' | 'corpusId'>, library: LibrarySnapshot | null,
  open: (documentId: string, claimId: string) => void, say: (message: string) => void,
): Promise<void> {
  const target: CorpusSummary | undefined = hit.corpusId && library && hit.corpusId !== library.corpusId
    ? library.corpora.find((c) => c.id === hit.corpusId) : undefined;
  if (target) {
    const before = location.hash;
    history.pushState(null, '', hashForClaim(hit.documentId, hit.claimId));
    try {
      await reader.openCorpus(target.dir);
    } catch (err) {
      history.replaceState(null, '', before || location.pathname + location.search);
      say(`Could not open the corpus “${target.name}”: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
  }
  open(hit.documentId, hit.claimId);
}
