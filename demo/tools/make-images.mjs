// Draws the demo post's images into demo/kubecon-eu-2024-day-two/img/ (PNG and lossless WebP).
// Run once when the pictures change (`node demo/tools/make-images.mjs`); the files are committed,
// so the demo, the e2e tests and the benchmarks never touch the network.
//
// The encoders are deliberately tiny: PNG through node:zlib, and a minimal lossless WebP (VP8L)
// writer that only knows literals plus two backward references ("pixel to the left" and "pixel
// above"). That is enough because the pictures are flat shapes on row-constant gradients.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { PNG_SIGNATURE, pngChunk } from '../../scripts/lib/png-chunk.mjs';

const OUT = fileURLToPath(new URL('../kubecon-eu-2024-day-two/img/', import.meta.url));

// ---------------------------------------------------------------- raster canvas

/** An RGB raster: `px` holds 3 bytes a pixel, row-major. */
function canvas(w, h) {
  return { w, h, px: new Uint8Array(w * h * 3) };
}
function set(c, x, y, [r, g, b]) {
  if (x < 0 || y < 0 || x >= c.w || y >= c.h) return;
  const i = (y * c.w + x) * 3;
  c.px[i] = r; c.px[i + 1] = g; c.px[i + 2] = b;
}
function get(c, x, y) {
  const i = (y * c.w + x) * 3;
  return [c.px[i], c.px[i + 1], c.px[i + 2]];
}
const mix = (a, b, t) => a.map((v, k) => Math.round(v + (b[k] - v) * t));
function fill(c, test, color) {
  for (let y = 0; y < c.h; y++) for (let x = 0; x < c.w; x++) {
    if (test(x + 0.5, y + 0.5)) set(c, x, y, typeof color === 'function' ? color(x, y) : color);
  }
}
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inEllipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const inRect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;

/** Vertical gradient, one colour per row (rows compress to runs in both encoders). */
function vgradient(c, top, bottom, y0 = 0, y1 = c.h, x0 = 0, x1 = c.w) {
  for (let y = y0; y < y1; y++) {
    const col = mix(top, bottom, (y - y0) / Math.max(1, y1 - y0 - 1));
    for (let x = x0; x < x1; x++) set(c, x, y, col);
  }
}

// ---------------------------------------------------------------- the pictures

/** The lead figure: an abstract conference hall, stage screen in the middle, hallway groups at the sides. */
function drawHall() {
  const c = canvas(1400, 700);
  vgradient(c, [16, 20, 46], [46, 26, 70]);
  // light beams from three ceiling spots
  for (const sx of [300, 700, 1100]) {
    fill(c, (x, y) => y < 520 && Math.abs(x - sx) < 18 + y * 0.32, (x, y) => mix(get(c, x, y), [130, 150, 255], 0.14));
  }
  for (let x = 50; x < 1400; x += 100) fill(c, inCircle(x, 42, 6), [255, 236, 180]);
  // the screen, a Kubernetes-blue panel with a seven-spoke wheel
  fill(c, inRect(424, 104, 976, 416), [10, 12, 24]);
  vgradient(c, [58, 118, 236], [34, 84, 196], 110, 410, 430, 970);
  const cx = 700, cy = 258;
  fill(c, (x, y) => {
    const r = Math.hypot(x - cx, y - cy);
    if (r > 74 && r < 94) return true;
    if (r < 18) return true;
    if (r >= 74) return false;
    const a = Math.atan2(y - cy, x - cx) + Math.PI / 2;
    for (let k = 0; k < 7; k++) {
      const d = Math.abs(Math.sin(a - (k * 2 * Math.PI) / 7)) * r;
      if (d < 6 && Math.cos(a - (k * 2 * Math.PI) / 7) > 0) return true;
    }
    return false;
  }, [250, 250, 255]);
  fill(c, inRect(560, 372, 840, 384), [200, 214, 255]);
  // stage
  fill(c, inRect(240, 430, 1160, 476), [28, 20, 44]);
  fill(c, inRect(240, 430, 1160, 434), [110, 86, 170]);
  // hallway groups standing at the sides
  const person = (x, top, h, col) => {
    const r = h * 0.11;
    fill(c, inCircle(x, top + r, r), col);
    fill(c, (px, py) => py > top + 2.3 * r && py < top + h && Math.abs(px - x) < r * 1.35 - (py > top + h * 0.62 ? r * 0.35 : 0), col);
  };
  const groups = [
    [70, 330, 190, [232, 128, 84]], [130, 318, 204, [60, 170, 160]], [198, 336, 184, [236, 196, 90]],
    [1210, 326, 196, [236, 110, 140]], [1275, 340, 180, [96, 160, 230]], [1335, 322, 200, [150, 120, 220]],
  ];
  for (const [x, top, h, col] of groups) person(x, top, h, mix(col, [20, 18, 40], 0.35));
  // audience rows, darker towards the front
  const rows = [[548, 15, 58, 0], [590, 18, 66, 29], [636, 21, 74, 8], [686, 24, 82, 40]];
  rows.forEach(([y, r, step, off], i) => {
    const col = mix([38, 30, 62], [6, 6, 14], i / (rows.length - 1));
    for (let x = off - step; x < 1400 + step; x += step) {
      fill(c, inEllipse(x, y + r * 2.3, r * 1.9, r * 1.2), col);
      fill(c, inCircle(x, y, r), col);
    }
  });
  return c;
}

