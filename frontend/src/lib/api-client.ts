/**
 * fetch-based client for the Pilimarket HTTP API v1: envelope parsing, typed errors, one shared
 * token refresh on 401, device id and idempotency keys. The CSRF token (csrf.ts), the session flag
 * (session-flag.ts) and the early first-screen requests (primed.ts) have files of their own.
 */

import { csrfToken, expectCsrfToken } from './csrf';
import { preferredLang } from './i18n/lang';
import { noteResponse } from './offline';
import { rememberPrimed, takePrimedResponse, takePrimedResult } from './primed';
import { hasSessionHint, noteSessionAnswer, sessionLost } from './session-flag';

export const API_BASE = '/api/v1';
const DEVICE_ID_KEY = 'pm.device_id';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Headers every API call sends: JSON, the device id, and the language the app shows, so the
 * server's messages (errors, notifications, ledger reasons) come back in that language even when
 * the browser is set to another one.
 */
function baseHeaders(): Record<string, string> {
  return {
    Accept: 'application/json',
    'Accept-Language': preferredLang(),
    'X-Device-Id': deviceId(),
  };
}

export interface FieldError {
  code: string;
  field: string | null;
  message: string;
}

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  pages: number;
}

export interface Envelope<T> {
  success: boolean;
  data: T;
  errors?: FieldError[];
  pagination?: Pagination;
}

export interface ApiResult<T> {
  data: T;
  pagination?: Pagination;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly errors: FieldError[];

  constructor(status: number, errors: FieldError[], fallbackMessage = 'Request failed') {
    const first = errors[0];
    super(first?.message || fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.code = first?.code ?? 'HTTP_' + status;
    this.field = first?.field ?? null;
    this.errors = errors;
  }

  /** Message for one form field, if the server reported one. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export function uuid(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

export function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_ID_KEY);
    if (!id) {
      id = uuid();
      localStorage.setItem(DEVICE_ID_KEY, id);
    }
    return id;
  } catch {
    return 'no-storage';
  }
}

export function buildUrl(path: string, query?: Query): string {
  const qs = new URLSearchParams();
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    }
  }
  const s = qs.toString();
  return API_BASE + path + (s ? '?' + s : '');
}

/** Starts `GET path?query` now; the next {@link apiRequest} or {@link takePrimed} for it uses it. */
export function primeGet(path: string, query?: Query): void {
  rememberPrimed(buildUrl(path, query), () => fetchRaw(path, { query }));
}

/**
 * The parsed answer of a primed GET if it has already arrived successfully (then it is used up),
 * with the time it arrived; undefined otherwise (a pending or failed one stays for apiRequest).
 */
export function takePrimed<T>(
  path: string,
  query?: Query,
): (ApiResult<T> & { receivedAt: number }) | undefined {
  return takePrimedResult<T>(buildUrl(path, query));
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  if ((opts.method ?? 'GET') === 'GET') {
    const early = takePrimedResponse(buildUrl(path, opts.query));
    if (early) {
      try {
        return await early;
      } catch {
        // the early request failed (e.g. offline for a moment): ask again below
      }
    }
  }
  return fetchRaw(path, opts);
}

async function fetchRaw(path: string, opts: RequestOptions): Promise<Response> {
  const method = opts.method ?? 'GET';
  const headers = baseHeaders();
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method)) {
    const token = await csrfToken(() =>
      fetch(API_BASE + '/auth/csrf', { credentials: 'include', headers: baseHeaders() }),
    );
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  try {
    const response = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'include',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: opts.signal,
    });
    noteResponse(response);
    return response;
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, [
      { code: 'NETWORK_ERROR', field: null, message: 'Network error — check your connection.' },
    ]);
  }
}

let refreshPromise: Promise<boolean> | null = null;

/** One refresh at a time: concurrent 401s wait for the same attempt. */
export function refreshSession(): Promise<boolean> {
  expectCsrfToken();
  if (!refreshPromise) {
    refreshPromise = send('/auth/refresh', { method: 'POST', body: {} })
      .then((r) => r.ok)
      .catch(() => false)
      .then((ok) => {
        if (!ok) sessionLost();
        return ok;
      })
      .finally(() => {
        refreshPromise = null;
      });
  }
  return refreshPromise;
}

async function parse<T>(res: Response): Promise<ApiResult<T>> {
  let body: Envelope<T> | null = null;
  const text = await res.text();
  if (text) {
    try {
      body = JSON.parse(text) as Envelope<T>;
    } catch {
      body = null;
    }
  }
  if (!res.ok || !body || body.success === false) {
    const errors = body?.errors?.length
      ? body.errors
      : [
          {
            code: res.ok ? 'MALFORMED_RESPONSE' : 'HTTP_' + res.status,
            field: null,
            message: res.statusText || 'Request failed',
          },
        ];
    throw new ApiError(res.status, errors);
  }
  return { data: body.data, pagination: body.pagination };
}

function isAuthPath(path: string): boolean {
  return path.startsWith('/auth/');
}

export async function apiRequest<T>(
  path: string,
  opts: RequestOptions = {},
): Promise<ApiResult<T>> {
  let res = await send(path, opts);
  if (res.status === 401 && !isAuthPath(path) && hasSessionHint()) {
    const refreshed = await refreshSession();
    if (refreshed) res = await send(path, opts);
  }
  noteSessionAnswer(path, res.ok);
  return parse<T>(res);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }).then((r) => r.data),
  list: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T[]>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) =>
    apiRequest<T>(path, { method: 'POST', body: body ?? {}, idempotencyKey }).then((r) => r.data),
  put: <T>(path: string, body?: unknown) =>
    apiRequest<T>(path, { method: 'PUT', body: body ?? {} }).then((r) => r.data),
  patch: <T>(path: string, body?: unknown) =>
    apiRequest<T>(path, { method: 'PATCH', body: body ?? {} }).then((r) => r.data),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }).then((r) => r.data),
};
