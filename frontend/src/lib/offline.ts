// No React here: the API client imports this module, and the entry script (main.tsx) imports the
// API client; it must stay small (see vite.config.ts, pilimarket-preload-app).

/**
 * Whether the app is offline and how old the data on screen is. The service worker answers API
 * reads it could not fetch with the last copy it stored, marked with {@link CACHED_AT_HEADER};
 * the API client reports every answer here, so the offline banner can say "showing data from
 * 5 minutes ago", and a fresh answer from the network takes the banner away.
 */
export const CACHED_AT_HEADER = 'X-Pilimarket-Cached-At';

export interface OfflineState {
  /** The browser says it has no network. */
  offline: boolean;
  /** When the oldest stored answer now in use was fetched (ms), or null when all are fresh. */
  cachedAt: number | null;
}

let state: OfflineState = {
  offline: typeof navigator !== 'undefined' && navigator.onLine === false,
  cachedAt: null,
};
const listeners = new Set<() => void>();

function set(next: Partial<OfflineState>): void {
  const merged = { ...state, ...next };
  if (merged.offline === state.offline && merged.cachedAt === state.cachedAt) return;
  state = merged;
  listeners.forEach((l) => l());
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => set({ offline: true }));
  window.addEventListener('online', () => set({ offline: false }));
}

/** Called by the API client for every answer. */
export function noteResponse(response: Response): void {
  const stamp = response.headers.get(CACHED_AT_HEADER);
  const at = stamp ? Date.parse(stamp) : NaN;
  if (Number.isFinite(at)) {
    set({ cachedAt: state.cachedAt === null ? at : Math.min(state.cachedAt, at) });
  } else if (state.cachedAt !== null) {
    // The network answered: what is fetched from now on is current.
    set({ cachedAt: null });
  }
}

/** For tests: back to "online, nothing cached". */
export function resetOfflineState(offline = false): void {
  set({ offline, cachedAt: null });
}

export function getOfflineState(): OfflineState {
  return state;
}

export function subscribeOffline(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The service worker's store of API answers (public/sw.js, DATA_CACHE). */
const DATA_CACHE = 'pilimarket-data-v1';

/** Drops the stored API answers (on logout: the next person on this browser must not see them). */
export function forgetOfflineData(): void {
  if (typeof caches === 'undefined') return;
  void caches.delete(DATA_CACHE).catch(() => {});
}
