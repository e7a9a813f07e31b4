/**
 * File bytes → text, or a reason the file is not text.
 *
 * - A byte-order mark decides: UTF-8, UTF-16 LE or BE. UTF-32 is refused (no decoder, and no
 *   one writes prose in it).
 * - Without one: text with a NUL or with more than 5 % control characters in its first 64 KiB
 *   is binary and skipped, unless its NULs fall on every other byte, which is UTF-16 written
 *   without a BOM (decoded, and reported).
 * - Otherwise UTF-8 is tried strictly. If some bytes are not valid UTF-8, every valid UTF-8
 *   sequence is still read as UTF-8 ("Zürich", "José" stay right) and only the stray bytes are
 *   read as Windows-1252 (a 0x92 pasted from an old word processor is an apostrophe); the file
 *   is flagged with how many bytes that was. A file with no valid multi-byte UTF-8 sequence at
 *   all is a Windows-1252 file (the usual encoding of older Western texts; a superset of Latin-1
 *   for printable text): read so, and reported, so a person can check accented letters.
 * - C1 control characters (U+0080–U+009F) in the decoded text are almost always Windows-1252
 *   bytes that went through a Latin-1 conversion: they become the character Windows-1252 gives
 *   that byte (U+0092 → ’); the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are
 *   removed. Both are counted and reported.
 * Invalid sequences in a BOM-marked file are replaced by U+FFFD and reported.
 */

/** A decoded file, or why it was not decoded. */
export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; problems: string[] }
  | { ok: false; reason: string };

/** How much of the file the binary check looks at (64 KiB: enough to see a header or a table). */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes above which a file is binary (plain prose has none besides \t\n\r\f). */
const CONTROL_SHARE = 0.05;

function decodeWith(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, problems: string[]): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    problems.push(`Some bytes are not valid ${encoding.toUpperCase()}; they were replaced by \uFFFD.`);
    return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  }
}

/** UTF-16 without a BOM: NULs on one parity of byte positions only (text in Latin script). */
function bomlessUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (sample.length < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes a file's bytes (see the rules above). Never throws. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  const problems: string[] = [];
  const b0 = bytes[0], b1 = bytes[1], b2 = bytes[2], b3 = bytes[3];
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return { ok: false, reason: 'The file is UTF-32 encoded, which is not supported; save it as UTF-8.' };
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return { ok: false, reason: 'The file is UTF-32 encoded, which is not supported; save it as UTF-8.' };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { ok: true, text: decodeWith('utf-8', bytes, problems), encoding: 'utf-8', problems };
  if (b0 === 0xff && b1 === 0xfe) return { ok: true, text: decodeWith('utf-16le', bytes, problems), encoding: 'utf-16le', problems };
  if (b0 === 0xfe && b1 === 0xff) return { ok: true, text: decodeWith('utf-16be', bytes, problems), encoding: 'utf-16be', problems };

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let nul = 0;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27) || byte === 0x7f) control++;
  }
  if (nul > 0) {
    const utf16 = bomlessUtf16(sample);
    if (!utf16) return { ok: false, reason: 'The file looks binary (it contains NUL bytes), not text.' };
    problems.push(`The file has no byte-order mark; it was read as ${utf16.toUpperCase()}.`);
    return { ok: true, text: decodeWith(utf16, bytes, problems), encoding: utf16, problems };
  }
  if (control > sample.length * CONTROL_SHARE) return { ok: false, reason: 'The file looks binary (many control characters), not text.' };
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const mixed = decodeMixed(bytes);
    text = mixed.text;
    if (mixed.multiByte === 0) {
      encoding = 'windows-1252';
      problems.push('The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotes.');
    } else {
      problems.push(`${plural(mixed.stray, 'byte is', 'bytes are')} not valid UTF-8; ${mixed.stray === 1 ? 'it was' : 'they were'} read as Windows-1252 (${mixed.examples.join(' ')}). The rest of the file is UTF-8.`);
    }
  }
  return { ok: true, text: mapC1(text, problems), encoding, problems };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const cp1252 = new TextDecoder('windows-1252');

/**
 * UTF-8 with stray bytes: valid UTF-8 sequences (RFC 3629: no overlongs, no surrogates, nothing
 * above U+10FFFF) decode as UTF-8, every other byte as Windows-1252. `multiByte` counts the valid
 * sequences of two or more bytes, `stray` the bytes read as Windows-1252, `examples` the first
 * few characters they gave (byte → character), for the report.
 */
export function decodeMixed(bytes: Uint8Array): { text: string; multiByte: number; stray: number; examples: string[] } {
  const utf8 = new TextDecoder('utf-8');
  const parts: string[] = [];
  const examples: string[] = [];
  let multiByte = 0, stray = 0;
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const len = sequenceLength(bytes, i);
    if (len > 0) { multiByte++; i += len; continue; }
    if (i > runStart) parts.push(utf8.decode(bytes.subarray(runStart, i)));
    const ch = cp1252.decode(bytes.subarray(i, i + 1));
    parts.push(ch);
    stray++;
    if (examples.length < 3) examples.push(`0x${b.toString(16).toUpperCase()} → ${JSON.stringify(ch)}`);
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(utf8.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), multiByte, stray, examples };
}

/** Length of the valid UTF-8 multi-byte sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80, hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80, hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * C1 controls → what Windows-1252 gives their byte (U+0092 → ’), or removed where it gives
 * nothing; reported with their count.
 */
export function mapC1(text: string, problems: string[]): string {
  if (!/[\u0080-\u009F]/.test(text)) return text;
  let mapped = 0, removed = 0;
  const out = text.replace(/[\u0080-\u009F]/g, (c) => {
    const ch = cp1252.decode(Uint8Array.of(c.charCodeAt(0)));
    if (ch.charCodeAt(0) >= 0xa0 || ch.charCodeAt(0) < 0x80) { mapped++; return ch; }
    removed++;
    return '';
  });
  if (mapped) problems.push(`${plural(mapped, 'control character (U+0080–U+009F) was', 'control characters (U+0080–U+009F) were')} read as the Windows-1252 character of the same byte (e.g. U+0092 → ’).`);
  if (removed) problems.push(`${plural(removed, 'control character (U+0080–U+009F) that Windows-1252 leaves undefined was', 'control characters (U+0080–U+009F) that Windows-1252 leaves undefined were')} removed.`);
  return out;
}
