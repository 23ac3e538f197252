import { useState } from 'react';
import { IonButton } from '@ionic/react';
import { Link, useHistory, useLocation } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { formatRelative } from '@/lib/format';
import { isMessageKey, useI18n, type TFunction } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useActivity, type ActivityItem } from './api/get-activity';

const ICONS: Record<string, string> = {
  forecast_placed: '🎯',
  market_resolved: '✅',
  badge_earned: '🏅',
  market_created: '🆕',
  user_registered: '👋',
};

type Scope = 'all' | 'following';

export function ActivityPage() {
  const { t } = useI18n();
  const { user, isLoading } = useSession();
  const location = useLocation();
  const history = useHistory();
  const scope: Scope =
    new URLSearchParams(location.search).get('following') === 'true' ? 'following' : 'all';
  const [page, setPage] = useState(1);
  const following = scope === 'following';
  const query = useActivity(page, following, !following || !!user);
  const choose = (next: Scope) => {
    setPage(1);
    history.replace(next === 'following' ? '/activity?following=true' : '/activity');
  };
  return (
    <>
      <PageHeader title={t('activity.title')} />
      <PageBody>
        <div className="mb-3 flex gap-2" role="group" aria-label={t('social.feedScope')}>
          {(['all', 'following'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={`chip ${scope === s ? 'chip-active' : ''}`}
              aria-pressed={scope === s}
              onClick={() => choose(s)}
            >
              {s === 'all' ? t('social.feedAll') : t('social.feedFollowing')}
            </button>
          ))}
        </div>
        {following && !user && !isLoading ? (
          <EmptyState
            title={t('social.feedLogin')}
            action={
              <IonButton routerLink="/login?next=%2Factivity%3Ffollowing%3Dtrue">
                {t('auth.login')}
              </IonButton>
            }
          />
        ) : (
          <QueryView
            query={query}
            loading={<ListSkeleton count={4} />}
            empty={<EmptyState title={following ? t('social.feedEmpty') : t('activity.empty')} />}
          >
            {(res) => (
              <ul
                className="card divide-y divide-zinc-200 dark:divide-zinc-800"
                aria-label={t('activity.title')}
              >
                {res.data.map((a) => (
                  <ActivityRow key={a.id} item={a} />
                ))}
              </ul>
            )}
          </QueryView>
        )}
        <Pager pagination={query.data?.pagination} onPage={setPage} />
      </PageBody>
    </>
  );
}

/** The badge's name in the app's language when known, else the server's (English) name. */
function badgeName(item: ActivityItem, t: TFunction): string | null {
  const code = typeof item.metadata?.badge === 'string' ? item.metadata.badge : null;
  const key = code ? `badge.${code}` : '';
  if (isMessageKey(key)) return t(key);
  return typeof item.metadata?.name === 'string' ? item.metadata.name : code;
}

/** What happened, naming the outcome backed or chosen and the badge earned when the entry has them. */
export function activityText(item: ActivityItem, t: TFunction, user: string, market: string) {
  const outcome = item.outcome?.name;
  if (item.activity_type === 'forecast_placed' && outcome) {
    return t('activity.forecast_placed_on', { user, market, outcome });
  }
  if (item.activity_type === 'market_resolved' && outcome) {
    return t('activity.market_resolved_as', { market, outcome });
  }
  const badge = item.activity_type === 'badge_earned' ? badgeName(item, t) : null;
  if (badge) return t('activity.badge_earned_named', { user, badge });
  const key = `activity.${item.activity_type}`;
  return isMessageKey(key)
    ? t(key, { user, market })
    : t('activity.other', { user, type: item.activity_type.replace(/_/g, ' ') });
}

function ActivityRow({ item }: { item: ActivityItem }) {
  const { t, lang } = useI18n();
  const user = item.user?.display_name ?? t('activity.someone');
  const market = item.market?.title ?? '';
  const text = activityText(item, t, user, market);
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
        <p className="text-xs text-zinc-500">
          {item.user && (
            <>
              <Link
                to={`/u/${item.user.handle}`}
                className="text-inherit no-underline hover:underline"
              >
                @{item.user.handle}
              </Link>
              {' · '}
            </>
          )}
          {formatRelative(item.created_at, new Date(), lang)}
        </p>
      </div>
    </li>
  );
}
