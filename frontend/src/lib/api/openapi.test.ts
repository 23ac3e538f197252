// Drift between the web app and the server's API, caught offline: the app's calls (read from the
// source) must be listed in used-paths.json, and every listed call must be in the committed snapshot
// of /v3/api-docs (openapi.json; refresh with `npm run api:refresh`).
import { describe, expect, it } from 'vitest';
import doc from './openapi.json';
import { normalizePath, pathMatches, servedOperations, USED_PATHS } from './paths';

// The app's source as text (Vite's glob import), without tests and test helpers.
const SOURCES = import.meta.glob<string>(
  ['/src/**/*.{ts,tsx}', '!/src/**/*.test.{ts,tsx}', '!/src/testing/**'],
  { query: '?raw', import: 'default', eager: true },
);

/** Paths the source calls: api.get('/x'), apiRequest(`/x/${id}`), EventSource(`${API_BASE}/x`), … */
function calledPaths(): Map<string, string> {
  const patterns = [
    /(?:api\.(?:get|post|put|patch|delete|list)|apiRequest|send)(?:<[^>(]*(?:\([^)]*\))?[^>(]*>)?\(\s*(['`])(\/[^'`]*)\1/g,
    /const path = `(\/[^`]*)`/g,
    /`\$\{API_BASE\}(\/[^`]*)`/g,
    /API_BASE \+ '(\/[^']*)'/g,
  ];
  const found = new Map<string, string>();
  for (const [file, text] of Object.entries(SOURCES)) {
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        const raw = m[m.length - 1];
        found.set(normalizePath(raw), file);
      }
    }
  }
  return found;
}

describe('API paths', () => {
  const served = servedOperations(doc);

  it('finds the calls in the source', () => {
    const calls = calledPaths();
    expect(calls.size).toBeGreaterThan(30);
    expect(calls.has('/markets/{}/history')).toBe(true);
  });

  it('lists every path the source calls in used-paths.json', () => {
    const unlisted = [...calledPaths()]
      .filter(([call]) => !USED_PATHS.some((u) => pathMatches(call, u.path)))
      .map(([call, file]) => `${call} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it('finds every call in the OpenAPI snapshot', () => {
    const missing = USED_PATHS.map((u) => `${u.method} ${normalizePath(u.path)}`).filter(
      (op) => !served.has(op),
    );
    expect(missing).toEqual([]);
  });
});