/** Box-filter downscale (for the blurred lazy-load placeholder Medium shows before the image). */
function downscale(src, w, h) {
  const c = canvas(w, h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const acc = [0, 0, 0]; let n = 0;
    for (let sy = Math.floor((y * src.h) / h); sy < Math.floor(((y + 1) * src.h) / h); sy++) {
      for (let sx = Math.floor((x * src.w) / w); sx < Math.floor(((x + 1) * src.w) / w); sx++) {
        const p = get(src, sx, sy); acc[0] += p[0]; acc[1] += p[1]; acc[2] += p[2]; n++;
      }
    }
    set(c, x, y, acc.map((v) => Math.round(v / n)));
  }
  return c;
}

/** Small card thumbnails for the "More from" / "Recommended" blocks: flat abstract compositions. */
function drawThumb(seed) {
  const palettes = [
    [[30, 60, 120], [90, 160, 230], [250, 200, 80]],
    [[24, 90, 70], [80, 190, 150], [240, 240, 220]],
    [[110, 40, 60], [230, 110, 110], [255, 220, 180]],
    [[40, 40, 52], [120, 120, 150], [250, 150, 60]],
    [[60, 30, 110], [150, 110, 230], [120, 230, 220]],
    [[20, 70, 110], [60, 140, 200], [240, 120, 90]],
    [[70, 60, 20], [200, 170, 60], [250, 250, 240]],
  ];
  const [bg, mid, hi] = palettes[seed % palettes.length];
  const c = canvas(320, 214);
  vgradient(c, bg, mix(bg, [0, 0, 0], 0.4));
  fill(c, inCircle(90 + seed * 23, 80 + (seed % 3) * 20, 56), mid);
  fill(c, inRect(150, 120 - seed * 6, 300, 180), hi);
  fill(c, inCircle(250 - seed * 11, 70, 22), hi);
  return c;
}

// ---------------------------------------------------------------- PNG

