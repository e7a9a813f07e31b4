/**
 * The side panels give way to the text. The library (left) and the panels (right) can be
 * resized by dragging the separator at the reader's edge or with the arrow keys on it, and
 * collapsed (Enter on the separator, double-click, or the × in its strip; the strip's button
 * brings a panel back). Widths and collapsed states are remembered (localStorage).
 *
 * When the window is too narrow for the panels and a reading measure of READER_MIN_CHARS, the
 * panels shrink to their minimum widths, then collapse (library first): the text keeps its
 * measure. That fit is worked out by `fitPanels`, pure and tested in Node.
 */

/** What a person chose: widths in px and whether each panel is collapsed. */
export interface PanelPrefs { sidebar: number; side: number; sidebarCollapsed: boolean; sideCollapsed: boolean }

/** What is shown: widths in px (0 when collapsed) and which collapses the window forced. */
export interface PanelFit { sidebar: number; side: number; sidebarCollapsed: boolean; sideCollapsed: boolean; forced: Array<'sidebar' | 'side'> }

/** Characters a line of the text keeps at least (a comfortable minimum measure; 45–75 is the usual range). */
export const READER_MIN_CHARS = 55;
/** Narrowest the library and the panels may be dragged or squeezed, in px (their controls still fit). */
export const SIDEBAR_MIN = 200;
export const SIDE_MIN = 280;
/** Widest, in px: past this a panel takes the text's room for nothing. */
export const SIDEBAR_MAX = 480;
export const SIDE_MAX = 640;
/** The defaults (styles.css --sidebar-width and --side-panel-width). */
export const DEFAULT_PREFS: PanelPrefs = { sidebar: 300, side: 340, sidebarCollapsed: false, sideCollapsed: false };

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Widths for a window `viewport` px wide whose text needs `readerMin` px: the person's widths
 * when they fit; else the library, then the panels, shrunk towards their minimums; else the
 * library, then the panels, collapsed. `sideAbsent`: the right panel has nothing to show.
 */
export function fitPanels(viewport: number, prefs: PanelPrefs, readerMin: number, sideAbsent = false): PanelFit {
  let sidebarCollapsed = prefs.sidebarCollapsed;
  let sideCollapsed = prefs.sideCollapsed || sideAbsent;
  let sidebar = sidebarCollapsed ? 0 : clamp(prefs.sidebar, SIDEBAR_MIN, SIDEBAR_MAX);
  let side = sideCollapsed ? 0 : clamp(prefs.side, SIDE_MIN, SIDE_MAX);
  const forced: PanelFit['forced'] = [];
  const over = (): number => sidebar + side + readerMin - viewport;
  if (over() > 0 && sidebar) sidebar = Math.max(SIDEBAR_MIN, sidebar - over());
  if (over() > 0 && side) side = Math.max(SIDE_MIN, side - over());
  if (over() > 0 && sidebar) { sidebar = 0; sidebarCollapsed = true; forced.push('sidebar'); }
  if (over() > 0 && side) { side = 0; sideCollapsed = true; forced.push('side'); }
  // With the library gone, the panels may take back what they gave up.
  if (forced.includes('sidebar') && side && !sideCollapsed) side = Math.min(clamp(prefs.side, SIDE_MIN, SIDE_MAX), Math.max(SIDE_MIN, viewport - readerMin));
  return { sidebar, side, sidebarCollapsed, sideCollapsed, forced };
}

const STORAGE_KEY = 'marginalia.panels';

function loadPrefs(): PanelPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<PanelPrefs> | null;
    if (!raw) return { ...DEFAULT_PREFS };
    return {
      sidebar: typeof raw.sidebar === 'number' ? raw.sidebar : DEFAULT_PREFS.sidebar,
      side: typeof raw.side === 'number' ? raw.side : DEFAULT_PREFS.side,
      sidebarCollapsed: raw.sidebarCollapsed === true,
      sideCollapsed: raw.sideCollapsed === true,
    };
  } catch { return { ...DEFAULT_PREFS }; }
}

/** The px a line of READER_MIN_CHARS needs in the reading font, gutters included. */
function readerMinPx(doc: Document, sample: HTMLElement): number {
  const probe = doc.createElement('span');
  probe.textContent = 'the quick brown fox jumps over a lazy dog and then';
  probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font:var(--reading-size)/1 var(--reading-font)';
  sample.append(probe);
  const perChar = probe.getBoundingClientRect().width / probe.textContent.length || 9;
  probe.remove();
  const gutter = parseFloat(getComputedStyle(doc.getElementById('doc') ?? doc.body).paddingLeft) || 50;
  return Math.ceil(READER_MIN_CHARS * perChar + 2 * gutter + 16);
}

