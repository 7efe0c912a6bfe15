// Draws Margin's toolbar icon (a page with a highlighted line) as PNGs in public/icon/.
// Run once when the design changes; the PNGs are committed.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from './lib/png-chunk.mjs';

function icon(size) {
  const px = (x, y) => {
    const u = x / size,
      v = y / size;
    const r = 0.18,
      inset = 0.06;
    // rounded square background
    const cx = Math.min(Math.max(u, inset + r), 1 - inset - r);
    const cy = Math.min(Math.max(v, inset + r), 1 - inset - r);
    if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
    // text lines, one highlighted
    const lines = [0.3, 0.45, 0.6, 0.75];
    for (const [i, ly] of lines.entries()) {
      if (Math.abs(v - ly) < 0.045 && u > 0.22 && u < (i === 3 ? 0.6 : 0.78)) {
        return i === 1 ? [250, 204, 21, 255] : [250, 250, 245, 255];
      }
      if (i === 1 && Math.abs(v - ly) < 0.075 && u > 0.18 && u < 0.82) return [250, 204, 21, 255];
    }
    return [37, 52, 63, 255];
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = px(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const s of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${s}.png`, icon(s));
