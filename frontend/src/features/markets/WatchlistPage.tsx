import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useWatchlist } from './api/get-watchlist';
import { MarketCard } from './components/MarketCard';

/** /watchlist — the markets the user watches, most recently watched first. */
export function WatchlistPage() {
  const t = useT();
  const { user, isLoading } = useSession();
  const [page, setPage] = useState(1);
  const q = useWatchlist(!!user, page);
  return (
    <>
      <PageHeader title={t('watchlist.title')} backHref="/profile" />
      <PageBody wide>
        {isLoading ? (
          <ListSkeleton count={3} />
        ) : !user ? (
          <EmptyState
            title={t('watchlist.loginRequired')}
            action={<IonButton routerLink="/login?next=/watchlist">{t('auth.login')}</IonButton>}
          />
        ) : (
          <QueryView
            query={q}
            loading={<ListSkeleton count={3} />}
            empty={
              <EmptyState
                title={t('watchlist.empty')}
                hint={t('watchlist.emptyHint')}
                action={<IonButton routerLink="/markets">{t('common.goHome')}</IonButton>}
              />
            }
          >
            {(res) => (
              <>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="watchlist">
                  {res.data.map((m) => (
                    <MarketCard key={m.id} market={m} />
                  ))}
                </div>
                <Pager pagination={res.pagination} onPage={setPage} />
              </>
            )}
          </QueryView>
        )}
      </PageBody>
    </>
  );
}
