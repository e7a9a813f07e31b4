/**
 * The annotations plugin on real text: highlights sit exactly on the claimed words, overlap,
 * survive edits by mapping, and change only through commands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EditorState, type Command } from 'prosemirror-state';
import type { Claim, DocumentModel, ParagraphBlock } from '../../../core/api.ts';
import { toProseMirror } from '../to-prosemirror.ts';
import { buildTextMap, offsetToPos, type TextMap } from '../text-map.ts';
import {
  addClaim, allClaims, annotations, claimDecorations, claimRange, claimsAt, drawAllClaims, removeClaims, selectClaim,
  selectedClaim, setClaims, updateClaim,
} from './annotations.ts';

const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
const KINDS = [
  { id: 'claim', label: 'Claim', color: '#e0a000' },
  { id: 'evidence', label: 'Evidence', color: '#2a9d4b' },
];

/** A document model with one paragraph per non-empty line (enough for positions). */
function modelOf(text: string): DocumentModel {
  const blocks: ParagraphBlock[] = text.split('\n').map((l) => l.trim()).filter(Boolean)
    .map((line, i) => ({ kind: 'paragraph', id: `p${i + 1}`, n: i + 1, content: [{ t: 'text', text: line }] }));
  return { id: 'doc', iri: 'urn:test', title: 'Test', blocks, footnotes: [] };
}

const source = readFileSync(new URL('002_6ab0db5811888ba3.txt', CORPUS), 'utf8');

function setup(text = source): { state: EditorState; map: TextMap } {
  const doc = toProseMirror(modelOf(text));
  return { state: EditorState.create({ doc, plugins: [annotations({ kinds: KINDS })] }), map: buildTextMap(doc) };
}

let seq = 0;
/** A claim over the `nth` occurrence of `exact` in the plain text. */
function claimOn(map: TextMap, exact: string, over: Partial<Claim> = {}, nth = 0): Claim {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = map.text.indexOf(exact, start + 1);
  assert.ok(start >= 0, `fixture text contains "${exact}"`);
  return {
    id: `c${++seq}`, documentId: 'doc', status: 'exact', paragraph: null, paragraphEnd: null,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    restatement: '', note: '', kind: 'claim', tags: [], entityIds: [], created: '', modified: '',
    ...over,
  };
}

function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  assert.equal(cmd(state, (tr) => { next = state.apply(tr); }), true);
  return next;
}

const highlighted = (state: EditorState): string[] =>
  claimDecorations(state).find().map((d) => state.doc.textBetween(d.from, d.to, '\n\n'));

test('each claim is highlighted exactly over its quote, overlapping ones included', () => {
  const { state, map } = setup();
  const a = claimOn(map, 'Central Asian Economic Union');
  const b = claimOn(map, 'Economic Union (CAEU)', { kind: 'evidence' });
  const next = run(state, setClaims([a, b], offsetToPos(map)));
  assert.deepEqual(highlighted(next).sort(), [a.quote.exact, b.quote.exact].sort());
  const overlap = claimRange(next, b.id)!.from + 2;
  assert.deepEqual(claimsAt(next, overlap).map((c) => c.id), [b.id, a.id], 'shorter (inner) claim first');
  const attrs = claimDecorations(next).find().map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
  assert.ok(attrs.some((x) => x.class === 'claim claim-kind-evidence' && x.style.includes('#2a9d4b')));
});

test('a claim across paragraphs highlights both parts; orphans are kept but not drawn', () => {
  const { state, map } = setup();
  const para = map.blocks[20]!;
  const across = claimOn(map, map.text.slice(para.end - 10, para.end + 12));
  const orphan = { ...claimOn(map, 'Tajikistan'), status: 'orphan' as const };
  const next = run(state, setClaims([across, orphan], offsetToPos(map)));
  assert.equal(highlighted(next).join(''), across.quote.exact);
  assert.equal(claimRange(next, orphan.id), null);
  assert.deepEqual(allClaims(next).map((c) => c.id).sort(), [across.id, orphan.id].sort());
});

