/**
 * fetch-based client for the Pilimarket HTTP API v1: envelope parsing, typed errors,
 * CSRF double-submit, one shared token refresh on 401, device id and idempotency keys.
 */

import { preferredLang } from './i18n/lang';
import { noteResponse } from './offline';

export const API_BASE = '/api/v1';
const DEVICE_ID_KEY = 'pm.device_id';
/** Set while this browser holds a session, so logged-out visitors never call /auth/refresh. */
export const SESSION_HINT_KEY = 'pm.session';
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

type AuthLostListener = () => void;
const authLostListeners = new Set<AuthLostListener>();

/** Called when a refresh fails: the session is gone and the app should show the logged-out state. */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
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

function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // storage unavailable: refreshes are then never attempted
  }
}

export function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === '1';
  } catch {
    return false;
  }
}

let csrfPromise: Promise<void> | null = null;
/** When the server gave no token, don't ask again on every request for a while. */
let csrfMissingUntil = 0;
let refreshPromise: Promise<boolean> | null = null;

async function ensureCsrfToken(): Promise<string | null> {
  const existing = readCookie('XSRF-TOKEN');
  if (existing) return existing;
  if (Date.now() < csrfMissingUntil) return null;
  if (!csrfPromise) {
    csrfPromise = fetch(API_BASE + '/auth/csrf', {
      credentials: 'include',
      headers: baseHeaders(),
    })
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        csrfPromise = null;
      });
  }
  await csrfPromise;
  const token = readCookie('XSRF-TOKEN');
  if (!token) csrfMissingUntil = Date.now() + 60_000;
  return token;
}

/**
 * Early ("primed") GETs: the entry script starts the first screen's request while the app's code
 * is still downloading; the app's first request for the same URL takes the response over instead
 * of asking again, and a query can read the parsed answer synchronously as its initial data.
 */
interface Primed {
  startedAt: number;
  response: Promise<Response>;
  /** Resolves once the answer has been parsed or has failed (never rejects). */
  settled: Promise<void>;
  /** Set once a successful answer has been parsed. */
  result?: ApiResult<unknown>;
  receivedAt?: number;
}

/** A primed answer older than this is not used (it was meant for the first screen only). */
export const PRIMED_MAX_AGE_MS = 10_000;
const primed = new Map<string, Primed>();

/** Starts `GET path?query` now; the next {@link apiRequest} or {@link takePrimed} for it uses it. */
export function primeGet(path: string, query?: Query): void {
  const url = buildUrl(path, query);
  if (primed.has(url)) return;
  const response = fetchRaw(path, { query });
  const entry: Primed = {
    startedAt: Date.now(),
    response,
    settled: response
      .then((res) => (res.ok ? (res.clone().json() as Promise<Envelope<unknown>>) : null))
      .then((body) => {
        if (body && body.success !== false) {
          entry.result = { data: body.data, pagination: body.pagination };
          entry.receivedAt = Date.now();
        }
      })
      .catch(() => {
        // apiRequest then sees the failure and asks again
      }),
  };
  primed.set(url, entry);
}

function takeEntry(url: string): Primed | undefined {
  const entry = primed.get(url);
  if (!entry) return undefined;
  primed.delete(url);
  return Date.now() - entry.startedAt <= PRIMED_MAX_AGE_MS ? entry : undefined;
}

/**
 * The parsed answer of a primed GET if it has already arrived successfully (then it is used up),
 * with the time it arrived; undefined otherwise (a pending or failed one stays for apiRequest).
 */
export function takePrimed<T>(
  path: string,
  query?: Query,
): (ApiResult<T> & { receivedAt: number }) | undefined {
  const url = buildUrl(path, query);
  const entry = primed.get(url);
  if (!entry?.result) return undefined;
  if (!takeEntry(url)) return undefined;
  return { ...(entry.result as ApiResult<T>), receivedAt: entry.receivedAt ?? Date.now() };
}

/**
 * Resolves when every primed GET has been answered and parsed (or has failed), or after `maxMs`:
 * the app renders its first screen with the data when it is about to arrive anyway, and without
 * it (skeletons, then the data) when the API is slow.
 */
export function primedSettled(maxMs: number): Promise<void> {
  const pending = [...primed.values()].map((e) => e.settled);
  if (pending.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    void Promise.all(pending).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Forgets every primed request (tests). */
export function clearPrimed(): void {
  primed.clear();
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  if ((opts.method ?? 'GET') === 'GET') {
    const early = takeEntry(buildUrl(path, opts.query));
    if (early) {
      try {
        return await early.response;
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
    const token = await ensureCsrfToken();
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

/** One refresh at a time: concurrent 401s wait for the same attempt. */
export function refreshSession(): Promise<boolean> {
  csrfMissingUntil = 0;
  if (!refreshPromise) {
    refreshPromise = send('/auth/refresh', { method: 'POST', body: {} })
      .then((r) => r.ok)
      .catch(() => false)
      .then((ok) => {
        if (!ok) {
          setSessionHint(false);
          authLostListeners.forEach((l) => l());
        }
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

/** Answers that open (or renew) a session. */
const SESSION_STARTS = new Set(['/auth/login', '/auth/register', '/auth/refresh']);

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
  if (SESSION_STARTS.has(path) && res.ok) setSessionHint(true);
  if (path === '/auth/logout') setSessionHint(false);
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
