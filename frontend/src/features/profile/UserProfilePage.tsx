import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Redirect, useParams } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { EmptyState, ErrorState, ListSkeleton, Skeleton } from '@/components/States';
import { isApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { useUser, useUserByHandle } from './api/get-user';
import { useUserForecasts } from './api/get-user-forecasts';
import { useUserStats } from './api/get-user-stats';
import { Calibration } from './components/Calibration';
import { FollowBar } from './components/FollowBar';
import { ForecastList } from './components/ForecastList';
import { BadgeList, ProfileHeader } from './components/ProfileHeader';
import { StatsTiles } from './components/StatsTiles';

/** /users/:id — an old profile link: finds the forecaster's handle and moves to /u/:handle. */
export function UserRedirectPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const user = useUser(id);
  if (user.data) return <Redirect to={`/u/${user.data.handle}`} />;
  return (
    <>
      <PageHeader title={t('profile.publicTitle')} backHref="/leaderboard" />
      <PageBody>
        {user.isError ? (
          <NotFoundOrError error={user.error} onRetry={() => void user.refetch()} />
        ) : (
          <ListSkeleton count={2} />
        )}
      </PageBody>
    </>
  );
}

function NotFoundOrError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return isApiError(error) && (error.status === 404 || error.status === 400) ? (
    <EmptyState
      title={t('profile.notFound')}
      action={<IonButton routerLink="/leaderboard">{t('tab.leaderboard')}</IonButton>}
    />
  ) : (
    <ErrorState message={t('common.error')} onRetry={onRetry} />
  );
}

/** /u/:handle — a forecaster's public profile: reputation, stats, calibration, forecasts. */
export function UserProfilePage() {
  const t = useT();
  const { handle } = useParams<{ handle: string }>();
  const user = useUserByHandle(handle);
  const id = user.data?.id;
  const stats = useUserStats(id);
  return (
    <>
      <PageHeader title={t('profile.publicTitle')} backHref="/leaderboard" />
      <PageBody>
        {user.isPending ? (
          <ListSkeleton count={2} />
        ) : user.isError ? (
          <NotFoundOrError error={user.error} onRetry={() => void user.refetch()} />
        ) : (
          <>
            <Section>
              <ProfileHeader
                name={user.data.display_name}
                subtitle={`@${user.data.handle}`}
                createdAt={user.data.created_at}
                bio={user.data.bio}
              />
              <FollowBar profile={user.data} />
              <StatsTiles reputation={user.data.reputation} stats={stats.data} />
            </Section>
            {stats.data?.calibration && <Calibration buckets={stats.data.calibration} />}
            <PublicForecasts id={user.data.id} />
            <Section title={t('profile.badges')}>
              <BadgeList badges={user.data.badges} />
            </Section>
          </>
        )}
      </PageBody>
    </>
  );
}

/** The user's forecasts, newest first. */
function PublicForecasts({ id }: { id: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useUserForecasts(id, page);
  const items = q.data?.data ?? [];
  return (
    <Section title={t('profile.forecasts')}>
      {q.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : q.isError ? (
        <ErrorState message={t('common.error')} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('profile.noPublicForecasts')}</p>
      ) : (
        <ForecastList items={items} />
      )}
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
