/**
 * A claim's links, shown from its side: "supports → «quote…» (Policy brief ¶ 4)" for links it
 * holds, "← contradicted by «…»" for links that point at it. Each entry is a button: click or
 * Enter follows it (opens the other document and selects the claim); × removes the link.
 */
import type { Claim, ClaimKindDef, ClaimLink, DocumentSummary, LinkRelation, ReaderBridge } from '../../core/api.ts';
import { h } from './dom.ts';
import { errorMessage, kindDef, locator, relationLabel, snippet } from './format.ts';
import { createLinkPicker } from './link-picker.ts';

/** What the links section needs from the editor around it. */
export interface LinksOptions {
  reader: ReaderBridge;
  claim: Claim;
  kinds: readonly ClaimKindDef[];
  documents: () => DocumentSummary[];
  libraryClaims: () => Promise<Claim[]>;
  /** Run a host call whose change the caller applies itself (ClaimSession.own). */
  own<T>(reason: string, call: () => Promise<T>): Promise<T>;
  onFollow(claim: Claim): void;
  /** After a link was added or removed (other panels may redraw). */
  onChanged(): void;
}

/** The section: list, "Link to…" and the picker when open. */
export function createClaimLinks(opts: LinksOptions): { el: HTMLElement; reload(): Promise<void> } {
  const list = h('ul', { class: 'claim-links', 'aria-label': 'Links' });
  const status = h('p', { class: 'links-status', role: 'status' });
  const slot = h('div', { class: 'link-picker-slot' });
  const linkTo = h('button', { type: 'button', class: 'link-button', onclick: () => openPicker() }, 'Link to…');
  const el = h('div', { class: 'links-field' }, list, status, linkTo, slot);

  const openPicker = (): void => {
    const picker = createLinkPicker({
      from: opts.claim, claims: opts.libraryClaims, kinds: opts.kinds, documents: opts.documents,
      onLink: async (to: Claim, relation: LinkRelation) => {
        await opts.own('link-claims', () => opts.reader.linkClaims(opts.claim.id, to.id, relation));
        closePicker();
        opts.onChanged();
        await reload();
      },
      onClose: () => closePicker(),
    });
    slot.replaceChildren(picker.el);
    linkTo.hidden = true;
    picker.focus();
  };
  const closePicker = (): void => {
    slot.replaceChildren();
    linkTo.hidden = false;
    linkTo.focus();
  };

  const row = (link: ClaimLink, other: Claim | undefined, titles: Map<string, string>): HTMLElement => {
    const outgoing = link.from === opts.claim.id;
    const label = relationLabel(link.relation, outgoing);
    if (!other) return h('li', { class: 'claim-link missing' }, `${label} a claim that no longer exists`);
    const where = [titles.get(other.documentId) ?? 'Unknown document', locator(other)].filter(Boolean).join(' ');
    const kind = kindDef(opts.kinds, other.kind);
    return h('li', { class: 'claim-link' },
      h('button', {
        type: 'button', class: 'claim-link-follow', 'data-claim-id': other.id,
        title: `Open this claim in ${titles.get(other.documentId) ?? 'its document'}`,
        onclick: () => opts.onFollow(other),
      },
      h('span', { class: 'claim-link-relation' }, label), ' ',
      h('span', { class: 'kind-dot', style: `--claim-color: ${kind.color}` }),
      h('span', { class: 'claim-link-quote', title: other.restatement || null }, snippet(other.quote.exact, 60)), ' ',
      h('span', { class: 'claim-link-where' }, `(${where})`)),
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': `Remove link: ${label} ${snippet(other.quote.exact, 40)}`, title: 'Remove link',
        onclick: async () => {
          try {
            await opts.own('unlink-claims', () => opts.reader.unlinkClaims(link.id));
            opts.onChanged();
            await reload();
            linkTo.focus();
          } catch (err) { status.textContent = `Could not remove the link: ${errorMessage(err)}`; }
        },
      }, '×'));
  };

  const reload = async (): Promise<void> => {
    try {
      const links = await opts.reader.listLinks(opts.claim.id);
      if (!links.length) { list.replaceChildren(); status.textContent = 'No links yet.'; return; }
      const claims = new Map((await opts.libraryClaims()).map((c) => [c.id, c]));
      const titles = new Map(opts.documents().map((d) => [d.id, d.title]));
      list.replaceChildren(...links.map((l) => row(l, claims.get(l.from === opts.claim.id ? l.to : l.from), titles)));
      status.textContent = '';
    } catch (err) {
      status.textContent = `Could not load links: ${errorMessage(err)}`;
    }
  };
  void reload();
  return { el, reload };
}
