import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { EmptyState, ErrorState, ListSkeleton } from '@/components/States';
import { formatRelative } from '@/lib/format';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useActivity, type ActivityItem } from './api/get-activity';

const ICONS: Record<string, string> = {
  forecast_placed: '🎯',
  market_resolved: '✅',
  badge_earned: '🏅',
  market_created: '🆕',
  user_registered: '👋',
};

export function ActivityPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const query = useActivity(page);
  const items = query.data?.data ?? [];
  return (
    <>
      <PageHeader title={t('activity.title')} />
      <PageBody>
        {query.isPending ? (
          <ListSkeleton count={4} />
        ) : query.isError ? (
          <ErrorState message={t('common.error')} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t('activity.empty')} />
        ) : (
          <ul
            className="card divide-y divide-zinc-200 dark:divide-zinc-800"
            aria-label={t('activity.title')}
          >
            {items.map((a) => (
              <ActivityRow key={a.id} item={a} />
            ))}
          </ul>
        )}
        <Pager pagination={query.data?.pagination} onPage={setPage} />
      </PageBody>
    </>
  );
}

function ActivityRow({ item }: { item: ActivityItem }) {
  const { t, lang } = useI18n();
  const key = `activity.${item.activity_type}`;
  const user = item.user?.display_name ?? t('activity.someone');
  const market = item.market?.title ?? '';
  const text = isMessageKey(key)
    ? t(key, { user, market })
    : t('activity.other', { user, type: item.activity_type.replace(/_/g, ' ') });
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <span className="text-xl" aria-hidden="true">
        {ICONS[item.activity_type] ?? '•'}
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          {item.market ? (
            <Link
              to={`/markets/${item.market.slug ?? item.market.id}`}
              className="no-underline hover:underline"
            >
              {text}
            </Link>
          ) : (
            text
          )}
        </p>
        <p className="text-xs text-zinc-500">{formatRelative(item.created_at, new Date(), lang)}</p>
      </div>
    </li>
  );
}
