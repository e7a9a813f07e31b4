/**
 * Headings of real documents: the table of contents nests them by level, and heading-to-heading
 * navigation walks them in order from wherever the caret is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../core/corpus/parse.ts';
import { adjacentHeading, headingsOf, tocTree, type TocNode } from './headings.ts';
import { toProseMirror } from './to-prosemirror.ts';

const load = (file: string) => toProseMirror(parseDocument({
  text: readFileSync(new URL(`../../../shared/corpus/${file}`, import.meta.url), 'utf8'), format: 'txt', path: file,
}).doc);

test('the journal article lists its headings, Introduction among them, at their positions', () => {
  const doc = load('000_7c096543f307bd3a.txt');
  const headings = headingsOf(doc);
  assert.ok(headings.some((h) => h.text === 'Introduction'));
  for (const h of headings) {
    const node = doc.nodeAt(h.pos)!;
    assert.equal(node.type.name, 'heading');
    assert.equal(node.textContent, h.text);
  }
  assert.deepEqual(headings.map((h) => h.pos), [...headings.map((h) => h.pos)].sort((a, b) => a - b));
});

test('the contents tree keeps every heading once, deeper levels under shallower ones', () => {
  for (const file of ['000_7c096543f307bd3a.txt', '002_6ab0db5811888ba3.txt', '003_ff57205195f0504e.txt']) {
    const headings = headingsOf(load(file));
    const flat: string[] = [];
    const walk = (nodes: TocNode[], parentLevel: number): void => {
      for (const n of nodes) {
        assert.ok(n.heading.level > parentLevel, `${n.heading.text} sits under a shallower heading`);
        flat.push(n.heading.id);
        walk(n.children, n.heading.level);
      }
    };
    walk(tocTree(headings), 0);
    assert.deepEqual(flat, headings.map((h) => h.id), file);
  }
});

test('next/previous heading walks the headings in order and stops at the ends', () => {
  const headings = headingsOf(load('003_ff57205195f0504e.txt'));
  assert.ok(headings.length >= 3);
  let head = 0;
  const visited: number[] = [];
  for (let h = adjacentHeading(headings, head, 1); h; h = adjacentHeading(headings, head, 1)) { visited.push(h.pos); head = h.pos + 1; }
  assert.deepEqual(visited, headings.map((h) => h.pos));
  const back: number[] = [];
  for (let h = adjacentHeading(headings, head, -1); h; h = adjacentHeading(headings, head, -1)) { back.push(h.pos); head = h.pos + 1; }
  assert.deepEqual(back, headings.slice(0, -1).map((h) => h.pos).reverse());
});
