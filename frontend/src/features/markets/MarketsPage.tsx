import { IonButton, IonSpinner } from '@ionic/react';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useHistory, useLocation } from 'react-router-dom';
import { PageHeader } from '@/components/PageHeader';
import { PageBody } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { CATEGORIES, type Category, type MarketStatus } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { MARKET_SORTS, useMarkets, type MarketSort } from './api/get-markets';
import { listFiltersFromSearch, searchOfListFilters, type ListFilters } from './api/requests';
import { MarketCard } from './components/MarketCard';

const STATUSES: MarketStatus[] = ['open', 'closed', 'resolved', 'cancelled'];
/** Cards in the page's first render; the rest follow in a background render (shorter tasks). */
const FIRST_CARDS = 6;

export function MarketsPage() {
  const t = useT();
  // The filters live in the URL (?category=&status=&sort=&q=): a list can be shared, a reload keeps
  // it, and Back returns to the previous filters. Only the search box has state of its own, so
  // typing stays quick; its text reaches the URL when the typing pauses.
  const location = useLocation();
  const history = useHistory();
  const filters = useMemo(() => listFiltersFromSearch(location.search), [location.search]);
  const { category, status, sort } = filters;
  const [search, setSearch] = useState<string>(filters.q);
  const typed = useDebounced(search, 300);
  const written = useRef(filters.q);
  const show = (next: Partial<ListFilters>, how: 'push' | 'replace' = 'push') => {
    const target = {
      pathname: location.pathname,
      search: searchOfListFilters({ ...filters, ...next }),
    };
    if (how === 'push') history.push(target);
    else history.replace(target);
  };
  // Back/forward (or a link) changed the query: the search box follows.
  useEffect(() => {
    if (filters.q !== written.current) {
      written.current = filters.q;
      setSearch(filters.q);
    }
  }, [filters.q]);
  // Typing paused: the text goes into the URL, replacing the entry (not one entry per word).
  useEffect(() => {
    if (typed === written.current) return;
    written.current = typed;
    show({ q: typed }, 'replace');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new pause writes
  }, [typed]);
  const query = useMarkets({ category, q: filters.q, sort, status });
  const markets = query.data?.pages.flatMap((p) => p.data) ?? [];
  const shownCount = useDeferredValue(markets.length, Math.min(markets.length, FIRST_CARDS));
  const allShown = shownCount >= markets.length;
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  // Infinite scroll: load the next page when the end of the list comes into view.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <>
      <PageHeader title={t('markets.title')} langToggle />
      <PageBody wide>
        <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-center">
          <label className="flex-1">
            <span className="sr-only">{t('markets.search')}</span>
            <input
              type="search"
              className="pm-input"
              value={search}
              placeholder={t('markets.search')}
              onChange={(e) => setSearch(e.target.value)}
            />
          </label>
          <div className="grid grid-cols-2 gap-2 sm:flex sm:w-96">
            <label className="text-sm sm:flex-1">
              <span className="sr-only">{t('markets.statusFilter')}</span>
              <select
                className="pm-input"
                value={status}
                onChange={(e) => show({ status: e.target.value as MarketStatus | '' })}
              >
                <option value="">{t('markets.status.any')}</option>
                {STATUSES.map((st) => (
                  <option key={st} value={st}>
                    {t(`markets.status.${st}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm sm:flex-1">
              <span className="sr-only">{t('markets.sort')}</span>
              <select
                className="pm-input"
                value={sort}
                onChange={(e) => show({ sort: e.target.value as MarketSort })}
              >
                {MARKET_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`markets.sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
        <div
          className="-mx-3 mb-4 flex gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:px-0"
          role="group"
          aria-label={t('markets.categories')}
        >
          {(['', ...CATEGORIES] as const).map((c) => (
            <button
              key={c || 'all'}
              type="button"
              className={`chip ${category === c ? 'chip-active' : ''}`}
              aria-pressed={category === c}
              onClick={() => show({ category: c as Category | '' })}
            >
              {t(c ? `markets.category.${c}` : 'markets.category.all')}
            </button>
          ))}
        </div>

        <QueryView
          query={query}
          loading={<ListSkeleton count={6} />}
          errorText={t('markets.error')}
          empty={<EmptyState title={t('markets.empty')} hint={t('markets.emptyHint')} />}
        >
          {() => (
            <>
              <div
                className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3"
                data-testid="market-list"
              >
                {markets.slice(0, shownCount).map((m) => (
                  <MarketCard key={m.id} market={m} />
                ))}
              </div>
              {query.hasNextPage && allShown && (
                <div className="mt-4 flex justify-center" ref={sentinel}>
                  <IonButton
                    fill="outline"
                    disabled={query.isFetchingNextPage}
                    onClick={() => void query.fetchNextPage()}
                  >
                    {query.isFetchingNextPage ? <IonSpinner name="dots" /> : t('common.loadMore')}
                  </IonButton>
                </div>
              )}
            </>
          )}
        </QueryView>
      </PageBody>
    </>
  );
}
