/**
 * What the benchmark runs inside the reader's page (real Chromium, the built renderer served by
 * `marginalia serve`). The renderer already marks two moments with performance.mark:
 *   `document-open`            ui/document-session.ts, right after the reader view showed a
 *                              document (its DOM is built; detail: id, ms, fetchMs, buildMs, showMs,
 *                              stepsMs: when the work alongside the fetch, e.g. the claims, was done)
 *   `claim-highlight-visible`  editor/plugins/annotations.ts, right after a new claim's
 *                              decoration was dispatched (ProseMirror updates the DOM synchronously)
 * The probe, installed before any page script, records those marks and, for each, when the next
 * frame after it has been produced ("painted": a task posted from the following
 * requestAnimationFrame callback runs only after that frame's style, layout and paint). It also
 * times every API call (fetch start → JSON parsed) so the network round trip can be told apart
 * from the renderer's own work, and notes when the make-a-claim keys went down.
 *
 * The script is plain JavaScript in a string: it runs in the page, not in Node.
 */
import type { Page } from 'playwright-core';

/** Browser globals inside page.evaluate callbacks (this tsconfig has no DOM lib). */
declare const window: any, document: any, CSS: any, performance: any, requestAnimationFrame: any, NodeFilter: any, getSelection: any, innerHeight: number;

/** Installed with page.addInitScript: records marks, paints, API timings and key presses in `window.__bench`. */
export const PROBE_SCRIPT = String.raw`(() => {
  const B = window.__bench = { opens: [], highlights: [], requests: [], keys: [] };
  // Called inside a requestAnimationFrame callback: tells when this frame was painted, as the
  // time the next frame began (a rAF callback's argument; a frame begins only once the one
  // before it was painted and committed). A message posted from the rAF would say "painted" only
  // when it is handled, which other tasks queued meanwhile can delay by a hundred ms and more.
  const thisFramePainted = (cb) => { requestAnimationFrame((frameStart) => cb(frameStart)); };
  const afterPaint = (cb) => requestAnimationFrame(() => thisFramePainted(cb));
  B.afterPaint = afterPaint;
  B.thisFramePainted = thisFramePainted;
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, opts) {
    const entry = mark(name, opts);
    const t = performance.now();
    const detail = opts && opts.detail;
    if (name === 'document-open' && detail) {
      const rec = { id: detail.id, t, detail, paint: null };
      B.opens.push(rec);
      afterPaint((p) => { rec.paint = p; });
    } else if (name === 'claims-all-drawn' && detail) {
      const rec = { t, count: detail.count, paint: null };
      (B.allDrawn = B.allDrawn || []).push(rec);
      afterPaint((p) => { rec.paint = p; });
    } else if (name === 'claim-highlight-visible' && detail) {
      const sel = '.reader-text .claim[data-claim-id="' + CSS.escape(detail.claimId) + '"]';
      const rec = { id: detail.claimId, t, inDom: !!document.querySelector(sel), paint: null };
      B.highlights.push(rec);
      afterPaint((p) => { rec.paint = p; });
    }
    return entry;
  };
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = String(input && input.url ? input.url : input);
    const body = init && typeof init.body === 'string' ? init.body.slice(0, 200) : '';
    const rec = { method: url.replace(/^.*reader:/, ''), body, start: performance.now(), headers: null, parsed: null };
    B.requests.push(rec);
    return realFetch.call(this, input, init).then((res) => {
      rec.headers = performance.now();
      const json = res.json;
      res.json = function () { return json.call(this).then((v) => { rec.parsed = performance.now(); return v; }); };
      return res;
    });
  };
  addEventListener('keydown', (e) => {
    if (e.ctrlKey && e.shiftKey && (e.key === 'H' || e.key === 'h')) B.keys.push(performance.now());
  }, true);
})();`;

/**
 * Waits until the page's API calls have all answered and none started for `quietMs`: what the
 * reader does in the background after a load or an edit (panels refreshing) is over. A call
 * unanswered for 15 s is taken as lost, not waited for.
 */
export async function waitForQuiet(page: Page, quietMs = 300, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction((q) => {
    const now = performance.now();
    const reqs = window.__bench.requests;
    if (reqs.some((r: any) => r.parsed === null && now - r.start < 15_000)) return false;
    const last = Math.max(0, ...reqs.map((r: any) => Math.max(r.start, r.parsed ?? 0)));
    return now - last > q;
  }, quietMs, { timeout: timeoutMs, polling: 50 });
}

