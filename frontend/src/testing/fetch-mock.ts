import { vi } from 'vitest';

export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export type MockReply = { status?: number; body?: unknown; raw?: string } | undefined;
export type Handler = (req: MockRequest) => MockReply | Promise<MockReply>;

export function envelope<T>(data: T, pagination?: unknown) {
  return { success: true, data, errors: [], ...(pagination ? { pagination } : {}) };
}

export function failure(code: string, message: string, field: string | null = null) {
  return { success: false, data: null, errors: [{ code, field, message }] };
}

/**
 * Replaces global fetch with a router: `routes` maps "METHOD /path" (path without /api/v1) to a
 * handler. Unmatched requests answer 404. Returns the recorded requests.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const calls: MockRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const headers = Object.fromEntries(
      Object.entries((init?.headers as Record<string, string>) ?? {}).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    const req: MockRequest = {
      method,
      path,
      query: url.searchParams,
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(req);
    const handler = routes[`${method} ${path}`];
    const reply = handler
      ? await handler(req)
      : { status: 404, body: failure('NOT_FOUND', 'nope') };
    const status = reply?.status ?? 200;
    const text = reply?.raw ?? JSON.stringify(reply?.body ?? envelope(null));
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}
