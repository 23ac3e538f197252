// Checks the API calls of the web app (src/lib/api/used-paths.json) against the committed snapshot
// of the server's OpenAPI document (src/lib/api/openapi.json). Offline by default.
//   npm run check:api                    used paths vs the snapshot
//   npm run check:api -- --live          also: the snapshot vs BASE_URL's /v3/api-docs (drift report)
// The snapshot itself is refreshed from the server's code by `npm run api:refresh` (docs/FRONTEND.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SNAPSHOT = path.join(root, 'src/lib/api/openapi.json');
const USED = JSON.parse(fs.readFileSync(path.join(root, 'src/lib/api/used-paths.json'), 'utf8'));
const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const args = process.argv.slice(2);

const norm = (p) =>
  p
    .replace(/^\/api\/v1/, '')
    .replace(/\{[^}]+\}/g, '{}')
    .replace(/\/$/, '');
const operations = (doc) => {
  const ops = new Set();
  for (const [p, methods] of Object.entries(doc.paths ?? {})) {
    for (const m of Object.keys(methods)) ops.add(`${m} ${norm(p)}`);
  }
  return ops;
};

async function fetchDoc() {
  const res = await fetch(`${BASE_URL}/v3/api-docs`).catch((e) => {
    console.error(`cannot reach ${BASE_URL}/v3/api-docs: ${e.message}`);
    process.exit(2);
  });
  if (!res.ok) {
    console.error(`${BASE_URL}/v3/api-docs answered ${res.status}`);
    process.exit(2);
  }
  return res.json();
}

const snapshot = JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8'));
const served = operations(snapshot);
let gaps = 0;
let hard = 0;
for (const u of USED.paths) {
  const op = `${u.method} ${norm(u.path)}`;
  if (served.has(op)) continue;
  gaps++;
  hard++;
  console.log(`MISSING  ${u.method.toUpperCase()} /api/v1${u.path}`);
}
console.log(
  `API paths: ${USED.paths.length - gaps} of ${USED.paths.length} used by the web app are in the snapshot`,
);

if (args.includes('--live')) {
  const live = operations(await fetchDoc());
  const added = [...live].filter((o) => !served.has(o));
  const removed = [...served].filter((o) => !live.has(o));
  for (const o of added) console.log(`live has, snapshot lacks: ${o}`);
  for (const o of removed) console.log(`snapshot has, live lacks: ${o}`);
  console.log(
    added.length || removed.length
      ? `snapshot differs from ${BASE_URL}: run npm run api:refresh`
      : `snapshot matches ${BASE_URL}`,
  );
  if (removed.length) hard++;
}
process.exit(hard ? 1 : 0);
