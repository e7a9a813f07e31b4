/**
 * Text on a claim highlight stays readable: WCAG contrast of at least 4.5:1 between the text
 * colour and the highlight as painted over the page (each default kind colour at the theme's
 * alpha, the open claim's stronger alpha, and selected text inside a highlight), computed from
 * the CSS custom properties themselves so a change of colour or alpha is checked here.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const css = (rel: string): string => readFileSync(new URL(rel, import.meta.url), 'utf8');
const STYLES = css('../styles.css');
const CLAIMS = css('../annotations/annotations.css');
/**
 * The default kinds' colours, read from the host's settings file as text (the renderer may not
 * import host code; the layer check enforces it).
 */
const KINDS = [...css('../../host/library/settings.ts').matchAll(/\{ id: '(\w+)', label: '([^']+)', color: '(#[0-9a-f]{6})' \}/gi)]
  .map((m) => ({ id: m[1]!, label: m[2]!, color: m[3]! }));

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function props(sheet: string, selector: string): Record<string, string> {
  const at = sheet.indexOf(`${selector} {`);
  assert.ok(at >= 0, `a rule for ${selector}`);
  const body = sheet.slice(sheet.indexOf('{', at) + 1, sheet.indexOf('}', at));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}
type RGB = [number, number, number];
const hex = (h: string): RGB => { const m = /^#([0-9a-f]{6})$/i.exec(h.trim()); assert.ok(m, `a #rrggbb colour: ${h}`); return [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16)) as RGB; };
const rgba = (s: string): { c: RGB; a: number } => {
  const m = /rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\s*\)/.exec(s);
  return m ? { c: [+m[1]!, +m[2]!, +m[3]!], a: +m[4]! } : { c: hex(s), a: 1 };
};
const pct = (s: string): number => { const m = /^([\d.]+)%$/.exec(s.trim()); assert.ok(m, `a percentage: ${s}`); return +m[1]! / 100; };
const over = (c: RGB, a: number, bg: RGB): RGB => c.map((v, i) => v * a + bg[i]! * (1 - a)) as RGB;
const luminance = (c: RGB): number => {
  const [r, g, b] = c.map((v) => { const x = v / 255; return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: RGB, b: RGB): number => { const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x); return (hi! + 0.05) / (lo! + 0.05); };

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: text on every kind's highlight, open or not, selected or not, is at least 4.5:1`, () => {
    const page = { ...props(STYLES, ":root, :root[data-theme='light']"), ...(theme === 'dark' ? props(STYLES, ":root[data-theme='dark']") : {}) };
    const claims = { ...props(CLAIMS, ':root'), ...(theme === 'dark' ? props(CLAIMS, ":root[data-theme='dark']") : {}) };
    const bg = hex(page['--bg']!), fg = hex(page['--fg']!);
    const selection = rgba(claims['--claim-text-selection'] ?? page['--selection']!);
    const alpha = pct(claims['--claim-alpha']!), open = alpha + pct(claims['--claim-selected-boost']!);
    assert.ok(KINDS.length >= 4, 'the default kinds were read');
    for (const k of KINDS) {
      for (const [what, a] of [['highlight', alpha], ['open claim', open]] as const) {
        const painted = over(hex(k.color), a, bg);
        const withSelection = over(selection.c, selection.a, painted);
        assert.ok(contrast(fg, painted) >= 4.5, `${theme} ${k.label} ${what}: ${contrast(fg, painted).toFixed(2)}:1`);
        assert.ok(contrast(fg, withSelection) >= 4.5, `${theme} ${k.label} ${what}, text selected: ${contrast(fg, withSelection).toFixed(2)}:1`);
      }
    }
  });
}
