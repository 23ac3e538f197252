// The markets feature's requests as plain data, without React or React Query: the query hooks use
// them, and so does the app's entry script to start the first screen's request early
// (app/early-requests.ts), which must ask for exactly the URL the page will ask for.
import type { Query } from '@/lib/api-client';
import { CATEGORIES, type Category, type MarketStatus } from '@/lib/api-types';

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

/** The markets list's filters as they live in its URL, so a list can be shared and survives a reload. */
export interface ListFilters {
  category: Category | '';
  status: MarketStatus | '';
  sort: MarketSort;
  q: string;
}

const LIST_STATUSES: MarketStatus[] = ['open', 'closed', 'resolved', 'cancelled'];
/** In the URL, "any status" is `status=any` (no `status` means the default, open markets). */
const ANY_STATUS = 'any';

/**
 * The list's filters from its URL's query (`?category=&status=&sort=&q=`): a missing or unknown
 * value means the default, so an old or hand-edited link still shows a list.
 */
export function listFiltersFromSearch(search: string): ListFilters {
  const params = new URLSearchParams(search);
  const category = params.get('category') ?? '';
  const status = params.get('status');
  const sort = params.get('sort') ?? '';
  return {
    category: (CATEGORIES as readonly string[]).includes(category)
      ? (category as Category)
      : DEFAULT_MARKET_FILTERS.category,
    status:
      status === ANY_STATUS
        ? ''
        : (LIST_STATUSES as string[]).includes(status ?? '')
          ? (status as MarketStatus)
          : DEFAULT_MARKET_FILTERS.status,
    sort: (MARKET_SORTS as string[]).includes(sort)
      ? (sort as MarketSort)
      : DEFAULT_MARKET_FILTERS.sort,
    q: (params.get('q') ?? '').slice(0, 200),
  };
}

/** The URL query of `filters` (`?…`, or '' when every filter is the default): only what differs. */
export function searchOfListFilters(filters: ListFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.status !== DEFAULT_MARKET_FILTERS.status)
    params.set('status', filters.status || ANY_STATUS);
  if (filters.sort !== DEFAULT_MARKET_FILTERS.sort) params.set('sort', filters.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}
