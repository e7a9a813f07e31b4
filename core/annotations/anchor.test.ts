/**
 * Re-anchoring under edits, on the five real corpus texts. Each scenario edits a text with
 * splices whose effect on every passage is computed independently (testing/splices.ts); the
 * anchoring layer must agree with it, and above all never attach a claim to other words.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { BLOCK_SEPARATOR } from '../corpus/plain-text.ts';
import { anchor, anchorAll } from './anchor.ts';
import type { AnchorResult, AnchorTarget } from './anchor.ts';
import { describeRange } from './selectors.ts';
import { applySplices, fateOf } from './testing/splices.ts';
import type { Splice } from './testing/splices.ts';

const corpusDir = new URL('../../../shared/corpus/', import.meta.url);
const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort();

/** The raw file as paragraphs (one per non-empty line) joined like the real plain text. */
function plainOf(file: string): string {
  const raw = readFileSync(new URL(file, corpusDir), 'utf8');
  return raw.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(BLOCK_SEPARATOR);
}

/** Deterministic PRNG (mulberry32) so every run picks the same passages. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Range { start: number; end: number }
interface Passage extends Range { kind: 'sentence' | 'word' }

/** Paragraph spans of a plain text. */
function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  let at = 0;
  for (const p of text.split(BLOCK_SEPARATOR)) { out.push({ start: at, end: at + p.length }); at += p.length + BLOCK_SEPARATOR.length; }
  return out;
}

/** Sentences of 25–300 characters that occur once in the text, in order. */
function uniqueSentences(text: string): Range[] {
  const out: Range[] = [];
  for (const m of text.matchAll(/[^\s.!?][^.!?\n]*[.!?]+(?=\s|$)/g)) {
    const s = m[0];
    if (s.length < 25 || s.length > 300) continue;
    if (text.indexOf(s) !== text.lastIndexOf(s)) continue;
    out.push({ start: m.index, end: m.index + s.length });
  }
  return out;
}

/** Up to 24 sentences spread evenly through the text, plus one 4+ letter word from each. */
function pickPassages(text: string, seed: number): { sentences: Range[]; passages: Passage[]; words: Map<number, Range> } {
  const all = uniqueSentences(text);
  const rnd = prng(seed);
  const n = Math.min(24, all.length);
  const sentences: Range[] = [];
  for (let i = 0; i < n; i++) sentences.push(all[Math.floor(((i + rnd()) * all.length) / n)]);
  const passages: Passage[] = [];
  const words = new Map<number, Range>();
  sentences.forEach((s, i) => {
    passages.push({ ...s, kind: 'sentence' });
    const ws = [...text.slice(s.start, s.end).matchAll(/\p{L}{4,}/gu)];
    // Short texts have few sentences: take more words from each to reach 24+ passages.
    const perSentence = Math.max(1, Math.ceil((24 - n) / n));
    for (let k = 0; k < perSentence && ws.length; k++) {
      const [w] = ws.splice(Math.floor(rnd() * ws.length), 1);
      const r = { start: s.start + w.index, end: s.start + w.index + w[0].length };
      if (k === 0) words.set(i, r);
      passages.push({ ...r, kind: 'word' });
    }
  });
  return { sentences, passages, words };
}

const paragraphOf = (text: string, at: number): Range => paragraphs(text).find((p) => p.start <= at && at <= p.end)!;

/** A paragraph about nothing in the corpus, inserted before another one. */
const NEW_PARAGRAPH = 'An editorial note was added to this copy of the text; it restates nothing and cites nobody.' + BLOCK_SEPARATOR;

