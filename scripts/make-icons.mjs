#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png) without any image library: each pixel's colour is
// the coverage of a few signed-distance shapes, sampled 4×4 per pixel (anti-aliasing), then written as an RGBA
// PNG with zlib. Run `node scripts/make-icons.mjs` after changing the drawing; the PNGs are committed.
//
// The drawing: a red rounded square (the colour of a 红头文件, a government document's red header) with a white
// target — rings and a bull's-eye — for 政策目标 (policy targets). Small sizes drop the inner ring to stay legible.
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "assets");
const SIZES = [16, 32, 64, 80, 128];

const RED = [196, 30, 36];
const WHITE = [255, 255, 255];

/** Signed distance (in unit coordinates) to a rounded square covering [m, 1-m]² with corner radius r. */
function roundedSquare(x, y, m, r) {
  const qx = Math.abs(x - 0.5) - (0.5 - m - r);
  const qy = Math.abs(y - 0.5) - (0.5 - m - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a ring centred on the icon: radius rc, half-width hw. */
function ring(x, y, rc, hw) {
  return Math.abs(Math.hypot(x - 0.5, y - 0.5) - rc) - hw;
}

function disc(x, y, r) {
  return Math.hypot(x - 0.5, y - 0.5) - r;
}

/** The white shapes for one size: fewer, thicker strokes when pixels are scarce. */
function whiteDistance(x, y, size) {
  if (size <= 16) return Math.min(ring(x, y, 0.29, 0.085), disc(x, y, 0.11));
  if (size <= 32) return Math.min(ring(x, y, 0.3, 0.06), ring(x, y, 0.17, 0.05), disc(x, y, 0.07));
  return Math.min(ring(x, y, 0.31, 0.05), ring(x, y, 0.2, 0.045), disc(x, y, 0.085));
}

function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  const margin = size <= 16 ? 0 : 0.03;
  const radius = 0.2;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (roundedSquare(x, y, margin, radius) <= 0) {
            bg++;
            if (whiteDistance(x, y, size) <= 0) fg++;
          }
        }
      }
      const n = samples * samples;
      const alpha = bg / n;
      // Within the square, blend white over red by the white coverage of the covered samples.
      const t = bg === 0 ? 0 : fg / bg;
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = Math.round(RED[c] * (1 - t) + WHITE[c] * t);
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  writeFileSync(file, render(size));
  console.log(`wrote ${path.relative(root, file)}`);
}
