/** How the panels give way to the text as the window narrows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PREFS, fitPanels, SIDE_MIN, SIDEBAR_MIN } from './panel-layout.ts';

/** 55 characters of an 18 px book face (≈ 9 px each) plus two gutters: what the reader measures. */
const READER_MIN = 600;

test('a wide window keeps the chosen widths', () => {
  assert.deepEqual(fitPanels(1600, DEFAULT_PREFS, READER_MIN), { sidebar: 300, side: 340, sidebarCollapsed: false, sideCollapsed: false, forced: [] });
});

test('at 1024 px the library gives way and the text keeps its measure', () => {
  const f = fitPanels(1024, DEFAULT_PREFS, READER_MIN);
  assert.ok(1024 - f.sidebar - f.side >= READER_MIN, JSON.stringify(f));
  assert.deepEqual(f.forced, ['sidebar']);
  assert.equal(f.side, 340, 'the claims panel keeps its width');
});

test('panels shrink to their minimums before collapsing; very narrow, both go', () => {
  const f = fitPanels(1150, DEFAULT_PREFS, READER_MIN);
  assert.deepEqual([f.sidebar, f.sidebarCollapsed], [SIDEBAR_MIN + 10, false]);
  const g = fitPanels(700, DEFAULT_PREFS, READER_MIN);
  assert.deepEqual([g.sidebarCollapsed, g.sideCollapsed, g.forced], [true, true, ['sidebar', 'side']]);
  assert.ok(SIDE_MIN > 0);
});

test('collapsed by choice stays collapsed; an empty right panel takes no room', () => {
  const f = fitPanels(1600, { ...DEFAULT_PREFS, sidebarCollapsed: true }, READER_MIN, true);
  assert.deepEqual([f.sidebar, f.side, f.forced], [0, 0, []]);
});
