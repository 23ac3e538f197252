/**
 * CSRF double submit: unsafe calls send the `XSRF-TOKEN` cookie back as the `X-XSRF-TOKEN` header.
 * When the cookie is missing, the server is asked for one once (concurrent callers share the ask).
 */

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

let asking: Promise<void> | null = null;
/** When the server gave no token, don't ask again on every request for a while. */
let missingUntil = 0;

/** The token to send; `ask` requests one (GET /auth/csrf) when the cookie is missing. */
export async function csrfToken(ask: () => Promise<unknown>): Promise<string | null> {
  const existing = readCookie('XSRF-TOKEN');
  if (existing) return existing;
  if (Date.now() < missingUntil) return null;
  if (!asking) {
    asking = ask()
      .then(() => undefined)
      .catch(() => undefined)
      .finally(() => {
        asking = null;
      });
  }
  await asking;
  const token = readCookie('XSRF-TOKEN');
  if (!token) missingUntil = Date.now() + 60_000;
  return token;
}

/** A new session may come with a token: the next unsafe call asks again even if the last found none. */
export function expectCsrfToken(): void {
  missingUntil = 0;
}
