// Checks the API paths the web app calls against the server's OpenAPI document, so the two
// cannot drift apart silently. Usage: BASE_URL=http://localhost:8080 npm run check:api [-- --strict]
const BASE_URL = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const strict = process.argv.includes('--strict');

// Every call in src/features/*/api and src/lib (method, path under /api/v1).
const USED = [
  ['get', '/auth/csrf'],
  ['post', '/auth/register'],
  ['post', '/auth/login'],
  ['post', '/auth/refresh'],
  ['post', '/auth/logout'],
  ['get', '/users/me'],
  ['get', '/users/{id}/stats'],
  ['get', '/markets'],
  ['get', '/markets/{id}'],
  ['get', '/markets/{id}/history'],
  ['get', '/markets/{id}/forecasts'],
  ['get', '/markets/{id}/stream'],
  ['post', '/markets/{id}/watch'],
  ['delete', '/markets/{id}/watch'],
  ['post', '/forecasts'],
  ['get', '/leaderboard'],
  ['get', '/activity'],
  ['get', '/notifications'],
  ['get', '/notifications/unread-count'],
  ['get', '/notifications/stream'],
  ['post', '/notifications/{id}/read'],
  ['post', '/notifications/read-all'],
  ['get', '/purchases/packages'],
  ['post', '/purchases'],
  ['get', '/purchases'],
  ['get', '/purchases/{id}'],
  ['get', '/admin/stats'],
  ['post', '/admin/markets'],
  ['post', '/admin/markets/{id}/suspend'],
  ['post', '/admin/markets/{id}/resume'],
  ['post', '/admin/markets/{id}/close'],
  ['post', '/admin/markets/{id}/resolve'],
  ['post', '/admin/markets/{id}/cancel'],
  ['get', '/admin/users'],
  ['patch', '/admin/users/{id}'],
  ['get', '/admin/flags'],
  ['post', '/admin/flags/{id}/clear'],
  ['get', '/admin/audit-log'],
];

const norm = (p) => p.replace(/\{[^}]+\}/g, '{}').replace(/\/$/, '');

const res = await fetch(`${BASE_URL}/v3/api-docs`).catch((e) => {
  console.error(`cannot reach ${BASE_URL}/v3/api-docs: ${e.message}`);
  process.exit(2);
});
if (!res.ok) {
  console.error(`${BASE_URL}/v3/api-docs answered ${res.status}`);
  process.exit(2);
}
const doc = await res.json();
const served = new Set();
for (const [path, ops] of Object.entries(doc.paths ?? {})) {
  for (const method of Object.keys(ops)) served.add(`${method} ${norm(path.replace(/^\/api\/v1/, ''))}`);
}
const missing = USED.filter(([m, p]) => !served.has(`${m} ${norm(p)}`));
for (const [m, p] of missing) console.log(`MISSING ${m.toUpperCase()} /api/v1${p}`);
console.log(`API paths: ${USED.length - missing.length} of ${USED.length} used by the web app are served`);
process.exit(strict && missing.length ? 1 : 0);
