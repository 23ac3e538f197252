// Prints the gzipped size of the JavaScript the first screen loads: the entry script of
// dist/index.html plus every chunk it modulepreloads. Run after `npm run build`: npm run size
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
for (const f of new Set(files)) {
  const buf = fs.readFileSync(path.join(dist, f.replace(/^\//, '')));
  raw += buf.length;
  gz += zlib.gzipSync(buf, { level: 9 }).length;
}
const limit = 250 * 1024;
console.log(
  `first screen JS: ${files.length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped (budget 250 KiB)`,
);
if (gz > limit) process.exit(1);
