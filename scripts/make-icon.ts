/**
 * Draws the app icon (electron/resources/icon.png, 512×512 RGBA) without an image library: a page with lines
 * of text, one highlighted passage and a margin rule, on a rounded tile. Run once, commit the PNG:
 *   node scripts/make-icon.ts
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
const SIZE = 512;

/** Encodes RGBA pixels as a PNG (colour type 6, no interlace, filter 0 per row). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of pixel (x, y) by a rounded rectangle, with a one-pixel soft edge. */
function roundedRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const cx = Math.min(Math.max(x + 0.5, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y + 0.5, y0 + r), y1 - r);
  const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) - r;
  return Math.min(1, Math.max(0, 0.5 - d));
}

function draw(): Uint8Array {
  const px = new Uint8Array(SIZE * SIZE * 4);
  const paint = (x: number, y: number, [r, g, b, a]: Rgba, cover: number) => {
    const k = (cover * a) / 255;
    if (k <= 0) return;
    const i = (y * SIZE + x) * 4;
    const under = px[i + 3]! / 255;
    const out = k + under * (1 - k);
    px[i] = Math.round((r * k + px[i]! * under * (1 - k)) / out);
    px[i + 1] = Math.round((g * k + px[i + 1]! * under * (1 - k)) / out);
    px[i + 2] = Math.round((b * k + px[i + 2]! * under * (1 - k)) / out);
    px[i + 3] = Math.round(out * 255);
  };
  const shape = (x0: number, y0: number, x1: number, y1: number, r: number, color: Rgba) => {
    for (let y = Math.floor(y0); y < Math.ceil(y1); y++) for (let x = Math.floor(x0); x < Math.ceil(x1); x++) paint(x, y, color, roundedRect(x, y, x0, y0, x1, y1, r));
  };
  shape(16, 16, 496, 496, 96, [38, 56, 89, 255]); // tile
  shape(112, 72, 400, 440, 18, [250, 247, 238, 255]); // page
  const lines = [[150, 212], [150, 200], [150, 170], [150, 206], [150, 140], [150, 196], [150, 184], [150, 120]] as const;
  lines.forEach(([x, len], i) => {
    const y = 118 + i * 38;
    if (i === 3 || i === 4) shape(x - 8, y - 10, x + len + 8, y + 22, 6, [245, 197, 66, 230]); // highlighted claim
    shape(x, y, x + len, y + 12, 6, [92, 102, 120, 255]);
  });
  shape(126, 228, 134, 320, 4, [200, 64, 64, 255]); // margin mark beside the claim
  return px;
}

if (import.meta.main) {
  const out = fileURLToPath(new URL('../electron/resources/icon.png', import.meta.url));
  await writeFile(out, encodePng(SIZE, SIZE, draw()));
  console.log(`Wrote ${out}`);
}
