/**
 * File bytes → text, or a reason the file is not text.
 *
 * - A byte-order mark decides: UTF-8, UTF-16 LE or BE. UTF-32 is refused (no decoder, and no
 *   one writes prose in it).
 * - Without one: text with a NUL or with more than 5 % control characters in its first 64 KiB
 *   is binary and skipped, unless its NULs fall on every other byte, which is UTF-16 written
 *   without a BOM (decoded, and reported).
 * - Otherwise UTF-8 is tried strictly; if the bytes are not valid UTF-8 the file is read as
 *   Windows-1252 (the usual encoding of older Western texts; a superset of Latin-1 for printable
 *   text) and that is reported, so a person can check accented letters.
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
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', problems };
  } catch {
    problems.push('The file is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotes.');
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', problems };
  }
}
