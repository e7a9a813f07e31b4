/**
 * The shortcut table: the keys the overlay lists are the keys that work, and typing in a text
 * field is never taken over by a shortcut.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHORTCUTS, shortcutFor } from './shortcuts.ts';

const isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) =>
  ({ key: k, ctrlKey: !!mods.ctrl, metaKey: !!mods.meta, altKey: !!mods.alt, shiftKey: !!mods.shift });
const reading = { inTextField: false };
const typing = { inTextField: true };

test('each global shortcut does what the overlay says', () => {
  const mod = isMac ? { meta: true } : { ctrl: true };
  assert.equal(shortcutFor(key('f', mod), reading), 'find');
  assert.equal(shortcutFor(key('F', { ...mod, shift: false }), typing), 'find', 'find works from a text field too');
  assert.equal(shortcutFor(key('PageDown', { alt: true }), reading), 'next-document');
  assert.equal(shortcutFor(key('PageUp', { alt: true }), reading), 'previous-document');
  assert.equal(shortcutFor(key('ArrowDown', { alt: true }), reading), 'next-heading');
  assert.equal(shortcutFor(key('ArrowUp', { alt: true }), reading), 'previous-heading');
  assert.equal(shortcutFor(key('F3'), reading), 'find-next');
  assert.equal(shortcutFor(key('F3', { shift: true }), reading), 'find-previous');
  assert.equal(shortcutFor(key('?', { shift: true }), reading), 'shortcuts');
  assert.equal(shortcutFor(key('F1'), reading), 'shortcuts');
  assert.equal(shortcutFor(key('F6'), reading), 'next-pane');
  assert.equal(shortcutFor(key('F6', { shift: true }), reading), 'previous-pane');
  assert.equal(shortcutFor(key('T', { alt: true, shift: true }), reading), 'toggle-theme');
});

test('typing is left alone', () => {
  assert.equal(shortcutFor(key('?', { shift: true }), typing), null, '? types a question mark in a field');
  assert.equal(shortcutFor(key('ArrowDown', { alt: true }), typing), null);
  for (const k of ['a', 'f', 'ArrowDown', 'PageDown', 'Enter', 'Escape']) assert.equal(shortcutFor(key(k), reading), null, k);
  assert.equal(shortcutFor(key('ArrowDown', { alt: true, shift: true }), reading), null, 'Alt+Shift+↓ is not taken');
});

/** A key as the overlay shows it ('Alt+↓', '⌘+F', '?') → the event it stands for. */
function parseShown(shown: string) {
  const parts = shown.split('+');
  const last = parts.pop()!;
  const names: Record<string, string> = { '↓': 'ArrowDown', '↑': 'ArrowUp', '←': 'ArrowLeft', '→': 'ArrowRight' };
  return key(names[last] ?? last, {
    ctrl: parts.includes('Ctrl'), meta: parts.includes('⌘'), alt: parts.includes('Alt'), shift: parts.includes('Shift') || last === '?',
  });
}

test('a key the overlay shows for a global command runs that command', () => {
  const globals = SHORTCUTS.filter((s) => s.command && s.keys.length);
  assert.ok(globals.length >= 9);
  for (const s of globals) {
    const working = s.keys.filter((k) => shortcutFor(parseShown(k), reading) === s.command);
    assert.ok(working.length > 0, `${s.keys.join(' / ')} → ${s.command}`);
  }
  // the one command without its own row is shown on the F6 row
  const f6 = SHORTCUTS.find((s) => s.keys.includes('Shift+F6'))!;
  assert.equal(shortcutFor(parseShown('Shift+F6'), reading), 'previous-pane');
  assert.equal(f6.command, 'next-pane');
});
