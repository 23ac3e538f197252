// Error tracking (Sentry) for the web app, sent to the same project as the server's. The server says
// whether it is on (GET /client-config: the DSN, null when SENTRY_DSN is unset); only then is the SDK
// downloaded, as a chunk of its own after the first screen, so it never weighs on the first paint.
import type { ErrorEvent } from '@sentry/react';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import type * as SentryInit from './sentry-init';

export type ClientConfig = Schemas['ClientConfig'];

type SentryModule = typeof SentryInit;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const SECRET_PAIR = /((?:password|token|secret|cookie)[a-z_]*"?\s*[=:]\s*"?)[^"&\s,;}]+/gi;
const BEARER = /(bearer\s+)[^\s"',;]+/gi;

/** Removes emails, passwords, tokens and cookies from a text before it leaves the browser. */
export function scrubText(text: string): string {
  return text
    .replace(SECRET_PAIR, '$1[redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(EMAIL, '[email]');
}

/** The event without anything personal but the user's id. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  if (event.message) event.message = scrubText(event.message);
  for (const exception of event.exception?.values ?? []) {
    if (exception.value) exception.value = scrubText(exception.value);
  }
  if (event.request) {
    delete event.request.cookies;
    delete event.request.data;
    if (event.request.url) event.request.url = scrubText(event.request.url);
    if (typeof event.request.query_string === 'string') {
      event.request.query_string = scrubText(event.request.query_string);
    }
  }
  if (event.user) event.user = event.user.id ? { id: event.user.id } : undefined;
  for (const crumb of event.breadcrumbs ?? []) {
    if (crumb.message) crumb.message = scrubText(crumb.message);
    if (crumb.data?.url && typeof crumb.data.url === 'string')
      crumb.data.url = scrubText(crumb.data.url);
  }
  return event;
}

/**
 * Starts Sentry when the server has a DSN; resolves to whether it did. Never throws: error tracking
 * failing must not break the app.
 */
export async function startErrorTracking(
  load: () => Promise<SentryModule> = () => import('./sentry-init'),
  fetchConfig: () => Promise<ClientConfig> = () => api.get<ClientConfig>('/client-config'),
): Promise<boolean> {
  try {
    const config = await fetchConfig();
    if (!config.sentry_dsn) return false;
    const Sentry = await load();
    Sentry.init({
      dsn: config.sentry_dsn,
      environment: config.sentry_environment ?? undefined,
      sendDefaultPii: false,
      beforeSend: (event) => scrubEvent(event),
    });
    return true;
  } catch {
    return false;
  }
}
