// Prints the gzipped size of the JavaScript the first screen loads: the entry script of
// dist/index.html plus every chunk it modulepreloads (the budget), and the Brotli size browsers
// actually download (the server sends the .br files the build writes). Run after `npm run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1]);
let raw = 0;
let gz = 0;
let br = 0;
for (const f of new Set(files)) {
  const buf = fs.readFileSync(path.join(dist, f.replace(/^\//, '')));
  raw += buf.length;
  gz += zlib.gzipSync(buf, { level: 9 }).length;
  const brFile = path.join(dist, f.replace(/^\//, '') + '.br');
  br += fs.existsSync(brFile) ? fs.statSync(brFile).size : buf.length;
}
const limit = 250 * 1024;
console.log(
  `first screen JS: ${files.length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped (budget 250 KiB), ${(br / 1024).toFixed(1)} KiB as served (Brotli)`,
);
if (gz > limit) process.exit(1);
