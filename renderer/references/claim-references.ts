/**
 * "This claim cites": when a claim is open (the address says `#…&claim=ID`), the References tab
 * names the works whose markers stand in the claim's paragraph and offers to copy the claim
 * cited "as cited in" its source (quote + in-text citation by the style last chosen in the
 * Export dialog, as HTML and plain text, like "Copy as citation").
 */
import type { ReaderApi } from '../../core/api.ts';
import { claimFromHash } from '../annotations/claim-route.ts';
import { preferredStyle } from '../export/copy-citation.ts';
import { errorMessage, h } from '../ui/dom.ts';
import { authorWords, yearOf } from './reference-item.ts';

/** The strip as the References view sees it. */
export interface ClaimReferences {
  readonly element: HTMLElement;
  /** Re-reads the open claim's references (after a hash change or an annotation change). */
  refresh(): Promise<void>;
}

/** Builds the strip; it hides itself while no claim with references is open. */
export function createClaimReferences(reader: Pick<ReaderApi, 'referencesForClaim' | 'citeClaimAsCitedIn'>): ClaimReferences {
  const list = h('ul', {});
  const status = h('p', { className: 'claim-refs-status', role: 'status', 'aria-live': 'polite' });
  const element = h('section', { className: 'claim-refs', hidden: true, 'aria-label': 'Works the open claim cites' },
    h('h3', {}, 'The open claim cites'), list, status);
  let generation = 0;

  const copy = async (claimId: string, referenceId: string): Promise<void> => {
    try {
      const c = await reader.citeClaimAsCitedIn(claimId, referenceId, preferredStyle());
      try {
        await navigator.clipboard.write([new ClipboardItem({
          'text/html': new Blob([c.html], { type: 'text/html' }),
          'text/plain': new Blob([`${c.text}\n${c.link}`], { type: 'text/plain' }),
        })]);
        status.textContent = `Copied: ${c.citation}`;
      } catch {
        status.textContent = `The clipboard is not available here; the citation is: ${c.citation}`;
      }
    } catch (err) {
      status.textContent = `Could not cite it: ${errorMessage(err)}`;
    }
  };

  const refresh = async (): Promise<void> => {
    const mine = ++generation;
    const claimId = claimFromHash(location.hash)?.claimId ?? null;
    if (!claimId) { element.hidden = true; return; }
    try {
      const refs = await reader.referencesForClaim(claimId);
      if (mine !== generation) return;
      element.hidden = refs.length === 0;
      list.replaceChildren(...refs.map((r) => {
        const year = yearOf(r.csl.issued);
        return h('li', {},
          h('span', { className: 'claim-ref-name' }, `${r.origin === 'footnote' ? 'Note' : 'Entry'} ${r.label}: ${authorWords(r.csl.author) || 'No author'} (${year ?? 'n.d.'})`),
          ' ',
          h('button', { type: 'button', className: 'ref-promote claim-ref-copy', onclick: () => void copy(claimId, r.id) }, 'Copy “as cited in”'));
      }));
    } catch (err) {
      if (mine === generation) { element.hidden = false; status.textContent = `Could not read the claim's references: ${errorMessage(err)}`; }
    }
  };
  return { element, refresh };
}
