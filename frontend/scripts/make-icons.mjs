// Generates the PWA icons (public/icon-192.png, icon-512.png, icon-maskable-512.png) with no
// dependencies: a blue tile with three rising white bars. Run: npm run icons
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const BLUE = [22, 82, 240];
const WHITE = [255, 255, 255];
const GREEN = [34, 197, 94];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function icon(size, { rounded, inset }) {
  const r = rounded ? size * 0.22 : 0;
  const s = size;
  // three bars, in units of the size, inside a safe zone scaled by `inset`
  const scale = 1 - inset * 2;
  const u = (v) => s * (inset + v * scale);
  const bars = [
    [0.2, 0.58, 0.34, 0.8],
    [0.43, 0.42, 0.57, 0.8],
    [0.66, 0.24, 0.8, 0.8],
  ].map(([x0, y0, x1, y1]) => [u(x0), u(y0), u(x1), u(y1)]);
  const dot = [u(0.73), u(0.14), s * 0.055 * scale];
  return png(size, (x, y) => {
    const px = x + 0.5;
    const py = y + 0.5;
    if (r) {
      const cx = Math.min(Math.max(px, r), s - r);
      const cy = Math.min(Math.max(py, r), s - r);
      if ((px - cx) ** 2 + (py - cy) ** 2 > r * r) return [0, 0, 0, 0];
    }
    if ((px - dot[0]) ** 2 + (py - dot[1]) ** 2 <= dot[2] ** 2) return [...GREEN, 255];
    for (const [x0, y0, x1, y1] of bars) {
      if (px >= x0 && px <= x1 && py >= y0 && py <= y1) return [...WHITE, 255];
    }
    return [...BLUE, 255];
  });
}

fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon-192.png'), icon(192, { rounded: true, inset: 0.05 }));
fs.writeFileSync(path.join(out, 'icon-512.png'), icon(512, { rounded: true, inset: 0.05 }));
fs.writeFileSync(
  path.join(out, 'icon-maskable-512.png'),
  icon(512, { rounded: false, inset: 0.15 }),
);
console.log('icons written to', out);
