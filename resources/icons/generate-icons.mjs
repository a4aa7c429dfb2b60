#!/usr/bin/env node
// Draws the Briefing Composer icon (an original design: a brief on a navy tile, one line
// highlighted as a cited passage, with a citation marker) and writes the icon set electron-builder
// uses: PNGs (16–1024 px), icon.ico (Windows) and icon.icns (macOS), both with PNG entries.
// Only node: built-ins — no image library, no network. Run: node resources/icons/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 128, 256, 512, 1024];

// ── shapes as signed distances in a 1×1 design space (negative = inside) ──────────────────
const roundedRect = (px, py, x0, y0, x1, y1, r) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2,
    hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(px - cx) - hx,
    dy = Math.abs(py - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
const circle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r;

const NAVY_TOP = [28, 45, 84],
  NAVY_BOTTOM = [16, 26, 52];
const PAPER = [250, 248, 242],
  INK = [120, 130, 150],
  HIGHLIGHT = [245, 181, 60],
  MARKER = [226, 88, 62],
  FOLD = [214, 208, 196];

/** The colour (RGBA, 0–255) at design point (x, y), composited back to front. */
function shade(x, y) {
  let rgba = [0, 0, 0, 0];
  const over = (color, coverage) => {
    if (coverage <= 0) return;
    const a = coverage,
      inv = 1 - a;
    const outA = a + rgba[3] * inv;
    rgba = [0, 1, 2].map((i) => (color[i] * a + rgba[i] * rgba[3] * inv) / (outA || 1)).concat(outA);
  };
  const cover = (d, aa) => Math.min(1, Math.max(0, 0.5 - d / aa));
  const aa = shade.aa;

  // Tile with a vertical gradient.
  const t = y;
  over(
    NAVY_TOP.map((c, i) => c + (NAVY_BOTTOM[i] - c) * t),
    cover(roundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.2), aa),
  );
  // The page, with its top-right corner folded: the corner beyond the cut line is removed…
  const cut = (0.13 - (0.75 - x + (y - 0.17))) * Math.SQRT1_2; // > 0 beyond the cut line
  over(PAPER, cover(Math.max(roundedRect(x, y, 0.25, 0.17, 0.75, 0.83, 0.035), cut), aa));
  // …and drawn folded down as a triangle inside the page.
  over(FOLD, cover(Math.max(0.62 - x, y - 0.3, cut), aa));
  // Text lines; the third is the cited passage, highlighted.
  const lines = [
    [0.33, 0.58, 0.37],
    [0.33, 0.67, 0.47],
    [0.33, 0.67, 0.57],
    [0.33, 0.6, 0.67],
    [0.33, 0.52, 0.75],
  ];
  lines.forEach(([x0, x1, cy], i) => {
    if (i === 2) over(HIGHLIGHT, cover(roundedRect(x, y, x0 - 0.025, cy - 0.04, x1 + 0.025, cy + 0.04, 0.02), aa));
    over(i === 2 ? [90, 62, 20] : INK, cover(roundedRect(x, y, x0, cy - 0.016, x1, cy + 0.016, 0.016), aa));
  });
  // The citation marker: a dot on the highlighted line's end.
  over(MARKER, cover(circle(x, y, 0.725, 0.57, 0.055), aa));
  over(PAPER, cover(circle(x, y, 0.725, 0.57, 0.022), aa));
  return rgba;
}

function render(size) {
  shade.aa = 1.5 / size;
  const SS = size <= 64 ? 4 : 2; // supersampling per axis
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const n = SS * SS,
        o = (py * size + px) * 4;
      pixels[o] = a ? Math.round(r / a) : 0;
      pixels[o + 1] = a ? Math.round(g / a) : 0;
      pixels[o + 2] = a ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, pixels);
}

// ── PNG, ICO and ICNS containers ─────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
function encodeIco(pngs) {
  const entries = pngs.filter(([size]) => size <= 256);
  const head = Buffer.alloc(6 + 16 * entries.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(entries.length, 4);
  let offset = head.length;
  entries.forEach(([size, png], i) => {
    const e = 6 + i * 16;
    head.writeUInt8(size >= 256 ? 0 : size, e);
    head.writeUInt8(size >= 256 ? 0 : size, e + 1);
    head.writeUInt16LE(1, e + 4); // planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(png.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([head, ...entries.map(([, png]) => png)]);
}
function encodeIcns(pngs) {
  const TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const blocks = pngs
    .filter(([size]) => TYPES[size])
    .map(([size, png]) => {
      const head = Buffer.alloc(8);
      head.write(TYPES[size], 0, 'ascii');
      head.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([head, png]);
    });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const pngs = SIZES.map((size) => [size, render(size)]);
for (const [size, png] of pngs) writeFileSync(join(OUT, `${size}x${size}.png`), png);
writeFileSync(join(OUT, 'icon.png'), pngs.find(([size]) => size === 512)[1]);
writeFileSync(join(OUT, 'icon.ico'), encodeIco(pngs));
writeFileSync(join(OUT, 'icon.icns'), encodeIcns(pngs));
console.log(`icons written to ${OUT}`);
