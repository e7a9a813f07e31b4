/**
 * A small graph of the corpus's citations: the library's documents (circles) and metadata-only
 * sources (squares) as nodes on a circle, an arrow from each source to each library source it
 * cites. A document node opens the document (click, or Enter/Space when focused). The list in
 * the References tab says the same in words, so the graph is a picture, not the only way in.
 */
import type { DocumentReference, DocumentSummary, MetadataSource } from '../../core/api.ts';

const SVG = 'http://www.w3.org/2000/svg';
/**
 * The drawing's box in SVG units (it scales to the panel's width): wider than tall, so the labels
 * beside the nodes on the left and right fit; nodes sit on an ellipse RX × RY around the centre.
 */
const W = 460;
const H = 300;
const RX = 100;
const RY = 110;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: Array<SVGElement | string>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/** Shortens a title for a node label. */
function short(t: string): string {
  return t.length > 16 ? t.slice(0, 15) + '…' : t;
}

/** Draws the graph; `current` is highlighted. */
export function renderCitationGraph(input: {
  documents: readonly DocumentSummary[];
  sources: readonly MetadataSource[];
  references: readonly DocumentReference[];
  current: string | null;
  open(id: string): void;
}): HTMLElement {
  const nodes = [
    ...input.documents.map((d) => ({ id: d.id, title: d.title, kind: 'document' as const })),
    ...input.sources.map((s) => ({ id: s.id, title: String(s.csl.title ?? s.id), kind: 'metadata' as const })),
  ];
  const at = new Map(nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, nodes.length) - Math.PI / 2;
    return [n.id, { x: W / 2 + RX * Math.cos(a), y: H / 2 + RY * Math.sin(a) }];
  }));
  // One edge per citing document and cited source, with how many references make it.
  const edges = new Map<string, { from: string; to: string; n: number }>();
  for (const r of input.references) {
    if (!r.sourceId || !at.has(r.sourceId) || !at.has(r.documentId)) continue;
    const key = `${r.documentId}>${r.sourceId}`;
    const e = edges.get(key) ?? { from: r.documentId, to: r.sourceId, n: 0 };
    e.n++;
    edges.set(key, e);
  }
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'citation-graph', 'aria-label': `Citation graph: ${nodes.length} sources, ${edges.size} citation links` },
    el('defs', {}, el('marker', { id: 'cite-arrow', viewBox: '0 0 10 10', refX: 18, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
      el('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'graph-arrow' }))));
  for (const e of edges.values()) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    svg.append(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: 'graph-edge', 'marker-end': 'url(#cite-arrow)', 'stroke-width': Math.min(4, 1 + e.n / 2) },
      el('title', {}, `${e.n} reference(s)`)));
  }
  for (const n of nodes) {
    const p = at.get(n.id)!;
    const cls = `graph-node graph-${n.kind}${n.id === input.current ? ' is-current' : ''}`;
    const shape = n.kind === 'document' ? el('circle', { cx: p.x, cy: p.y, r: 9 }) : el('rect', { x: p.x - 8, y: p.y - 8, width: 16, height: 16 });
    const anchor = p.x < W / 2 - 5 ? 'end' : p.x > W / 2 + 5 ? 'start' : 'middle';
    const dx = anchor === 'end' ? -13 : anchor === 'start' ? 13 : 0;
    const dy = anchor === 'middle' ? (p.y < H / 2 ? -14 : 24) : 4;
    const g = el('g', { class: cls }, shape, el('text', { x: p.x + dx, y: p.y + dy, 'text-anchor': anchor }, short(n.title)), el('title', {}, n.kind === 'document' ? n.title : `${n.title} (metadata only)`));
    if (n.kind === 'document') {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'link');
      g.setAttribute('aria-label', `Open ${n.title}`);
      g.addEventListener('click', () => input.open(n.id));
      g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.open(n.id); } });
    }
    svg.append(g);
  }
  const wrap = document.createElement('figure');
  wrap.className = 'citation-graph-figure';
  const caption = document.createElement('figcaption');
  caption.textContent = edges.size === 0
    ? 'No source of the library cites another yet. Add a reference to the library, or correct one that names a source you have.'
    : 'Arrows point from a source to the works of the library it cites. Click a circle to open that source.';
  wrap.append(svg, caption);
  return wrap;
}