function insertParagraph(text: string, s: Range[]): Splice[] {
  return [{ at: paragraphOf(text, s[Math.floor(s.length / 3)].start).start, remove: 0, insert: NEW_PARAGRAPH }];
}
function deleteSentence(text: string, s: Range[]): Splice[] {
  const d = s[Math.floor(s.length / 2)];
  const spaceAfter = text[d.end] === ' ';
  const spaceBefore = !spaceAfter && text[d.start - 1] === ' ';
  return [{ at: d.start - (spaceBefore ? 1 : 0), remove: d.end - d.start + (spaceAfter || spaceBefore ? 1 : 0), insert: '' }];
}
/** Re-wraps every paragraph: every 9th space becomes a line break. */
function rewrap(text: string, within?: Range): Splice[] {
  const out: Splice[] = [];
  let count = 0;
  for (let i = within?.start ?? 0; i < (within?.end ?? text.length); i++) {
    if (text[i] === ' ' && ++count % 9 === 0) out.push({ at: i, remove: 1, insert: '\n' });
  }
  return out;
}
function duplicateParagraph(text: string, s: Range[]): Splice[] {
  const p = paragraphOf(text, s[Math.floor(s.length / 3)].start);
  return [{ at: p.end, remove: 0, insert: BLOCK_SEPARATOR + text.slice(p.start, p.end) }];
}

interface Scenario {
  name: string; old: string; splices: Splice[]; passages: Passage[];
  /** Where a passage's identical twin is, when the edit made one (a duplicated paragraph). */
  twin?: (p: Range) => Range | null;
}

/** The edits of one text, each applied to the original separately, plus all of them at once. */
function scenarios(file: string, seed: number): Scenario[] {
  const text = plainOf(file);
  const { sentences, passages, words } = pickPassages(text, seed);
  const out: Scenario[] = [
    { name: 'insert a paragraph', old: text, splices: insertParagraph(text, sentences), passages },
    { name: 'delete a sentence', old: text, splices: deleteSentence(text, sentences), passages },
    { name: 're-wrap lines', old: text, splices: rewrap(text), passages },
    { name: 'duplicate a paragraph', old: text, splices: duplicateParagraph(text, sentences), passages, twin: (r) => {
      const p = paragraphOf(text, sentences[Math.floor(sentences.length / 3)].start);
      const d = p.end - p.start + BLOCK_SEPARATOR.length;
      return r.start >= p.start && r.end <= p.end ? { start: r.start + d, end: r.end + d } : null;
    } },
  ];
  // Fix a typo: the old text has one wrong letter in the middle of five picked words.
  const typos: Splice[] = [];
  const fixes: Splice[] = [];
  for (let i = 1; i < sentences.length && typos.length < 5; i += Math.max(1, Math.floor(sentences.length / 5))) {
    const w = words.get(i);
    if (!w) continue;
    const at = w.start + Math.floor((w.end - w.start) / 2);
    const wrong = text[at] === 'x' ? 'q' : 'x';
    typos.push({ at, remove: 1, insert: wrong });
    fixes.push({ at, remove: 1, insert: text[at] });
  }
  out.push({ name: 'fix a typo', old: applySplices(text, typos), splices: fixes, passages });
  // Everything at once: a paragraph in, a sentence out, one paragraph re-wrapped.
  const ins = insertParagraph(text, sentences.slice(0, 6));
  const del = deleteSentence(text, sentences);
  const wrapped = rewrap(text, paragraphOf(text, sentences[sentences.length - 2].start))
    .filter((s) => s.at < del[0].at || s.at >= del[0].at + del[0].remove);
  out.push({ name: 'several edits', old: text, splices: [...ins, ...del, ...wrapped], passages });
  return out;
}

type Mode = 'anchorAll' | 'anchor one by one' | 'quote only';

function run(sc: Scenario, mode: Mode): { results: AnchorResult[]; targets: AnchorTarget[]; fresh: string } {
  const fresh = applySplices(sc.old, sc.splices);
  const targets: AnchorTarget[] = sc.passages.map((p) => {
    const { quote, position } = describeRange(sc.old, p.start, p.end);
    return mode === 'quote only' ? { quote } : { quote, position };
  });
  const results = mode === 'anchor one by one' ? targets.map((t) => anchor(fresh, t)) : anchorAll(fresh, targets);
  return { results, targets, fresh };
}

const tally = { exact: 0, moved: 0, fuzzy: 0, orphan: 0, unclear: 0 };

