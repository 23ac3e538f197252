import { IonButton } from '@ionic/react';
import { useState } from 'react';
import { Redirect, useParams } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { ShareButtons } from '@/components/ShareButtons';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton, Skeleton } from '@/components/States';
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
        {/* Once found, the page above redirects: the data itself is never shown here. */}
        <QueryView query={user} loading={<ListSkeleton count={2} />} renderError={notFound}>
          {() => null}
        </QueryView>
      </PageBody>
    </>
  );
}

/** "No such forecaster" for an unknown handle or id; other errors keep Retry. */
function notFound(error: unknown) {
  return isApiError(error) && (error.status === 404 || error.status === 400) ? (
    <ProfileNotFound />
  ) : null;
}

function ProfileNotFound() {
  const t = useT();
  return (
    <EmptyState
      title={t('profile.notFound')}
      action={<IonButton routerLink="/leaderboard">{t('tab.leaderboard')}</IonButton>}
    />
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
        <QueryView query={user} loading={<ListSkeleton count={2} />} renderError={notFound}>
          {(profile) => (
            <>
              <Section>
                <ProfileHeader
                  name={profile.display_name}
                  subtitle={`@${profile.handle}`}
                  createdAt={profile.created_at}
                  bio={profile.bio}
                />
                <FollowBar profile={profile} />
                <StatsTiles reputation={profile.reputation} stats={stats.data} />
              </Section>
              {stats.data?.calibration && <Calibration buckets={stats.data.calibration} />}
              <PublicForecasts id={profile.id} />
              <Section title={t('profile.badges')}>
                <BadgeList badges={profile.badges} />
              </Section>
              {/* The server gives this link its card (name, reputation, rank, badges) for Facebook and Messenger. */}
              <Section title={t('social.shareProfile')}>
                <ShareButtons
                  url={`${window.location.origin}/u/${profile.handle}`}
                  text={t('social.shareProfileText', { name: profile.display_name })}
                />
              </Section>
            </>
          )}
        </QueryView>
      </PageBody>
    </>
  );
}

/** The user's forecasts, newest first. */
function PublicForecasts({ id }: { id: string }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const q = useUserForecasts(id, page);
  return (
    <Section title={t('profile.forecasts')}>
      <QueryView
        query={q}
        loading={<Skeleton className="h-16 w-full" />}
        empty={
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t('profile.noPublicForecasts')}
          </p>
        }
      >
        {(res) => <ForecastList items={res.data} />}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
