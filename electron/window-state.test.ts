import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fitBounds, loadWindowState, saveWindowState } from './window-state.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

test('restores bounds that are on a screen', () => {
  const saved = { x: 1600, y: 100, width: 1200, height: 900 };
  assert.deepEqual(fitBounds(saved, [laptop, external]), saved);
});

test('drops bounds left on an unplugged monitor, and damaged sizes', () => {
  assert.equal(fitBounds({ x: 1600, y: 100, width: 1200, height: 900 }, [laptop]), null);
  assert.equal(fitBounds({ x: 10, y: 10, width: 50, height: 40 }, [laptop]), null);
  assert.equal(fitBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [laptop]), null);
  assert.equal(fitBounds({ x: 10, y: -500, width: 800, height: 600 }, [laptop]), null, 'title bar above the screen');
});

test('shrinks a window larger than its screen', () => {
  assert.deepEqual(fitBounds({ x: 0, y: 0, width: 2000, height: 1200 }, [laptop]), { x: 0, y: 0, width: 1440, height: 875 });
});

test('saves and loads; a damaged file gives the default', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mg-ws-'));
  try {
    assert.deepEqual(loadWindowState(dir), { bounds: null, maximized: false });
    saveWindowState(dir, { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
    assert.deepEqual(loadWindowState(dir), { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: true });
    await writeFile(join(dir, 'window-state.json'), '{"bounds": ');
    assert.deepEqual(loadWindowState(dir), { bounds: null, maximized: false });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
