// The markets feature's requests as plain data, without React or React Query: the query hooks use
// them, and so does the app's entry script to start the first screen's request early
// (app/early-requests.ts), which must ask for exactly the URL the page will ask for.
import type { Query } from '@/lib/api-client';
import type { Category, MarketStatus } from '@/lib/api-types';

export type MarketSort = 'created_at' | 'volume' | 'closes_at' | 'forecasters';
export const MARKET_SORTS: MarketSort[] = ['created_at', 'volume', 'closes_at', 'forecasters'];

export interface MarketFilters {
  category?: Category | '';
  status?: MarketStatus | '';
  q?: string;
  sort?: MarketSort;
  order?: 'asc' | 'desc';
  limit?: number;
}

/** What the markets list shows first: open markets, newest first. */
export const DEFAULT_MARKET_FILTERS = {
  category: '',
  q: '',
  sort: 'created_at',
  status: 'open',
} as const satisfies MarketFilters;

/** Query parameters of `GET /markets` for one page of `filters`. */
export function marketsQuery(filters: MarketFilters, page: number): Query {
  const order = filters.order ?? (filters.sort === 'closes_at' ? 'asc' : 'desc');
  return {
    category: filters.category,
    status: filters.status,
    q: filters.q?.trim(),
    sort: filters.sort,
    order,
    page,
    limit: filters.limit ?? 20,
  };
}

/** Path of `GET /markets/{id-or-slug}`. */
export function marketPath(idOrSlug: string): string {
  const path = `/markets/${encodeURIComponent(idOrSlug)}`;
  return path;
}

/** Path of `GET /markets/feed`, the home feed (no parameters: the caller decides the personal sections). */
export const FEED_PATH = '/markets/feed';
