/**
 * The bucket bar (after Hypothesis's): a thin strip at the reader's right edge with a mark for
 * where claims are in the whole document, so the density of marks shows at a glance. Claims
 * closer than BUCKET_PX on the strip share one mark with a count; clicking a mark (or Enter on it)
 * opens its first claim in the reader. Positions are the claims' places along the document
 * (the caller gives fractions 0–1; it uses text positions, not layout, which is close enough for
 * a map and costs nothing at 10,000 claims).
 */
import type { Claim } from '../../core/api.ts';

/** Claims closer than this on the strip (px) share a mark: about one mark's height. */
export const BUCKET_PX = 10;
/** Claims named in a mark's tooltip. */
const TITLE_CLAIMS = 5;

/** A mark on the strip: its claims and where (fraction 0–1 of the document's height). */
export interface Bucket { at: number; claims: Claim[] }

/**
 * Groups claims at fractions `at` (0–1) into marks for a strip `height` px tall: a claim joins the
 * mark above it when within BUCKET_PX of that mark's first claim. Pure (tested in Node).
 */
export function bucketsOf(placed: ReadonlyArray<{ claim: Claim; at: number }>, height: number): Bucket[] {
  const sorted = [...placed].filter((p) => Number.isFinite(p.at)).sort((a, b) => a.at - b.at);
  const out: Bucket[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (last && (p.at - last.at) * height < BUCKET_PX) last.claims.push(p.claim);
    else out.push({ at: Math.min(1, Math.max(0, p.at)), claims: [p.claim] });
  }
  return out;
}

/** Creates the strip in `column` (the reader column); `place()` gives each claim's fraction. */
export function createBucketBar(opts: {
  column: HTMLElement;
  place(): Array<{ claim: Claim; at: number }>;
  open(claim: Claim): void;
  label(claim: Claim): string;
}): { refresh(): void } {
  const doc = opts.column.ownerDocument;
  const bar = doc.createElement('nav');
  bar.className = 'bucket-bar';
  bar.setAttribute('aria-label', 'Where the claims are in this document');
  opts.column.append(bar);
  let pending = 0;

  const draw = (): void => {
    pending = 0;
    const height = bar.clientHeight || 1;
    const buckets = bucketsOf(opts.place(), height);
    bar.replaceChildren(...buckets.map((b) => {
      const mark = doc.createElement('button');
      mark.type = 'button';
      mark.className = 'bucket';
      mark.style.top = `${(b.at * 100).toFixed(2)}%`;
      mark.style.setProperty('--claim-color', 'var(--accent)');
      if (b.claims.length > 1) mark.textContent = String(b.claims.length);
      const first = b.claims[0]!;
      mark.setAttribute('aria-label', `${b.claims.length} claim${b.claims.length === 1 ? '' : 's'}: ${opts.label(first)}`);
      // the first few only: labelling every claim of every mark took ~100 ms at 10,000 claims
      mark.title = b.claims.slice(0, TITLE_CLAIMS).map(opts.label).join('\n');
      mark.addEventListener('click', () => opts.open(first));
      return mark;
    }));
    bar.hidden = buckets.length === 0;
  };
  const refresh = (): void => { if (!pending) pending = requestAnimationFrame(() => requestAnimationFrame(draw)); };
  doc.defaultView?.addEventListener('resize', refresh);
  return { refresh };
}
