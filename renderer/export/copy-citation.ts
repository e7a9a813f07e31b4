/**
 * "Copy as citation" (issue 6, item 3): a claim's quote with its in-text citation and paragraph
 * locator, put on the clipboard as HTML (a blockquote, the style's italics, a link back into the
 * app) and as plain text, so it pastes well into a word processor and into a plain editor. The
 * style is the one last chosen in the Export dialog (APA until then).
 */
import type { ReaderApi } from '../../core/api.ts';
import { errorMessage } from '../annotations/format.ts';

const MAC = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform);
/** The shortcut as the shortcuts list shows it. */
export const COPY_CITATION_KEYS = MAC ? '⌘+Alt+C' : 'Ctrl+Alt+C';

/** Whether a key event is the copy-as-citation shortcut (Ctrl/⌘+Alt+C; `code`, so layouts that put another letter there still work). */
export function isCopyCitationKey(e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  const mod = MAC ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  return mod && e.altKey && !e.shiftKey && e.code === 'KeyC';
}

/** Where the chosen citation style is remembered in this browser profile. */
const STYLE_KEY = 'marginalia.citationStyle';

/** The citation style last chosen in the Export dialog, or 'apa'. */
export function preferredStyle(): string {
  try { return localStorage.getItem(STYLE_KEY) || 'apa'; } catch { return 'apa'; }
}

/** Remembers the style for the next copy. */
export function rememberStyle(style: string): void {
  try { localStorage.setItem(STYLE_KEY, style); } catch { /* private mode: nothing to remember */ }
}

/** Copies the claim; resolves with a message for the user (never rejects). */
export async function copyClaimCitation(reader: Pick<ReaderApi, 'citeClaim'>, claimId: string): Promise<string> {
  try {
    const c = await reader.citeClaim(claimId, preferredStyle());
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([c.html], { type: 'text/html' }),
      'text/plain': new Blob([`${c.text}\n${c.link}`], { type: 'text/plain' }),
    })]);
    return `Copied: ${c.citation}`;
  } catch (err) {
    return `Could not copy the citation: ${errorMessage(err)}`;
  }
}