/** Installs separators and collapse strips; returns a function that removes them. */
export function installPanelLayout(els: { layout: HTMLElement; sidebar: HTMLElement; side: HTMLElement; readerColumn: HTMLElement }): () => void {
  const doc = els.layout.ownerDocument;
  const root = doc.documentElement;
  let prefs = loadPrefs();
  /** A panel brought back by hand in a window too narrow for both: the other one gives way until the next change (not remembered). */
  let yields: 'sidebar' | 'side' | null = null;
  let fit: PanelFit | null = null;
  let readerMin = 0;

  const separator = (which: 'sidebar' | 'side'): HTMLElement => {
    const el = doc.createElement('div');
    el.className = `panel-resizer panel-resizer-${which}`;
    el.tabIndex = 0;
    el.setAttribute('role', 'separator');
    el.setAttribute('aria-orientation', 'vertical');
    el.setAttribute('aria-label', which === 'sidebar' ? 'Library width (arrows resize, Enter hides)' : 'Panels width (arrows resize, Enter hides)');
    el.title = 'Drag to resize; double-click or Enter to hide';
    return el;
  };
  const strip = (which: 'sidebar' | 'side'): HTMLButtonElement => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.className = `panel-strip panel-strip-${which}`;
    b.textContent = which === 'sidebar' ? 'Library ›' : '‹ Panels';
    b.title = which === 'sidebar' ? 'Show the library and contents' : 'Show the claims and other panels';
    b.addEventListener('click', () => setCollapsed(which, false, true));
    return b;
  };
  const left = separator('sidebar'), right = separator('side');
  const leftStrip = strip('sidebar'), rightStrip = strip('side');
  els.readerColumn.append(left, right, leftStrip, rightStrip);

  const save = (): void => { try { localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs)); } catch { /* private mode: not remembered */ } };

  const apply = (): void => {
    if (!readerMin) readerMin = readerMinPx(doc, els.readerColumn);
    const sideAbsent = els.side.dataset.empty === 'true';
    const shown = yields === 'sidebar' ? { ...prefs, sidebarCollapsed: true } : yields === 'side' ? { ...prefs, sideCollapsed: true } : prefs;
    fit = fitPanels(doc.defaultView?.innerWidth ?? 1280, shown, readerMin, sideAbsent);
    // Nothing forced any more (a wider window, say): the panel that gave way comes back.
    if (yields && !fitPanels(doc.defaultView?.innerWidth ?? 1280, prefs, readerMin, sideAbsent).forced.length) { yields = null; apply(); return; }
    root.style.setProperty('--sidebar-width', `${fit.sidebar}px`);
    root.style.setProperty('--side-panel-width', `${fit.side}px`);
    els.sidebar.hidden = fit.sidebarCollapsed;
    els.side.classList.toggle('panel-collapsed', fit.sideCollapsed && !sideAbsent);
    left.hidden = fit.sidebarCollapsed;
    right.hidden = fit.sideCollapsed;
    leftStrip.hidden = !fit.sidebarCollapsed;
    rightStrip.hidden = !fit.sideCollapsed || sideAbsent;
    for (const [el, w, lo, hi] of [[left, fit.sidebar, SIDEBAR_MIN, SIDEBAR_MAX], [right, fit.side, SIDE_MIN, SIDE_MAX]] as const) {
      el.setAttribute('aria-valuenow', String(Math.round(w)));
      el.setAttribute('aria-valuemin', String(lo));
      el.setAttribute('aria-valuemax', String(hi));
    }
  };
  const setWidth = (which: 'sidebar' | 'side', px: number): void => {
    prefs = which === 'sidebar' ? { ...prefs, sidebar: clamp(px, SIDEBAR_MIN, SIDEBAR_MAX) } : { ...prefs, side: clamp(px, SIDE_MIN, SIDE_MAX) };
    save();
    apply();
  };
  function setCollapsed(which: 'sidebar' | 'side', collapsed: boolean, focusAfter: boolean): void {
    prefs = which === 'sidebar' ? { ...prefs, sidebarCollapsed: collapsed } : { ...prefs, sideCollapsed: collapsed };
    // Brought back by hand in a narrow window: the other panel gives way instead, for now.
    yields = !collapsed && fit?.forced.includes(which) ? (which === 'sidebar' ? 'side' : 'sidebar') : null;
    save();
    apply();
    if (focusAfter) (collapsed ? (which === 'sidebar' ? leftStrip : rightStrip) : (which === 'sidebar' ? left : right)).focus();
  }

  const drag = (which: 'sidebar' | 'side', e: PointerEvent): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    const startX = e.clientX, start = which === 'sidebar' ? fit!.sidebar : fit!.side;
    const move = (ev: PointerEvent): void => setWidth(which, which === 'sidebar' ? start + ev.clientX - startX : start - (ev.clientX - startX));
    const up = (): void => { doc.removeEventListener('pointermove', move); doc.removeEventListener('pointerup', up); doc.body.classList.remove('panel-resizing'); };
    doc.body.classList.add('panel-resizing');
    doc.addEventListener('pointermove', move);
    doc.addEventListener('pointerup', up);
  };
  const keys = (which: 'sidebar' | 'side', e: KeyboardEvent): void => {
    const w = which === 'sidebar' ? fit!.sidebar : fit!.side;
    const step = e.shiftKey ? 64 : 16;
    const grow = which === 'sidebar' ? 'ArrowRight' : 'ArrowLeft', shrink = which === 'sidebar' ? 'ArrowLeft' : 'ArrowRight';
    if (e.key === grow) setWidth(which, w + step);
    else if (e.key === shrink) setWidth(which, w - step);
    else if (e.key === 'Home') setWidth(which, which === 'sidebar' ? SIDEBAR_MIN : SIDE_MIN);
    else if (e.key === 'End') setWidth(which, which === 'sidebar' ? SIDEBAR_MAX : SIDE_MAX);
    else if (e.key === 'Enter' || e.key === ' ') setCollapsed(which, true, true);
    else return;
    e.preventDefault();
  };
  for (const [el, which] of [[left, 'sidebar'], [right, 'side']] as const) {
    el.addEventListener('pointerdown', (e) => drag(which, e));
    el.addEventListener('dblclick', () => setCollapsed(which, true, false));
    el.addEventListener('keydown', (e) => keys(which, e));
  }
  const onResize = (): void => apply();
  doc.defaultView?.addEventListener('resize', onResize);
  // The right panel appears once something mounts in it (data-empty flips).
  const watch = new MutationObserver(() => apply());
  watch.observe(els.side, { attributes: true, attributeFilter: ['data-empty'] });
  apply();
  return () => { doc.defaultView?.removeEventListener('resize', onResize); watch.disconnect(); left.remove(); right.remove(); leftStrip.remove(); rightStrip.remove(); };
}
