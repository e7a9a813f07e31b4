/**
 * Claim links arriving from outside the page (core/links.ts): the desktop shell's `open-claim`
 * command (from `marginalia://claim/<id>`) and the web host's `/claim/<id>`, which redirects to
 * `/#claim=<id>`. Both carry only the claim id; the claims layer (index.ts) asks the host for the
 * claim, opens its document, selects it and flashes it here, so the eye finds it.
 */
import { isClaimId } from '../../core/links.ts';

/** How long the flash lasts (ms): two pulses of the CSS animation `claim-flash` (annotations.css). */
export const FLASH_MS = 1600;

/** The claim id of a `#claim=<id>` hash that has no `doc=` (a link not resolved yet), or null. */
export function linkedClaimFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('claim');
  return id && !params.has('doc') && isClaimId(id) ? id : null;
}

/**
 * The text of a `#claim=…` hash (no `doc=`) that is not a claim id (a link cut short or mistyped
 * when pasted), or null: said to the user instead of being ignored.
 */
export function malformedClaimLink(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('claim');
  return id !== null && !params.has('doc') && !isClaimId(id) ? id : null;
}

/** What the reader says about a claim link that names no claim. */
export function malformedLinkMessage(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `This claim link names no claim (“${shown}”): a claim link ends in the claim's 36-character id. It may have been cut short; copy it again from where it came.`;
}

/**
 * Brings the selected claim's highlight on screen and flashes it for FLASH_MS. The class goes on the
 * reader's parent, outside ProseMirror's DOM: ProseMirror redraws any node whose attributes
 * change under it, so a class set on the highlight itself would vanish at once. CSS
 * (`.claim-flashing > .reader-text .claim.claim-selected`) does the rest, and a highlight that
 * ProseMirror redraws meanwhile flashes on. Returns how many highlight pieces the claim has on
 * screen (0: nothing to flash, e.g. an orphan).
 */
export function flashClaim(root: ParentNode, claimId: string): number {
  const text = root.querySelector<HTMLElement>('.reader-text');
  const host = text?.parentElement;
  if (!text || !host) return 0;
  const pieces = [...text.querySelectorAll<HTMLElement>('.claim[data-claim-id]')].filter((el) => el.dataset.claimId === claimId);
  if (pieces.length === 0) return 0;
  // ProseMirror scrolls to its selection only while it has focus, and a link puts the focus in
  // the claim editor: so the highlight is brought on screen here, in the middle of the view.
  pieces[0]!.scrollIntoView({ block: 'center' });
  host.classList.remove('claim-flashing');
  void host.offsetWidth; // restart the animation when a claim is flashed twice in a row
  host.classList.add('claim-flashing');
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => host.classList.remove('claim-flashing'), FLASH_MS);
  return pieces.length;
}
let flashTimer: ReturnType<typeof setTimeout> | undefined;