/** How one document open went, in ms from the click on its library entry. */
export interface OpenTiming {
  /** Click → the frame after `document-open` (text painted). */
  paintedMs: number;
  /** Click → `document-open` (text in the DOM). */
  markMs: number;
  /** The session's own phases: API fetch, editor-doc build, view update. */
  fetchMs: number; buildMs: number; showMs: number;
  /** The open's start → its other steps done (the document's claims fetched); 0 when none ran. */
  stepsMs: number;
}

/** Waits until the page has painted the first document; returns its mark and paint as epoch ms. */
export async function firstDocumentPainted(page: Page, timeoutMs = 30_000): Promise<{ markEpoch: number; paintEpoch: number; id: string }> {
  await page.waitForFunction(() => window.__bench?.opens.some((o: any) => o.paint !== null), undefined, { timeout: timeoutMs, polling: 10 });
  return page.evaluate(() => {
    const o = window.__bench.opens.find((x: any) => x.paint !== null);
    return { markEpoch: performance.timeOrigin + o.t, paintEpoch: performance.timeOrigin + o.paint, id: o.id };
  });
}

/**
 * Opens a document the way a reader does, by clicking its entry in the library, and waits for
 * its text to be painted. With `highlights`, also waits for the first claim highlight to be in
 * the DOM and painted (checked every animation frame: the frame that finds it is the frame that
 * paints it).
 */
export async function openDocument(page: Page, id: string, opts: { highlights?: boolean; timeoutMs?: number } = {}):
  Promise<OpenTiming & {
    highlightsDomMs?: number; highlightsPaintedMs?: number; claimsSentMs?: number; claimsParsedMs?: number;
    /** When the reader drew its highlights in two steps (many claims): the second step painted, and how many. */
    allDrawnPaintedMs?: number; allDrawnCount?: number;
  }> {
  return page.evaluate(async ({ id, highlights, timeoutMs }) => {
    const B = window.__bench;
    const li = document.querySelector(`#library-panel li[data-id="${CSS.escape(id)}"]`);
    if (!li) throw new Error(`No library entry for ${id}`);
    if (highlights && document.querySelector('#editor .claim')) throw new Error('Highlights are already on screen before the open.');
    const before = B.opens.length;
    const drawnBefore = (B.allDrawn || []).length;
    let domAt: number | null = null, hlPaint: number | null = null;
    const t0 = performance.now();
    if (highlights) {
      const poll = (): void => {
        // this runs in a frame's rAF: highlights found now are painted by the end of this frame
        if (document.querySelector('#editor .claim')) { domAt = performance.now(); B.thisFramePainted((p: number) => { hlPaint = p; }); } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }
    li.click();
    const deadline = t0 + timeoutMs;
    const open = await new Promise<any>((resolve, reject) => {
      const check = (): void => {
        const o = B.opens.slice(before).find((x: any) => x.id === id && x.paint !== null);
        if (o && (!highlights || hlPaint !== null)) resolve(o);
        else if (performance.now() > deadline) reject(new Error(`The document did not open within ${timeoutMs} ms.`));
        else setTimeout(check, 5);
      };
      check();
    });
    // with many claims the reader draws the rest of the highlights right after the first paint
    // (a long document fetches them then: up to 30 s on a loaded machine)
    const allDrawn = highlights ? await new Promise<any>((resolve) => {
      const until = performance.now() + 30_000;
      const check = (): void => {
        const d = (B.allDrawn || []).slice(drawnBefore).find((x: any) => x.paint !== null);
        if (d || performance.now() > until) resolve(d ?? null); else setTimeout(check, 5);
      };
      check();
    }) : null;
    // the open document's claims: listClaims filtered to it, sent after the click
    const claimsCall = B.requests.find((r: any) => r.start >= t0 && r.method === 'listClaims' && r.body.includes(id));
    return {
      paintedMs: open.paint - t0, markMs: open.t - t0,
      fetchMs: open.detail.fetchMs ?? 0, buildMs: open.detail.buildMs ?? 0, showMs: open.detail.showMs ?? 0, stepsMs: open.detail.stepsMs ?? 0,
      ...(highlights ? { highlightsDomMs: domAt! - t0, highlightsPaintedMs: hlPaint! - t0 } : {}),
      ...(allDrawn ? { allDrawnPaintedMs: allDrawn.paint - t0, allDrawnCount: allDrawn.count } : {}),
      ...(claimsCall ? { claimsSentMs: claimsCall.start - t0, claimsParsedMs: (claimsCall.parsed ?? NaN) - t0 } : {}),
    };
  }, { id, highlights: !!opts.highlights, timeoutMs: opts.timeoutMs ?? 30_000 });
}

/** The ids of the library's documents, in the library panel's order. */
export function libraryIds(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('#library-panel li[data-id]')].map((li: any) => li.dataset.id as string));
}

