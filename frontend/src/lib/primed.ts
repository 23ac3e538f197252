/**
 * Early ("primed") GETs: the entry script starts the first screen's request while the app's code
 * is still downloading; the app's first request for the same URL takes the response over instead
 * of asking again, and a query can read the parsed answer synchronously as its initial data.
 * `primeGet`/`takePrimed` in api-client.ts start and read them by path; this is their store, by URL.
 */
import type { ApiResult, Envelope } from './api-client';

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

/** Keeps the early `response` for `url` (once: a second one for the same URL is not started). */
export function rememberPrimed(url: string, start: () => Promise<Response>): void {
  if (primed.has(url)) return;
  const response = start();
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

/** The early response for `url`, used up; undefined when there is none or it is too old. */
export function takePrimedResponse(url: string): Promise<Response> | undefined {
  const entry = primed.get(url);
  if (!entry) return undefined;
  primed.delete(url);
  return Date.now() - entry.startedAt <= PRIMED_MAX_AGE_MS ? entry.response : undefined;
}

/**
 * The parsed answer for `url` if it has already arrived successfully (then it is used up), with
 * the time it arrived; undefined otherwise (a pending or failed one stays for apiRequest).
 */
export function takePrimedResult<T>(
  url: string,
): (ApiResult<T> & { receivedAt: number }) | undefined {
  const entry = primed.get(url);
  if (!entry?.result) return undefined;
  if (!takePrimedResponse(url)) return undefined;
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