test('add, update, select and remove change only the claim they name', () => {
  const { state, map } = setup();
  const pos = offsetToPos(map);
  const a = claimOn(map, 'intergovernmental organization');
  const b = claimOn(map, 'dissolution of the Soviet Union');
  let s = run(state, setClaims([a], pos));
  s = run(s, addClaim(b, pos));
  assert.deepEqual(highlighted(s).sort(), [b.quote.exact, a.quote.exact].sort());

  s = run(s, selectClaim(b.id));
  assert.equal(selectedClaim(s)?.id, b.id);
  const cls = (st: EditorState, id: string) => claimDecorations(st).find(undefined, undefined, (sp) => sp.claimId === id)
    .map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class)[0];
  assert.match(cls(s, b.id)!, /claim-selected/);
  s = run(s, selectClaim(a.id));
  assert.doesNotMatch(cls(s, b.id)!, /claim-selected/);
  assert.match(cls(s, a.id)!, /claim-selected/);

  const moved = { ...claimOn(map, 'Tajikistan', { id: a.id }), kind: 'evidence' };
  s = run(s, updateClaim(moved, pos));
  assert.deepEqual(highlighted(s).sort(), [b.quote.exact, 'Tajikistan'].sort());
  assert.match(cls(s, a.id)!, /claim-kind-evidence.*claim-selected/);

  s = run(s, removeClaims([a.id]));
  assert.deepEqual(highlighted(s), [b.quote.exact]);
  assert.equal(selectedClaim(s), null);
  assert.equal(allClaims(s).length, 1);
});

test('highlights follow their text when the document changes around them', () => {
  const { state, map } = setup();
  const a = claimOn(map, 'Kyrgyzstan and Uzbekistan');
  let s = run(state, setClaims([a], offsetToPos(map)));
  const at = claimRange(s, a.id)!.from;
  s = s.apply(s.tr.insertText('inserted words ', at - 20));
  assert.deepEqual(highlighted(s), [a.quote.exact]);
  assert.equal(claimsAt(s, at + 16)[0]?.id, a.id);
});

test('10,000 claims open in one go, and each one added later is drawn too (speed: npm run bench)', () => {
  const text = Array.from({ length: 12 }, () => source).join('\n');
  const { state, map } = setup(text);
  const pos = offsetToPos(map);
  const claims: Claim[] = [];
  const words = [...map.text.matchAll(/\p{L}{5,}(?: \p{L}+){0,3}/gu)];
  for (let i = 0; claims.length < 10_000; i += 3) {
    const m = words[i % words.length]!;
    claims.push(claimOn(map, m[0], { position: { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length } }));
  }
  let s = run(state, setClaims(claims, pos));
  assert.equal(claimDecorations(s).find().length, 10_000);
  for (let i = 0; i < 200; i++) {
    const m = words[(i * 7 + 1) % words.length]!;
    const c = claimOn(map, m[0], { position: { type: 'TextPositionSelector', start: m.index, end: m.index + m[0].length } });
    s = run(s, addClaim(c, pos));
    assert.equal(claimRange(s, c.id)?.from, pos.posAt(m.index, 1), `claim ${i} is drawn where it was made`);
  }
  assert.equal(claimDecorations(s).find().length, 10_200);
  assert.equal(performance.getEntriesByName('claim-highlight-visible').length >= 200, true);
});

test('drawn in two steps: first the highlights before a position, then the rest; queries see every claim all along', () => {
  const { state, map } = setup();
  const early = claimOn(map, 'Central Asian Economic Union');
  const lastLong = map.blocks.filter((b) => b.end - b.start > 40).at(-1)!;
  const late = claimOn(map, map.text.slice(lastLong.start, lastLong.start + 30), {}, 0);
  assert.ok(late.position.start > early.position.end);
  const pos = offsetToPos(map);
  const cut = claimRange(run(state, setClaims([early, late], pos)), late.id)!.from;
  const drawnNow = (st: EditorState): string[] => {
    const plugin = st.plugins[0]!;
    const set = plugin.props.decorations!.call(plugin, st) as ReturnType<typeof claimDecorations>;
    return set.find().map((d) => (d.spec as { claimId: string }).claimId);
  };
  const first = run(state, setClaims([early, late], pos, { drawUntil: cut }));
  assert.deepEqual(drawnNow(first), [early.id], 'only the early highlight is drawn at first');
  assert.deepEqual(allClaims(first).map((c) => c.id).sort(), [early.id, late.id].sort());
  assert.deepEqual(claimsAt(first, cut + 1).map((c) => c.id), [late.id], 'the late claim answers queries already');
  const all = run(first, drawAllClaims());
  assert.deepEqual(drawnNow(all).sort(), [early.id, late.id].sort());
  assert.equal(drawAllClaims()(all), false, 'nothing left to draw');
  // any other change draws everything too (the new claim and the late one)
  const added = run(first, addClaim(claimOn(map, 'Tajikistan'), pos));
  assert.equal(drawnNow(added).length, 3);
});