for (const [fi, file] of files.entries()) {
  for (const sc of scenarios(file, 1000 + fi)) {
    for (const mode of ['anchorAll', 'anchor one by one', 'quote only'] as Mode[]) {
      test(`${file}: ${sc.name} (${mode})`, () => {
        assert.ok(sc.passages.length >= 20, `only ${sc.passages.length} passages picked`);
        const { results, fresh } = run(sc, mode);
        let unclear = 0;
        sc.passages.forEach((p, i) => {
          const fate = fateOf(p.start, p.end, sc.splices);
          const r = results[i];
          const what = `${p.kind} ${JSON.stringify(sc.old.slice(p.start, p.end).slice(0, 60))} → ${JSON.stringify(r)}`;
          if (fate.kind === 'unclear') { unclear++; return; }
          if (fate.kind === 'deleted') {
            assert.equal(r.status, 'orphan', `deleted passage must be an orphan: ${what}`);
            tally.orphan++;
            return;
          }
          assert.notEqual(r.status, 'orphan', `lost a surviving passage: ${what}`);
          if (r.status === 'orphan') return;
          // Without a position, a passage and its duplicate cannot be told apart: either will do.
          const twin = mode === 'quote only' ? sc.twin?.(p) : null;
          if (twin && r.start === twin.start) { assert.deepEqual([r.start, r.end], [twin.start, twin.end]); return; }
          // The heart of it: the claim sits on exactly the passage the edit moved it to.
          assert.deepEqual([r.start, r.end], [fate.start, fate.end], `wrong place: ${what}, expected ${fate.start}–${fate.end}`);
          const expected = fate.kind === 'changed' ? 'fuzzy'
            : mode === 'quote only' || fate.start === p.start ? 'exact' : 'moved';
          assert.equal(r.status, expected, `status: ${what}`);
          assert.equal(fresh.slice(r.start, r.end).length, fate.end - fate.start);
          tally[r.status]++;
        });
        tally.unclear += unclear;
        assert.ok(unclear <= 2, `${unclear} passages straddle an edit: the scenario is badly built`);
      });
    }
  }
}

test('every kind of outcome happened across the scenarios', () => {
  // Runs last (tests in a file run in order): the edits above must have exercised each path.
  for (const k of ['exact', 'moved', 'fuzzy', 'orphan'] as const) assert.ok(tally[k] > 0, `no ${k} results`);
  if (process.env.ANCHOR_TALLY) console.log(tally);
});

test('a short quote follows its own context, not the first occurrence', () => {
  const text = plainOf(files[0]);
  const at = text.lastIndexOf('Turkmenistan');
  const { quote, position } = describeRange(text, at, at + 'Turkmenistan'.length);
  const fresh = NEW_PARAGRAPH + text;
  const r = anchor(fresh, { quote, position });
  assert.deepEqual(r.status !== 'orphan' && [r.status, r.start], ['moved', at + NEW_PARAGRAPH.length]);
  const q = anchor(fresh, { quote });
  assert.deepEqual(q.status !== 'orphan' && q.start, at + NEW_PARAGRAPH.length);
});

test('a short quote whose context is gone becomes an orphan, even though the word is still everywhere', () => {
  const text = plainOf(files[0]);
  const at = text.indexOf('Turkmenistan', 5000);
  const { quote, position } = describeRange(text, at, at + 'Turkmenistan'.length);
  // Rewrite 40 characters either side of the word: the word stays, its neighbourhood does not.
  const fresh = text.slice(0, at - 40) + 'x'.repeat(40) + 'Turkmenistan' + 'y'.repeat(40) + text.slice(at + 12 + 40);
  assert.equal(anchor(fresh, { quote, position }).status, 'orphan');
});

test('a quote that no longer exists anywhere is an orphan, not its nearest look-alike', () => {
  const text = plainOf(files[2]);
  const { quote, position } = describeRange(text, 1000, 1080);
  const fresh = text.slice(0, 900) + text.slice(1200);
  assert.equal(anchor(fresh, { quote, position }).status, 'orphan');
});

test('an empty or malformed quote is an orphan, not a crash', () => {
  assert.equal(anchor('some text', { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } }).status, 'orphan');
  assert.equal(anchor('', { quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' } }).status, 'orphan');
});