/** How many claim highlights the reader shows: in the DOM, and intersecting the viewport. */
export function highlightCount(page: Page): Promise<{ inDom: number; inView: number; claims: number }> {
  return page.evaluate(() => {
    const els = [...document.querySelectorAll('#editor .claim')];
    const box = document.querySelector('#reader-scroll').getBoundingClientRect();
    let inView = 0;
    for (const el of els) { const r = el.getBoundingClientRect(); if (r.bottom > box.top && r.top < box.bottom && r.height > 0) inView++; }
    return { inDom: els.length, inView, claims: new Set(els.map((e: any) => e.dataset.claimId)).size };
  });
}

/**
 * Selects the first `chars` characters of the `n`th paragraph on screen (from the top of the
 * reader's viewport), as a drag would, and gives the reader the focus.
 */
export async function selectInParagraph(page: Page, n: number, chars = 30): Promise<void> {
  await page.evaluate(async ({ n, chars }) => {
    const box = document.querySelector('#reader-scroll').getBoundingClientRect();
    const paras = [...document.querySelectorAll('.reader-text .para')].filter((p: any) => {
      const r = p.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
    const para = paras[n % paras.length];
    if (!para) throw new Error('No paragraph on screen to select.');
    const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && node.textContent.trim().length < chars) node = walker.nextNode();
    if (!node) throw new Error('No long enough text run in the paragraph.');
    document.querySelector('.reader-text').focus();
    getSelection().setBaseAndExtent(node, 0, node, chars);
    // ProseMirror reads the DOM selection on `selectionchange`; give it a frame.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, { n, chars });
}

/** One new claim, made with the keyboard; times in ms. */
export interface NewClaimTiming {
  /** Committed claim arrived (createClaim's JSON parsed) → decoration in the DOM (the plugin's mark). */
  toDomMs: number;
  /** Committed claim arrived → the next frame painted. */
  toPaintMs: number;
  /** createClaim request sent → its JSON parsed: the network and the host. */
  roundTripMs: number;
  /** Keys down → the next frame painted: everything the user waits for. */
  keyToPaintMs: number;
  /** Keys down → the (provisional) highlight in the DOM (the plugin's mark). */
  keyToDomMs: number;
  /** The highlight element was in the DOM when the plugin marked it visible. */
  inDom: boolean;
  /** Keys down → the last API call the reader made in response answered (panels refreshed). */
  settledMs: number;
  /** API calls the reader made in response, besides createClaim. */
  followUps: string[];
}

/** Presses the make-a-claim keys on the current selection and times the highlight. */
export async function makeClaimWithKeys(page: Page, timeoutMs = 10_000): Promise<NewClaimTiming> {
  const before = await page.evaluate(() => ({ h: window.__bench.highlights.length, k: window.__bench.keys.length, r: window.__bench.requests.length }));
  await page.keyboard.press('Control+Shift+H');
  await page.waitForFunction((n) => window.__bench.highlights.length > n && window.__bench.highlights[n].paint !== null, before.h, { timeout: timeoutMs, polling: 5 });
  await waitForQuiet(page);
  return page.evaluate((b) => {
    const B = window.__bench;
    const h = B.highlights[b.h];
    const key = B.keys[b.k];
    const calls = B.requests.slice(b.r);
    const req = calls.find((r: any) => r.method === 'createClaim');
    if (key === undefined || !req || req.parsed === null) throw new Error('The make-a-claim keys or the createClaim call were not seen.');
    return {
      toDomMs: h.t - req.parsed, toPaintMs: h.paint - req.parsed, roundTripMs: req.parsed - req.start,
      keyToPaintMs: h.paint - key, keyToDomMs: h.t - key, inDom: h.inDom,
      settledMs: Math.max(...calls.map((r: any) => r.parsed ?? r.start)) - key,
      followUps: calls.filter((r: any) => r !== req).map((r: any) => r.method !== 'listClaims' ? r.method
        : `listClaims(${r.body.includes('documentId') ? 'document' : r.body.includes('orphan') ? 'orphans' : r.body.includes('{') ? 'filtered' : 'all'})`),
    };
  }, before);
}
