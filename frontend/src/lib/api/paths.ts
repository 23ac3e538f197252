/** Matching the app's API calls with the paths of an OpenAPI document. */
import used from './used-paths.json';

export interface UsedPath {
  method: string;
  path: string;
}

export const USED_PATHS: UsedPath[] = used.paths;

/** `/markets/{idOrSlug}` and `/markets/${encodeURIComponent(id)}` both become `/markets/{}`. */
export function normalizePath(path: string): string {
  return path
    .replace(/^\/api\/v1/, '')
    .replace(/\$\{[^}]*\}/g, '{}')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/$/, '');
}

interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
}

/** `get /markets/{}` keys for every operation of the document. */
export function servedOperations(doc: OpenApiDoc): Set<string> {
  const served = new Set<string>();
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(ops)) served.add(`${method} ${normalizePath(path)}`);
  }
  return served;
}

/** True if `call` (a normalized path, `{}` for any segment) is covered by `entry`'s path. */
export function pathMatches(call: string, entry: string): boolean {
  const a = call.split('/');
  const b = normalizePath(entry).split('/');
  return a.length === b.length && a.every((seg, i) => seg === b[i] || seg === '{}');
}
