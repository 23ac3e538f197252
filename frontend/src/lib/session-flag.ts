/**
 * The `pm.session` flag: set while this browser holds a session (login, register, refresh), cleared
 * by logout or a failed refresh, so logged-out visitors never call /users/me or /auth/refresh.
 * Also tells listeners when the session is lost.
 */

export const SESSION_HINT_KEY = 'pm.session';

/** Answers that open (or renew) a session. */
const SESSION_STARTS = new Set(['/auth/login', '/auth/register', '/auth/refresh']);

export function setSessionHint(on: boolean): void {
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

/** Keeps the flag in step with an answer to `path`: set by a session's start, cleared by logout. */
export function noteSessionAnswer(path: string, ok: boolean): void {
  if (SESSION_STARTS.has(path) && ok) setSessionHint(true);
  if (path === '/auth/logout') setSessionHint(false);
}

type AuthLostListener = () => void;
const authLostListeners = new Set<AuthLostListener>();

/** Called when a refresh fails: the session is gone and the app should show the logged-out state. */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

/** The session is gone: clears the flag and tells the listeners. */
export function sessionLost(): void {
  setSessionHint(false);
  authLostListeners.forEach((l) => l());
}
