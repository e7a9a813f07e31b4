/**
 * The claims list: the open document's claims in text order (kind colour, quote, restatement,
 * ¶, a badge when moved/fuzzy), and the Orphans view — claims from every document whose text is
 * gone, shown (never deleted) with "Re-attach to selection". Keyboard: ↑/↓/Home/End move,
 * Enter opens.
 */
import { manageTags } from './tags-dialog.ts';
import type { Claim } from '../../core/api.ts';
import type { ClaimSession } from './claim-session.ts';
import { h } from './dom.ts';
import { errorMessage, kindDef, locator, snippet, statusBadge } from './format.ts';

/** Rows drawn before "Show all": a long list stays quick to open and to redraw after each change. */
const FIRST_ROWS = 300;

type View = 'document' | 'orphans';

/** The panel and its two views. */
export function createClaimsPanel(opts: {
  session: ClaimSession;
  onOpen(claim: Claim): void;
  /** Open an orphan's document so the user can select the new text there. */
  onOpenDocument(documentId: string): void;
  /** Open the dialog that renames the kinds and changes their colours. */
  onEditKinds(): void;
}): { el: HTMLElement; render(): void; openClaimChanged(id: string | null): void; showOrphans(): void } {
  const { session } = opts;
  let view: View = 'document';
  let showAll = false;
  let openId: string | null = null;
  let active = 0;
  let rows: Claim[] = [];
  let orphans: Claim[] = [];

  const tab = (v: View, label: string): HTMLButtonElement => h('button', {
    type: 'button', role: 'tab', id: `claims-tab-${v}`, 'aria-controls': 'claims-view', class: 'claims-tab',
    onclick: () => { view = v; active = 0; render(); },
    onkeydown: (e: Event) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'ArrowRight' || k === 'ArrowLeft') { view = view === 'document' ? 'orphans' : 'document'; render(); (view === 'document' ? docTab : orphanTab).focus(); }
    },
  }, label);
  const docTab = tab('document', 'This document');
  const orphanTab = tab('orphans', 'Orphans');
  const list = h('ol', { class: 'claims-list', role: 'listbox', tabindex: 0, 'aria-label': 'Claims in this document' });
  const more = h('button', { type: 'button', class: 'link-button', hidden: true, onclick: () => { showAll = true; render(); } });
  const status = h('p', { class: 'claims-status', role: 'status' });
  const body = h('div', { id: 'claims-view', role: 'tabpanel', class: 'claims-view' }, list, more, status);
  const kindsButton = h('button', {
    type: 'button', class: 'link-button claims-kinds-button', title: 'Rename the claim kinds or change their colours',
    onclick: () => opts.onEditKinds(),
  }, 'Kinds…');
  const tagsButton = h('button', {
    type: 'button', class: 'link-button claims-kinds-button', title: 'Rename, merge or delete tags across the library',
    onclick: () => void manageTags(session.ctx.reader),
  }, 'Tags…');
  const el = h('section', { class: 'claims-panel', 'aria-label': 'Claims' },
    h('div', { class: 'claims-head' },
      h('div', { role: 'tablist', class: 'claims-tabs', 'aria-label': 'Claims views' }, docTab, orphanTab), tagsButton, kindsButton),
    body);

  const docRow = (c: Claim, i: number): HTMLElement => {
    const kind = kindDef(session.kinds(), c.kind);
    const badge = statusBadge(c.status);
    return h('li', {
      id: `claims-row-${i}`, role: 'option', class: 'claims-row', 'data-claim-id': c.id,
      'aria-selected': String(c.id === openId), style: `--claim-color: ${kind.color}`,
      onclick: () => { active = i; opts.onOpen(c); },
    },
    h('span', { class: 'claims-row-kind' }, kind.label),
    h('span', { class: 'claims-row-quote' }, snippet(c.quote.exact)),
    c.restatement ? h('span', { class: 'claims-row-restatement' }, c.restatement) : null,
    h('span', { class: 'claims-row-where' }, locator(c),
      badge ? h('span', { class: `status-badge status-${c.status}`, title: badge.title }, badge.text) : null));
  };

  const orphanRow = (c: Claim, i: number, titles: Map<string, string>): HTMLElement => {
    const kind = kindDef(session.kinds(), c.kind);
    const here = session.doc()?.model.id === c.documentId;
    const msg = h('span', { class: 'orphan-message', role: 'status' });
    return h('li', { id: `claims-row-${i}`, role: 'option', class: 'claims-row orphan-row', 'data-claim-id': c.id, 'aria-selected': 'false', style: `--claim-color: ${kind.color}` },
      h('span', { class: 'claims-row-kind' }, kind.label),
      h('span', { class: 'claims-row-quote' }, snippet(c.quote.exact)),
      c.restatement ? h('span', { class: 'claims-row-restatement' }, c.restatement) : null,
      h('span', { class: 'claims-row-where' }, titles.get(c.documentId) ?? 'Unknown document'),
      h('span', { class: 'orphan-actions' },
        here ? null : h('button', { type: 'button', class: 'link-button', onclick: () => opts.onOpenDocument(c.documentId) }, 'Open document'),
        h('button', {
          type: 'button', class: 'link-button', 'data-action': 'reattach',
          onmousedown: (e: Event) => e.preventDefault(),
          onclick: async () => {
            const d = session.doc();
            const range = session.selectionRange();
            if (!d || d.model.id !== c.documentId) { msg.textContent = 'Open its document and select the passage first.'; return; }
            if (!range) { msg.textContent = 'Select the passage in the text first.'; return; }
            try {
              const updated = await session.update(c.id, { range });
              session.ctx.toast(updated.status === 'orphan' ? 'Still an orphan.' : 'Re-attached.');
            } catch (err) { msg.textContent = `Could not re-attach: ${errorMessage(err)}`; }
          },
        }, 'Re-attach to selection')),
      msg);
  };

  const loadOrphans = async (): Promise<void> => {
    try {
      orphans = await session.ctx.reader.listClaims({ status: 'orphan' });
    } catch (err) {
      status.textContent = `Could not load orphans: ${errorMessage(err)}`;
      return;
    }
    orphanTab.textContent = orphans.length ? `Orphans (${orphans.length})` : 'Orphans';
    if (view === 'orphans') draw();
  };

  const draw = (): void => {
    docTab.setAttribute('aria-selected', String(view === 'document'));
    orphanTab.setAttribute('aria-selected', String(view === 'orphans'));
    docTab.tabIndex = view === 'document' ? 0 : -1;
    orphanTab.tabIndex = view === 'orphans' ? 0 : -1;
    body.setAttribute('aria-labelledby', view === 'document' ? docTab.id : orphanTab.id);
    const placed = session.claims().filter((c) => c.status !== 'orphan');
    docTab.textContent = session.doc() ? `This document (${placed.length})` : 'This document';
    if (view === 'document') {
      rows = placed;
      const shown = showAll ? rows : rows.slice(0, FIRST_ROWS);
      list.replaceChildren(...shown.map(docRow));
      list.setAttribute('aria-label', 'Claims in this document');
      more.hidden = shown.length === rows.length;
      more.textContent = `Show all ${rows.length} claims`;
      status.textContent = session.doc() ? (rows.length ? '' : 'No claims yet: select text and choose a kind.') : 'Open a document to see its claims.';
    } else {
      rows = orphans;
      const titles = new Map(session.ctx.documents().map((d) => [d.id, d.title]));
      list.replaceChildren(...orphans.map((c, i) => orphanRow(c, i, titles)));
      list.setAttribute('aria-label', 'Orphaned claims in all documents');
      more.hidden = true;
      status.textContent = orphans.length ? '' : 'No orphans: every claim is placed.';
    }
    setActive(Math.min(active, Math.max(0, list.children.length - 1)), false);
  };

  const setActive = (i: number, scroll: boolean): void => {
    active = i;
    for (const row of list.children) row.classList.remove('active');
    const row = list.children[i];
    if (row) {
      row.classList.add('active');
      list.setAttribute('aria-activedescendant', row.id);
      if (scroll) row.scrollIntoView({ block: 'nearest' });
    } else list.removeAttribute('aria-activedescendant');
  };

  list.addEventListener('keydown', (e) => {
    const n = list.children.length;
    if (!n) return;
    if (e.target !== list) return; // buttons inside orphan rows handle their own keys
    let next = active;
    if (e.key === 'ArrowDown') next = Math.min(n - 1, active + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, active - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Enter') {
      e.preventDefault();
      const c = rows[active];
      if (c && view === 'document') opts.onOpen(c);
      else if (c) opts.onOpenDocument(c.documentId);
      return;
    } else return;
    e.preventDefault();
    setActive(next, true);
  });

  const render = (): void => {
    draw();
    void loadOrphans();
  };
  // Redraw after the highlight has had its frame: the list is secondary to the text. (A task
  // posted from a frame callback runs after that frame is painted; one posted now would run
  // before it, and 300 rows of a 10,000-claim document take tens of ms.)
  let pending = false;
  session.onDidChange(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => setTimeout(() => { pending = false; render(); }, 0));
  });
  render();
  return {
    el,
    render,
    openClaimChanged(id) {
      openId = id;
      for (const row of list.children) {
        const on = (row as HTMLElement).dataset.claimId === id;
        row.setAttribute('aria-selected', String(on));
        if (on && view === 'document') setActive([...list.children].indexOf(row), true);
      }
    },
    showOrphans() { view = 'orphans'; render(); orphanTab.focus(); },
  };
}
