import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { envelope, failure, mockFetch } from '@/testing/fetch-mock';
import type { ApiError } from './api-client';
import {
  api,
  apiRequest,
  buildUrl,
  deviceId,
  isApiError,
  primeGet,
  takePrimed,
} from './api-client';
import { readCookie } from './csrf';
import { clearPrimed, primedSettled, PRIMED_MAX_AGE_MS } from './primed';
import { onAuthLost, SESSION_HINT_KEY } from './session-flag';

afterEach(() => {
  vi.unstubAllGlobals();
});

function setCookie(value: string) {
  document.cookie = value;
}

describe('envelope parsing', () => {
  it('returns data and pagination of a successful list', async () => {
    const pagination = { page: 1, limit: 20, total: 1, pages: 1 };
    mockFetch({ 'GET /markets': () => ({ body: envelope([{ id: 'a' }], pagination) }) });
    const res = await api.list<{ id: string }>('/markets', { page: 1, q: '' });
    expect(res.data).toEqual([{ id: 'a' }]);
    expect(res.pagination).toEqual(pagination);
  });

  it('throws a typed error with the first error entry and all entries', async () => {
    mockFetch({
      'POST /auth/register': () => ({
        status: 400,
        body: {
          success: false,
          data: null,
          errors: [
            { code: 'VALIDATION_FAILED', field: 'email', message: 'must be an email' },
            { code: 'VALIDATION_FAILED', field: 'password', message: 'too short' },
          ],
        },
      }),
    });
    setCookie('XSRF-TOKEN=t');
    const err = await api.post('/auth/register', {}).catch((e: unknown) => e);
    expect(isApiError(err)).toBe(true);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.field).toBe('email');
    expect(e.message).toBe('must be an email');
    expect(e.errors).toHaveLength(2);
    expect(e.fieldMessage('password')).toBe('too short');
  });

  it('treats success:false with a 200 status as an error', async () => {
    mockFetch({ 'GET /x': () => ({ status: 200, body: failure('INVALID_STATE', 'nope') }) });
    await expect(api.get('/x')).rejects.toMatchObject({ code: 'INVALID_STATE', status: 200 });
  });

  it('reports a non-JSON error page by its status', async () => {
    mockFetch({ 'GET /x': () => ({ status: 502, raw: '<html>Bad gateway</html>' }) });
    await expect(api.get('/x')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/x')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });
});

describe('request headers', () => {
  it('sends the language the app shows as Accept-Language, on reads and writes', async () => {
    const { calls } = mockFetch({
      'GET /markets': () => ({ body: envelope([]) }),
      'POST /purchases': () => ({ body: envelope({}) }),
    });
    localStorage.setItem('pm.lang', 'fil');
    setCookie('XSRF-TOKEN=t');
    await api.get('/markets');
    await api.post('/purchases', { chips: 100 });
    localStorage.setItem('pm.lang', 'en');
    await api.get('/markets');
    localStorage.removeItem('pm.lang');
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers['accept-language']}`)).toEqual([
      'GET /markets fil',
      'POST /purchases fil',
      'GET /markets en',
    ]);
  });

  it('sends credentials, a stable device id and skips empty query values', async () => {
    const { calls, fn } = mockFetch({ 'GET /markets': () => ({ body: envelope([]) }) });
    await api.get('/markets', { category: '', q: 'bbm', page: 2, x: undefined });
    await api.get('/markets');
    expect(calls[0].query.toString()).toBe('q=bbm&page=2');
    expect(calls[0].headers['x-device-id']).toBe(deviceId());
    expect(calls[1].headers['x-device-id']).toBe(calls[0].headers['x-device-id']);
    expect((fn.mock.calls[0][1] as RequestInit).credentials).toBe('include');
    expect(buildUrl('/a', { b: 1 })).toBe('/api/v1/a?b=1');
  });

  it('sends the XSRF cookie value as X-XSRF-TOKEN on unsafe methods only', async () => {
    setCookie('XSRF-TOKEN=abc%3D123');
    const { calls } = mockFetch({
      'POST /forecasts': () => ({ status: 201, body: envelope({ id: 'f1' }) }),
      'GET /markets': () => ({ body: envelope([]) }),
    });
    await api.post('/forecasts', { points: 10 }, 'key-1');
    await api.get('/markets');
    expect(calls[0].headers['x-xsrf-token']).toBe('abc=123');
    expect(calls[0].headers['idempotency-key']).toBe('key-1');
    expect(calls[0].headers['content-type']).toBe('application/json');
    expect(calls[0].body).toEqual({ points: 10 });
    expect(calls[1].headers['x-xsrf-token']).toBeUndefined();
  });

  it('fetches a CSRF token first when the cookie is missing', async () => {
    const { calls } = mockFetch({
      'GET /auth/csrf': () => {
        setCookie('XSRF-TOKEN=fresh');
        return { body: envelope({}) };
      },
      'DELETE /markets/m1/watch': () => ({ body: envelope(null) }),
    });
    await api.delete('/markets/m1/watch');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /auth/csrf',
      'DELETE /markets/m1/watch',
    ]);
    expect(calls[1].headers['x-xsrf-token']).toBe('fresh');
    expect(readCookie('XSRF-TOKEN')).toBe('fresh');
  });
});

describe('CSRF without a token', () => {
  it('asks for a token once, then sends requests without the header for a while', async () => {
    const { calls } = mockFetch({
      'GET /auth/csrf': () => ({ status: 404, body: failure('NOT_FOUND', 'x') }),
      'POST /forecasts': () => ({ status: 201, body: envelope({}) }),
    });
    await api.post('/forecasts', {});
    await api.post('/forecasts', {});
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /auth/csrf',
      'POST /forecasts',
      'POST /forecasts',
    ]);
    expect(calls[1].headers['x-xsrf-token']).toBeUndefined();
  });
});

describe('session refresh on 401', () => {
  beforeEach(() => localStorage.setItem(SESSION_HINT_KEY, '1'));

  it('never refreshes for a visitor who has not logged in on this browser', async () => {
    localStorage.removeItem(SESSION_HINT_KEY);
    const { calls } = mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'no session') }),
    });
    await expect(apiRequest('/users/me')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(1);
  });

  it('remembers a session opened by login and forgets it on logout', async () => {
    localStorage.removeItem(SESSION_HINT_KEY);
    setCookie('XSRF-TOKEN=t');
    mockFetch({
      'POST /auth/login': () => ({ body: envelope({ user: { id: 'u1' } }) }),
      'POST /auth/logout': () => ({ body: envelope({}) }),
    });
    await api.post('/auth/login', { email: 'a', password: 'b' });
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBe('1');
    await api.post('/auth/logout');
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
  });

  it('refreshes once and retries the original request', async () => {
    setCookie('XSRF-TOKEN=t');
    let meCalls = 0;
    const { calls } = mockFetch({
      'GET /users/me': () =>
        ++meCalls === 1
          ? { status: 401, body: failure('UNAUTHENTICATED', 'expired') }
          : { body: envelope({ id: 'u1' }) },
      'POST /auth/refresh': () => ({ body: envelope({}) }),
    });
    await expect(api.get('/users/me')).resolves.toEqual({ id: 'u1' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /users/me',
      'POST /auth/refresh',
      'GET /users/me',
    ]);
    expect(calls[1].body).toEqual({});
    expect(calls[1].headers['x-xsrf-token']).toBe('t');
  });

  it('shares one refresh between concurrent 401s', async () => {
    setCookie('XSRF-TOKEN=t');
    let refreshed = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { calls } = mockFetch({
      'GET /a': () =>
        refreshed
          ? { body: envelope('a') }
          : { status: 401, body: failure('UNAUTHENTICATED', 'x') },
      'GET /b': () =>
        refreshed
          ? { body: envelope('b') }
          : { status: 401, body: failure('UNAUTHENTICATED', 'x') },
      'GET /c': () =>
        refreshed
          ? { body: envelope('c') }
          : { status: 401, body: failure('UNAUTHENTICATED', 'x') },
      'POST /auth/refresh': async () => {
        await gate;
        refreshed = true;
        return { body: envelope({}) };
      },
    });
    const all = Promise.all([api.get('/a'), api.get('/b'), api.get('/c')]);
    await vi.waitFor(() => expect(calls.filter((c) => c.path === '/auth/refresh')).toHaveLength(1));
    release();
    await expect(all).resolves.toEqual(['a', 'b', 'c']);
    expect(calls.filter((c) => c.path === '/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c.path !== '/auth/refresh')).toHaveLength(6);
  });

  it('signals the logged-out state when the refresh fails', async () => {
    setCookie('XSRF-TOKEN=t');
    const lost = vi.fn();
    const off = onAuthLost(lost);
    const { calls } = mockFetch({
      'GET /users/me': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'expired') }),
      'POST /auth/refresh': () => ({ status: 401, body: failure('UNAUTHENTICATED', 'revoked') }),
    });
    await expect(apiRequest('/users/me')).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
    expect(localStorage.getItem(SESSION_HINT_KEY)).toBeNull();
    off();
  });

  it('never refreshes for the auth endpoints themselves', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = mockFetch({
      'POST /auth/login': () => ({
        status: 401,
        body: failure('UNAUTHENTICATED', 'Wrong email or password'),
      }),
    });
    await expect(api.post('/auth/login', { email: 'a', password: 'b' })).rejects.toMatchObject({
      message: 'Wrong email or password',
    });
    expect(calls).toHaveLength(1);
  });
});

describe('visitors', () => {
  it('do not ask for the current user before they ever logged in', async () => {
    localStorage.removeItem(SESSION_HINT_KEY);
    const { fetchMe } = await import('./session');
    const { calls } = mockFetch({});
    await expect(fetchMe()).resolves.toBeNull();
    expect(calls).toHaveLength(0);
  });
});

describe('primed (early) requests', () => {
  afterEach(() => {
    clearPrimed();
    vi.restoreAllMocks();
  });

  const list = () => ({
    body: envelope([{ id: 'a' }], { page: 1, limit: 20, total: 1, pages: 1 }),
  });

  it('hands a primed GET to the first request for the same URL, and only to that one', async () => {
    const { fn } = mockFetch({ 'GET /markets': list });
    primeGet('/markets', { page: 1 });
    expect(fn).toHaveBeenCalledTimes(1);
    expect(String(fn.mock.calls[0][0])).toBe('/api/v1/markets?page=1');

    expect((await api.list('/markets', { page: 1 })).data).toEqual([{ id: 'a' }]);
    expect(fn).toHaveBeenCalledTimes(1);
    await api.list('/markets', { page: 1 });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('does not hand a primed GET to a request for another URL', async () => {
    const { fn } = mockFetch({ 'GET /markets': list });
    primeGet('/markets', { page: 1 });
    await api.list('/markets', { page: 2 });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('gives the parsed answer synchronously once it has arrived, once', async () => {
    const { fn } = mockFetch({ 'GET /markets': list });
    primeGet('/markets', { page: 1 });
    expect(takePrimed('/markets', { page: 1 })).toBeUndefined(); // not here yet
    await primedSettled(1000);
    const hit = takePrimed<{ id: string }[]>('/markets', { page: 1 });
    expect(hit?.data).toEqual([{ id: 'a' }]);
    expect(hit?.pagination?.total).toBe(1);
    expect(hit?.receivedAt).toBeGreaterThan(0);
    expect(takePrimed('/markets', { page: 1 })).toBeUndefined();
    await api.list('/markets', { page: 1 });
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('ignores a primed answer that is too old', async () => {
    const { fn } = mockFetch({ 'GET /markets': list });
    const t0 = Date.now();
    const now = vi.spyOn(Date, 'now').mockReturnValue(t0);
    primeGet('/markets');
    await primedSettled(1000);
    now.mockReturnValue(t0 + PRIMED_MAX_AGE_MS + 1);
    expect(takePrimed('/markets')).toBeUndefined();
    await api.list('/markets');
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('asks again when the primed request failed on the network', async () => {
    let first = true;
    const { fn } = mockFetch({
      'GET /markets': () => {
        if (first) {
          first = false;
          throw new TypeError('Failed to fetch');
        }
        return list();
      },
    });
    primeGet('/markets');
    await primedSettled(1000);
    expect(takePrimed('/markets')).toBeUndefined();
    expect((await api.list('/markets')).data).toEqual([{ id: 'a' }]);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('passes a primed error answer to the request, which reports it', async () => {
    const { fn } = mockFetch({
      'GET /markets/nope': () => ({ status: 404, body: failure('NOT_FOUND', 'No such market') }),
    });
    primeGet('/markets/nope');
    await primedSettled(1000);
    expect(takePrimed('/markets/nope')).toBeUndefined();
    const err = await api.get('/markets/nope').catch((e: unknown) => e);
    expect(isApiError(err) && err.status).toBe(404);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('stops waiting for a slow primed request after the given time', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    primeGet('/markets');
    const started = Date.now();
    await primedSettled(30);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(takePrimed('/markets')).toBeUndefined();
  });
});
