// Started by the entry script (main.tsx) before the app's code has arrived: the API request of the
// first screen, and for a market page its route code. Keep this module's imports free of React and
// React Query, so the entry chunk stays small and runs as soon as the HTML has been parsed.
import {
  FEED_PATH,
  listFiltersFromSearch,
  marketPath,
  marketsQuery,
} from '@/features/markets/api/requests';
import { primeGet, type Query } from '@/lib/api-client';

export interface EarlyRequest {
  path: string;
  query?: Query;
}

const MARKET_PAGE = /^\/markets\/([^/]+)\/?$/;

/**
 * The GET the page at `pathname` (with its `search`, where the markets list keeps its filters)
 * starts with, if it is one whose data can be asked for early.
 */
export function earlyRequestFor(pathname: string, search = ''): EarlyRequest | null {
  if (pathname === '/' || pathname === '/home' || pathname === '/home/') {
    return { path: FEED_PATH };
  }
  if (pathname === '/markets' || pathname === '/markets/') {
    return { path: '/markets', query: marketsQuery(listFiltersFromSearch(search), 1) };
  }
  const m = MARKET_PAGE.exec(pathname);
  if (!m) return null;
  try {
    return { path: marketPath(decodeURIComponent(m[1])) };
  } catch {
    return null; // a malformed escape: the page will show its own error
  }
}

/** Starts the first screen's request, and the market page's code when that is the first screen. */
export function startEarlyRequests(pathname: string, search = ''): void {
  const request = earlyRequestFor(pathname, search);
  if (!request) return;
  primeGet(request.path, request.query);
  if (MARKET_PAGE.test(pathname)) void import('./routes/market-detail').catch(() => {});
}