/** RGB PNG; each row takes whichever of the five filters gives the smallest absolute sum. */
function png(c) {
  const stride = c.w * 3;
  const raw = Buffer.alloc(c.h * (stride + 1));
  const paeth = (a, b, cc) => {
    const p = a + b - cc, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - cc);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : cc;
  };
  for (let y = 0; y < c.h; y++) {
    const row = c.px.subarray(y * stride, (y + 1) * stride);
    const up = y ? c.px.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    let best = null, bestSum = Infinity, bestType = 0;
    for (let t = 0; t < 5; t++) {
      const out = new Uint8Array(stride);
      let sum = 0;
      for (let i = 0; i < stride; i++) {
        const a = i >= 3 ? row[i - 3] : 0, b = up[i], cc = i >= 3 ? up[i - 3] : 0;
        const pred = [0, a, b, (a + b) >> 1, paeth(a, b, cc)][t];
        out[i] = (row[i] - pred) & 0xff;
        sum += out[i] < 128 ? out[i] : 256 - out[i];
      }
      if (sum < bestSum) { best = out; bestSum = sum; bestType = t; }
    }
    raw[y * (stride + 1)] = bestType;
    raw.set(best, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(c.w, 0); ihdr.writeUInt32BE(c.h, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit truecolour, no alpha
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- lossless WebP (VP8L)

class BitWriter {
  bytes = []; acc = 0; n = 0;
  /** Writes the low `nbits` of `value`, least significant bit first (VP8L bit order). */
  write(value, nbits) {
    for (let i = 0; i < nbits; i++) {
      this.acc |= ((value >>> i) & 1) << this.n;
      if (++this.n === 8) { this.bytes.push(this.acc); this.acc = 0; this.n = 0; }
    }
  }
  /** Writes a prefix code, most significant bit first. */
  code(code, len) { for (let i = len - 1; i >= 0; i--) this.write((code >>> i) & 1, 1); }
  finish() { if (this.n) this.bytes.push(this.acc); return Buffer.from(this.bytes); }
}

/** Huffman code lengths for `freq`, none longer than `limit` (retries with flattened counts). */
function codeLengths(freq, limit) {
  for (let floor = 0; ; floor = floor ? floor * 2 : 1) {
    const nodes = [];
    freq.forEach((f, s) => { if (f) nodes.push({ w: Math.max(f, floor), s }); });
    const lens = new Array(freq.length).fill(0);
    if (nodes.length === 1) { lens[nodes[0].s] = 1; return lens; }
    const heap = nodes.map((n) => ({ w: n.w, leaves: [n.s] }));
    while (heap.length > 1) {
      heap.sort((a, b) => a.w - b.w);
      const [a, b] = heap.splice(0, 2);
      for (const s of [...a.leaves, ...b.leaves]) lens[s]++;
      heap.push({ w: a.w + b.w, leaves: [...a.leaves, ...b.leaves] });
    }
    if (Math.max(...lens) <= limit) return lens;
  }
}

/** Canonical codes (as in DEFLATE) for the given lengths. */
function canonical(lens) {
  const max = Math.max(...lens), count = new Array(max + 1).fill(0), next = new Array(max + 2).fill(0);
  for (const l of lens) if (l) count[l]++;
  for (let l = 1, code = 0; l <= max; l++) { code = (code + count[l - 1]) << 1; next[l] = code; }
  return lens.map((l) => (l ? next[l]++ : 0));
}

const CODE_LENGTH_ORDER = [17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

/**
 * Writes one prefix code for `freq` and returns the `[codes, lengths]` to emit symbols with.
 * A code with at most one used symbol is sent as a "simple" code, which costs no bits a symbol.
 */
function writePrefixCode(bw, freq) {
  const used = freq.flatMap((f, s) => (f ? [s] : []));
  if (used.length <= 1 && (used[0] ?? 0) < 256) {
    const sym = used[0] ?? 0;
    bw.write(1, 1); bw.write(0, 1); // simple code, one symbol
    if (sym < 2) { bw.write(0, 1); bw.write(sym, 1); } else { bw.write(1, 1); bw.write(sym, 8); }
    return [new Array(freq.length).fill(0), new Array(freq.length).fill(0)];
  }
  if (used.length === 1) freq = freq.map((f, s) => (s === 0 ? 1 : f)); // a lone length symbol: pair it
  const lens = codeLengths(freq, 15);
  // Code lengths, run-length coded with 16 (repeat previous), 17 and 18 (runs of zeros).
  const tokens = [];
  for (let i = 0; i < lens.length;) {
    let run = 1;
    while (i + run < lens.length && lens[i + run] === lens[i]) run++;
    const l = lens[i];
    if (l === 0 && run >= 3) {
      const n = Math.min(run, 138);
      tokens.push(n >= 11 ? [18, n - 11, 7] : [17, n - 3, 3]); i += n;
    } else if (l !== 0 && run >= 4) {
      tokens.push([l, 0, 0]);
      const n = Math.min(run - 1, 6);
      tokens.push([16, n - 3, 2]); i += n + 1;
    } else { tokens.push([l, 0, 0]); i++; }
  }
  const clFreq = new Array(19).fill(0);
  for (const [t] of tokens) clFreq[t]++;
  if (clFreq.filter(Boolean).length < 2) clFreq[clFreq[0] ? 1 : 0]++; // a complete code needs two symbols
  const clLens = codeLengths(clFreq, 7), clCodes = canonical(clLens);
  let n = 19;
  while (n > 4 && clLens[CODE_LENGTH_ORDER[n - 1]] === 0) n--;
  bw.write(0, 1); // normal code
  bw.write(n - 4, 4);
  for (let i = 0; i < n; i++) bw.write(clLens[CODE_LENGTH_ORDER[i]], 3);
  bw.write(0, 1); // max_symbol = alphabet size
  for (const [t, extra, bits] of tokens) { bw.code(clCodes[t], clLens[t]); if (bits) bw.write(extra, bits); }
  return [canonical(lens), lens];
}

/** LZ77 length/distance value → [prefix symbol, extra bits count, extra bits value]. */
function prefixOf(v) {
  const d = v - 1;
  if (d < 4) return [d, 0, 0];
  const h = 31 - Math.clz32(d), second = (d >> (h - 1)) & 1;
  return [2 * h + second, h - 1, d & ((1 << (h - 1)) - 1)];
}

function webp(c) {
  const { w, h, px } = c, N = w * h;
  const same = (i, j) => px[i * 3] === px[j * 3] && px[i * 3 + 1] === px[j * 3 + 1] && px[i * 3 + 2] === px[j * 3 + 2];
  // Greedy LZ77 with two candidate distances: 1 (left, distance code 2) and w (above, code 1).
  const ops = [];
  for (let i = 0; i < N;) {
    let best = 0, code = 0;
    for (const [dist, dc] of [[1, 2], [w, 1]]) {
      if (i < dist) continue;
      let len = 0;
      while (len < 4096 && i + len < N && same(i + len, i + len - dist)) len++;
      if (len > best) { best = len; code = dc; }
    }
    if (best >= 3) { ops.push([1, best, code]); i += best; } else { ops.push([0, i]); i++; }
  }
  const freqs = [new Array(280).fill(0), new Array(256).fill(0), new Array(256).fill(0), new Array(256).fill(0), new Array(40).fill(0)];
  for (const op of ops) {
    if (op[0] === 0) {
      const k = op[1] * 3;
      freqs[0][px[k + 1]]++; freqs[1][px[k]]++; freqs[2][px[k + 2]]++; freqs[3][255]++;
    } else {
      freqs[0][256 + prefixOf(op[1])[0]]++; freqs[4][prefixOf(op[2])[0]]++;
    }
  }
  const bw = new BitWriter();
  bw.write(0x2f, 8);
  bw.write(w - 1, 14); bw.write(h - 1, 14); bw.write(0, 1); bw.write(0, 3);
  bw.write(0, 1); // no transforms
  bw.write(0, 1); // no colour cache
  bw.write(0, 1); // no meta prefix codes
  const codes = freqs.map((f) => writePrefixCode(bw, f));
  const emit = (k, sym) => bw.code(codes[k][0][sym], codes[k][1][sym]);
  for (const op of ops) {
    if (op[0] === 0) {
      const k = op[1] * 3;
      emit(0, px[k + 1]); emit(1, px[k]); emit(2, px[k + 2]); emit(3, 255);
    } else {
      const [lp, lb, lv] = prefixOf(op[1]);
      emit(0, 256 + lp); bw.write(lv, lb);
      const [dp, db, dv] = prefixOf(op[2]);
      emit(4, dp); bw.write(dv, db);
    }
  }
  const data = bw.finish();
  const pad = data.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  const u32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v); return b; };
  const chunk = Buffer.concat([Buffer.from('VP8L'), u32(data.length), data, pad]);
  return Buffer.concat([Buffer.from('RIFF'), u32(4 + chunk.length), Buffer.from('WEBP'), chunk]);
}

// ---------------------------------------------------------------- SVG avatars

/** An initials avatar: Medium shows photos, the demo a head-and-shoulders silhouette. */
const avatar = (initials, bg, fg) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="88" height="88" viewBox="0 0 88 88"><rect width="88" height="88" fill="${bg}"/>` +
  `<circle cx="44" cy="36" r="17" fill="${fg}" opacity=".55"/><path d="M10 88c4-20 18-30 34-30s30 10 34 30z" fill="${fg}" opacity=".55"/>` +
  `<text x="44" y="82" font-family="Helvetica,Arial,sans-serif" font-size="13" font-weight="700" text-anchor="middle" fill="#fff">${initials}</text></svg>\n`;
const defaultAvatar =
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" fill="#e6e6e6"/>' +
  '<circle cx="32" cy="25" r="11" fill="#bdbdbd"/><path d="M10 64c3-14 12-22 22-22s19 8 22 22z" fill="#bdbdbd"/></svg>\n';

// ---------------------------------------------------------------- output

mkdirSync(OUT, { recursive: true });
const hall = drawHall();
const files = {
  'hallway-track-1400.png': png(hall),
  'hallway-track-1400.webp': webp(hall),
  'hallway-track-placeholder.png': png(downscale(hall, 40, 20)),
};
files['steve-wade.svg'] = Buffer.from(avatar('SW', '#2d4a6b', '#9fc2e8'));
files['priya-raman.svg'] = Buffer.from(avatar('PR', '#6b2d4a', '#e89fc2'));
files['tomas-ortega.svg'] = Buffer.from(avatar('TO', '#2d6b52', '#9fe8c8'));
files['hannah-becker.svg'] = Buffer.from(avatar('HB', '#6b5a2d', '#e8d29f'));
files['default-avatar.svg'] = Buffer.from(defaultAvatar);
for (let i = 0; i < 7; i++) files[`card-${i + 1}.png`] = png(drawThumb(i));
for (const [name, buf] of Object.entries(files)) {
  writeFileSync(OUT + name, buf);
  console.log(`${name.padEnd(32)} ${buf.length} bytes`);
}
